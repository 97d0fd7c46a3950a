from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from core.errors import ActionError
from core.models import AuditEntry
from fund import applications, decisions, money_flow, review
from fund.decisions import Decision
from fund.models import ApplicationStatus, ReportKind, ReportStatus, TrancheCondition

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.FUND_OFFICER)


@pytest.fixture
def grant(complete_draft, officer):
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    return decisions.decide(
        complete_draft,
        Decision.FUND,
        by=officer,
        reason="أعلى درجة",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 12, 31),
    )


def _plan(grant, officer, report_due):
    return money_flow.plan(
        grant,
        [
            {"amount": "80000", "condition": TrancheCondition.ON_SIGNATURE},
            {
                "amount": "70000",
                "condition": TrancheCondition.REPORT_APPROVED,
                "report_kind": ReportKind.PROGRESS,
                "due_on": report_due,
            },
            {
                "amount": "50000",
                "condition": TrancheCondition.MILESTONE,
                "milestone": "إطلاق المنصة",
            },
        ],
        by=officer,
    )


def test_tranches_must_make_the_grant(grant, officer):
    with pytest.raises(ActionError) as refused:
        money_flow.plan(grant, [{"amount": "1000", "condition": "on_signature"}], by=officer)
    assert refused.value.code == "tranches_do_not_add_up"
    assert not grant.tranches.exists()


def test_a_tranche_waits_for_its_report_and_an_overdue_report_blocks_the_rest(grant, officer):
    first, second, third = _plan(grant, officer, timezone.localdate() + timedelta(days=30))
    money_flow.release(first, by=officer, paid_on=date(2027, 1, 5), reference="TRX-1")
    with pytest.raises(ActionError) as already:
        money_flow.release(first, by=officer, paid_on=date(2027, 1, 5), reference="TRX-1")
    assert already.value.code == "already_released"
    with pytest.raises(ActionError) as waiting:
        money_flow.release(second, by=officer, paid_on=date(2027, 4, 1), reference="TRX-2")
    assert waiting.value.code == "not_releasable"

    report = second.report
    lines = {line.pk: line.amount / 2 for line in grant.application.budget_lines.all()}
    indicator = grant.application.outcomes.get().indicators.get()
    member = grant.application.created_by
    money_flow.submit_report(
        report, by=member, narrative="أنجزنا نصف الأنشطة", spent=lines, values={indicator.pk: 240}
    )
    with pytest.raises(ActionError):
        money_flow.review_report(report, by=officer, approve=False)  # no comments
    money_flow.review_report(report, by=officer, approve=False, comments="أرفقوا الفواتير")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED
    money_flow.submit_report(
        report, by=member, narrative="مع الفواتير", spent=lines, values={indicator.pk: 250}
    )
    money_flow.review_report(report, by=officer, approve=True)
    money_flow.release(second, by=officer, paid_on=date(2027, 4, 1), reference="TRX-2")
    assert report.indicator_values.get().value == 250

    # A report past its date and not sent blocks every further payment.
    grant.reports.create(kind=ReportKind.FINANCIAL, due_on=timezone.localdate() - timedelta(days=1))
    money_flow.confirm_milestone(third, by=officer, note="أُطلقت المنصة")
    with pytest.raises(ActionError) as blocked:
        money_flow.release(third, by=officer, paid_on=date(2027, 9, 1), reference="TRX-3")
    assert (
        "overdue" in blocked.value.message
        or "متأخر" in blocked.value.message
        or blocked.value.code == "not_releasable"
    )
    assert AuditEntry.objects.filter(action="fund.tranche_paid").count() == 2


def test_spending_on_lines_that_are_not_the_grants_is_refused(grant, officer):
    _first, second, _third = _plan(grant, officer, timezone.localdate() + timedelta(days=30))
    with pytest.raises(ActionError) as refused:
        money_flow.submit_report(
            second.report,
            by=grant.application.created_by,
            narrative="x",
            spent={999999: 5},
            values={},
        )
    assert refused.value.code == "bad_spending"
    second.report.refresh_from_db()
    assert second.report.status == ReportStatus.EXPECTED
