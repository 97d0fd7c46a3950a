"""Certificates as one-page PDFs, Arabic and English, with a QR code to a public
verification page: the piece the licences and the training certificates share.

Arabic is shaped by HarfBuzz (fpdf2's text shaping), so letters join and run right to
left. Noto Naskh Arabic has no Latin letters, dashes or hyphens: an Arabic line keeps to
Arabic letters, digits and Arabic punctuation, and Latin text (numbers with dashes,
addresses, English) goes on its own left-to-right line, where the bidirectional
algorithm cannot reorder it.
"""

import io
import logging
from pathlib import Path

import segno
from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
# fpdf2 subsets the fonts with fontTools, which logs every glyph it keeps at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)
GREEN = (11, 87, 64)
INK = (20, 20, 20)


class Certificate:
    def __init__(self, title: str):
        self.pdf = FPDF(format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_title(title)
        self.pdf.set_creator("Sanad")
        self.pdf.add_font("naskh", "", FONTS / "NotoNaskhArabic-Regular.ttf")
        self.pdf.add_font("naskh", "B", FONTS / "NotoNaskhArabic-Bold.ttf")
        self.pdf.add_font("sans", "", FONTS / "NotoSans-Regular.ttf")
        self.pdf.add_font("sans", "B", FONTS / "NotoSans-Bold.ttf")
        self.pdf.add_page()
        self.pdf.set_draw_color(*GREEN)
        self.pdf.set_line_width(1.2)
        self.pdf.rect(8, 8, 194, 281)
        self.pdf.set_y(16)

    def colour(self, rgb=INK) -> None:
        self.pdf.set_text_color(*rgb)

    def gap(self, millimetres: float) -> None:
        self.pdf.ln(millimetres)

    def arabic(self, text: str, size: int, *, bold=False, align="C", height=10) -> None:
        self.pdf.set_text_shaping(
            use_shaping_engine=True, direction="rtl", script="arab", language="ar"
        )
        self.pdf.set_font("naskh", "B" if bold else "", size)
        self.pdf.cell(0, height, text, align=align, new_x="LMARGIN", new_y="NEXT")

    def latin(self, text: str, size: int, *, bold=False, align="C", height=8) -> None:
        self.pdf.set_text_shaping(
            use_shaping_engine=True, direction="ltr", script="latn", language="en"
        )
        self.pdf.set_font("sans", "B" if bold else "", size)
        self.pdf.cell(0, height, text, align=align, new_x="LMARGIN", new_y="NEXT")

    def verification(self, url: str) -> None:
        """The QR code and the address it opens, at the foot of the page."""
        image = io.BytesIO()
        segno.make(url, error="m").save(image, kind="png", scale=10, border=2)
        image.seek(0)
        self.pdf.image(image, x=80, y=200, w=50)
        self.pdf.set_y(252)
        self.colour()
        self.arabic("امسح الرمز للتحقق من صحة الشهادة الآن", 12, height=8)
        self.latin("Scan the code to check this certificate today:", 10, height=6)
        self.latin(url, 9, height=6)

    def output(self) -> bytes:
        return bytes(self.pdf.output())
