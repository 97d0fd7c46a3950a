"""Service levels counted in working time: Sunday to Thursday, official hours, no holidays.

Pure functions over aware datetimes; the holidays come in as a set of dates so the
same code serves the workbench, the escalation job and the tests.
"""

from collections.abc import Collection
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

CAIRO = ZoneInfo("Africa/Cairo")
DAY_START = time(8, 0)
DAY_END = time(15, 0)
WORKING_DAY = timedelta(hours=7)
# Monday is 0: Friday (4) and Saturday (5) are the Egyptian weekend.
WEEKEND = frozenset({4, 5})


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() not in WEEKEND and day not in holidays


def _open_hours(day: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(day, DAY_START, tzinfo=CAIRO),
        datetime.combine(day, DAY_END, tzinfo=CAIRO),
    )


def add_working_time(
    start: datetime, amount: timedelta, holidays: Collection[date] = ()
) -> datetime:
    """The moment ``amount`` of working time after ``start``."""
    moment = start.astimezone(CAIRO)
    remaining = amount
    day = moment.date()
    while True:
        if is_working_day(day, holidays):
            opens, closes = _open_hours(day)
            begin = max(moment, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
        day += timedelta(days=1)
        moment = datetime.combine(day, time(0, 0), tzinfo=CAIRO)


def working_time_between(
    start: datetime, end: datetime, holidays: Collection[date] = ()
) -> timedelta:
    """Working time from ``start`` to ``end`` (zero if ``end`` is not later)."""
    start, end = start.astimezone(CAIRO), end.astimezone(CAIRO)
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if is_working_day(day, holidays):
            opens, closes = _open_hours(day)
            begin, finish = max(start, opens), min(end, closes)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total
