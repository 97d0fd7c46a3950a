"""The licence certificate: one A4 page, Arabic and English, with a QR code that opens the
public verification page.

Arabic is shaped by HarfBuzz (fpdf2's text shaping), so letters join and run right to
left; numbers and the address of the verification page are written in their own
left-to-right cells, so the bidirectional algorithm never reorders them.
"""

import io
from pathlib import Path

import segno
from django.utils import translation
from fpdf import FPDF

from care.models import Licence

FONTS = Path(__file__).resolve().parent / "fonts"
GREEN = (11, 87, 64)


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_title("Sanad licence certificate")
    pdf.set_creator("Sanad")
    pdf.add_font("naskh", "", FONTS / "NotoNaskhArabic-Regular.ttf")
    pdf.add_font("naskh", "B", FONTS / "NotoNaskhArabic-Bold.ttf")
    pdf.add_font("sans", "", FONTS / "NotoSans-Regular.ttf")
    pdf.add_font("sans", "B", FONTS / "NotoSans-Bold.ttf")
    pdf.add_page()
    return pdf


def _arabic(pdf: FPDF, text: str, size: int, *, bold=False, align="R", height=10) -> None:
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab", language="ar")
    pdf.set_font("naskh", "B" if bold else "", size)
    pdf.cell(0, height, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _latin(pdf: FPDF, text: str, size: int, *, bold=False, align="L", height=8) -> None:
    pdf.set_text_shaping(use_shaping_engine=True, direction="ltr", script="latn", language="en")
    pdf.set_font("sans", "B" if bold else "", size)
    pdf.cell(0, height, text, align=align, new_x="LMARGIN", new_y="NEXT")


def _labels(licence: Licence, language: str) -> dict:
    with translation.override(language):
        facility = licence.facility
        return {
            "kind": facility.get_kind_display(),
            "governorate": str(facility.governorate),
        }


def render(licence: Licence, verify_url: str) -> bytes:
    facility = licence.facility
    ar, en = _labels(licence, "ar"), _labels(licence, "en")
    pdf = _pdf()
    pdf.set_draw_color(*GREEN)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, 194, 281)
    pdf.set_text_color(*GREEN)
    pdf.set_y(16)
    # Noto Naskh Arabic has no Latin letters, dashes or hyphens: Arabic lines keep to
    # Arabic letters, digits and Arabic punctuation; Latin goes on its own lines.
    _arabic(pdf, "جمهورية مصر العربية، وزارة التضامن الاجتماعي", 14, align="C")
    _arabic(pdf, "ترخيص مزاولة نشاط", 26, bold=True, align="C", height=16)
    _latin(pdf, "Licence to operate", 18, bold=True, align="C", height=10)
    pdf.set_text_color(20, 20, 20)
    pdf.ln(6)
    _arabic(pdf, facility.name_ar, 20, bold=True, align="C", height=13)
    if facility.name_en:
        _latin(pdf, facility.name_en, 14, align="C")
    pdf.ln(4)
    _arabic(pdf, f"{ar['kind']}، {ar['governorate']}", 15, align="C")
    _latin(pdf, f"{en['kind']}, {en['governorate']}", 12, align="C")
    pdf.ln(6)
    _arabic(pdf, "رقم الترخيص", 13, align="C", height=8)
    _latin(pdf, "Licence number", 10, align="C", height=6)
    _latin(pdf, licence.number, 22, bold=True, align="C", height=12)
    pdf.ln(2)
    _arabic(pdf, "مدة الصلاحية", 13, align="C", height=8)
    _latin(pdf, "Valid from and to", 10, align="C", height=6)
    _latin(
        pdf,
        f"{licence.issued_on.isoformat()}  —  {licence.valid_until.isoformat()}",
        15,
        bold=True,
        align="C",
    )
    _arabic(pdf, f"عدد الأماكن: {facility.capacity}", 13, align="C", height=9)
    if licence.conditional:
        pdf.set_text_color(150, 60, 0)
        _arabic(pdf, "ترخيص مشروط: تُستوفى الشروط في موعدها وإلا سقط الترخيص", 13, align="C")
        _latin(pdf, "Conditional licence: the conditions must be met on time", 11, align="C")
        pdf.set_text_color(20, 20, 20)
    qr = io.BytesIO()
    segno.make(verify_url, error="m").save(qr, kind="png", scale=10, border=2)
    qr.seek(0)
    pdf.image(qr, x=80, y=200, w=50)
    pdf.set_y(252)
    _arabic(pdf, "امسح الرمز للتحقق من صلاحية الترخيص الآن", 12, align="C", height=8)
    _latin(pdf, "Scan the code to check that the licence is valid today:", 10, align="C", height=6)
    _latin(pdf, verify_url, 9, align="C", height=6)
    return bytes(pdf.output())
