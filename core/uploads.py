"""Uploaded files: judged by their content, cleaned of metadata, never trusted by name."""

import hashlib
import io
import secrets
import warnings
from dataclasses import dataclass
from datetime import timedelta

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone
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


# How long a file sent with a refused form is kept for the person's next try.
HELD_FOR = timedelta(days=1)


def hold(key: str, files: list[CleanFile]) -> None:
    """Keep files that arrived sound with a form refused for something else."""
    from core.models import HeldUpload

    for clean in files:
        HeldUpload.keep(clean, key=key)


def held(key: str):
    from core.models import HeldUpload

    return list(HeldUpload.objects.filter(key=key).order_by("pk")) if key else []


def take_held(key: str, *, drop: frozenset[int] = frozenset()) -> list[CleanFile]:
    """The files kept for ``key`` (but those the person removed), as cleaned files ready
    to keep where they belong; the held copies go once the change is saved."""
    taken = []
    for stored in held(key):
        if stored.pk not in drop:
            with stored.file.open("rb") as data:
                content = ContentFile(data.read())
            taken.append(
                CleanFile(
                    content=content,
                    stored_name=stored.stored_name,
                    display_name=stored.display_name,
                    content_type=stored.content_type,
                    size=stored.size,
                    sha256=stored.sha256,
                )
            )
        _forget(stored)
    return taken


def _forget(stored) -> None:
    stored.delete()
    transaction.on_commit(lambda: stored.file.delete(save=False))


def forget_stale_held(now=None) -> int:
    """Remove what was kept for forms nobody sent again."""
    from core.models import HeldUpload

    stale = HeldUpload.objects.filter(held_at__lt=(now or timezone.now()) - HELD_FOR)
    count = 0
    for stored in stale:
        _forget(stored)
        count += 1
    return count


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
