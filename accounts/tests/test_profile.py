import pytest
from django.urls import reverse

from core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_a_phone_typed_in_arabic_digits_is_saved_as_e164(client, make_user, sign_in):
    citizen = make_user()
    sign_in(client, citizen)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "منى",
            "last_name": "",
            "email": citizen.email,
            "phone": "٠١٠٠ ١٢٣ ٤٥٦٧",
            "preferred_language": "ar",
        },
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.phone == "+201001234567"
    entry = AuditEntry.objects.get(action="accounts.profile_updated")
    assert sorted(entry.data["fields"]) == ["first_name", "phone"]
    assert "+20" not in str(entry.data)  # the log names the fields, not the personal data


def test_a_bad_phone_keeps_everything_typed_and_saves_nothing(client, make_user, sign_in):
    citizen = make_user()
    sign_in(client, citizen)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "منى",
            "last_name": "عبد الرحمن",
            "email": citizen.email,
            "phone": "123",
            "preferred_language": "ar",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "ليس رقم هاتف صحيحًا" in page
    assert 'value="عبد الرحمن"' in page
    citizen.refresh_from_db()
    assert citizen.first_name == ""


def test_an_error_is_tied_to_its_field_for_screen_readers(client, make_user, sign_in):
    citizen = make_user()
    sign_in(client, citizen)
    page = client.post(
        reverse("accounts:profile"),
        {
            "email": citizen.email,
            "phone": "123",
            "preferred_language": "ar",
        },
    ).content.decode()
    assert 'aria-describedby="id_phone_error"' in page and 'aria-invalid="true"' in page
    assert 'id="id_phone_error"' in page
