import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from complaints import actions
from complaints.models import Category, Channel
from core.models import Governorate


def jpeg_with_gps(name="photo.jpg") -> SimpleUploadedFile:
    """A real JPEG whose EXIF carries a GPS position, as phones write it."""
    image = Image.new("RGB", (64, 48), "orange")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (30.0, 2.0, 40.0), 3: "E", 4: (31.0, 14.0, 10.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def small_pdf(name="letter.pdf") -> SimpleUploadedFile:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": "Someone private"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


@pytest.fixture
def new_case(db):
    def make(category="cash_support", governorate="02", **extra):
        data = actions.CaseInput(
            category=Category.objects.get(code=category),
            description=extra.pop("description", "لم يصرف الدعم النقدي منذ ثلاثة أشهر"),
            governorate=Governorate.objects.get(code=governorate),
            complainant_name=extra.pop("complainant_name", "منى عبد الرحمن"),
            national_id=extra.pop("national_id", "29001010112345"),
            phone=extra.pop("phone", "+201001234567"),
            **extra,
        )
        return actions.submit_case(data, channel=Channel.WEB)

    return make
