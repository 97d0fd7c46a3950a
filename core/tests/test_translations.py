"""Every string a person reads has its Arabic translation, and none is fuzzy.

Strings are extracted from the source itself (Python and templates), so a new
string that was never added to the catalogue fails here, not only an empty one.
"""

import io
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "sanad",
    "core",
    "accounts",
    "registry",
    "complaints",
    "fund",
    "triage",
    "care",
    "training",
    "impact",
    "maturity",
    "portal",
]
CATALOGUE = ROOT / "locale" / "ar" / "LC_MESSAGES" / "django.po"
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "ngettext_lazy": (1, 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            if path.suffix == ".py":
                yield path, path.read_bytes()
            elif path.suffix in {".html", ".txt"} and "templates" in path.parts:
                code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
                yield path, code.encode()


def _source_messages():
    for path, code in _sources():
        for _line, message, _comments, context in extract("python", io.BytesIO(code), KEYWORDS):
            key = message[0] if isinstance(message, tuple) else message
            if key:
                yield path.relative_to(ROOT), key, context


@pytest.fixture(scope="module")
def catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="ar")


def test_every_source_string_has_an_arabic_translation(catalogue):
    missing = []
    for path, msgid, context in _source_messages():
        entry = catalogue.get(msgid, context=context)
        strings = (
            entry.string
            if entry and isinstance(entry.string, tuple)
            else ((entry.string,) if entry else ("",))
        )
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(f"{path}: {msgid!r}")
    assert not missing, "Untranslated strings:\n" + "\n".join(sorted(set(missing)))


def test_the_catalogue_has_no_fuzzy_or_empty_entries(catalogue):
    bad = [
        message.id
        for message in catalogue
        if message.id
        and (
            message.fuzzy
            or not all(message.string if isinstance(message.string, tuple) else (message.string,))
        )
    ]
    assert not bad


def test_the_extraction_finds_strings_at_all():
    """Guards the test above: an extractor that finds nothing would pass it vacuously."""
    found = {msgid for _path, msgid, _context in _source_messages()}
    assert "Skip to main content" in found
    assert "A national ID holds digits only." in found
    assert len(found) > 150
