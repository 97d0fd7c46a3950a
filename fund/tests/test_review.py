from decimal import Decimal

import pytest

from accounts.models import Role
from core.errors import ActionError
from fund import applications, review
from fund.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(complete_draft):
    applications.submit(complete_draft, by=complete_draft.created_by)
    return complete_draft


@pytest.fixture
def officer(make_user):
    return make_user(Role.FUND_OFFICER)


@pytest.fixture
def reviewers(make_user):
    return [make_user(Role.REVIEWER) for _ in range(3)]


def _eligible(application, officer):
    return review.screen(application, ApplicationStatus.IN_REVIEW, by=officer)


def test_screening_says_why_and_only_after_submission(in_review, officer):
    with pytest.raises(ActionError) as missing_reason:
        review.screen(in_review, ApplicationStatus.INELIGIBLE, by=officer)
    assert missing_reason.value.code == "note_required"
    review.screen(
        in_review, ApplicationStatus.NEEDS_INFORMATION, by=officer, note="أرسلوا الميزانية"
    )
    in_review.refresh_from_db()
    assert in_review.status == ApplicationStatus.NEEDS_INFORMATION
    assert in_review.screening_note == "أرسلوا الميزانية"
    _eligible(in_review, officer)
    with pytest.raises(ActionError):
        _eligible(in_review, officer)  # already screened


def test_reviewers_get_a_balanced_load(
    in_review, officer, reviewers, make_organization, make_member
):
    _eligible(in_review, officer)
    review.assign_reviewers(in_review, 2, by=officer)
    other = Application.objects.create(
        call=in_review.call,
        organization=make_organization("جمعية النور", governorate="02"),
        created_by=make_member(make_organization("ظل")),
        status=ApplicationStatus.IN_REVIEW,
    )
    second = review.assign_reviewers(other, 2, by=officer)
    loads = sorted(r.review_assignments.count() for r in reviewers)
    assert loads == [1, 1, 2]
    assert reviewers[2] in [a.reviewer for a in second]  # the free one went first


def test_a_reviewer_opens_nothing_before_declaring_no_conflict(in_review, officer, reviewers):
    _eligible(in_review, officer)
    assignment = review.assign_reviewers(in_review, 1, by=officer)[0]
    reviewer = assignment.reviewer
    assert not Application.objects.for_user(reviewer).exists()
    criterion = in_review.call.criteria.first()
    with pytest.raises(ActionError) as refused:
        review.score(assignment, criterion, 7, by=reviewer)
    assert refused.value.code == "declare_first"
    review.declare(assignment, by=reviewer, conflict=False)
    assert list(Application.objects.for_user(reviewer)) == [in_review]
    someone_else = next(r for r in reviewers if r != reviewer)
    with pytest.raises(ActionError) as not_theirs:
        review.declare(assignment, by=someone_else, conflict=False)
    assert not_theirs.value.code == "not_yours"
    assert not Application.objects.for_user(someone_else).exists()


def test_a_declared_conflict_hands_the_application_to_another_reviewer(
    in_review, officer, reviewers
):
    _eligible(in_review, officer)
    assignment = review.assign_reviewers(in_review, 1, by=officer)[0]
    conflicted = assignment.reviewer
    replacement = review.declare(
        assignment, by=conflicted, conflict=True, note="أنا عضو مجلس إدارتها"
    )
    assert replacement is not None and replacement.reviewer != conflicted
    review.declare(replacement, by=replacement.reviewer, conflict=False)
    assert not Application.objects.for_user(conflicted).exists()
    assert list(Application.objects.for_user(replacement.reviewer)) == [in_review]


def _scored(application, reviewer_assignment, values):
    reviewer = reviewer_assignment.reviewer
    review.declare(reviewer_assignment, by=reviewer, conflict=False)
    for criterion, value in zip(application.call.criteria.all(), values, strict=True):
        review.score(reviewer_assignment, criterion, value, by=reviewer, comment="ملاحظة")
    review.finish(reviewer_assignment, by=reviewer)


def test_totals_weights_spread_and_the_ranked_list(in_review, officer, reviewers):
    _eligible(in_review, officer)
    first, second = review.assign_reviewers(in_review, 2, by=officer)
    _scored(in_review, first, [9, 8])  # impact 60 %, sustainability 40 %
    assert review.total(first) == Decimal("86.0")
    _scored(in_review, second, [5, 6])
    standing = review.standing(in_review)
    assert standing.totals == [Decimal("86.0"), Decimal("54.0")]
    assert standing.mean == Decimal("70.0") and standing.spread == Decimal("32.0")
    assert standing.disagreement
    with pytest.raises(ActionError) as finished:
        review.score(first, in_review.call.criteria.first(), "10", by=first.reviewer)
    assert finished.value.code == "finished"
    assert [s.application_id for s in review.ranked(in_review.call)] == [in_review.pk]
    shown = review.with_applications(review.ranked(in_review.call))
    assert shown[0].application == in_review and shown[0].mean == Decimal("70.0")


def test_who_sees_which_application(in_review, officer, make_user, make_organization, make_member):
    stranger = make_member(make_organization("جمعية أخرى"))
    owner = in_review.created_by
    expectations = {
        owner: True,
        stranger: False,
        officer: True,
        make_user(Role.AUDITOR): True,
        make_user(Role.REVIEWER): False,  # not assigned
        make_user(Role.CITIZEN): False,
        make_user(Role.DIRECTORATE_OFFICER, governorate="02"): False,
        make_user(Role.CENTRAL_OFFICER): False,
    }
    for user, sees in expectations.items():
        assert Application.objects.for_user(user).filter(pk=in_review.pk).exists() == sees, (
            user.role
        )


def test_a_partial_review_counts_nowhere_until_every_criterion_is_scored(
    in_review, officer, reviewers
):
    _eligible(in_review, officer)
    assignment = review.assign_reviewers(in_review, 1, by=officer)[0]
    reviewer = assignment.reviewer
    review.declare(assignment, by=reviewer, conflict=False)
    impact, sustainability = in_review.call.criteria.all()
    review.score(assignment, impact, "9", by=reviewer)
    assert review.total(assignment) is None  # not a total out of 100 from one criterion
    with pytest.raises(ActionError) as incomplete:
        review.finish(assignment, by=reviewer)
    assert incomplete.value.code == "incomplete" and "الاستدامة" in incomplete.value.message
    assert review.standing(in_review).totals == []
    review.score(assignment, sustainability, "7", by=reviewer)
    review.finish(assignment, by=reviewer)
    review.finish(assignment, by=reviewer)  # a double click changes nothing
    assert review.standing(in_review).totals == [Decimal("82.0")]


def test_my_reviews_tells_finished_from_started_from_untouched(
    client, sign_in, in_review, officer, reviewers
):
    from django.urls import reverse

    _eligible(in_review, officer)
    assignment = review.assign_reviewers(in_review, 1, by=officer)[0]
    reviewer = assignment.reviewer
    sign_in(client, reviewer)
    url = reverse("fund:my_reviews")
    assert "صرّح أولًا بوجود تعارض مصالح أو عدمه" in client.get(url).content.decode()
    review.declare(assignment, by=reviewer, conflict=False)
    assert "لم يبدأ" in client.get(url).content.decode()
    review.score(assignment, in_review.call.criteria.first(), "8", by=reviewer)
    assert "قُيّم 1 من معيارين" in client.get(url).content.decode()
    review.score(assignment, in_review.call.criteria.last(), "8", by=reviewer)
    review.finish(assignment, by=reviewer)
    assert "مكتمل" in client.get(url).content.decode()
