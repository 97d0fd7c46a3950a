"""Who may report and check values, and the fund's reports flowing into the framework."""

from datetime import date
from decimal import Decimal

import pytest

from core.errors import ActionError
from core.models import AuditEntry
from fund import money_flow
from fund.models import Report, ReportKind
from impact import results
from impact.models import Value, Verification

pytestmark = pytest.mark.django_db


def test_a_grant_framework_starts_from_what_the_application_promised(make_grant):
    grant = make_grant("عدد الأسر", "عدد المتطوعين")
    measures = results.ensure_for_grant(grant)
    assert [m.name for m in measures] == ["عدد الأسر", "عدد المتطوعين"]
    assert measures[0].governorate_id == grant.application.organization.governorate_id
    assert measures[0].targets.get().period == date(2026, 10, 1)
    assert results.ensure_for_grant(grant) == measures  # made once


def test_nobody_checks_their_own_value_and_a_rejection_says_why(tied, officer, second_officer):
    grant = tied("people-reached")
    measure = grant.by_code["people-reached"]
    measure.grant.application.organization.memberships.create(user=officer, role="monitoring")
    results.record(measure, date(2026, 1, 1), by=officer, total=Decimal(12))
    value = measure.values.get()
    with pytest.raises(ActionError) as refused:
        results.check(value, by=officer, verified=True)
    assert refused.value.code == results.ResultsError.OWN_VALUE
    with pytest.raises(ActionError):
        results.check(value, by=second_officer, verified=False, reason="  ")
    results.check(value, by=second_officer, verified=False, reason="لا كشوف حضور")
    value.refresh_from_db()
    assert (value.status, value.reason) == (Verification.REJECTED, "لا كشوف حضور")
    assert AuditEntry.objects.filter(action="impact.value_rejected").count() == 1


def test_a_changed_value_goes_back_to_be_checked(tied, verified):
    grant = tied("people-reached")
    verified(grant, "people-reached", 1, "10")
    measure = grant.by_code["people-reached"]
    results.record(measure, date(2026, 1, 1), by=grant.member, total=Decimal(10))
    assert measure.values.get().status == Verification.VERIFIED  # the same number: unchanged
    results.record(measure, date(2026, 1, 1), by=grant.member, total=Decimal(11))
    assert measure.values.get().status == Verification.REPORTED


def test_only_the_grants_own_organization_reports_and_only_the_fund_plans(
    tied, make_grant, library, central
):
    grant = tied("people-reached")
    stranger = make_grant().member
    measure = grant.by_code["people-reached"]
    with pytest.raises(ActionError):
        results.record(measure, date(2026, 1, 1), by=stranger, total=Decimal(1))
    with pytest.raises(ActionError):
        results.tie(measure, library["satisfaction"], by=grant.member)
    with pytest.raises(ActionError):
        results.set_targets(measure, {date(2026, 1, 1): Decimal(5)}, by=central)
    assert list(results.measures_for(stranger)) == []
    assert list(results.measures_for(grant.member)) == [measure]


def test_quarters_outside_the_grant_are_refused(tied):
    grant = tied("people-reached")
    with pytest.raises(ActionError) as refused:
        results.record(
            grant.by_code["people-reached"], date(2027, 1, 1), by=grant.member, total=Decimal(1)
        )
    assert refused.value.code == results.ResultsError.OUTSIDE


def test_a_fund_report_gives_the_quarter_what_it_added_and_approval_verifies_it(tied, officer):
    grant = tied("people-reached")
    proposal = grant.application.outcomes.get().indicators.get()
    spent = {line.pk: Decimal(0) for line in grant.application.budget_lines.all()}
    reports = [
        Report.objects.create(grant=grant, kind=ReportKind.PROGRESS, due_on=date(2026, 6, 30)),
        Report.objects.create(grant=grant, kind=ReportKind.FINAL, due_on=date(2026, 12, 31)),
    ]
    for report, level in zip(reports, (40, 70), strict=True):
        money_flow.submit_report(
            report, by=grant.member, narrative="تم", spent=spent, values={proposal.pk: level}
        )
        money_flow.review_report(report, by=officer, approve=True)

    values = Value.objects.filter(measure__grant=grant).order_by("period")
    assert [(v.period, v.value, v.status) for v in values] == [
        (date(2026, 4, 1), 40, Verification.VERIFIED),
        (date(2026, 10, 1), 30, Verification.VERIFIED),  # 70 reached so far, 40 before
    ]


def test_central_officers_run_programme_frameworks(programme, library, central, officer):
    measure = results.programme_measure(
        programme, library["families-supported"], by=central, outcome="وصول أوسع"
    )
    results.set_targets(measure, {date(2026, 1, 1): Decimal(1000)}, by=central)
    with pytest.raises(ActionError):
        results.record(measure, date(2026, 1, 1), by=officer, total=Decimal(1))
    with pytest.raises(ActionError):
        results.programme_measure(programme, library["satisfaction"], by=officer, outcome="x")
    assert measure.targets.get().value == 1000
