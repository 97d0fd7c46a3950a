"""Triage in the complaints flow: proposals applied or waiting, critical cases raised at
once, duplicates linked, and people's corrections kept as labels."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Role
from complaints.models import Case, Urgency
from core.models import AuditEntry
from triage.models import Label, Proposal, ReviewState

pytestmark = pytest.mark.django_db

NURSERY = "الحضانة اللي جنبنا مش مرخصة وفيها اطفال كتير في اوضة واحدة والمصاريف غالية"


def test_a_confident_proposal_routes_the_case_and_says_why(settings, file_case):
    settings.TRIAGE_CONFIDENCE = 0.2
    case = file_case(NURSERY, category="digital_services")
    case.refresh_from_db()
    proposal = case.triage
    assert proposal.state == ReviewState.APPLIED
    assert case.category.code == "nurseries" == proposal.category_code
    assert proposal.filed_category_code == "digital_services"
    assert proposal.words and proposal.version.number == 1
    assert case.queue.code == "directorate-02"  # routed by the new category


def test_a_doubtful_proposal_leaves_the_case_as_filed_and_waits_for_a_person(file_case):
    case = file_case("عايز استفسر عن حاجة", category="cash_support")  # threshold above 1
    case.refresh_from_db()
    assert case.category.code == "cash_support"
    assert case.triage.state == ReviewState.WAITING


def test_a_possibly_critical_case_is_made_critical_and_the_directorate_hears_at_once(
    make_user, file_case
):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    elsewhere = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    mail.outbox.clear()
    case = file_case("المشرفة في الحضانة بتضرب ابني كل يوم وجسمه عليه كدمات", category="nurseries")
    case.refresh_from_db()
    assert case.urgency == Urgency.CRITICAL and case.triage.possibly_critical
    alerted = [m.to for m in mail.outbox if "شكوى قد تكون حرجة" in m.subject]
    assert [officer.email] in alerted and [elsewhere.email] not in alerted


@pytest.mark.parametrize(
    "strange", ["", "😡😡😡", "0123456789", "please help me", "ا" * 4000, "qwerty asdf"]
)
def test_strange_text_is_received_and_waits_for_people(settings, file_case, strange):
    settings.TRIAGE_CONFIDENCE = 0.5
    case = file_case(strange or ".", category="cash_support")
    assert Case.objects.filter(pk=case.pk).exists()
    assert Proposal.objects.get(case=case).state == ReviewState.WAITING


def test_the_same_person_with_nearly_the_same_words_links_to_the_open_case(file_case):
    first = file_case(
        "المعاش بتاع تكافل وكرامة موقف من ٣ شهور ومحدش بيرد", national_id="29001010112345"
    )
    again = file_case(
        "المعاش بتاع تكافل و كرامه موقف من 3 شهور ومحدش بيرد!!", national_id="29001010112345"
    )
    other = file_case("الحضانة مش مرخصة", national_id="29001010112345")
    stranger = file_case(
        "المعاش بتاع تكافل وكرامة موقف من ٣ شهور ومحدش بيرد", national_id="28502020154321"
    )
    assert again.triage.possible_duplicate == first
    assert other.triage.possible_duplicate is None
    assert stranger.triage.possible_duplicate is None


def test_an_officer_corrects_a_proposal_and_the_correction_is_a_label(
    client, sign_in, make_user, file_case
):
    case = file_case("عايز اعرف ازاي اسجل جمعية جديدة", category="cash_support")
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    sign_in(client, officer)
    page = client.get(reverse("triage:queue")).content.decode()
    assert case.tracking_number in page
    proposal = case.triage
    client.post(
        reverse("triage:settle", args=[proposal.pk]),
        {f"p{proposal.pk}-category": "ngo_affairs", f"p{proposal.pk}-urgency": "high"},
    )
    case.refresh_from_db()
    assert (case.category.code, case.urgency) == ("ngo_affairs", "high")
    label = Label.objects.get(case=case)
    assert (label.category_code, label.urgency, label.by) == ("ngo_affairs", "high", officer)
    assert label.corrected == (
        proposal.category_code != "ngo_affairs" or proposal.urgency != "high"
    )
    assert AuditEntry.objects.filter(action__startswith="triage.proposal_", actor=officer).exists()
    proposal.refresh_from_db()
    assert proposal.state in (ReviewState.CORRECTED, ReviewState.CONFIRMED)


def test_each_officer_sees_only_their_governorates_proposals(client, sign_in, make_user, file_case):
    mine = file_case("الموظف في الوحدة بيزعق في الناس", governorate="02")
    theirs = file_case("الموظف في الوحدة بيزعق في الناس", governorate="01")
    sign_in(client, make_user(Role.DIRECTORATE_OFFICER, governorate="02"))
    page = client.get(reverse("triage:queue")).content.decode()
    assert mine.tracking_number in page and theirs.tracking_number not in page
    response = client.post(
        reverse("triage:settle", args=[theirs.triage.pk]),
        {
            f"p{theirs.triage.pk}-category": "staff_conduct",
            f"p{theirs.triage.pk}-urgency": "normal",
        },
    )
    assert response.status_code == 404
    sign_in(client, make_user(Role.CITIZEN))
    assert client.get(reverse("triage:queue")).status_code == 403


def test_the_model_card_shows_scores_and_overrides(client, sign_in, make_user, file_case):
    auditor = make_user(Role.AUDITOR)
    page = sign_in(client, auditor).get(reverse("triage:model_card")).content.decode()
    assert "v1" in page and "الحضانات" in page  # per-category scores, by name
    assert "حدود معروفة" in page


def test_the_model_card_counts_last_months_overrides_by_governorate(
    client, sign_in, make_user, file_case
):
    from complaints.models import Category
    from triage import review

    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    for text in ("الموظف بيزعق في الناس", "الموظف رفض يستلم الورق"):
        case = file_case(text, category="staff_conduct")
        review.settle(
            case.triage,
            category=Category.objects.get(code="training"),
            urgency="normal",
            by=officer,
        )  # both corrected: the model did not say training
    page = sign_in(client, make_user(Role.AUDITOR)).get(reverse("triage:model_card"))
    text = page.content.decode()
    assert "صحّح الموظفون 100% من الاقتراحات" in text
    assert "الإسكندرية" in text
