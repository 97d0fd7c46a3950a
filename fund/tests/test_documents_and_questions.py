"""Required documents, the fund's questions and the applicant's answers, through the pages."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from core.models import AuditEntry
from core.tests.files import jpeg_with_gps, small_pdf
from fund import applications, decisions, eligibility, review
from fund.decisions import Decision
from fund.models import ApplicationStatus, RequiredDocument, TrancheCondition

pytestmark = pytest.mark.django_db


@pytest.fixture
def statutes(open_call):
    return RequiredDocument.objects.create(
        call=open_call, name_ar="النظام الأساسي", name_en="Statutes"
    )


def _documents_url(application):
    return reverse("fund:step", args=[application.pk, "documents"])


def test_a_missing_required_document_stops_the_submission_until_attached(
    client, sign_in, complete_draft, statutes
):
    member = complete_draft.created_by
    sign_in(client, member)
    submit_url = reverse("fund:step", args=[complete_draft.pk, "submit"])
    page = client.get(submit_url).content.decode()
    assert "النظام الأساسي" in page and "أرفق المستندات المطلوبة" in page

    response = client.post(
        _documents_url(complete_draft), {f"document_{statutes.pk}": small_pdf("نظام.pdf")}
    )
    assert response.status_code == 302
    document = complete_draft.documents.get()
    assert document.required == statutes and document.display_name == "نظام.pdf"
    with document.file.open("rb") as stored:
        assert b"Someone private" not in stored.read()  # the PDF's metadata is gone

    client.post(submit_url)
    complete_draft.refresh_from_db()
    assert complete_draft.status == ApplicationStatus.SUBMITTED


def test_a_wrong_file_type_is_refused_and_the_attached_file_is_kept(
    client, sign_in, complete_draft, statutes
):
    sign_in(client, complete_draft.created_by)
    client.post(_documents_url(complete_draft), {f"document_{statutes.pk}": small_pdf()})
    fake = SimpleUploadedFile("statutes.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    response = client.post(_documents_url(complete_draft), {f"document_{statutes.pk}": fake})
    assert response.status_code == 200
    assert "الصور (JPEG وPNG وWebP) وملفات PDF" in response.content.decode()
    assert complete_draft.documents.get().display_name == "letter.pdf"


def test_a_new_file_replaces_the_old_one(
    client, sign_in, complete_draft, statutes, django_capture_on_commit_callbacks
):
    sign_in(client, complete_draft.created_by)
    client.post(_documents_url(complete_draft), {f"document_{statutes.pk}": small_pdf()})
    first = complete_draft.documents.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_documents_url(complete_draft), {f"document_{statutes.pk}": jpeg_with_gps()})
    second = complete_draft.documents.get()
    assert second.pk != first.pk and second.content_type == "image/jpeg"
    assert not first.file.storage.exists(first.file.name)


def test_documents_open_only_to_those_who_may_see_the_application_and_are_logged(
    client, sign_in, complete_draft, statutes, make_user, make_organization, make_member
):
    sign_in(client, complete_draft.created_by)
    client.post(_documents_url(complete_draft), {f"document_{statutes.pk}": small_pdf()})
    client.post(reverse("fund:step", args=[complete_draft.pk, "submit"]))
    url = reverse("fund:document", args=[complete_draft.documents.get().pk])

    stranger = make_member(make_organization("جمعية أخرى"))
    assert sign_in(client, stranger).get(url).status_code == 404
    reviewer = make_user(Role.REVIEWER)  # not assigned
    assert sign_in(client, reviewer).get(url).status_code == 404

    officer = make_user(Role.FUND_OFFICER)
    response = sign_in(client, officer).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    # Reading to the end closes the file (the test client's wrapper does it).
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="fund.document_opened", actor=officer).exists()


def test_reviewers_of_a_blind_call_get_no_documents(
    client, sign_in, complete_draft, statutes, make_user
):
    complete_draft.call.blind = True
    complete_draft.call.save()
    sign_in(client, complete_draft.created_by)
    client.post(_documents_url(complete_draft), {f"document_{statutes.pk}": small_pdf()})
    officer, reviewer = make_user(Role.FUND_OFFICER), make_user(Role.REVIEWER)
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    (assignment,) = review.assign_reviewers(complete_draft, 1, by=officer)
    review.declare(assignment, by=reviewer, conflict=False)
    url = reverse("fund:document", args=[complete_draft.documents.get().pk])
    assert sign_in(client, reviewer).get(url).status_code == 404
    page = client.get(reverse("fund:review", args=[assignment.pk])).content.decode()
    assert "لا تُعرض المستندات" in page


def test_a_question_reaches_the_applicant_who_answers_it_and_the_officers_hear(
    client, sign_in, complete_draft, make_user
):
    member = complete_draft.created_by
    member.preferred_language = "en"
    member.save()
    officer = make_user(Role.FUND_OFFICER)
    applications.submit(complete_draft, by=member)
    mail.outbox.clear()
    sign_in(client, officer).post(
        reverse("fund:staff_application", args=[complete_draft.pk]),
        {"action": "screen", "outcome": "needs_information", "note": "أرسلوا عقد إيجار المقر"},
    )
    (to_member,) = [m for m in mail.outbox if m.to == [member.email]]
    assert "news of your application" in to_member.subject  # in the member's language
    assert "أرسلوا عقد إيجار المقر" in to_member.body

    sign_in(client, member)
    page_url = reverse("fund:application", args=[complete_draft.pk])
    page = client.get(page_url).content.decode()
    assert "أرسلوا عقد إيجار المقر" in page and 'name="answer"' in page
    empty = client.post(page_url, {"answer": "  \u200f "})
    assert (
        empty.status_code == 200 and complete_draft.information_requests.get().answered_at is None
    )
    mail.outbox.clear()
    response = client.post(page_url, {"answer": "مرفق العقد", "file": small_pdf("عقد.pdf")})
    assert response.status_code == 302
    complete_draft.refresh_from_db()
    assert complete_draft.status == ApplicationStatus.SUBMITTED
    question = complete_draft.information_requests.get()
    assert (question.answer, question.answered_by) == ("مرفق العقد", member)
    assert complete_draft.documents.get().display_name == "عقد.pdf"
    assert [m.to for m in mail.outbox] == [[officer.email]]
    # A second answer (a double click) finds nothing waiting and changes nothing.
    again = client.post(page_url, {"answer": "مرة أخرى"})
    assert again.status_code == 200
    assert complete_draft.information_requests.get().answer == "مرفق العقد"


def test_an_organization_in_arrears_on_a_grant_may_not_apply_again(
    complete_draft, make_user, open_call
):
    officer = make_user(Role.FUND_OFFICER)
    applications.submit(complete_draft, by=complete_draft.created_by)
    review.screen(complete_draft, ApplicationStatus.IN_REVIEW, by=officer)
    grant = decisions.decide(
        complete_draft,
        Decision.FUND,
        by=officer,
        reason="جيد",
        starts_on=date(2026, 1, 1),
        ends_on=date(2027, 12, 31),
    )
    from fund import money_flow

    today = timezone.localdate()
    money_flow.plan(
        grant,
        [
            {
                "amount": grant.amount_awarded,
                "condition": TrancheCondition.REPORT_APPROVED,
                "due_on": today - timedelta(days=3),
            }
        ],
        by=officer,
    )
    found = eligibility.problems(open_call, complete_draft.organization, today)
    assert any("متأخرة في تقرير" in problem for problem in found)
    assert not eligibility.problems(
        open_call, complete_draft.organization, today - timedelta(days=5)
    )
