"""Every error page, in both languages, in the site's layout, saying what happened and
what to do next; the 500 page is drawn without touching the database."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from accounts.models import Role
from core import views

TITLES = {
    400: ("تعذّرت قراءة هذا الطلب", "We could not read that request"),
    403: ("لا يمكنك فتح هذه الصفحة", "You cannot open this page"),
    404: ("الصفحة غير موجودة", "Page not found"),
    429: ("محاولات كثيرة في وقت قصير", "Too many tries in a short while"),
    500: ("عذرًا، حدثت مشكلة من جهتنا", "Sorry, there is a problem on our side"),
}
HANDLERS = {
    400: views.bad_request,
    403: views.permission_denied,
    404: views.page_not_found,
    429: views.rate_limited,
    500: views.server_error,
}


def _in_the_layout(page: str, language: str) -> None:
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert 'class="site-header"' in page and 'class="site-footer"' in page
    assert "/static/core/sanad.css" in page
    assert 'href="/"' in page or 'href="/en/"' in page  # the way home


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("status", [400, 403, 404, 429])
def test_each_error_page_in_each_language(rf, language, status, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get(f"/{'en/' if language == 'en' else ''}somewhere/")
    request.user, request.LANGUAGE_CODE = AnonymousUser(), language
    with translation.override(language):
        response = HANDLERS[status](request, Exception("no"))
    page = response.content.decode()
    assert response.status_code == status
    _in_the_layout(page, language)
    assert TITLES[status][0 if language == "ar" else 1] in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_500_page_needs_no_database(language):
    """No db fixture here: any query would fail the test."""
    request = RequestFactory().get("/")
    with translation.override(language):
        response = views.server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    _in_the_layout(page, language)
    assert TITLES[500][0 if language == "ar" else 1] in page


@pytest.mark.django_db
def test_a_mistyped_address_gets_the_not_found_page_in_its_language(client):
    arabic = client.get("/no-such-page/")
    english = client.get("/en/no-such-page/")
    assert arabic.status_code == english.status_code == 404
    assert TITLES[404][0] in arabic.content.decode()
    assert TITLES[404][1] in english.content.decode()
    assert 'name="q"' in english.content.decode()  # a search to find it instead


@pytest.mark.django_db
def test_a_request_for_another_host_gets_the_bad_request_page(client):
    response = client.get("/", HTTP_HOST="sanad.evil.example")
    assert response.status_code == 400
    assert TITLES[400][0] in response.content.decode()


@pytest.mark.django_db
def test_a_form_sent_without_its_safety_code_says_what_to_do(db):
    response = Client(enforce_csrf_checks=True).post("/en/complaints/track/", {"number": "1"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "reload the page and send it again" in page


@pytest.mark.django_db
def test_an_officer_opening_another_governorates_case_is_told_why(client, make_user, sign_in):
    from complaints import actions
    from complaints.models import Category, Channel
    from core.models import Governorate

    case = actions.submit_case(
        actions.CaseInput(
            category=Category.objects.get(code="nurseries"),
            governorate=Governorate.objects.get(code="02"),
            description="الحضانة تغلق أبوابها مبكرًا كل يوم",
        ),
        channel=Channel.WEB,
    ).case
    sign_in(client, make_user(Role.DIRECTORATE_OFFICER, governorate="01"))
    response = client.get(f"/complaints/work/{case.tracking_number}/")
    page = response.content.decode()
    assert response.status_code == 403
    assert "هذا السجل تابع لمحافظة الإسكندرية" in page and "القاهرة" in page


@pytest.mark.django_db
def test_a_citizen_is_told_nothing_about_a_case_that_is_not_theirs(client, make_user, sign_in):
    sign_in(client, make_user(Role.DIRECTORATE_OFFICER, governorate="01"))
    assert client.get("/complaints/work/2026000000017/").status_code == 404
