"""Phone numbers, parsed with ``phonenumbers`` and stored as E.164 (region EG)."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.text import clean_text

DEFAULT_REGION = "EG"


def parse_phone(raw: str) -> str:
    """Return ``raw`` as E.164 (``+201001234567``) or raise ValidationError."""
    text = clean_text(raw)
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("Enter a phone number such as 010 1234 5678 or +20 2 2345 6789."),
            code="phone_unreadable",
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("%(number)s is not a valid phone number."),
            code="phone_invalid",
            params={"number": text},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Show a stored number the way people read it: national form at home, international abroad."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, DEFAULT_REGION)
    if number.country_code == 20:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
