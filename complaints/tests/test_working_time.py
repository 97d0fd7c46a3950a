from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from complaints.sla import CAIRO, add_working_time, working_time_between

SUNDAY_9 = datetime(2026, 11, 29, 9, 0, tzinfo=CAIRO)  # a Sunday


def test_time_counts_within_official_hours():
    assert add_working_time(SUNDAY_9, timedelta(hours=2)) == SUNDAY_9.replace(hour=11)
    assert add_working_time(SUNDAY_9, timedelta(hours=7)) == datetime(
        2026, 11, 30, 9, 0, tzinfo=CAIRO
    )


def test_a_case_filed_on_thursday_evening_is_due_after_the_weekend():
    thursday_evening = datetime(2026, 12, 3, 20, 0, tzinfo=CAIRO)
    due = add_working_time(thursday_evening, timedelta(hours=2))
    assert due == datetime(2026, 12, 6, 10, 0, tzinfo=CAIRO)  # Sunday 10:00


def test_holidays_are_skipped():
    holiday = {date(2026, 11, 30)}
    assert add_working_time(SUNDAY_9, timedelta(hours=7), holiday) == datetime(
        2026, 12, 1, 9, 0, tzinfo=CAIRO
    )


def test_working_time_between_skips_nights_and_weekends():
    wednesday_14 = datetime(2026, 12, 2, 14, 0, tzinfo=CAIRO)
    sunday_9 = datetime(2026, 12, 6, 9, 0, tzinfo=CAIRO)
    # Wed 14-15, Thu 8-15: 8 hours; Sun 8-9: 1 hour.
    assert working_time_between(wednesday_14, sunday_9) == timedelta(hours=9)


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),  # noqa: DTZ001 (naive bounds, as hypothesis wants)
    st.integers(min_value=0, max_value=200 * 60),
)
def test_adding_then_measuring_gives_the_same_amount(start, minutes):
    start = start.replace(tzinfo=CAIRO)
    amount = timedelta(minutes=minutes)
    assert working_time_between(start, add_working_time(start, amount)) == amount
