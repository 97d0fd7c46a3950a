import pytest
from django.urls import reverse

from accounts.models import Role
from complaints import actions
from complaints.models import Case, Status
from core.models import AuditEntry
from core.tests.files import jpeg_with_gps
from core.uploads import clean_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.DIRECTORATE_OFFICER, governorate="02")


@pytest.fixture
def staff_client(client, officer, sign_in):
    return sign_in(client, officer)


def _case_url(case):
    return reverse("complaints:case", args=[case.tracking_number])


def test_the_workbench_lists_only_the_officers_governorate_most_urgent_first(
    staff_client, new_case, django_assert_max_num_queries
):
    later = new_case(governorate="02").case
    sooner = new_case(governorate="02", urgency="critical").case
    new_case(governorate="01")
    with django_assert_max_num_queries(15):
        response = staff_client.get(reverse("complaints:workbench"))
    assert [row["pk"] for row in response.context["rows"]] == [sooner.pk, later.pk]


def test_filters_narrow_the_queue(staff_client, new_case, officer):
    mine = new_case(governorate="02").case
    actions.assign(mine, by=officer, assignee=officer, reason="x")
    new_case(governorate="02", category="nurseries")
    rows = staff_client.get(reverse("complaints:workbench"), {"assignee": "me"}).context["rows"]
    assert [row["pk"] for row in rows] == [mine.pk]
    rows = staff_client.get(reverse("complaints:workbench"), {"category": "nurseries"}).context[
        "rows"
    ]
    assert len(rows) == 1 and rows[0]["category"] == "الحضانات"
    rows = staff_client.get(
        reverse("complaints:workbench"), {"number": mine.tracking_number}
    ).context["rows"]
    assert [row["pk"] for row in rows] == [mine.pk]


def test_an_officer_works_a_case_from_its_page(staff_client, new_case, officer):
    case = new_case().case
    url = _case_url(case)
    staff_client.post(
        url,
        {
            "action": "assign",
            "assign-queue": case.queue_id,
            "assign-assignee": officer.pk,
            "assign-reason": "اختصاص",
        },
    )
    staff_client.post(
        url, {"action": "note", "note-body": "اتصلت بالوحدة", "note-visibility": "internal"}
    )
    staff_client.post(url, {"action": "reply", "reply-body": "تم الصرف", "reply-final": "on"})
    staff_client.post(url, {"action": "close", "close-reason": "تم"})
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.assignee == officer
    page = staff_client.get(url).content.decode()
    assert "اتصلت بالوحدة" in page and "تم الصرف" in page


