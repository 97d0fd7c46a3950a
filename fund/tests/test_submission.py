from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.errors import ActionError
from core.models import AuditEntry
from fund import applications, eligibility
from fund.applications import SubmissionRefused
from fund.models import ApplicationStatus, BudgetKind, CallStatus
from registry.models import FieldOfActivity, OrganizationKind, OrganizationStatus

pytestmark = pytest.mark.django_db


def _refusal(application, **kwargs) -> str:
    with pytest.raises(SubmissionRefused) as refused:
        applications.submit(application, by=application.created_by, **kwargs)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT  # nothing lost, still editable
    return " ".join(refused.value.reasons)


def test_a_complete_draft_is_submitted_once_and_audited(complete_draft):
    submitted = applications.submit(complete_draft, by=complete_draft.created_by)
    assert submitted.status == ApplicationStatus.SUBMITTED and submitted.submitted_at
    assert AuditEntry.objects.filter(action="fund.application_submitted").count() == 1
    with pytest.raises(ActionError) as again:  # a double click, a retried request
        applications.submit(complete_draft, by=complete_draft.created_by)
    assert again.value.code == "already_submitted"
    assert AuditEntry.objects.filter(action="fund.application_submitted").count() == 1


def test_one_second_after_the_deadline_is_too_late(complete_draft):
    late = complete_draft.call.closes_at + timedelta(seconds=1)
    assert str(timezone.localtime(complete_draft.call.closes_at).year) in _refusal(
        complete_draft, now=late
    )
    on_time = complete_draft.call.closes_at
    assert applications.submit(complete_draft, by=complete_draft.created_by, now=on_time)


def test_a_budget_that_does_not_add_up_is_refused_with_both_sums(complete_draft):
    complete_draft.requested_amount = Decimal("250000")
    complete_draft.save()
    reasons = _refusal(complete_draft)
    assert "200,000.00" in reasons and "250,000.00" in reasons


def test_an_administration_share_above_the_cap_is_refused(complete_draft):
    complete_draft.budget_lines.filter(kind=BudgetKind.ADMINISTRATION).update(amount=40000)
    complete_draft.budget_lines.filter(kind=BudgetKind.ACTIVITIES).update(amount=55000)
    reasons = _refusal(complete_draft)
    assert "20.0%" in reasons and "10%" in reasons and "10.00" not in reasons


def test_an_amount_outside_the_calls_range_is_refused(complete_draft):
    complete_draft.budget_lines.update(amount=250000)
    complete_draft.requested_amount = Decimal("1000000")
    complete_draft.save()
    assert "500,000.00" in _refusal(complete_draft)


def test_a_missing_results_framework_is_named(complete_draft):
    complete_draft.outcomes.all().delete()
    assert _refusal(complete_draft)


def test_a_closed_or_unpublished_call_takes_nothing(complete_draft):
    complete_draft.call.status = CallStatus.CLOSED
    complete_draft.call.save()
    assert _refusal(complete_draft)


def test_eligibility_names_every_rule_that_fails(open_call, applicant):
    organization, _member = applicant
    today = timezone.localdate()
    assert eligibility.problems(open_call, organization, today) == []
    open_call.eligible_kinds = [OrganizationKind.FOUNDATION]
    open_call.emerging_within_years = 2
    open_call.save()
    open_call.governorates.set(["01"])
    open_call.fields.set(
        [FieldOfActivity.objects.create(code="tech", name_ar="تقنية", name_en="Tech")]
    )
    organization.status = OrganizationStatus.SUSPENDED
    organization.founded_on = date(2015, 1, 1)
    reasons = eligibility.problems(open_call, organization, today)
    assert len(reasons) == 5
    assert any("2015" in reason or "٢٠١٥" in reason for reason in reasons)


def test_an_ineligible_organization_cannot_submit(complete_draft):
    complete_draft.call.emerging_within_years = 1
    complete_draft.call.save()
    assert _refusal(complete_draft)
