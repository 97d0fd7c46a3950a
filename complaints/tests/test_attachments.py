import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from core.tests.files import jpeg_with_gps, small_pdf
from core.uploads import MAX_BYTES, clean_upload


def test_gps_and_other_metadata_are_removed_from_pictures():
    upload = jpeg_with_gps()
    with Image.open(io.BytesIO(upload.read())) as original:
        assert 0x8825 in original.getexif()
    upload.seek(0)
    cleaned = clean_upload(upload)
    with Image.open(io.BytesIO(cleaned.content.read())) as stored:
        assert not stored.getexif()
        assert stored.size == (64, 48)
    assert cleaned.content_type == "image/jpeg"


def test_pdf_pages_are_kept_and_document_metadata_dropped():
    cleaned = clean_upload(small_pdf())
    reader = PdfReader(io.BytesIO(cleaned.content.read()))
    assert len(reader.pages) == 1
    assert "/Author" not in (reader.metadata or {})


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 200),  # a Windows program named .pdf
        ("photo.jpg", b"#!/bin/sh\nrm -rf /\n"),
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("empty.pdf", b""),
    ],
)
def test_files_are_judged_by_content_not_name(name, content):
    with pytest.raises(ValidationError) as refused:
        clean_upload(SimpleUploadedFile(name, content))
    assert refused.value.code in {"file_type", "unreadable_pdf"}


def test_a_damaged_picture_is_refused():
    good = jpeg_with_gps().read()
    with pytest.raises(ValidationError) as refused:
        clean_upload(SimpleUploadedFile("broken.jpg", good[:200]))
    assert refused.value.code == "unreadable_image"


def test_a_pdf_that_only_starts_like_one_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_upload(SimpleUploadedFile("fake.pdf", b"%PDF-1.7\n" + b"garbage" * 50))
    assert refused.value.code == "unreadable_pdf"


def test_files_over_ten_megabytes_are_refused():
    with pytest.raises(ValidationError) as refused:
        clean_upload(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_BYTES))
    assert refused.value.code == "too_large"


def test_the_uploaders_file_name_is_never_a_path():
    cleaned = clean_upload(jpeg_with_gps(name="..\\..\\windows/../../etc/passwd.jpg"))
    assert cleaned.display_name == "passwd.jpg"
    assert "/" not in cleaned.stored_name and ".." not in cleaned.stored_name
    assert cleaned.stored_name.endswith(".jpg")