def test_a_refused_action_keeps_the_page_and_says_why(staff_client, new_case):
    case = new_case().case
    response = staff_client.post(_case_url(case), {"action": "reply", "reply-body": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "توجد مشكلة" in page
    assert 'href="#id_reply-body"' in page  # the summary leads to the empty reply


def test_contact_details_are_masked_until_asked_for_and_each_look_is_logged(
    staff_client, new_case, officer
):
    case = new_case().case
    page = staff_client.get(_case_url(case)).content.decode()
    assert "1001234567" not in page and "منى" not in page
    page = staff_client.post(_case_url(case), {"action": "reveal"}).content.decode()
    assert "+201001234567" in page and "29001010112345" in page
    entry = AuditEntry.objects.get(action="complaints.personal_data_viewed")
    assert entry.actor == officer and entry.object_id == str(case.pk)


def test_a_protected_identity_stays_hidden_from_the_directorate(
    staff_client, new_case, make_user, client, sign_in
):
    case = new_case(protect_identity=True).case
    page = staff_client.post(_case_url(case), {"action": "reveal"}).content.decode()
    assert "+201001234567" not in page and "مخفية بطلب من مقدم الشكوى" in page
    assert not AuditEntry.objects.filter(action="complaints.personal_data_viewed").exists()


def test_another_governorates_officer_is_told_the_case_is_not_theirs(
    client, sign_in, make_user, new_case
):
    case = new_case(governorate="02").case
    sign_in(client, make_user(Role.DIRECTORATE_OFFICER, governorate="01"))
    response = client.get(_case_url(case))
    assert response.status_code == 403
    assert "تابع لمحافظة الإسكندرية" in response.content.decode()
    assert case.description not in response.content.decode()


@pytest.mark.parametrize(
    "role",
    [
        Role.CITIZEN,
        Role.ORGANIZATION_MEMBER,
        Role.FUND_OFFICER,
        Role.REVIEWER,
        Role.INSPECTOR,
        Role.TRAINER,
    ],
)
def test_roles_without_cases_cannot_open_the_workbench(client, sign_in, make_user, role):
    sign_in(client, make_user(role))
    assert client.get(reverse("complaints:workbench")).status_code == 403


def test_auditors_read_cases_but_have_no_action_forms(client, sign_in, make_user, new_case):
    case = new_case().case
    sign_in(client, make_user(Role.AUDITOR))
    page = client.get(_case_url(case)).content.decode()
    assert case.description in page and 'name="action" value="assign"' not in page
    client.post(_case_url(case), {"action": "note", "note-body": "x", "note-visibility": "staff"})
    assert not case.timeline.exists()  # nothing after the receipt


def test_bulk_assignment_assigns_every_chosen_case(staff_client, new_case, officer):
    cases = [new_case().case for _ in range(3)]
    staff_client.post(
        reverse("complaints:bulk_assign"),
        {"cases": [c.pk for c in cases[:2]], "assignee": officer.pk, "reason": "توزيع العمل"},
    )
    assigned = set(Case.objects.filter(assignee=officer).values_list("pk", flat=True))
    assert assigned == {cases[0].pk, cases[1].pk}


def test_a_reply_template_fills_the_reply_in_the_citizens_language(staff_client, new_case, officer):
    from complaints.models import ReplyTemplate

    case = new_case(preferred_language="en").case
    actions.assign(case, by=officer, reason="x")
    template = ReplyTemplate.objects.get(title_en="Documents needed")
    page = staff_client.get(_case_url(case), {"template": template.pk}).content.decode()
    assert "please send a copy of your national ID card" in page


def test_attachments_are_served_to_staff_only_and_logged(
    staff_client, new_case, client, make_user, sign_in
):
    case = new_case(attachments=[clean_upload(jpeg_with_gps())]).case
    file = case.attachments.get()
    url = reverse("complaints:attachment", args=[case.tracking_number, file.pk])
    response = staff_client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    # Reading the whole stream closes the file (the test client's wrapper does it).
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert AuditEntry.objects.filter(action="complaints.attachment_opened").exists()


def test_a_new_critical_case_nobody_took_comes_first_and_answered_ones_last(
    staff_client, new_case, officer
):
    from datetime import timedelta

    from django.utils import timezone

    answered = new_case().case
    actions.assign(answered, by=officer, assignee=officer, reason="x")
    actions.reply(answered, "تم", by=officer, final=True)
    in_hand = new_case().case
    actions.assign(in_hand, by=officer, assignee=officer, reason="x")
    overdue_nobody = new_case().case
    overdue_mine = new_case().case
    actions.assign(overdue_mine, by=officer, assignee=officer, reason="x")
    past = timezone.now() - timedelta(days=1)
    Case.objects.filter(pk__in=[overdue_nobody.pk, overdue_mine.pk]).update(resolution_due=past)
    unassigned = new_case().case
    critical = new_case(urgency="critical").case  # the newest, due last of all
    Case.objects.filter(pk=critical.pk).update(resolution_due=timezone.now() + timedelta(days=9))
    response = staff_client.get(reverse("complaints:workbench"))
    order = [row["pk"] for row in response.context["rows"]]
    # Nobody's cases before those in hand, the overdue first in each.
    assert order == [
        critical.pk,
        overdue_nobody.pk,
        unassigned.pk,
        overdue_mine.pk,
        in_hand.pk,
        answered.pk,
    ]
    assert "كيف رُتّبت هذه القائمة" in response.content.decode()


def test_the_order_follows_a_case_however_it_is_changed(new_case, officer):
    """The group is the database's own (a generated column): a bulk update, an import or
    a repair in SQL moves the case in the queue as an action would."""
    case = new_case().case
    assert Case.objects.get(pk=case.pk).attention == 1  # nobody has it
    Case.objects.filter(pk=case.pk).update(assignee=officer)
    assert Case.objects.get(pk=case.pk).attention == 2
    Case.objects.filter(pk=case.pk).update(urgency="critical")
    assert Case.objects.get(pk=case.pk).attention == 0
    Case.objects.filter(pk=case.pk).update(status="answered")
    assert Case.objects.get(pk=case.pk).attention == 4


def test_a_template_goes_into_the_reply_without_leaving_the_page(staff_client, new_case, officer):
    from complaints.models import ReplyTemplate

    ReplyTemplate.objects.create(
        title_ar="تم الصرف", title_en="Paid", body_ar="تم صرف المستحقات.", body_en="Paid."
    )
    case = new_case().case
    actions.assign(case, by=officer, assignee=officer, reason="x")
    page = staff_client.get(_case_url(case)).content.decode()
    assert 'data-fill-target="id_reply-body"' in page
    assert 'data-fill-text="تم صرف المستحقات."' in page and ">تم الصرف</a>" in page


def test_each_action_says_what_was_done(staff_client, new_case, officer):
    case = new_case().case
    response = staff_client.post(
        _case_url(case),
        {"action": "assign", "assign-queue": case.queue_id, "assign-assignee": officer.pk,
         "assign-reason": "للمتابعة"},
        follow=True,
    )  # fmt: skip
    assert f"أُحيلت الشكوى إلى {officer.display_name}." in response.content.decode()
