"""Tracking numbers and secret codes.

A tracking number is eight random digits and a Damm check digit, so a single
mistyped digit and any swap of two neighbouring digits is caught before lookup.
Random, not sequential, so numbers cannot be walked.

The secret code that goes with it is read aloud on the phone and typed on a phone:
ten characters from 26 that neither look nor sound alike (no 0/O, 1/I/L, 5/S, 2/Z,
and no P or V, which Arabic speakers say as B and F), shown in two groups of five,
and read back whatever the case, spacing or digit script. 26^10 is about 2^47: with
at most ``CODE_TRIES`` tries per case number an hour, guessing one case's code would
take some 800 million years. Codes given before (16 case-sensitive characters) still
open their cases, typed exactly.
"""

import hashlib
import hmac
import secrets

from django.utils.translation import gettext as _
from stdnum import damm

from core.rate_limits import hit
from core.text import clean_text, only_digits

BODY_DIGITS = 8


def new_tracking_number() -> str:
    body = str(secrets.randbelow(9 * 10 ** (BODY_DIGITS - 1)) + 10 ** (BODY_DIGITS - 1))
    return body + damm.calc_check_digit(body)


def parse_tracking_number(raw: str) -> str | None:
    """The tracking number in ``raw`` (any digits, spaces, dashes), or None if it is not one."""
    digits = only_digits(raw or "")
    if len(digits) != BODY_DIGITS + 1 or not digits.isascii() or not digits.isdigit():
        return None
    return digits if damm.is_valid(digits) else None


def format_tracking_number(number: str) -> str:
    return f"{number[:3]}-{number[3:6]}-{number[6:]}"


CODE_ALPHABET = "23456789ABCDEFGHJKMNQRTWXY"
CODE_LENGTH = 10
CODE_TRIES = "10/h"
_SEPARATORS = str.maketrans("", "", " -‐‑–—_.")


def new_token() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """``K7M4PQ9XR2`` as ``K7M4P-Q9XR2``: two groups to read aloud."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}" if len(code) == CODE_LENGTH else code


def normalize_code(typed: str) -> str:
    """What a person typed, as the code it is: digits of any script, any case, spaces
    and dashes ignored."""
    return clean_text(typed or "").translate(_SEPARATORS).upper()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def token_digest(token: str) -> str:
    """The stored form of a newly given code (the code itself is never stored)."""
    return _digest(normalize_code(token))


def candidate_digests(typed: str) -> list[str]:
    """The digests a typed code may be stored under: as a code of today, and as a code
    given before the change (16 characters, case-sensitive, kept exactly as typed)."""
    digests = [token_digest(typed)]
    legacy = _digest((typed or "").strip())
    return digests if legacy in digests else [*digests, legacy]


def tokens_match(token: str, digest: str) -> bool:
    return any(hmac.compare_digest(c, digest) for c in candidate_digests(token))


class TooManyTries(Exception):
    """More codes were tried for one case number this hour than a person would type."""


def too_many_tries_message() -> str:
    return _(
        "Too many codes were tried for this number in the last hour. Wait an hour, then "
        "try again with the code you were given."
    )


def within_tries(number: str) -> bool:
    """Count one try of a code for this case number; False once past ``CODE_TRIES`` an
    hour, from any address: a code cannot be guessed by spreading tries over many."""
    return hit("case-code", number, CODE_TRIES).allowed
