"""Pictures for news and events: only images, cleaned like any upload, then made no
wider than a large phone needs, so a reader on a slow line does not pay for a camera's
twelve megapixels."""

import hashlib
import io
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.uploads import IMAGE_FORMATS, CleanFile, clean_upload
from portal.models import Picture

LONGEST_SIDE = 1280


@dataclass(frozen=True)
class PreparedPicture:
    clean: CleanFile
    width: int
    height: int

    def keep(self) -> Picture:
        return Picture.keep(self.clean, width=self.width, height=self.height)


def prepare_picture(upload) -> PreparedPicture:
    """The picture ready to keep, or ValidationError saying what is wrong; nothing is
    saved yet, so a form refused for another reason leaves no file behind."""
    clean = clean_upload(upload)
    if clean.content_type not in IMAGE_FORMATS:
        raise ValidationError(
            _("Only pictures (JPEG, PNG, WebP) can illustrate news and events."),
            code="file_type",
        )
    with Image.open(clean.content) as image:
        image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
        out = io.BytesIO()
        image.save(out, format=IMAGE_FORMATS[clean.content_type][0])
        width, height = image.size
    data = out.getvalue()
    resized = replace(
        clean, content=ContentFile(data), size=len(data), sha256=hashlib.sha256(data).hexdigest()
    )
    return PreparedPicture(resized, width, height)


def keep_picture(upload) -> Picture:
    """Check, clean, resize and save ``upload`` at once (demo data, tests)."""
    return prepare_picture(upload).keep()
