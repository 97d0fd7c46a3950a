"""One pattern for a refused form on every page: a summary at the top that lists each
problem as a link to its field, "Error:" before the page's title, and each field
saying beforehand whether it must be filled in."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _summary(page: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    return match.group() if match else ""


def test_a_page_shown_first_has_no_summary_and_marks_required_and_optional_fields(client):
    page = client.get("/accounts/sign-up/").content.decode()
    assert not _summary(page) and "<title>خطأ" not in page
    assert re.search(r"اسم المستخدم\s*<span class=\"required\">\(مطلوب\)", page)
    assert re.search(r"اسم العائلة\s*<span class=\"optional\">\(اختياري\)", page)


def test_a_refused_form_lists_each_problem_linked_to_its_field(client):
    page = client.post(
        "/accounts/sign-up/",
        {"username": "nour sami", "first_name": "", "password1": "abc", "password2": "abc"},
    ).content.decode()
    summary = _summary(page)
    assert page.count("<title>خطأ: ") == 1
    assert "autofocus" in summary and 'role="alert"' in summary
    for field in ("username", "first_name", "password1"):
        assert f'href="#id_{field}"' in summary
    # What was typed is still there to correct.
    assert 'value="nour sami"' in page


def test_password_rules_are_said_in_arabic_where_the_password_was_typed(client):
    page = client.post(
        "/accounts/sign-up/",
        {"username": "nour", "first_name": "نور", "password1": "abc", "password2": "abc"},
    ).content.decode()
    assert "كلمة المرور قصيرة: تحتاج إلى 10 أحرف على الأقل." in page
    assert "too short" not in page and "This password" not in page
    first_box = page.index('id="id_password1"')
    assert page.index("كلمة المرور قصيرة") < first_box < page.index('id="id_password2"')


def test_the_signs_of_a_user_name_keep_their_order_in_arabic(client):
    page = client.get("/accounts/sign-up/").content.decode()
    # Isolated left to right, and never broken over two lines.
    assert "\u2066@\u00a0.\u00a0+\u00a0-\u00a0_\u2069" in page


def test_the_same_in_english(client):
    page = client.post("/en/accounts/sign-up/", {"username": "", "password1": "abc"}).content
    page = page.decode()
    assert "<title>Error: " in page and "There is a problem" in page
    assert "at least 10 characters" in page


def test_every_form_leaves_checking_to_sanad():
    """The browser's own checks would stop a form with a bubble in its own words, in the
    browser's language, before Sanad's summary could say what is wrong."""
    import re
    from pathlib import Path

    from django.conf import settings

    unchecked = [
        f"{path.relative_to(settings.BASE_DIR)}: {tag}"
        for path in Path(settings.BASE_DIR).glob("*/templates/**/*.html")
        for tag in re.findall(r"<form\b[^>]*>", path.read_text(encoding="utf-8"))
        if "novalidate" not in tag
    ]
    assert not unchecked, "\n".join(unchecked)


def test_no_label_says_itself_whether_its_field_is_needed():
    """The marks beside a label say it ("(required)", "(optional)", or the cases a field is
    needed in): a label that says it too reads "(if any) (optional)" or contradicts them."""
    from django.utils import translation

    from core.tests.every_form import every_form

    says_need = re.compile(
        r"\((if any|optional|required|needed|if |when |for a|for someone)", re.IGNORECASE
    )
    with translation.override("en"):
        labels = [
            f"{where}.{name}: {field.label}"
            for where, form in every_form()
            for name, field in form.fields.items()
            if says_need.search(str(field.label or ""))
        ]
    assert not labels, "\n".join(labels)


def test_an_action_refused_for_one_field_puts_its_message_beside_that_field(
    client, make_user, make_organization, make_member, sign_in
):
    """A fund award decided without its dates: the refusal is the grant start's, and the
    summary links to its box."""
    from fund.models import ApplicationStatus
    from fund.tests.builders import submitted_application

    organization = make_organization()
    _, application = submitted_application(organization, make_member(organization))
    application.status = ApplicationStatus.IN_REVIEW
    application.save(update_fields=["status"])
    sign_in(client, make_user("fund_officer"))
    page = client.post(
        f"/fund/staff/applications/{application.pk}/",
        {"action": "decide", "decision": "fund", "reason": "مشروع قوي", "confirm": "on"},
    ).content.decode()
    assert '<a href="#id_starts_on">' in page
