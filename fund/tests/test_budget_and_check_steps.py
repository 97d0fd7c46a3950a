"""The budget step takes lines the person adds and removes (no blank line is ever
required) with a running total against the amount asked; check-and-submit shows every
answer with a way back to its step, and each reason it cannot be submitted yet leads
to the step that fixes it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from fund.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client, sign_in, open_call, applicant):
    organization, member = applicant
    sign_in(client, member)
    return Application.objects.create(
        call=open_call,
        organization=organization,
        created_by=member,
        title="منصة تطوع",
        summary="ربط المتطوعين بالأسر.",
        requested_amount=Decimal("200000"),
    )


def _url(application, step):
    return reverse("fund:step", args=[application.pk, step])


def _line(index, kind="", description="", amount=""):
    return {
        f"lines-{index}-kind": kind,
        f"lines-{index}-description": description,
        f"lines-{index}-amount": amount,
    }


def _management(total, initial=0):
    return {"lines-TOTAL_FORMS": str(total), "lines-INITIAL_FORMS": str(initial)}


def test_a_new_budget_starts_with_one_line_and_a_blank_line_is_never_required(client, draft):
    page = client.get(_url(draft, "budget"))
    assert page.context["formset"].total_form_count() == 1
    data = {**_management(2), **_line(0, "activities", "ورش", "١٥٠٬٠٠٠"), **_line(1)}
    response = client.post(_url(draft, "budget"), data)
    assert response.status_code == 302
    assert list(draft.budget_lines.values_list("amount", flat=True)) == [Decimal("150000")]
    # Coming back adds no blank line that would have to be filled or deleted.
    assert client.get(_url(draft, "budget")).context["formset"].total_form_count() == 1


def test_adding_a_line_keeps_what_was_typed_and_judges_nothing_yet(client, draft):
    data = {**_management(1), **_line(0, "activities", "ورش", "")}
    page = client.post(_url(draft, "budget"), {**data, "add-row": "1"})
    assert page.status_code == 200 and page.context["formset"].total_form_count() == 2
    html = page.content.decode()
    assert 'value="ورش"' in html and "توجد مشكلة" not in html
    assert not draft.budget_lines.exists()


def test_removing_a_line_deletes_it_when_saved(client, draft):
    line = draft.budget_lines.create(kind="activities", description="ورش", amount=100000)
    other = draft.budget_lines.create(kind="equipment", description="حواسيب", amount=100000)
    data = {
        **_management(2, initial=2),
        "lines-0-id": line.pk,
        **_line(0, "activities", "ورش", "100000"),
        "lines-1-id": other.pk,
        **_line(1, "equipment", "حواسيب", "100000"),
    }
    html = client.post(_url(draft, "budget"), {**data, "remove-row": "1"}).content.decode()
    # Gone from the page, and nothing deleted until the person saves: the removal rides
    # along as a hidden field.
    assert 'value="حواسيب"' not in html and draft.budget_lines.count() == 2
    assert '<input type="hidden" name="lines-1-DELETE" value="on"' in html
    client.post(_url(draft, "budget"), {**data, "lines-1-DELETE": "on"})
    assert list(draft.budget_lines.values_list("description", flat=True)) == ["ورش"]


def test_the_step_says_what_the_lines_add_up_to_against_the_amount_asked(client, draft):
    draft.budget_lines.create(kind="activities", description="ورش", amount=150000)
    html = client.get(_url(draft, "budget")).content.decode()
    assert "150,000.00" in html and "200,000.00" in html and "50,000.00" in html
    assert 'data-when="under">' in html
    over = {**_management(1), **_line(0, "activities", "ورش", "250000"), "add-row": "1"}
    html = client.post(_url(draft, "budget"), over).content.decode()
    assert 'data-when="over">' in html and "50,000.00" in html


def test_check_and_submit_shows_every_answer_with_a_way_back(client, complete_draft, sign_in):
    sign_in(client, complete_draft.created_by)
    html = client.get(_url(complete_draft, "submit")).content.decode()
    assert "منصة تطوع رقمية" in html and "ربط المتطوعين بالأسر" in html
    assert "عدد الأسر المخدومة" in html and "90,000.00" in html
    for step in ("project", "budget", "results", "documents"):
        assert f'href="{_url(complete_draft, step)}"' in html


def test_each_reason_it_cannot_be_submitted_leads_to_its_step(client, complete_draft, sign_in):
    sign_in(client, complete_draft.created_by)
    complete_draft.budget_lines.filter(kind="equipment").delete()  # no longer adds up
    complete_draft.outcomes.all().delete()
    page = client.get(_url(complete_draft, "submit"))
    reasons = page.context["reasons"]
    assert {reason.step for reason in reasons} >= {"budget", "results"}
    html = page.content.decode()
    assert f'<a href="{_url(complete_draft, "budget")}">' in html
    assert f'<a href="{_url(complete_draft, "results")}">' in html


def test_a_mistake_in_one_line_is_named_by_its_line_in_the_error_summary(client, draft):
    data = {
        **_management(3),
        **_line(0, "activities", "ورش", "100000"),
        **_line(1),  # left empty: left out, and not counted
        **_line(2, "equipment", "", "50000"),
    }
    html = client.post(_url(draft, "budget"), data).content.decode()
    # The summary names the line as its legend does: "Description" alone would not say
    # which of the lines lacks one.
    assert "<legend>البند 3</legend>" in html
    assert '<a href="#id_lines-2-description"><bdi>البند 3 · الوصف</bdi>' in html
