"""Reference data that ships with the code: Egypt's governorates.

The two-digit codes are those of the national ID (DESIGN.md). A migration loads
them into the Governorate table; the national-ID parser reads them from here so
that it needs no database.
"""

from typing import TYPE_CHECKING

from core import memo

if TYPE_CHECKING:  # migrations read this module before the models are ready
    from core.models import Governorate


GOVERNORATES: tuple[tuple[str, str, str], ...] = (
    ("01", "القاهرة", "Cairo"),
    ("02", "الإسكندرية", "Alexandria"),
    ("03", "بورسعيد", "Port Said"),
    ("04", "السويس", "Suez"),
    ("11", "دمياط", "Damietta"),
    ("12", "الدقهلية", "Dakahlia"),
    ("13", "الشرقية", "Sharqia"),
    ("14", "القليوبية", "Qalyubia"),
    ("15", "كفر الشيخ", "Kafr El Sheikh"),
    ("16", "الغربية", "Gharbia"),
    ("17", "المنوفية", "Monufia"),
    ("18", "البحيرة", "Beheira"),
    ("19", "الإسماعيلية", "Ismailia"),
    ("21", "الجيزة", "Giza"),
    ("22", "بني سويف", "Beni Suef"),
    ("23", "الفيوم", "Fayoum"),
    ("24", "المنيا", "Minya"),
    ("25", "أسيوط", "Assiut"),
    ("26", "سوهاج", "Sohag"),
    ("27", "قنا", "Qena"),
    ("28", "أسوان", "Aswan"),
    ("29", "الأقصر", "Luxor"),
    ("31", "البحر الأحمر", "Red Sea"),
    ("32", "الوادي الجديد", "New Valley"),
    ("33", "مطروح", "Matrouh"),
    ("34", "شمال سيناء", "North Sinai"),
    ("35", "جنوب سيناء", "South Sinai"),
)

GOVERNORATE_CODES = frozenset(code for code, _ar, _en in GOVERNORATES)

# "88" in a national ID means the holder was born abroad.
BORN_ABROAD_CODE = "88"


@memo.for_seconds(600)
def governorates() -> dict[str, "Governorate"]:
    """The governorate rows by code (they change only by law)."""
    from core.models import Governorate

    return {g.code: g for g in Governorate.objects.all()}
