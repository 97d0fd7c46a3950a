"""Arabic formats as Egypt writes them: Django's dates, with the number separators of
Egyptian forms and receipts — a point for piastres, a comma between thousands — so that
a page shows amounts the way our messages write them and people type them."""

from django.conf.locale.ar.formats import *  # noqa: F403

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
