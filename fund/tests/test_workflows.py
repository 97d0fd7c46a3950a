"""The call's workflow: a concept note before the full proposal, and who reviews."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role
from core.errors import ActionError
from fund import applications, review
from fund.models import ApplicationStatus, ReviewMode, Stage, Stages

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.FUND_OFFICER)


def test_a_concept_note_comes_first_and_its_acceptance_opens_the_full_proposal(
    client, sign_in, open_call, applicant, officer
):
    open_call.stages = Stages.CONCEPT_FIRST
    open_call.save()
    organization, member = applicant
    sign_in(client, member)
    client.post(reverse("fund:apply", args=[open_call.code]), {"organization": organization.pk})
    application = organization.applications.get()
    assert application.stage == Stage.CONCEPT
    # The concept note is the project in brief: no budget step to fill.
    budget = client.get(reverse("fund:step", args=[application.pk, "budget"]))
    assert budget.url == reverse("fund:step", args=[application.pk, "project"])
    client.post(
        reverse("fund:step", args=[application.pk, "project"]),
        {"title": "منصة تطوع", "summary": "فكرة المشروع باختصار.", "requested_amount": "١٠٠٠٠٠"},
    )
    client.post(reverse("fund:step", args=[application.pk, "submit"]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED

    mail.outbox.clear()
    review.screen(application, ApplicationStatus.IN_REVIEW, by=officer, note="فكرة واعدة")
    application.refresh_from_db()
    assert (application.stage, application.status) == (Stage.FULL, ApplicationStatus.DRAFT)
    (invitation,) = [m for m in mail.outbox if m.to == [member.email]]
    assert "قُبلت المذكرة المفاهيمية" in invitation.subject and "فكرة واعدة" in invitation.body

    # The full proposal asks for everything: the budget step is there, and submitting
    # without it is refused with the reasons.
    page = client.get(reverse("fund:step", args=[application.pk, "budget"]))
    assert page.status_code == 200
    with pytest.raises(applications.SubmissionRefused) as refused:
        applications.submit(application, by=member)
    assert any("الموازنة" in reason for reason in refused.value.reasons)


def test_a_concept_note_outside_the_calls_range_is_refused(open_call, applicant):
    open_call.stages = Stages.CONCEPT_FIRST
    open_call.save()
    organization, member = applicant
    application = applications.start(open_call, organization, by=member)
    application.title, application.summary = "فكرة", "ملخص"
    application.requested_amount = Decimal("9000000")
    application.save()
    with pytest.raises(applications.SubmissionRefused) as refused:
        applications.submit(application, by=member)
    assert refused.value.reasons == ["يمنح هذا الإعلان ما بين 50,000.00 و500,000.00 جنيه."]


@pytest.fixture
def in_review(complete_draft, officer):
    applications.submit(complete_draft, by=complete_draft.created_by)
    return review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)


def _reviewer(make_user, external):
    user = make_user(Role.REVIEWER)
    user.is_external_reviewer = external
    user.save()
    return user


def test_an_internal_review_takes_only_the_funds_own_reviewers(in_review, officer, make_user):
    outsider = _reviewer(make_user, external=True)
    insiders = [_reviewer(make_user, external=False) for _ in range(2)]
    chosen = {a.reviewer for a in review.assign_reviewers(in_review, 2, by=officer)}
    assert chosen == set(insiders) and outsider not in chosen
    with pytest.raises(ActionError, match="مقيّمون متاحون من الصندوق"):
        review.assign_reviewers(in_review, 1, by=officer)


def test_an_external_review_has_one_of_each_kind_and_a_conflict_keeps_the_kind(
    in_review, officer, make_user
):
    in_review.call.review_mode = ReviewMode.EXTERNAL
    in_review.call.save()
    insider = _reviewer(make_user, external=False)
    outsiders = [_reviewer(make_user, external=True) for _ in range(2)]
    first, second = review.assign_reviewers(in_review, 2, by=officer)
    assert {first.reviewer, second.reviewer} == {insider, outsiders[0]}
    external = first if first.reviewer.is_external_reviewer else second
    replacement = review.declare(external, by=external.reviewer, conflict=True, note="قرابة")
    assert replacement.reviewer == outsiders[1]
