import re

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_reset_link_arrives_by_email_and_sets_a_new_password(client, make_user):
    citizen = make_user()
    response = client.post(reverse("accounts:password_reset"), {"email": citizen.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    new = "a-brand-new-pass-2026"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    citizen.refresh_from_db()
    assert citizen.check_password(new)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert not mail.outbox


def test_the_reset_mail_is_in_the_readers_language(client, make_user):
    citizen = make_user()
    client.post("/en" + reverse("accounts:password_reset"), {"email": citizen.email})
    assert "reset your password" in mail.outbox[0].subject


def test_the_reset_form_refuses_a_flood_for_one_address(client, make_user):
    citizen = make_user()
    for _ in range(3):
        assert (
            client.post(reverse("accounts:password_reset"), {"email": citizen.email}).status_code
            == 302
        )
    response = client.post(reverse("accounts:password_reset"), {"email": citizen.email.upper()})
    assert response.status_code == 429
    assert "محاولات كثيرة في وقت قصير" in response.content.decode()
    assert len(mail.outbox) == 3


def test_the_reset_form_refuses_one_sender_probing_many_addresses(client, db):
    for n in range(10):
        client.post(reverse("accounts:password_reset"), {"email": f"person{n}@example.org"})
    response = client.post(reverse("accounts:password_reset"), {"email": "another@example.org"})
    assert response.status_code == 429
