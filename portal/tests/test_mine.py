"""A person's own space: their cases (filed signed in, or added with number and code),
applications and certificates, seen by no one else; tracking without an account works."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Role, User
from complaints import actions
from complaints.models import Category, Channel
from core.models import AuditEntry, Governorate
from training import people
from training.models import Certificate, Cohort, Course

pytestmark = pytest.mark.django_db

NATIONAL_ID = "29001010112345"


def file_case(by=None, description="لم يصرف الدعم النقدي منذ ثلاثة أشهر"):
    data = actions.CaseInput(
        category=Category.objects.get(code="cash_support"),
        description=description,
        governorate=Governorate.objects.get(code="02"),
        complainant_name="منى عبد الرحمن",
        phone="+201001234567",
    )
    return actions.submit_case(data, channel=Channel.WEB, by=by)


def certificate_for(national_id=NATIONAL_ID, code="SND-7K2Q") -> Certificate:
    trainer = User.objects.create_user("trainer-x", role=Role.TRAINER)
    course = Course.objects.create(
        code="digital-literacy", title_ar="محو الأمية الرقمية", title_en="Digital literacy",
        programme="Takaful", hours=12, target_groups=["beneficiary"],
    )  # fmt: skip
    cohort = Cohort.objects.create(
        course=course, governorate_id="02", venue="قاعة", starts_on=date(2026, 1, 10),
        ends_on=date(2026, 1, 31), trainer=trainer, capacity=5,
    )  # fmt: skip
    trainee, _ = people.register(
        by=trainer, national_id=national_id, name="منى عبد الرحمن", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    enrolment = people.enrol(cohort, trainee, by=trainer)
    return Certificate.objects.create(enrolment=enrolment, code=code, issued_on=date(2026, 2, 1))


def test_a_citizen_makes_an_account_and_lands_in_their_space(client):
    response = client.post(
        reverse("accounts:sign_up"),
        {
            "username": "mona",
            "first_name": "منى",
            "last_name": "",
            "phone": "٠١٠٠١٢٣٤٥٦٧",
            "email": "",
            "password1": "a-long-citizen-pass",
            "password2": "a-long-citizen-pass",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("portal:mine")
    user = User.objects.get(username="mona")
    assert user.role == Role.CITIZEN and not user.is_staff
    assert user.phone == "+201001234567"
    assert AuditEntry.objects.filter(action="accounts.signed_up", object_id=str(user.pk)).exists()
    again = client.post(reverse("accounts:sign_up"), {"username": "mona"})
    assert again.status_code == 302  # already signed in: straight to the space


def test_a_sign_up_with_mismatched_passwords_keeps_what_was_typed(client):
    response = client.post(
        reverse("accounts:sign_up"),
        {
            "username": "mona",
            "first_name": "منى",
            "password1": "a-long-citizen-pass",
            "password2": "another-one",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and not User.objects.filter(username="mona").exists()
    assert 'value="منى"' in page and 'value="mona"' in page


def test_the_space_lists_the_persons_own_cases_only(client, make_user, sign_in):
    citizen, other = make_user(), make_user()
    mine = file_case(by=citizen).case
    theirs = file_case(by=other).case
    sign_in(client, citizen)
    page = client.get(reverse("portal:mine")).content.decode()
    assert mine.number_shown in page and theirs.number_shown not in page
    case_page = client.get(reverse("portal:my_case", args=[mine.tracking_number]))
    assert "لم يصرف الدعم النقدي" not in case_page.content.decode()  # never the description
    assert mine.get_status_display() in case_page.content.decode()
    assert client.get(reverse("portal:my_case", args=[theirs.tracking_number])).status_code == 404


def test_a_case_filed_without_an_account_is_added_with_its_number_and_code(
    client, make_user, sign_in
):
    submitted = file_case()
    citizen = sign_in(client, make_user()) and User.objects.latest("pk")
    wrong = client.post(
        reverse("portal:mine"),
        {"case-number": submitted.case.number_shown, "case-token": "not-the-code"},
    )
    assert "لا توجد شكوى" in wrong.content.decode() or "No case matches" in wrong.content.decode()
    submitted.case.refresh_from_db()
    assert submitted.case.citizen is None

    client.post(
        reverse("portal:mine"),
        {"case-number": submitted.case.number_shown, "case-token": submitted.token},
    )
    submitted.case.refresh_from_db()
    assert submitted.case.citizen == citizen
    assert submitted.case.number_shown in client.get(reverse("portal:mine")).content.decode()
    # Someone else with the same number and code cannot take it over.
    other = sign_in(type(client)(), make_user())
    other.post(
        reverse("portal:mine"),
        {"case-number": submitted.case.number_shown, "case-token": submitted.token},
    )
    submitted.case.refresh_from_db()
    assert submitted.case.citizen == citizen
    # Tracking with number and code, without signing in, still works.
    tracked = type(client)().post(
        reverse("complaints:track"),
        {"number": submitted.case.number_shown, "token": submitted.token},
    )
    assert submitted.case.get_status_display() in tracked.content.decode()


def test_a_certificate_is_added_with_the_national_id_it_was_issued_to(client, make_user, sign_in):
    certificate = certificate_for()
    sign_in(client, make_user())
    refused = client.post(
        reverse("portal:mine"),
        {"certificate-code": "snd-7k2q", "certificate-national_id": "29001010112346"},
    )
    assert "محو الأمية الرقمية" not in refused.content.decode()
    client.post(
        reverse("portal:mine"),
        {"certificate-code": "snd-7k2q", "certificate-national_id": "٢٩٠٠١٠١٠١١٢٣٤٥"},
    )
    page = client.get(reverse("portal:mine")).content.decode()
    assert "محو الأمية الرقمية" in page
    assert reverse("training:verify", args=[certificate.code]) in page


def test_an_organization_member_sees_their_organizations_grant_applications(
    client, make_organization, make_member, sign_in
):
    from decimal import Decimal

    from django.utils import timezone

    from fund.models import Application, ApplicationStatus, Call

    organization = make_organization()
    member = make_member(organization)
    call = Call.objects.create(
        code="innovation-2026", title_ar="منح الابتكار", title_en="Innovation grants",
        opens_at=timezone.now(), closes_at=timezone.now(), total_budget=Decimal(1_000_000),
        grant_floor=Decimal(50_000), grant_ceiling=Decimal(500_000),
    )  # fmt: skip
    Application.objects.create(
        call=call,
        organization=organization,
        title="مشروع محو الأمية الرقمية",
        status=ApplicationStatus.SUBMITTED,
        created_by=member,
    )
    sign_in(client, member)
    assert "مشروع محو الأمية الرقمية" in client.get(reverse("portal:mine")).content.decode()
    outsider = sign_in(type(client)(), make_member(make_organization("جمعية أخرى")))
    assert "مشروع محو الأمية الرقمية" not in outsider.get(reverse("portal:mine")).content.decode()


def test_the_space_asks_to_sign_in(client):
    response = client.get(reverse("portal:mine"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_an_answered_case_is_rated_from_the_space_without_its_code(client, make_user, sign_in):
    citizen = make_user()
    case = file_case(by=citizen).case
    officer = make_user("directorate_officer", governorate="02")
    actions.assign(case, by=officer, reason="للفحص")
    actions.reply(case, "صُرف الدعم عن الأشهر الثلاثة.", by=officer, final=True)
    sign_in(client, citizen)
    page = reverse("portal:my_case", args=[case.tracking_number])
    assert "صُرف الدعم عن الأشهر الثلاثة." in client.get(page).content.decode()
    response = client.post(page, {"action": "rate", "score": "5"}, follow=True)
    case.refresh_from_db()
    assert case.satisfaction == 5
    assert 'name="score"' not in response.content.decode()  # rated once
    # Someone else's space cannot rate it.
    other = sign_in(type(client)(), make_user())
    assert other.post(page, {"action": "reopen", "reason": "لم يصل"}).status_code == 404
