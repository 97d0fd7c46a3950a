"""The fund: an officer screens an application and assigns reviewers; a reviewer declares
no conflict and scores it to the finish; the officer reads the ranking, records the
committee's award, plans it in two tranches and approves the association's report."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from fund import money_flow, review
from fund.models import ApplicationStatus, ReportStatus, Tranche
from fund.tests.builders import submitted_application
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say

pytestmark = BROWSER_TESTS
ARABIC_INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")


@pytest.fixture
def application(make_organization, make_member):
    organization = make_organization("جمعية سند الأسرة بطنطا", governorate="16")
    member = make_member(organization)
    _call, application = submitted_application(organization, member)
    return application, member


def _second_reviewer_finishes(assignment):
    review.declare(assignment, conflict=False, by=assignment.reviewer)
    for criterion in assignment.application.call.criteria.all():
        review.score(assignment, criterion, 7, by=assignment.reviewer)
    review.finish(assignment, by=assignment.reviewer)


@DEVICES
def test_screened_reviewed_ranked_funded_in_two_tranches_and_reported(
    browser, live_server, device, application, signed_in_browser, make_user
):
    language = device[0]
    application, member = application
    officer = make_user(Role.FUND_OFFICER)
    first, second = make_user(Role.REVIEWER), make_user(Role.REVIEWER)
    person = Person(browser, live_server, device, "fund")

    # Screening: "not eligible" needs a reason the applicant reads; then eligible.
    signed_in_browser(officer)
    person.visit("/fund/staff/applications/")
    person.follow(f"/fund/staff/applications/{application.pk}/")
    person.choose("outcome", ApplicationStatus.INELIGIBLE)
    person.press("input[value=screen] ~ .actions button")
    person.error_summary()
    person.choose("outcome", ApplicationStatus.IN_REVIEW)
    person.press("input[value=screen] ~ .actions button")
    person.type("count", "2".translate(ARABIC_INDIC))
    person.press("input[value=assign] ~ .actions button")
    assert application.assignments.count() == 2

    # A reviewer declares no conflict, then scores; finishing with gaps marks each gap.
    assignment = application.assignments.get(reviewer=first)
    _second_reviewer_finishes(application.assignments.get(reviewer=second))
    signed_in_browser(first)
    person.visit("/fund/reviews/")
    person.sees(say(language, "صرّح أولًا بوجود تعارض مصالح أو عدمه", "Declare any conflict first"))
    person.follow(f"/fund/reviews/{assignment.pk}/")
    person.choose("answer", "none")
    person.press()
    criteria = list(application.call.criteria.all())
    person.type(f"c{criteria[0].pk}-value", "8".translate(ARABIC_INDIC))
    person.type(f"c{criteria[1].pk}-value", "6٫5")
    person.press("button[name=finish]")
    summary = person.error_summary()
    for unscored in criteria[2:]:
        assert say(language, unscored.name_ar, unscored.name_en) in summary
    person.type(f"c{criteria[2].pk}-value", "9")
    person.type(f"c{criteria[3].pk}-value", "7".translate(ARABIC_INDIC))
    person.press("button[name=finish]")
    assignment.refresh_from_db()
    assert assignment.completed_at is not None
    assert [s.value for s in assignment.scores.order_by("criterion__position")] == [8, 6.5, 9, 7]
    person.follow("/fund/reviews/")

    # The officer reads the ranking and records the committee's award.
    signed_in_browser(officer)
    person.visit(f"/fund/staff/calls/{application.call.code}/ranking/")
    person.sees(application.title)
    person.follow(f"/fund/staff/applications/{application.pk}/")
    person.sees(say(language, "أنهى التقييم في", "finished on"))
    person.choose("decision", "fund")
    person.type("reason", "مشروع واضح الأثر وموازنته معقولة.")
    person.press("input[value=decide] ~ .actions button")
    assert say(language, "للتأكيد", "confirm") in person.error_summary()
    person.choose("confirm")
    person.press("input[value=decide] ~ .actions button")
    # The dates were forgotten: the refusal sits at the start date's box.
    person.error_summary()
    assert browser.find_element("css selector", "#id_starts_on").get_attribute("aria-invalid")
    today = timezone.localdate()
    person.pick_date("starts_on", today)
    person.pick_date("ends_on", today + timedelta(days=365))
    person.choose("confirm")
    person.press("input[value=decide] ~ .actions button")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.FUNDED

    # Two tranches: 60,000 on signature, 40,000 once the progress report is approved.
    person.follow(f"/fund/staff/grants/{application.grant.pk}/")
    person.type("tranches-0-amount", "60,000".translate(ARABIC_INDIC))
    person.press("button[name=add-row]")
    person.type("tranches-1-amount", "40000")
    person.select("tranches-1-condition", "report_approved")
    person.select("tranches-1-report_kind", "progress")
    person.pick_date("tranches-1-due_on", today + timedelta(days=90))
    person.press("input[value=plan] ~ .actions button:not([name])")
    tranches = Tranche.objects.filter(grant=application.grant).order_by("position")
    assert [t.amount for t in tranches] == [60000, 40000]

    # The association reports; the officer approves the report.
    report = application.grant.reports.get()
    line = application.budget_lines.get()
    indicator = application.outcomes.get().indicators.get()
    money_flow.submit_report(
        report,
        by=member,
        narrative="نُفذت الورش ووصلت الخدمة إلى 90 أسرة.",
        spent={line.pk: 55000},
        values={indicator.pk: 90},
    )
    person.visit(f"/fund/staff/grants/{application.grant.pk}/")
    person.follow(f"/fund/staff/reports/{report.pk}/")
    person.sees("90")
    person.choose("decision", "approve")
    person.press()
    report.refresh_from_db()
    assert report.status == ReportStatus.APPROVED
