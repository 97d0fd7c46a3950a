"""Paired Arabic/English fields and the one accessor that picks the active language."""

from django.utils.translation import get_language


def active_language() -> str:
    return (get_language() or "ar")[:2]


def localized(obj: object, field: str) -> str:
    """``obj.<field>_en`` in English, ``obj.<field>_ar`` otherwise, falling back to Arabic."""
    value = getattr(obj, f"{field}_{active_language()}", "")
    return value or getattr(obj, f"{field}_ar", "")


class LocalizedNameMixin:
    """For models with ``name_ar`` and ``name_en``: ``.name`` in the reader's language."""

    name_ar: str
    name_en: str

    @property
    def name(self) -> str:
        return localized(self, "name")

    def __str__(self) -> str:
        return self.name
