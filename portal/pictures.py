"""Pictures for news and events: only images, cleaned like any upload, then made no
wider than a large phone needs, so a reader on a slow line does not pay for a camera's
twelve megapixels."""

import hashlib
import io
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image

from core.uploads import IMAGE_FORMATS, clean_upload
from portal.models import Picture

LONGEST_SIDE = 1280


def keep_picture(upload) -> Picture:
    """Save ``upload`` as a Picture, or raise ValidationError saying what is wrong."""
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
    return Picture.keep(
        replace(
            clean,
            content=ContentFile(data),
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        ),
        width=width,
        height=height,
    )
