from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from care import inspections, licensing
from care.models import Facility, FacilityKind, Fee, Score


@pytest.fixture
def inspector(make_user):
    return make_user(Role.INSPECTOR, governorate="02")


@pytest.fixture
def officer(make_user):
    return make_user(Role.DIRECTORATE_OFFICER, governorate="02")


@pytest.fixture
def nursery(db, make_organization):
    return Facility.objects.create(
        kind=FacilityKind.NURSERY,
        name_ar="حضانة براعم النور",
        name_en="Baraem El Nour Nursery",
        organization=make_organization("جمعية النور", governorate="02"),
        governorate_id="02",
        address="١٢ شارع الجيش، المنتزه",
        capacity=60,
        age_groups={"0-2": 20, "2-4": 40},
    )


def all_met(facility):
    return {item.pk: (Score.MET, "") for item in inspections.checklist(facility)}


@pytest.fixture
def licensed(nursery, officer, inspector):
    """A nursery taken through every step to a licence."""
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    licensing.record_fee(application, by=officer, fee=Fee.PAID, reference="REC-1")
    inspection = licensing.schedule_inspection(
        application,
        by=officer,
        inspector=inspector,
        due_on=timezone.localdate() + timedelta(days=3),
    )
    inspections.record(inspection, by=inspector, answers=all_met(nursery), findings=[])
    return licensing.decide(application, "licence", by=officer)


def walk_inspection(client, inspection, *, scores=None, photos=None, findings=()):
    """Record an inspection as the inspector's phone does: each section on its page (every
    item met unless ``scores`` says otherwise), then send it from the check page."""
    from django.urls import reverse

    scores, photos = scores or {}, photos or {}
    for section in inspections.sections(inspection.facility):
        url = reverse("care:inspection_section", args=[inspection.pk, section.code])
        if section.code == inspections.FINDINGS:
            data = {"findings-TOTAL_FORMS": str(len(findings)), "findings-INITIAL_FORMS": "0"}
            for n, finding in enumerate(findings):
                data |= {f"findings-{n}-{key}": value for key, value in finding.items()}
        else:
            data = {f"score_{i.pk}": scores.get(i.pk, Score.MET) for i in section.items}
            data |= {f"photo_{i.pk}": photos[i.pk] for i in section.items if i.pk in photos}
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[-3000:]
    return client.post(reverse("care:inspection_check", args=[inspection.pk]))
