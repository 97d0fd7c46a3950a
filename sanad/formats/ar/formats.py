"""Arabic as Egypt writes it: "6 ديسمبر 2026" (no comma between month and year) and a
24-hour clock after an Arabic comma; the number separators of Egyptian forms and
receipts, a point for piastres and a comma between thousands, so a page shows amounts
the way our messages write them and people type them."""

from django.conf.locale.ar.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y، H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 6  # Saturday; the work week runs Sunday to Thursday
