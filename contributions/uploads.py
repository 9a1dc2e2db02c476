"""Checks and cleans files sent by the public: real type, size, and photos stripped of their metadata."""
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from ressources.validators import EXECUTABLE_SIGNATURES, check_upload, read_head

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
DOCUMENT_KINDS = ("pdf", "office", "zip")
DOCUMENT_CONTENT_TYPES = {"pdf": "application/pdf", "office": "application/octet-stream", "zip": "application/zip"}


@dataclass
class CleanFile:
    content: SimpleUploadedFile
    content_type: str
    size: int


def clean_photo(upload) -> CleanFile:
    """Re-encodes a photo: only pixels survive, no EXIF (photos often carry GPS positions)."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("Cette photo dépasse 10 Mo. Envoyez une version plus légère."), code="too_large")
    if read_head(upload, 8).startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(_("Ce fichier n'est pas une image."), code="not_image")
    try:
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        image = Image.open(upload)
        if image.width * image.height > MAX_PHOTO_PIXELS:
            raise ValidationError(_("Cette image est trop grande (plus de 40 mégapixels)."), code="too_many_pixels")
        image_format = image.format
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible."), code="not_image")
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("Formats acceptés pour les photos : JPEG, PNG, WebP."), code="bad_format")
    content_type, extension = PHOTO_FORMATS[image_format]
    image = ImageOps.exif_transpose(image)  # keep the photo upright once its EXIF is gone
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if image_format != "JPEG" else "RGB")
    if image_format == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    # A new image from the pixels only: no EXIF, no XMP, no comments carried over.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    out = io.BytesIO()
    clean.save(out, format=image_format, quality=88)
    data = out.getvalue()
    return CleanFile(SimpleUploadedFile(f"photo.{extension}", data, content_type=content_type), content_type, len(data))


def clean_document(upload) -> CleanFile:
    """PDF and office documents whose content matches their name; never an executable (20 MB at most)."""
    kind = check_upload(upload, DOCUMENT_KINDS)
    upload.seek(0)
    return CleanFile(upload, DOCUMENT_CONTENT_TYPES[kind], upload.size)
