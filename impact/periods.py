"""Reporting periods are calendar quarters, each named by its first day."""

from datetime import date

from django.utils.translation import gettext as _


def quarter_of(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(period: date) -> date:
    month = period.month + 3
    return date(period.year + month // 13, (month - 1) % 12 + 1, 1)


def quarters(start: date, end: date) -> list[date]:
    """Every quarter from the one holding ``start`` to the one holding ``end``."""
    periods, period = [], quarter_of(start)
    while period <= end:
        periods.append(period)
        period = next_quarter(period)
    return periods


def label(period: date) -> str:
    return _("Q%(quarter)s %(year)s") % {
        "quarter": (period.month - 1) // 3 + 1,
        "year": period.year,
    }


def quarters_of_year(year: int) -> tuple[date, date]:
    """The first and the last quarter of a year."""
    return date(year, 1, 1), date(year, 10, 1)


def from_iso(text: str) -> date:
    return date.fromisoformat(text)
