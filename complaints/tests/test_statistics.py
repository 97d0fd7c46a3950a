import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from complaints import actions, statistics
from complaints.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def month_of_cases(new_case, make_user):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    cases = [new_case(governorate="02").case for _ in range(6)]
    cases.append(new_case(governorate="01", category="nurseries").case)
    for case in cases[:5]:
        actions.assign(case, by=officer, reason="x")
        actions.reply(case, "تم", by=officer, final=True)
    hours = [2, 3, 5, 8, 40]
    for case, spent in zip(cases[:5], hours, strict=True):
        Case.objects.filter(pk=case.pk).update(
            answer_working_hours=spent, answered_on_time=spent < 30
        )
    return cases


def test_counts_medians_and_on_time_share(month_of_cases):
    figures = statistics.compute(statistics.month_start(timezone.localdate()))
    assert figures["received"] == 7 and figures["answered"] == 5
    assert figures["median_working_hours_to_answer"] == 5
    assert figures["answered_on_time_share"] == 0.8
    assert figures["by"]["governorate"] == {"01": None, "02": 6}  # one case: suppressed
    assert figures["by"]["category"]["nurseries"] is None


def test_the_public_page_and_downloads_carry_no_personal_data(client, month_of_cases):
    page = client.get(reverse("complaints:statistics")).content.decode()
    assert "&lt;5" in page and "منى" not in page
    data = client.get(reverse("complaints:statistics_json")).json()
    assert data["suppressed_below"] == 5 and data["months"][0]["received"] == 7
    text = client.get(reverse("complaints:statistics_csv")).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"month", "dimension", "value", "count"} == set(rows[0])
    governorate_01 = next(r for r in rows if r["dimension"] == "governorate" and r["value"] == "01")
    assert governorate_01["count"] == ""
    assert "1001234567" not in text and "2900101" not in text


def test_past_months_are_served_from_the_stored_figures(
    client, month_of_cases, django_assert_max_num_queries
):
    client.get(reverse("complaints:statistics"))
    with django_assert_max_num_queries(20):
        client.get(reverse("complaints:statistics"))


def test_an_empty_month_shows_zero_not_a_suppressed_cell(db):
    figures = statistics.compute(statistics.month_start(timezone.localdate()))
    assert figures["received"] == 0 and figures["answered"] == 0
