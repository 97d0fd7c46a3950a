"""From application to licence to renewal, and from a serious violation to suspension;
the public check; what an inspector sees."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from care import inspections, licensing
from care.inspections import Finding
from care.models import (
    Facility,
    FacilityStatus,
    Fee,
    LicenceState,
    Result,
    Severity,
    StaffMember,
    Stage,
    ViolationState,
)
from care.tests.conftest import all_met
from core.errors import ActionError
from core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_from_application_to_licence_to_renewal(nursery, officer, inspector, licensed):
    nursery.refresh_from_db()
    assert licensed.number == "02-1-000001" and nursery.status == FacilityStatus.LICENSED
    assert licensed.valid_until == licensed.issued_on.replace(
        year=licensed.issued_on.year + 3
    ) - timedelta(days=1)
    assert nursery.licence_is_valid

    # Near the end of its validity the licence is due for renewal; renewing keeps the number.
    soon = licensed.valid_until - timedelta(days=30)
    assert licensed in licensing.due_for_renewal(soon)
    renewal = licensing.apply(nursery, by=officer, renewal=True)
    licensing.review_documents(renewal, by=officer, complete=True)
    licensing.record_fee(renewal, by=officer, fee=Fee.WAIVED, reference="جمعية أهلية")
    visit = licensing.schedule_inspection(
        renewal, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    inspections.record(visit, by=inspector, answers=all_met(nursery), findings=[])
    renewed = licensing.decide(renewal, "licence", by=officer)
    licensed.refresh_from_db()
    assert renewed.number == licensed.number and licensed.state == LicenceState.REPLACED
    assert renewed.valid_until > licensed.valid_until
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"care.application_submitted", "care.inspection_recorded", "care.decision_licence"} <= (
        actions
    )


def test_each_step_only_in_its_turn_and_refusals_say_why(nursery, officer, inspector):
    application = licensing.apply(nursery, by=officer)
    with pytest.raises(ActionError):  # no inspection before the documents are complete
        licensing.schedule_inspection(
            application, by=officer, inspector=inspector, due_on=timezone.localdate()
        )
    with pytest.raises(ActionError, match="اذكر الناقص"):
        licensing.review_documents(application, by=officer, complete=False, missing=" ")
    licensing.review_documents(
        application, by=officer, complete=False, missing="شهادة الحماية المدنية منتهية"
    )
    application.refresh_from_db()
    assert application.stage == Stage.MISSING_DOCUMENTS
    elsewhere = type(inspector).objects.create_user(
        username="cairo-inspector", role=Role.INSPECTOR, governorate_id="01"
    )
    licensing.review_documents(application, by=officer, complete=True)
    with pytest.raises(ActionError, match="مفتشًا من محافظة المنشأة"):
        licensing.schedule_inspection(
            application, by=officer, inspector=elsewhere, due_on=timezone.localdate()
        )


def test_a_serious_violation_leads_to_suspension_and_the_public_sees_it(
    client, nursery, officer, inspector, licensed
):
    visit = inspections.schedule_follow_up(
        licensed.application.inspections.get(),
        by=officer,
        inspector=inspector,
        due_on=timezone.localdate(),
    )
    inspections.record(
        visit,
        by=inspector,
        answers=all_met(nursery),
        findings=[
            Finding(
                Severity.SERIOUS,
                "سلك كهرباء مكشوف في غرفة نوم الأطفال",
                timezone.localdate() + timedelta(days=2),
            )
        ],
    )
    nursery.refresh_from_db()
    assert nursery.last_inspection_result == Result.FAILED and nursery.open_serious_violations == 1
    licensing.suspend(nursery, by=officer, reason="خطر كهرباء على الأطفال")
    page = client.get(reverse("care:facility", args=[nursery.pk])).content.decode()
    assert "موقوف" in page and "سلك كهرباء مكشوف" in page

    # The follow-up sees it corrected: the violation closes, the licence is reinstated.
    again = inspections.schedule_follow_up(
        visit, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    serious = nursery.violations.get()
    inspections.record(
        again, by=inspector, answers=all_met(nursery), findings=[], corrected={serious.pk}
    )
    serious.refresh_from_db()
    assert serious.state == ViolationState.CORRECTED
    licensing.reinstate(nursery, by=officer, reason="تم إصلاح الكهرباء")
    nursery.refresh_from_db()
    assert nursery.status == FacilityStatus.LICENSED and nursery.open_serious_violations == 0


@pytest.mark.parametrize("typed", ["02-1-000001", "٠٢-١-٠٠٠٠٠١", "02 1 000001", "021000001"])
def test_a_licence_number_typed_any_way_finds_the_facility(client, licensed, typed):
    page = client.get(reverse("care:check"), {"number": typed}).content.decode()
    assert "حضانة براعم النور" in page and "مرخصة" in page


def test_an_unknown_number_says_so_plainly(client, licensed):
    page = client.get(reverse("care:check"), {"number": "99-9-999999"}).content.decode()
    assert "لا توجد منشأة برقم الترخيص" in page
    assert client.get(reverse("care:verify", args=["999999999"])).status_code == 404


def test_a_revoked_or_expired_licence_says_so(client, nursery, officer, licensed):
    Facility.objects.filter(pk=nursery.pk).update(
        licence_valid_until=timezone.localdate() - timedelta(days=1)
    )
    licensed.valid_until = timezone.localdate() - timedelta(days=1)
    licensed.save()
    page = client.get(reverse("care:verify", args=[licensed.key])).content.decode()
    assert "انتهى" in page and "غير سارٍ" in page
    licensing.revoke(nursery, by=officer, reason="تشغيل أطفال")
    page = client.get(reverse("care:verify", args=[licensed.key])).content.decode()
    assert "أُلغي" in page


def test_the_public_page_shows_no_staff(client, nursery, licensed):
    StaffMember.objects.create(facility=nursery, name="سعاد المشرفة", role="مشرفة")
    page = client.get(reverse("care:facility", args=[nursery.pk])).content.decode()
    assert "سعاد" not in page and "60" in page


def test_an_inspector_sees_only_their_inspections_in_their_governorate(
    client, sign_in, nursery, officer, inspector, make_user
):
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    other = make_user(Role.INSPECTOR, governorate="02")
    sign_in(client, other)
    assert nursery.name_ar not in client.get(reverse("care:my_inspections")).content.decode()
    assert client.get(reverse("care:inspection", args=[inspection.pk])).status_code == 404
    sign_in(client, inspector)
    assert nursery.name_ar in client.get(reverse("care:my_inspections")).content.decode()
    assert Facility.objects.for_inspector(inspector).get() == nursery
    assert not Facility.objects.for_inspector(other).exists()
    sign_in(client, make_user(Role.CITIZEN))
    assert client.get(reverse("care:my_inspections")).status_code == 403


def test_the_inspectors_phone_form_sends_a_report(client, sign_in, nursery, officer, inspector):
    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    sign_in(client, inspector)
    url = reverse("care:inspection", args=[inspection.pk])
    page = client.get(url).content.decode()
    assert "أرسل تقرير التفتيش" in page and 'type="radio"' in page
    items = list(inspections.checklist(nursery))
    data = {f"score_{item.pk}": "met" for item in items}
    data[f"score_{items[0].pk}"] = "partly"
    data["v0_severity"] = "minor"
    data["v0_description"] = ""  # forgotten: the form says so and keeps the rest
    data["v0_correct_by"] = (timezone.localdate() + timedelta(days=7)).isoformat()
    response = client.post(url, data)
    assert response.status_code == 200 and "اذكر ما وُجد" in response.content.decode()
    data["v0_description"] = "سجل التطعيمات ناقص"
    assert client.post(url, data).status_code == 302
    inspection.refresh_from_db()
    application.refresh_from_db()
    assert inspection.result == Result.PASSED_WITH_REMARKS
    assert application.stage == Stage.INSPECTED and nursery.violations.count() == 1


def test_an_inspectors_photo_is_cleaned_and_shown_only_to_those_in_charge(
    client, sign_in, nursery, officer, inspector, make_user
):
    from core.tests.files import jpeg_with_gps

    application = licensing.apply(nursery, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    inspection = licensing.schedule_inspection(
        application, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    items = list(inspections.checklist(nursery))
    data = {f"score_{item.pk}": "met" for item in items}
    data[f"photo_{items[0].pk}"] = jpeg_with_gps()
    sign_in(client, inspector)
    assert client.post(reverse("care:inspection", args=[inspection.pk]), data).status_code == 302
    photo = inspection.photos.get()
    with photo.file.open("rb") as stored:
        assert b"PhoneMaker" not in stored.read()  # the phone's metadata (and GPS) is gone
    url = reverse("care:photo", args=[photo.pk])
    response = sign_in(client, officer).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content)
    cairo = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    assert sign_in(client, cairo).get(url).status_code == 404
