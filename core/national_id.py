"""Egyptian national ID numbers: parse, never guess.

Fourteen digits: century (2 = 1900s, 3 = 2000s), birth date YYMMDD, governorate
code, a four-digit serial whose last digit is odd for men and even for women,
and a check digit. The check digit's algorithm is not published and
implementations disagree, so it is never used to reject a number.
"""

import datetime
import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.reference import BORN_ABROAD_CODE, GOVERNORATE_CODES
from core.text import only_digits

CENTURIES = {"2": 1900, "3": 2000}


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class NationalIdError(StrEnum):
    """Stable codes for what is wrong with a national ID (API clients key on them)."""

    LENGTH = "length"
    CHARACTERS = "characters"
    CENTURY = "century"
    DATE = "date"
    FUTURE = "future"
    GOVERNORATE = "governorate"


MESSAGES = {
    NationalIdError.LENGTH: _("A national ID has 14 digits; this one has %(count)d."),
    NationalIdError.CHARACTERS: _("A national ID holds digits only."),
    NationalIdError.CENTURY: _(
        "The first digit of a national ID is 2 (born in the 1900s) or 3 (born in the 2000s)."
    ),
    NationalIdError.DATE: _("Digits 2 to 7 of the national ID are not a real birth date."),
    NationalIdError.FUTURE: _("The birth date in the national ID is in the future."),
    NationalIdError.GOVERNORATE: _(
        "Digits 8 and 9 of the national ID (%(code)s) are not a governorate code."
    ),
}


@dataclass(frozen=True)
class NationalId:
    number: str
    birth_date: datetime.date
    governorate_code: str
    sex: Sex

    @property
    def born_abroad(self) -> bool:
        return self.governorate_code == BORN_ABROAD_CODE

    def masked(self) -> str:
        """Show only the last four digits, as staff screens do."""
        return "•" * 10 + self.number[-4:]


def _invalid(error: NationalIdError, **params: object) -> ValidationError:
    return ValidationError(MESSAGES[error], code=error.value, params=params or None)


def parse_national_id(raw: str, *, today: datetime.date | None = None) -> NationalId:
    """Parse ``raw`` (any digit script, spaces and dashes allowed) or raise ValidationError."""
    number = only_digits(raw)
    if not number.isascii() or not number.isdigit():
        raise _invalid(NationalIdError.CHARACTERS)
    if len(number) != 14:
        raise _invalid(NationalIdError.LENGTH, count=len(number))
    century = CENTURIES.get(number[0])
    if century is None:
        raise _invalid(NationalIdError.CENTURY)
    try:
        birth_date = datetime.date(century + int(number[1:3]), int(number[3:5]), int(number[5:7]))
    except ValueError:
        raise _invalid(NationalIdError.DATE) from None
    if birth_date > (today or timezone.localdate()):
        raise _invalid(NationalIdError.FUTURE)
    governorate_code = number[7:9]
    if governorate_code not in GOVERNORATE_CODES and governorate_code != BORN_ABROAD_CODE:
        raise _invalid(NationalIdError.GOVERNORATE, code=governorate_code)
    sex = Sex.MALE if int(number[12]) % 2 else Sex.FEMALE
    return NationalId(number, birth_date, governorate_code, sex)


def national_id_digest(national_id: str) -> str:
    """Keyed, so a leaked table does not reveal IDs by trying all plausible numbers."""
    if not national_id:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, national_id.encode(), hashlib.sha256).hexdigest()
