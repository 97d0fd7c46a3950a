"""The licence certificate: one A4 page, Arabic and English, with a QR code that opens the
public verification page (drawn with ``core.certificates``)."""

from django.utils import translation

from care.models import Licence
from core.certificates import GREEN, Certificate


def _labels(licence: Licence, language: str) -> dict:
    with translation.override(language):
        facility = licence.facility
        return {"kind": facility.get_kind_display(), "governorate": str(facility.governorate)}


def render(licence: Licence, verify_url: str) -> bytes:
    facility = licence.facility
    ar, en = _labels(licence, "ar"), _labels(licence, "en")
    page = Certificate("Sanad licence certificate")
    page.colour(GREEN)
    page.arabic("جمهورية مصر العربية، وزارة التضامن الاجتماعي", 14)
    page.arabic("ترخيص مزاولة نشاط", 26, bold=True, height=16)
    page.latin("Licence to operate", 18, bold=True, height=10)
    page.colour()
    page.gap(6)
    page.arabic(facility.name_ar, 20, bold=True, height=13)
    if facility.name_en:
        page.latin(facility.name_en, 14)
    page.gap(4)
    page.arabic(f"{ar['kind']}، {ar['governorate']}", 15)
    page.latin(f"{en['kind']}, {en['governorate']}", 12)
    page.gap(6)
    page.arabic("رقم الترخيص", 13, height=8)
    page.latin("Licence number", 10, height=6)
    page.latin(licence.number, 22, bold=True, height=12)
    page.gap(2)
    page.arabic("مدة الصلاحية", 13, height=8)
    page.latin("Valid from and to", 10, height=6)
    page.latin(
        f"{licence.issued_on.isoformat()}  —  {licence.valid_until.isoformat()}", 15, bold=True
    )
    page.arabic(f"عدد الأماكن: {facility.capacity}", 13, height=9)
    if licence.conditional:
        page.colour((150, 60, 0))
        page.arabic("ترخيص مشروط: تُستوفى الشروط في موعدها وإلا سقط الترخيص", 13)
        page.latin("Conditional licence: the conditions must be met on time", 11)
    page.verification(verify_url)
    return page.output()
