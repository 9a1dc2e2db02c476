"""Files sent by people: size, real type against name, photos re-encoded without metadata, and the upload a form hands on."""
import io
import math
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, UnidentifiedImageError

MAX_UPLOAD_SIZE = 20 * 1024 * 1024

# file type: (extensions, magic prefixes; None means "plain text")
FILE_TYPES: dict[str, tuple[tuple[str, ...], tuple[bytes, ...] | None]] = {
    "pdf": (("pdf",), (b"%PDF-",)),
    # Office Open XML and OpenDocument files are ZIP archives.
    "office": (("docx", "xlsx", "pptx", "odt", "ods", "odp"), (b"PK\x03\x04",)),
    "zip": (("zip",), (b"PK\x03\x04", b"PK\x05\x06")),
    "png": (("png",), (b"\x89PNG\r\n\x1a\n",)),
    "jpeg": (("jpg", "jpeg"), (b"\xff\xd8\xff",)),
    "text": (("txt", "csv"), None),
}
ALL_FILE_TYPES = tuple(FILE_TYPES)

# Windows PE, ELF, scripts with a shebang, Mach-O (both byte orders, and fat binaries).
EXECUTABLE_SIGNATURES = (
    b"MZ", b"\x7fELF", b"#!", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe",
)
_TEXT_SAMPLE = 8192


def read_head(file, size: int) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


def check_upload(file, allowed_types: Iterable[str] = ALL_FILE_TYPES, *, max_size: int = MAX_UPLOAD_SIZE) -> str:
    """Refuse a file that is too big, an executable, or not what its extension says; return its kind.

    `file` is an uploaded file (anything with `name`, `size`, `seek`, `read`). Raises
    ValidationError with a message the person who uploaded it can act on.
    """
    allowed_types = tuple(allowed_types)
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
        file.seek(0)
    if size > max_size:
        raise ValidationError(
            _("Ce fichier pèse %(size)s : la limite est de %(max)s Mo.")
            % {"size": filesizeformat(size), "max": max_size // (1024 * 1024)},
            code="too_large",
        )
    head = read_head(file, _TEXT_SAMPLE)
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _("Ce fichier contient un programme exécutable : il est refusé, quel que soit son nom."),
            code="executable",
        )
    extension = PurePath(file.name or "").suffix.lower().lstrip(".")
    kind = next((k for k in allowed_types if extension in FILE_TYPES[k][0]), None)
    if kind is None:
        accepted = ", ".join(f".{ext}" for k in allowed_types for ext in FILE_TYPES[k][0])
        raise ValidationError(
            _("Les fichiers « .%(extension)s » ne sont pas acceptés. Formats acceptés : %(accepted)s.")
            % {"extension": extension or "?", "accepted": accepted},
            code="extension",
        )
    magic = FILE_TYPES[kind][1]
    if magic is None:
        looks_right = b"\x00" not in head
    else:
        looks_right = head.startswith(magic)
    if not looks_right:
        raise ValidationError(
            _("Ce fichier porte l'extension « .%(extension)s » mais son contenu n'est pas de ce type. "
              "Enregistrez-le à nouveau dans le bon format.") % {"extension": extension},
            code="mismatch",
        )
    return kind


# --- Photos and documents sent with a contribution -------------------------------------------
MAX_PHOTO_BYTES = 10 * 1024 * 1024
# Published photos are at most this long on their long edge, scaled down before anything is stored:
# the largest rendition the templates ask for is 1,200 pixels wide, and phones' 4,032 × 3,024 (and
# 4,000 × 3,000) photos are exactly twice as long, so libjpeg decodes them at half scale.
PUBLISHED_LONG_EDGE = 2000
# Pixel limits per way of decoding, so that re-encoding any accepted photo costs at most ~110 MB
# (peak resident memory, measured by tests/contributions/test_files_photos.py):
# - sequential JPEG (what cameras and phones write) decodes at 1/2, 1/4 or 1/8 scale, never below the
#   published size: under 4,000 pixels a side whatever its size up to 32,000. 120 megapixels let
#   108-megapixel phone photos through and stay under Pillow's own decompression-bomb refusal (179);
# - progressive JPEG decodes at reduced scale too, but libjpeg holds its full-size coefficients (~4 bytes
#   a pixel);
# - PNG decodes at full size, in 4 bytes a pixel: 16 megapixels is more than a 12-megapixel phone photo;
# - WebP decodes at full size through Pillow's animation decoder, which holds ~4 full-size copies.
MAX_PIXELS = {"JPEG": 120_000_000, "JPEG progressive": 24_000_000, "PNG": 16_000_000, "WEBP": 6_000_000}
PHOTO_FORMATS = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png"), "WEBP": ("image/webp", "webp")}
DOCUMENT_TYPES = ("pdf", "office", "zip")
DOCUMENT_CONTENT_TYPES = {"pdf": "application/pdf", "office": "application/octet-stream", "zip": "application/zip"}
# EXIF orientations, as the transposition that puts the photo upright.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass
class CleanFile:
    content: SimpleUploadedFile
    content_type: str
    size: int


