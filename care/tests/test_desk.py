"""The directorate's desk, page by page, and the dashboard."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from care import licensing
from care.models import FacilityStatus, LicenceState, Stage
from care.tests.conftest import walk_inspection

pytestmark = pytest.mark.django_db


def test_an_officer_takes_an_application_to_a_licence_through_the_pages(
    client, sign_in, nursery, officer, inspector
):
    application = licensing.apply(nursery, by=officer)
    url = reverse("care:application_desk", args=[application.pk])
    sign_in(client, officer)
    client.post(url, {"action": "documents", "complete": "no", "missing": ""})
    application.refresh_from_db()
    assert application.stage == Stage.SUBMITTED  # nothing said: nothing changes
    client.post(url, {"action": "documents", "complete": "yes"})
    client.post(url, {"action": "fee", "fee": "paid", "reference": "REC-9"})
    client.post(
        url,
        {
            "action": "schedule",
            "inspector": inspector.pk,
            "due_on": (timezone.localdate() + timedelta(days=2)).isoformat(),
        },
    )
    inspection = application.inspections.get()
    sign_in(client, inspector)
    assert walk_inspection(client, inspection).status_code == 302
    sign_in(client, officer)
    client.post(
        url, {"action": "decide", "decision": "conditional", "reasons": "", "confirm": "on"}
    )
    application.refresh_from_db()
    assert application.stage == Stage.INSPECTED  # a conditional licence needs reasons
    client.post(
        url,
        {
            "action": "decide",
            "decision": "conditional",
            "reasons": "تركيب سور للسلم",
            "condition_deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
            "confirm": "on",
        },
    )
    nursery.refresh_from_db()
    assert nursery.status == FacilityStatus.LICENSED and nursery.licences.get().conditional


def test_a_licence_is_suspended_from_the_facilitys_file_and_others_cannot(
    client, sign_in, nursery, officer, licensed, make_user
):
    url = reverse("care:facility_desk", args=[nursery.pk])
    cairo = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    refused = sign_in(client, cairo).get(url)
    assert refused.status_code == 403 and "الإسكندرية" in refused.content.decode()
    auditor = make_user(Role.AUDITOR)
    assert sign_in(client, auditor).get(url).status_code == 200
    assert client.post(url, {"form": "withdraw"}).status_code == 403
    sign_in(client, officer)
    client.post(url, {"form": "withdraw", "action": "suspend", "reason": "خطر", "confirm": "on"})
    licensed.refresh_from_db()
    assert licensed.state == LicenceState.SUSPENDED


def test_the_dashboard_counts_by_governorate_and_stage(
    client, sign_in, nursery, licensed, make_user
):
    page = sign_in(client, make_user(Role.CENTRAL_OFFICER)).get(reverse("care:dashboard"))
    text = page.content.decode()
    assert "الإسكندرية" in text and "<meter" in text
    assert "حُدد موعد التفتيش" in text or "مُقدَّم" in text  # steps by name, not code
    assert "inspection_scheduled" not in text
    assert (
        sign_in(client, make_user(Role.CITIZEN)).get(reverse("care:dashboard")).status_code == 403
    )
