"""Uploaded files: judged by their content, cleaned of metadata, never trusted by name."""

import hashlib
import io
import secrets
import warnings
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError

from core import audit
from core.text import clean_text

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
IMAGE_FORMATS = {
    "image/jpeg": ("JPEG", "jpg"),
    "image/png": ("PNG", "png"),
    "image/webp": ("WEBP", "webp"),
}
PDF = "application/pdf"
# For a file input's ``accept``: what the browser should offer to pick.
ACCEPTED_TYPES = ",".join([*IMAGE_FORMATS, PDF])


@dataclass(frozen=True)
class CleanFile:
    content: ContentFile
    stored_name: str
    display_name: str
    content_type: str
    size: int
    sha256: str


def _refuse(message, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _clean_image(data: bytes, pil_format: str) -> bytes:
    """Re-encode the pixels alone: EXIF (GPS!), XMP and comments do not survive."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise _refuse(_("The picture is too large in pixels."), "too_many_pixels")
                image = ImageOps.exif_transpose(image)
                if pil_format == "JPEG" and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                out = io.BytesIO()
                image.save(out, format=pil_format)
                return out.getvalue()
        except (
            OSError,
            SyntaxError,
            ValueError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
        ) as error:
            raise _refuse(
                _("The picture could not be read; it may be damaged."), "unreadable_image"
            ) from error


def _clean_pdf(data: bytes) -> bytes:
    """Copy the pages alone: document metadata, scripts and attachments are left behind."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse(
                _("The PDF is protected with a password; send it without one."), "encrypted_pdf"
            )
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise _refuse(
            _("The PDF could not be read; it may be damaged."), "unreadable_pdf"
        ) from error


def clean_upload(upload) -> CleanFile:
    """Check and clean one uploaded file, or raise ValidationError saying what is wrong."""
    if upload.size > MAX_BYTES:
        raise _refuse(_("Each file may be at most 10 MB."), "too_large")
    data = upload.read()
    kind = filetype.guess(data[:8192])
    mime = kind.mime if kind else ""
    if mime in IMAGE_FORMATS:
        pil_format, extension = IMAGE_FORMATS[mime]
        cleaned = _clean_image(data, pil_format)
    elif mime == PDF:
        extension, cleaned = "pdf", _clean_pdf(data)
    else:
        raise _refuse(
            _("Only pictures (JPEG, PNG, WebP) and PDF files can be attached."), "file_type"
        )
    # Only the last part of whatever path the browser sent, for display; never a path here.
    base = str(upload.name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = clean_text(base)[:100] or f"attachment.{extension}"
    return CleanFile(
        content=ContentFile(cleaned),
        stored_name=f"{secrets.token_hex(16)}.{extension}",
        display_name=name,
        content_type=mime,
        size=len(cleaned),
        sha256=hashlib.sha256(cleaned).hexdigest(),
    )


def serve(request, stored, *, action: str, obj) -> FileResponse:
    """Hand a kept file (a core.models.StoredFile) to the person who asked, as a download
    under the name they know it by, and write in the audit log who opened it."""
    audit.record(
        action, actor=request.user, obj=obj, ip=audit.client_ip(request), data={"file": stored.pk}
    )
    return FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.display_name,
        content_type=stored.content_type,
    )
