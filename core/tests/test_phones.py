import pytest
from django.core.exceptions import ValidationError

from core.phones import format_phone, parse_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("01001234567", "+201001234567"),
        ("٠١٠٠١٢٣٤٥٦٧", "+201001234567"),
        ("+20 100 123 4567", "+201001234567"),
        ("0020-115-123-4567", "+201151234567"),
        ("02 2345 6789", "+20223456789"),
    ],
)
def test_numbers_are_stored_as_e164(typed, stored):
    assert parse_phone(typed) == stored


@pytest.mark.parametrize("typed", ["123", "0109", "not a number", "01301234567"])
def test_impossible_numbers_are_refused_with_a_message(typed):
    with pytest.raises(ValidationError) as caught:
        parse_phone(typed)
    assert caught.value.messages[0]


def test_egyptian_numbers_show_in_national_form():
    assert format_phone("+201001234567") == "010 01234567"
    assert format_phone("+441632960961").startswith("+44")
