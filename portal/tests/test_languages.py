import re

import pytest

pytestmark = pytest.mark.django_db


def _html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_the_home_page_is_arabic_and_right_to_left_by_default(client):
    response = client.get("/")
    assert response.status_code == 200
    assert _html_tag(response) == '<html lang="ar" dir="rtl">'
    assert "انتقل إلى المحتوى الرئيسي" in response.content.decode()


def test_the_english_home_page_is_left_to_right(client):
    response = client.get("/en/")
    assert _html_tag(response) == '<html lang="en" dir="ltr">'
    assert "Skip to main content" in response.content.decode()


def test_an_arabic_browser_preference_does_not_turn_english_pages_arabic(client):
    response = client.get("/en/registry/", HTTP_ACCEPT_LANGUAGE="ar")
    assert _html_tag(response) == '<html lang="en" dir="ltr">'


def test_the_language_switch_keeps_the_page_and_the_query(client):
    page = client.get(
        "/registry/?q=%D8%A7%D9%84%D8%AE%D9%8A%D8%B1&kind=association"
    ).content.decode()
    assert 'href="/en/registry/?q=%D8%A7%D9%84%D8%AE%D9%8A%D8%B1&amp;kind=association"' in page
    english = client.get("/en/registry/?kind=association").content.decode()
    assert 'href="/registry/?kind=association"' in english


def test_pages_have_landmarks_and_a_skip_link(client):
    page = client.get("/").content.decode()
    for landmark in ("<header", "<nav", '<main id="main"', "<footer", 'href="#main"'):
        assert landmark in page


def test_pages_load_nothing_from_other_sites(client):
    page = client.get("/").content.decode()
    addresses = re.findall(r'(?:src|href|content)="((?:https?:)?//[^/"]+)', page)
    assert addresses  # the canonical address and the shared-link picture are absolute
    assert set(addresses) == {"http://testserver"}
    assert "default-src 'self'" in client.get("/")["Content-Security-Policy"]
