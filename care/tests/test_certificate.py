"""The certificate: Arabic shaped and in logical order, and a QR code that opens the
verification page."""

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def pdf(client, licensed):
    response = client.get(reverse("care:certificate", args=[licensed.number]))
    assert response["Content-Type"] == "application/pdf"
    return pdfium.PdfDocument(response.content)


def test_the_arabic_text_comes_out_in_logical_order(pdf):
    text = pdf[0].get_textpage().get_text_range()
    # Extracted as it is read: right to left letters in their logical order.
    assert "حضانة براعم النور" in text
    assert "ترخيص مزاولة نشاط" in text
    assert "02-1-000001" in text and "Baraem El Nour Nursery" in text


def test_the_qr_code_opens_the_verification_page(pdf, settings, licensed):
    image = pdf[0].render(scale=2).to_pil()
    (code,) = zxingcpp.read_barcodes(image)
    assert code.text == settings.SITE_URL + reverse("care:verify", args=[licensed.key])


def test_a_certificate_of_an_unknown_number_is_not_found(client, db):
    assert client.get(reverse("care:certificate", args=["123"])).status_code == 404
