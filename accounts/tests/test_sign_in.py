import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from core.models import AuditEntry

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-pass"


def _post_sign_in(client, username, password=PASSWORD, **extra):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, **extra
    )


def test_a_citizen_signs_in_with_a_password_alone(client, make_user):
    citizen = make_user(Role.CITIZEN)
    response = _post_sign_in(client, citizen.username)
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert AuditEntry.objects.filter(action="accounts.signed_in", actor=citizen).exists()


@pytest.mark.parametrize(
    "role", [r for r in Role if r not in (Role.CITIZEN, Role.ORGANIZATION_MEMBER)]
)
def test_staff_cannot_reach_any_page_before_the_second_factor(client, make_user, role):
    staff = make_user(role, governorate="01" if role == Role.DIRECTORATE_OFFICER else None)
    _post_sign_in(client, staff.username)
    response = client.get(reverse("registry:change_requests"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_first_sign_in_sets_up_an_authenticator_then_lets_the_officer_in(client, make_user):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    _post_sign_in(client, officer.username)
    page = client.get(reverse("accounts:two_factor"))
    assert b"data:image/svg+xml" in page.content  # the QR code, inline, no external image
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    response = client.post(
        reverse("accounts:two_factor"),
        {"token": f"{totp(device.bin_key):06d}", "next": "/registry/change-requests/"},
    )
    assert response.status_code == 302 and response["Location"] == "/registry/change-requests/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("registry:change_requests")).status_code == 200
    assert AuditEntry.objects.filter(action="accounts.second_factor_enrolled").exists()


def test_a_wrong_code_is_refused_with_a_message(client, make_user):
    officer = make_user(Role.CENTRAL_OFFICER)
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    _post_sign_in(client, officer.username)
    wrong = f"{(totp(device.bin_key) + 1) % 1_000_000:06d}"
    response = client.post(reverse("accounts:two_factor"), {"token": wrong})
    assert response.status_code == 200
    assert "الرمز غير صحيح" in response.content.decode()
    assert client.get(reverse("registry:change_requests")).status_code == 302


def test_a_code_typed_in_arabic_digits_is_accepted(client, make_user):
    officer = make_user(Role.AUDITOR)
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    _post_sign_in(client, officer.username)
    code = f"{totp(device.bin_key):06d}".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    response = client.post(reverse("accounts:two_factor"), {"token": code})
    assert response.status_code == 302


def test_the_next_address_cannot_lead_off_site(client, make_user):
    officer = make_user(Role.AUDITOR)
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    _post_sign_in(client, officer.username)
    response = client.post(
        reverse("accounts:two_factor"),
        {"token": f"{totp(device.bin_key):06d}", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("complaints:workbench")  # their work, not off site


def test_a_wrong_password_says_so_in_arabic(client, make_user):
    citizen = make_user()
    response = _post_sign_in(client, citizen.username, "wrong-password")
    assert response.status_code == 200
    assert "اسم المستخدم أو كلمة المرور غير صحيحة" in response.content.decode()


def test_sign_out_needs_a_post_and_ends_the_session(client, make_user):
    citizen = make_user()
    _post_sign_in(client, citizen.username)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_a_citizen_lands_in_their_own_space_not_on_the_account_page(client, make_user):
    citizen = make_user(password="a-long-test-pass")
    response = client.post(
        reverse("accounts:login"), {"username": citizen.username, "password": "a-long-test-pass"}
    )
    assert response["Location"] == reverse("portal:mine")
