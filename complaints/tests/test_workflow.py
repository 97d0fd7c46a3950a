import pytest

from accounts.models import Role
from complaints import actions
from complaints.models import TRANSITIONS, Case, Status, TimelineEntry, Visibility
from core.audit import history, verify_chain
from core.errors import ActionError

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.DIRECTORATE_OFFICER, governorate="02")


def test_every_status_has_a_row_in_the_transition_table():
    assert set(TRANSITIONS) == set(Status)


def test_a_case_moves_through_the_workflow_and_every_step_is_recorded(new_case, officer):
    case = new_case().case
    actions.change_status(case, Status.TRIAGED, by=officer, reason="فرز أولي")
    actions.assign(case, by=officer, assignee=officer, reason="اختصاص الوحدة")
    actions.change_status(case, Status.IN_PROGRESS, by=officer, reason="بدء البحث")
    actions.change_status(
        case,
        Status.WAITING_FOR_CITIZEN,
        by=officer,
        reason="نحتاج صورة البطاقة",
        visibility=Visibility.PUBLIC,
    )
    actions.change_status(case, Status.IN_PROGRESS, by=officer, reason="وصلت الصورة")
    actions.reply(case, "تم حل المشكلة.", by=officer, final=True)
    actions.close(case, by=officer, reason="تم الرد")
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.closed_at and case.answered_at
    moves = [entry.to_status for entry in case.story() if entry.to_status]
    assert moves == [
        "received",
        "triaged",
        "assigned",
        "in_progress",
        "waiting_for_citizen",
        "in_progress",
        "answered",
        "closed",
    ]
    assert history(case).count() == 8
    assert not list(verify_chain())


def test_a_move_not_in_the_table_is_refused(new_case, officer):
    case = new_case().case
    with pytest.raises(ActionError) as refused:
        actions.change_status(case, Status.CLOSED, by=officer, reason="x")
    assert refused.value.code == actions.CaseError.BAD_TRANSITION


def test_no_case_closes_without_a_final_reply(new_case, officer):
    case = new_case().case
    actions.assign(case, by=officer, reason="x")
    with pytest.raises(ActionError) as refused:
        actions.close(case, by=officer, reason="done")
    assert refused.value.code == actions.CaseError.REPLY_REQUIRED


def test_a_move_needs_a_reason(new_case, officer):
    with pytest.raises(ActionError) as refused:
        actions.change_status(new_case().case, Status.TRIAGED, by=officer, reason=" ")
    assert refused.value.code == actions.CaseError.REASON_REQUIRED


def test_a_duplicate_points_to_its_original_and_says_so_publicly(new_case, officer):
    original, copy = new_case().case, new_case().case
    actions.mark_duplicate(copy, original, by=officer, reason="")
    copy.refresh_from_db()
    assert copy.duplicate_of == original and copy.status == Status.DUPLICATE
    public = copy.timeline.get(to_status=Status.DUPLICATE)
    assert public.visibility == Visibility.PUBLIC and original.tracking_number[:3] in public.body


def test_forwarding_tells_the_citizen_where_to_go(new_case, officer):
    case = new_case(category="outside_mandate").case
    with pytest.raises(ActionError):
        actions.forward(case, by=officer, reason="")
    actions.forward(case, by=officer, reason="الأمر من اختصاص وزارة الصحة")
    entry = TimelineEntry.objects.get(case=case, to_status=Status.FORWARDED)
    assert entry.visibility == Visibility.PUBLIC


def test_an_officer_of_another_governorate_cannot_touch_the_case(new_case, make_user):
    case = new_case(governorate="02").case
    cairo = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    with pytest.raises(ActionError) as refused:
        actions.assign(case, by=cairo, reason="x")
    assert refused.value.code == actions.CaseError.NOT_ALLOWED


@pytest.mark.parametrize(
    ("role", "governorate", "sees"),
    [
        (Role.CITIZEN, None, False),
        (Role.ORGANIZATION_MEMBER, None, False),
        (Role.DIRECTORATE_OFFICER, "02", True),
        (Role.DIRECTORATE_OFFICER, "01", False),
        (Role.CENTRAL_OFFICER, None, True),
        (Role.FUND_OFFICER, None, False),
        (Role.REVIEWER, None, False),
        (Role.INSPECTOR, None, False),
        (Role.TRAINER, None, False),
        (Role.AUDITOR, None, True),
        (Role.SYSTEM_ADMIN, None, True),
    ],
)
def test_each_role_sees_only_the_cases_it_may(new_case, make_user, role, governorate, sees):
    case = new_case(governorate="02").case
    user = make_user(role, governorate=governorate)
    assert Case.objects.for_user(user).filter(pk=case.pk).exists() == sees


def test_auditors_read_but_cannot_act(new_case, make_user):
    auditor = make_user(Role.AUDITOR)
    with pytest.raises(ActionError):
        actions.add_note(new_case().case, "x", by=auditor)


def test_an_idempotent_retry_returns_the_first_case(db, new_case):
    from complaints.models import Category, Channel
    from core.models import Governorate

    data = actions.CaseInput(
        category=Category.objects.get(code="nurseries"),
        description="الحضانة مغلقة دون إخطار",
        governorate=Governorate.objects.get(code="01"),
    )
    first = actions.submit_case(data, channel=Channel.API, idempotency_key="abc")
    again = actions.submit_case(data, channel=Channel.API, idempotency_key="abc")
    assert again.case == first.case and not again.created and again.token is None
    assert Case.objects.count() == 1


def test_a_clash_of_random_tracking_numbers_draws_a_new_one(new_case, monkeypatch):
    taken = new_case().case.tracking_number
    draws = iter([taken, "314159265"])
    monkeypatch.setattr("complaints.tracking.new_tracking_number", lambda: next(draws))
    again = new_case().case
    assert again.tracking_number == "314159265"
    assert Case.objects.count() == 2
