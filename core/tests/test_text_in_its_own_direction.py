"""A box for text in one language takes that language's direction on any page: the
English name of an association is typed left to right on an Arabic page (its start was
cut off), the Arabic of a news item right to left on the English admin."""

import pytest

from core.forms import language_of
from core.tests.every_form import every_admin_form, every_form

pytestmark = pytest.mark.django_db


def _check(form, where) -> int:
    counted = 0
    for name, field in form.fields.items():
        language = language_of(name)
        if language is None or field.widget.is_hidden or not hasattr(field, "max_length"):
            continue
        attrs = field.widget.attrs
        expected = "rtl" if language == "ar" else "ltr"
        assert attrs.get("dir") == expected and attrs.get("lang") == language, f"{where}.{name}"
        counted += 1
    return counted


def test_every_form_types_each_language_in_its_direction():
    assert sum(_check(form, where) for where, form in every_form()) >= 3


def test_every_admin_form_types_each_language_in_its_direction(admin_user):
    assert sum(_check(form, where) for where, form in every_admin_form(admin_user)) >= 20


def test_the_english_name_on_the_arabic_page_is_typed_left_to_right(
    client, sign_in, make_organization, make_member
):
    organization = make_organization()
    sign_in(client, make_member(organization))
    page = client.get(f"/registry/{organization.pk}/propose-change/").content.decode()
    assert 'name="name_en"' in page and 'lang="en" dir="ltr"' in page
