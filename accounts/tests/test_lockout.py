import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, make_user):
    citizen = make_user(password="the-right-password")
    url = reverse("accounts:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": citizen.username, "password": "wrong"})
    response = client.post(url, {"username": citizen.username, "password": "the-right-password"})
    assert response.status_code == 429
    assert "أُوقف تسجيل الدخول" in response.content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_the_lockout_page_is_in_english_on_english_pages(client, make_user):
    citizen = make_user()
    url = reverse("accounts:login").replace("/accounts/", "/en/accounts/", 1)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(url, {"username": citizen.username, "password": "wrong"})
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()


def test_one_address_guessing_across_many_accounts_is_slowed_down(client, make_user, settings):
    settings.SIGN_IN_RATE = "20/h"
    url = reverse("accounts:login")
    for n in range(20):
        client.post(url, {"username": f"guess-{n}", "password": "wrong"})
    citizen = make_user(password="the-right-password")
    response = client.post(url, {"username": citizen.username, "password": "the-right-password"})
    assert response.status_code == 429


def test_colleagues_behind_one_address_are_not_locked_out_by_one_persons_mistakes(
    client, make_user
):
    careless, colleague = make_user(), make_user(password="the-right-password")
    url = reverse("accounts:login")
    for _ in range(10):
        client.post(url, {"username": careless.username, "password": "wrong"})
    response = client.post(url, {"username": colleague.username, "password": "the-right-password"})
    assert response.status_code == 302