def _published_size(width: int, height: int) -> tuple[int, int]:
    scale = min(1.0, PUBLISHED_LONG_EDGE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _too_many_pixels(image) -> ValidationError | None:
    progressive = image.format == "JPEG" and image.info.get("progressive")
    limit = MAX_PIXELS["JPEG progressive" if progressive else image.format]
    pixels = image.width * image.height
    if pixels <= limit:
        return None
    label = _("JPEG progressif") if progressive else {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}[image.format]
    return ValidationError(
        _("Cette image est trop grande : %(width)s × %(height)s pixels, soit %(pixels)s mégapixels, pour %(max)s au "
          "plus en %(format)s. Réduisez-la à %(side)s pixels de côté au plus : elle sera de toute façon publiée en "
          "%(published)s pixels.")
        % {"width": number_format(image.width, force_grouping=True),
           "height": number_format(image.height, force_grouping=True),
           # Rounded up, so that a photo just over the limit never reads as being at it.
           "pixels": number_format(math.ceil(pixels / 100_000) / 10, 1), "max": number_format(limit // 1_000_000),
           "format": label, "side": number_format(math.isqrt(limit) // 100 * 100, force_grouping=True),
           "published": number_format(PUBLISHED_LONG_EDGE, force_grouping=True)},
        code="too_many_pixels",
    )


def _decode(upload):
    """The photo's pixels, decoded no larger than needed; refuses what is not a photo or too big to decode."""
    not_image = ValidationError(_("Ce fichier n'est pas une image JPEG, PNG ou WebP lisible."), code="not_image")
    try:
        with warnings.catch_warnings():
            # Our pixel limits apply below; Pillow's warning (89 megapixels) would only repeat them.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                probe.verify()
            upload.seek(0)
            image = Image.open(upload)
    except Image.DecompressionBombError:
        raise ValidationError(_("Cette image compte trop de pixels pour être lue."), code="too_many_pixels")
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise not_image
    if image.format not in PHOTO_FORMATS:
        raise ValidationError(_("Formats acceptés pour les photos : JPEG, PNG, WebP."), code="bad_format")
    if error := _too_many_pixels(image):
        raise error
    orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    if image.format == "JPEG":
        # Before load(): libjpeg then decodes at the smallest scale still at least the published size.
        image.draft(None, _published_size(*image.size))
    try:
        image.load()
    except (OSError, SyntaxError, ValueError):
        raise not_image
    return image, orientation


def _pixels_only(image, image_format):
    """The photo in a mode its format stores, scaled to the published size, upright, without any metadata."""
    if image.mode in ("1", "P", "PA") or (image.mode not in ("L", "LA", "RGB", "RGBA", "CMYK") and image.mode[0] != "I"):
        image = image.convert("RGBA" if image.mode == "PA" or "transparency" in image.info else "RGB")
    elif image.mode[0] == "I":  # 16-bit greyscale PNG
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    size = _published_size(*image.size)
    if size != image.size:
        # reducing_gap: an integer box reduction first (no full-height intermediate), then Lanczos for the rest.
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=1.0)
    if image.mode == "CMYK" or (image_format == "JPEG" and image.mode not in ("L", "RGB")):
        image = image.convert("RGB")
    image.info = {}  # EXIF (GPS), XMP, comments, ICC: none is written, since none is in the image's info any more
    return image


def clean_photo(upload) -> CleanFile:
    """Re-encodes a photo at its published size: only pixels survive, no EXIF (photos often carry GPS positions)."""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("Cette photo dépasse 10 Mo. Envoyez une version plus légère."), code="too_large")
    if read_head(upload, 8).startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(_("Ce fichier n'est pas une image."), code="not_image")
    image, orientation = _decode(upload)
    image_format = image.format
    content_type, extension = PHOTO_FORMATS[image_format]
    clean = _pixels_only(image, image_format)
    if orientation in _UPRIGHT:
        clean = clean.transpose(_UPRIGHT[orientation])  # upright, since the orientation tag goes with the EXIF
    out = io.BytesIO()
    clean.save(out, format=image_format, quality=88)
    data = out.getvalue()
    return CleanFile(SimpleUploadedFile(f"photo.{extension}", data, content_type=content_type), content_type, len(data))


def clean_document(upload) -> CleanFile:
    """PDF and office documents whose content matches their name; never an executable (20 MB at most)."""
    kind = check_upload(upload, DOCUMENT_TYPES)
    upload.seek(0)
    return CleanFile(upload, DOCUMENT_CONTENT_TYPES[kind], upload.size)


@dataclass(frozen=True)
class Upload:
    """A checked file from a form, with what its sender said about it, ready to be stored."""

    slot: str  # the form field it came in
    kind: str  # "photo" or "document"
    clean: CleanFile
    original_name: str
    alt_text: str = ""
    consent: bool = False
