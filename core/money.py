"""Amounts of money in Egyptian pounds, as people type them."""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.text import clean_text, western_number

# The largest amount any one line of a grant can hold: a billion pounds. Anything
# above is a typing accident (an extra zero or three), not a budget.
MAX_AMOUNT = Decimal("1000000000")
_CURRENCY = re.compile(r"(?i)(egp|le|l\.e\.?|جنيه(?:ا|ات)?|ج\.?\s?م\.?)")


def parse_amount(value: str | Decimal | int, *, allow_zero: bool = False) -> Decimal:
    """``"١٥٠٬٠٠٠"``, ``"150,000 EGP"`` or ``"150000.5"`` as Decimal('150000.50').

    Refuses, with a message that says why: no number, a negative or zero amount, more
    than two decimals (piastres), or more than a billion pounds. Zero passes only with
    ``allow_zero`` (nothing spent on a line, say).
    """
    if isinstance(value, Decimal | int):
        text = str(value)
    else:
        text = western_number(_CURRENCY.sub("", clean_text(str(value))))
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("“%(value)s” is not an amount: write it in digits, for example 150000."),
            code="not_a_number",
            params={"value": value},
        ) from None
    if not amount.is_finite() or amount < 0 or (amount == 0 and not allow_zero):
        message = (
            _("An amount cannot be negative.")
            if allow_zero
            else _("An amount must be more than zero.")
        )
        raise ValidationError(message, code="not_positive")
    if amount > MAX_AMOUNT:
        raise ValidationError(
            _("%(value)s pounds is more than any grant: check the number of zeros."),
            code="absurd",
            params={"value": f"{amount:,.0f}"},
        )
    if amount != amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise ValidationError(
            _("An amount has at most two decimals (piastres)."), code="too_precise"
        )
    return amount.quantize(Decimal("0.01"))


def format_pounds(amount: Decimal) -> str:
    """An amount for a message: grouped thousands and piastres, ``150,000.00``."""
    return f"{amount:,.2f}"
