"""Arabic-aware text normalization.

Two functions, two jobs:
- ``clean_text`` makes input safe to store and show: it removes invisible and
  bidi-control characters and tatweel and turns Arabic-Indic digits into ASCII,
  but keeps every letter and diacritic the writer chose.
- ``search_key`` folds text to one form for matching: on top of cleaning it
  drops diacritics, unifies alef forms, ta marbuta/ha, alef maqsura/ya and case.
  Index with it and query with it, on SQLite and PostgreSQL alike.
"""

import re
import unicodedata

TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Letter variants folded for search. Alef forms with hamza or madda lose their
# mark to the NFKD decomposition below; these are the ones it keeps apart.
_SEARCH_LETTERS = str.maketrans(
    {
        "ة": "ه",  # ta marbuta → ha
        "ى": "ي",  # alef maqsura → ya
        "ی": "ي",  # Persian ya
        "ک": "ك",  # Persian kaf
        "ٱ": "ا",  # alef wasla
    }
)
_KEPT_CONTROLS = {"\n", "\t"}
_NOT_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"[^\S\n]+")


def _is_invisible(char: str) -> bool:
    """Format (Cf: bidi controls, zero-width joiners, BOM) and control (Cc) characters."""
    category = unicodedata.category(char)
    return (category == "Cf" or category == "Cc" or category == "Cs") and (
        char not in _KEPT_CONTROLS
    )


def clean_text(value: str) -> str:
    """Return ``value`` fit to store and display: same words, no hidden characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(c for c in value if c != TATWEEL and not _is_invisible(c))
    value = unicodedata.normalize("NFC", value.translate(_DIGITS))
    # NFC can recompose a tatweel-free string but never adds hidden characters;
    # spaces are collapsed last so the result is stable under a second pass.
    return _SPACES.sub(" ", value).strip()


def search_key(value: str) -> str:
    """Return the folded form of ``value`` used to index and to query text."""
    value = unicodedata.normalize("NFKD", value)
    value = unicodedata.normalize("NFKD", value.casefold())
    kept = []
    for char in value:
        if char == TATWEEL or _is_invisible(char) or unicodedata.category(char) == "Mn":
            continue
        kept.append(char)
    value = "".join(kept).translate(_DIGITS).translate(_SEARCH_LETTERS)
    return _NOT_WORD.sub(" ", value).strip()


# Separators people put between thousands: the comma of Egyptian forms and receipts,
# Arabic's own ٬, spaces, apostrophes and underscores.
_GROUPING = re.compile(r"[\s,٬'’_]")


def western_number(value: str) -> str:
    """``"١٬٢٥٠٫٥"`` as ``"1250.5"``: digits of any script made ASCII, the Arabic decimal
    separator made a point, thousands separators dropped. What is left is for a number
    parser to accept or refuse."""
    return _GROUPING.sub("", clean_text(value).replace("٫", "."))


def only_digits(value: str) -> str:
    """ASCII digits of ``value`` with spaces and dashes removed (for IDs and numbers)."""
    return re.sub(r"[\s\-‐-―−]+", "", clean_text(value))
