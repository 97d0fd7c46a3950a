"""Every number box of Sanad takes the digits people type: Western, Arabic-Indic (٣٠٠) or
Eastern Arabic-Indic (۳۰۰), with Arabic separators.

A browser's ``type=number`` box drops Arabic-Indic digits before the form is sent, so
the test walks every form class the project defines (and every admin form), finds each
numeric field, checks that it is not drawn as such a box, and types a number into it.
The walk is core/tests/every_form.py: a new form that needs arguments to be built must
be given a builder there, and this test fails until it is, so no form escapes.
"""

from decimal import Decimal

import pytest
from django import forms

from core.forms import AmountField, DigitTolerantField
from core.tests.every_form import every_admin_form, every_form

pytestmark = pytest.mark.django_db

ARABIC_INDIC = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
NUMBER_FIELDS = forms.IntegerField | forms.DecimalField | forms.FloatField | AmountField
EASTERN_ARABIC_INDIC = str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬")


def _numeric_fields(form):
    return {name: field for name, field in form.fields.items() if isinstance(field, NUMBER_FIELDS)}


def _a_fitting_number(field) -> str:
    """A value the field accepts, written in Western digits with a decimal if it has any."""
    low = field.min_value if getattr(field, "min_value", None) is not None else 0
    high = field.max_value if getattr(field, "max_value", None) is not None else low + 2000
    places = getattr(field, "decimal_places", None)
    if getattr(field, "max_digits", None):
        high = min(high, 10 ** (field.max_digits - (places or 0)) - 1)
    whole = max(int((Decimal(low) + Decimal(high)) / 2), 1)
    if isinstance(field, AmountField):
        return f"{whole * 100:,}.50"
    if isinstance(field, forms.DecimalField | forms.FloatField) and places != 0:
        return f"{whole}.5"
    return str(whole)


def _typed(field, name, typed):
    data = {name: typed}
    return field.clean(field.widget.value_from_datadict(data, {}, name))


def _check(form, where):
    numeric = _numeric_fields(form)
    for name, field in numeric.items():
        assert isinstance(field, DigitTolerantField | AmountField), (
            f"{where}.{name} is a plain {type(field).__name__}: use core.forms' number fields"
        )
        if field.widget.is_hidden:
            continue
        html = str(form[name])
        assert 'type="number"' not in html, f"{where}.{name} is drawn as a number box"
        western = _a_fitting_number(field)
        expected = _typed(field, name, western)
        for script in (ARABIC_INDIC, EASTERN_ARABIC_INDIC):
            typed = western.translate(script)
            assert _typed(field, name, typed) == expected, f"{where}.{name} misread {typed}"
    return len(numeric)


def test_every_form_reads_numbers_typed_in_arabic_indic_digits():
    counted = sum(_check(form, where) for where, form in every_form())
    # The forms this was written against had these many typed number boxes; fewer means
    # the walk stopped finding them.
    assert counted >= 20, counted


def test_every_admin_form_reads_numbers_typed_in_arabic_indic_digits(admin_user):
    counted = sum(_check(form, where) for where, form in every_admin_form(admin_user))
    assert counted >= 10, counted


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("٣٠٠", 300),
        ("۳۰۰", 300),
        ("١٬٢٠٠", 1200),
        ("1,200", 1200),
        (" ٣٠٠ ", 300),
        ("\u200f٣٠٠", 300),
    ],
)
def test_a_whole_number_in_any_script_and_with_separators(typed, value):
    from core.forms import CleanIntegerField

    assert CleanIntegerField().clean(typed) == value


def test_a_decimal_with_the_arabic_decimal_separator():
    from core.forms import CleanDecimalField

    assert CleanDecimalField(decimal_places=1).clean("٦٫٥") == Decimal("6.5")


def test_a_number_shown_again_is_one_the_box_can_hold():
    from core.forms import CleanIntegerField

    class Form(forms.Form):
        n = CleanIntegerField(max_value=10)

    form = Form({"n": "١٢"})
    assert not form.is_valid()
    assert 'value="12"' in str(form["n"])
    assert 'inputmode="numeric"' in str(form["n"])
