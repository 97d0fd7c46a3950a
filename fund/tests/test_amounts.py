from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.money import parse_amount


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("١٥٠٠٠٠", "150000.00"),
        ("١٥٠٬٠٠٠", "150000.00"),
        ("150,000 EGP", "150000.00"),
        ("150000.5", "150000.50"),
        ("٢٥٠٠٫٧٥ جنيه", "2500.75"),
        (" 3\u200f000 ", "3000.00"),  # a right-to-left mark pasted from a document
    ],
)
def test_amounts_are_read_as_people_type_them(typed, amount):
    assert parse_amount(typed) == Decimal(amount)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("-5000", "not_positive"),
        ("0", "not_positive"),
        ("خمسة آلاف", "not_a_number"),
        ("", "not_a_number"),
        ("100.123", "too_precise"),
        ("5000000000", "absurd"),
        ("1e9999", "absurd"),
        ("NaN", "not_positive"),
    ],
)
def test_bad_amounts_are_refused_with_the_reason(typed, code):
    with pytest.raises(ValidationError) as refused:
        parse_amount(typed)
    assert refused.value.code == code
