import json
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.models import Role
from fund import applications
from fund.models import ApplicationStatus, Assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(complete_draft):
    applications.submit(complete_draft, by=complete_draft.created_by)
    return complete_draft


def test_from_submission_to_award_and_the_open_data(client, sign_in, make_user, submitted):
    officer = make_user(Role.FUND_OFFICER)
    reviewers = [make_user(Role.REVIEWER) for _ in range(2)]
    detail = reverse("fund:staff_application", args=[submitted.pk])

    sign_in(client, officer)
    listing = client.get(reverse("fund:staff_applications"), {"status": "submitted"})
    assert submitted.title in listing.content.decode()
    client.post(detail, {"action": "screen", "outcome": "in_review", "note": ""})
    client.post(detail, {"action": "assign", "count": "2"})
    assert Assignment.objects.filter(application=submitted).count() == 2
    client.logout()

    for reviewer, scores in zip(reviewers, (("٩", "8"), ("7", "٧٫٠")), strict=True):
        assignment = Assignment.objects.get(application=submitted, reviewer=reviewer)
        page = reverse("fund:review", args=[assignment.pk])
        sign_in(client, reviewer)
        assert "الاستدامة" not in client.get(page).content.decode()  # the declaration comes first
        client.post(page, {"answer": "none", "note": ""})
        criteria = list(submitted.call.criteria.all())
        form = {}
        for criterion, value in zip(criteria, scores, strict=True):
            form[f"c{criterion.pk}-value"] = value
            form[f"c{criterion.pk}-comment"] = "مقترح واضح"
        client.post(page, {**form, "finish": "1"})
        assert "أنهيت هذا التقييم" in client.get(page).content.decode()
        client.logout()

    sign_in(client, officer)
    ranking = client.get(reverse("fund:ranking", args=[submitted.call.code]))
    assert submitted.title in ranking.content.decode()
    assert ranking.context["page"].object_list[0].mean == Decimal("78.0")  # (86 + 70) / 2
    client.post(
        detail,
        {
            "action": "decide",
            "decision": "fund",
            "reason": "أعلى درجة في الإعلان",
            "starts_on": "2027-01-01",
            "ends_on": "2027-12-31",
            "confirm": "on",
        },
    )
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.FUNDED and submitted.grant.amount_awarded == 200000
    package = json.loads(b"".join(client.get("/fund/grants-360giving.json").streaming_content))
    assert package["grants"][0]["amountAwarded"] == 200000


def test_each_role_reaches_only_its_pages(client, sign_in, make_user, submitted):
    pages = {
        "officer": reverse("fund:staff_applications"),
        "detail": reverse("fund:staff_application", args=[submitted.pk]),
        "reviews": reverse("fund:my_reviews"),
    }
    allowed = {
        Role.FUND_OFFICER: {"officer", "detail"},
        Role.AUDITOR: {"officer", "detail"},
        Role.REVIEWER: {"reviews"},
        Role.ORGANIZATION_MEMBER: set(),
        Role.DIRECTORATE_OFFICER: set(),
        Role.CITIZEN: set(),
    }
    for role, reachable in allowed.items():
        user = make_user(role, governorate="02" if role == Role.DIRECTORATE_OFFICER else None)
        sign_in(client, user)
        for name, url in pages.items():
            status = client.get(url).status_code
            assert (status == 200) == (name in reachable), (role, name, status)
        client.logout()


def test_an_auditor_reads_but_cannot_act(client, sign_in, make_user, submitted):
    sign_in(client, make_user(Role.AUDITOR))
    detail = reverse("fund:staff_application", args=[submitted.pk])
    assert (
        client.post(detail, {"action": "screen", "outcome": "ineligible", "note": "x"}).status_code
        == 403
    )
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED
