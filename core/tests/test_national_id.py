import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from core.national_id import Sex, parse_national_id

TODAY = datetime.date(2026, 11, 29)


def test_a_valid_id_gives_birth_date_governorate_and_sex():
    parsed = parse_national_id("29001010112345", today=TODAY)
    assert parsed.birth_date == datetime.date(1990, 1, 1)
    assert parsed.governorate_code == "01"
    assert parsed.sex == Sex.FEMALE  # 13th digit 4 is even


def test_the_thirteenth_digit_odd_means_male():
    assert parse_national_id("30512310212357", today=TODAY).sex == Sex.MALE


def test_arabic_indic_digits_spaces_and_dashes_are_accepted():
    parsed = parse_national_id("٢٩٠-٠١٠١ ٠١ ۱۲۳۴ ٥", today=TODAY)
    assert parsed.number == "29001010112345"


@pytest.mark.parametrize("last_digit", "0123456789")
def test_the_check_digit_never_decides(last_digit):
    assert parse_national_id("2900101011234" + last_digit, today=TODAY)


def test_born_abroad_is_accepted():
    assert parse_national_id("29001018812345", today=TODAY).born_abroad


def test_masking_shows_only_the_last_four_digits():
    assert parse_national_id("29001010112345", today=TODAY).masked().endswith("2345")
    assert "2900" not in parse_national_id("29001010112345", today=TODAY).masked()


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("2900101011234", "length"),
        ("290010101123456", "length"),
        ("2900101011234x", "characters"),
        ("19001010112345", "century"),
        ("29002300112345", "date"),
        ("29013010112345", "date"),
        ("32612310112345", "future"),
        ("29001019912345", "governorate"),
        ("29001010512345", "governorate"),
    ],
)
def test_each_wrong_part_is_named(raw, code):
    with pytest.raises(ValidationError) as caught:
        parse_national_id(raw, today=TODAY)
    assert caught.value.code == code


def test_the_error_is_in_the_readers_language():
    with pytest.raises(ValidationError) as caught:
        parse_national_id("29001019912345", today=TODAY)
    with translation.override("ar"):
        assert "ليسا كود محافظة" in caught.value.messages[0]
        assert "99" in caught.value.messages[0]
    with translation.override("en"):
        assert "not a governorate code" in caught.value.messages[0]
