from hypothesis import given
from hypothesis import strategies as st

from complaints.tracking import (
    format_tracking_number,
    new_tracking_number,
    parse_tracking_number,
)


def test_a_new_number_is_nine_digits_and_valid():
    number = new_tracking_number()
    assert len(number) == 9 and number.isdigit()
    assert parse_tracking_number(number) == number


@given(st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_any_single_wrong_digit_is_caught(position, shift):
    number = new_tracking_number()
    wrong = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    assert parse_tracking_number(wrong) is None


@given(st.integers(min_value=0, max_value=7))
def test_any_swap_of_neighbouring_digits_is_caught(position):
    number = new_tracking_number()
    if number[position] == number[position + 1]:
        return  # swapping equal digits changes nothing
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert parse_tracking_number(swapped) is None


def test_numbers_can_be_typed_with_arabic_digits_and_dashes():
    number = new_tracking_number()
    arabic = format_tracking_number(number).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert parse_tracking_number(arabic) == number
    assert parse_tracking_number("") is None and parse_tracking_number("12") is None
