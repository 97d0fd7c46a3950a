from decimal import Decimal

import pytest
from django.urls import reverse

from fund.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


def _step(application, step):
    return reverse("fund:step", args=[application.pk, step])


def test_a_member_writes_an_application_in_steps_and_submits_it(
    client, sign_in, open_call, applicant
):
    organization, member = applicant
    sign_in(client, member)
    page = client.get(reverse("fund:call", args=[open_call.code])).content.decode()
    assert "الأثر" in page and organization.name_ar in page
    response = client.post(
        reverse("fund:apply", args=[open_call.code]), {"organization": organization.pk}
    )
    application = Application.objects.get(call=open_call, organization=organization)
    assert response.url == _step(application, "project")

    client.post(
        _step(application, "project"),
        {"title": "منصة تطوع", "summary": "ربط المتطوعين بالأسر.", "requested_amount": "١٠٠٬٠٠٠"},
    )
    application.refresh_from_db()
    assert application.requested_amount == Decimal("100000.00")

    lines = {
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-0-kind": "activities",
        "lines-0-description": "ورش عمل",
        "lines-0-amount": "95,000",
        "lines-1-kind": "administration",
        "lines-1-description": "إيجار",
        "lines-1-amount": "5000",
    }
    response = client.post(_step(application, "budget"), lines)
    assert response.status_code == 302 and application.budget_lines.count() == 2

    rows = {
        "rows-TOTAL_FORMS": "2",
        "rows-INITIAL_FORMS": "0",
        "rows-0-outcome": "أسر أكثر تصلها الخدمة",
        "rows-0-indicator": "عدد الأسر",
        "rows-0-unit": "أسرة",
        "rows-0-baseline": "0",
        "rows-0-target": "٣٠٠",  # Arabic-Indic digits
        "rows-1-outcome": "أسر أكثر تصلها الخدمة",
        "rows-1-indicator": "عدد المتطوعين",
        "rows-1-unit": "متطوع",
        "rows-1-baseline": "10",
        "rows-1-target": "120",
    }
    client.post(_step(application, "results"), rows)
    assert application.outcomes.count() == 1
    assert application.outcomes.get().indicators.count() == 2
    assert application.outcomes.get().indicators.order_by("pk").first().target == 300

    client.post(_step(application, "submit"))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    again = client.post(_step(application, "submit"), follow=True)  # a double click
    assert again.status_code == 200
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_the_check_step_lists_what_is_missing_and_bad_amounts_keep_the_draft(
    client, sign_in, complete_draft
):
    member = complete_draft.created_by
    sign_in(client, member)
    response = client.post(
        _step(complete_draft, "project"),
        {"title": "x", "summary": "y", "requested_amount": "-50"},
    )
    assert response.status_code == 200 and "requested_amount" in response.context["form"].errors
    complete_draft.refresh_from_db()
    assert complete_draft.requested_amount == Decimal("200000")  # the saved value stays
    complete_draft.budget_lines.filter(kind="administration").update(amount=50000)
    page = client.get(_step(complete_draft, "submit")).content.decode()
    assert "21.3%" in page and 'type="submit"' not in page.split('role="alert"')[1]


def test_nobody_else_opens_an_organizations_application(
    client, sign_in, complete_draft, make_organization, make_member, make_user
):
    stranger = make_member(make_organization("جمعية أخرى"))
    for user in (stranger, make_user("fund_officer"), make_user("citizen")):
        sign_in(client, user)
        assert client.get(_step(complete_draft, "project")).status_code == 404
        client.logout()
    assert client.get(_step(complete_draft, "project")).status_code == 302  # to sign in
