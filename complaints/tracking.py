"""Tracking numbers and secret tokens.

A tracking number is eight random digits and a Damm check digit, so a single
mistyped digit and any swap of two neighbouring digits is caught before lookup.
Random, not sequential, so numbers cannot be walked.
"""

import hashlib
import hmac
import secrets

from stdnum import damm

from core.text import only_digits

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


def new_token() -> str:
    return secrets.token_urlsafe(12)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()


def tokens_match(token: str, digest: str) -> bool:
    return hmac.compare_digest(token_digest(token), digest)
