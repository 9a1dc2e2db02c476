"""Photos from the public: scaled to their published size, upright, without metadata, and never costly to clean."""
import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image

from cafeia_site.uploads import MAX_PIXELS, PUBLISHED_LONG_EDGE, clean_photo
from contributions.models import Contribution

from . import photo_memory
from .conftest import common_fields
from .test_flow import TESTIMONY

# Peak memory growth allowed while cleaning the largest photo of each accepted kind (~113 MB measured).
MEMORY_BUDGET_MB = 128


def _upload(image, image_format="JPEG", name="photo.jpg", **options):
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return SimpleUploadedFile(name, out.getvalue())


def _cleaned(upload):
    return Image.open(io.BytesIO(clean_photo(upload).content.read()))


def _png_header_only(width, height, body=b""):
    """A PNG whose pixels are one flat colour, written row by row: huge in pixels, small in bytes and memory."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    compressor, idat = zlib.compressobj(9), []
    row = b"\x00" + b"\x80" * (3 * width)
    for _ in range(height if not body else 0):
        idat.append(compressor.compress(row))
    idat.append(body or compressor.flush())
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"".join(idat)) + chunk(b"IEND", b"")


def test_a_phone_photo_is_published_at_its_published_size():
    cleaned = _cleaned(_upload(Image.new("RGB", (4032, 3024), (90, 140, 200)), quality=90))
    assert cleaned.size == (PUBLISHED_LONG_EDGE, 1500)
    assert cleaned.format == "JPEG"


def test_a_small_photo_keeps_its_size():
    assert _cleaned(_upload(Image.new("RGB", (640, 480), "white"))).size == (640, 480)


def test_a_photo_taken_sideways_is_turned_upright_and_loses_its_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: show it rotated 90° clockwise
    exif[ExifTags.Base.Make] = "PhoneMaker"
    image = Image.new("RGB", (60, 30), "white")
    image.paste((255, 0, 0), (0, 0, 10, 30))  # a red band on the left edge of the stored pixels...
    cleaned = _cleaned(_upload(image, exif=exif))
    assert cleaned.size == (30, 60)
    red, green, blue = cleaned.convert("RGB").getpixel((15, 2))  # ...is on top once upright
    assert red > 200 and green < 60 and blue < 60
    assert dict(cleaned.getexif()) == {} and "exif" not in cleaned.info


def test_png_comments_and_webp_metadata_do_not_survive():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "chez Mme Lefèvre, 12 rue des Lilas")
    cleaned = _cleaned(_upload(Image.new("RGB", (50, 50)), "PNG", "photo.png", pnginfo=info))
    assert "Comment" not in cleaned.info and cleaned.format == "PNG"
    exif = Image.Exif()
    exif[0x8825] = {2: (48.0, 51.0, 24.0)}
    cleaned = _cleaned(_upload(Image.new("RGB", (50, 50)), "WEBP", "photo.webp", exif=exif, xmp=b"<x:xmpmeta/>"))
    assert dict(cleaned.getexif()) == {} and "xmp" not in cleaned.info and cleaned.format == "WEBP"


def test_a_palette_png_keeps_its_transparency_and_a_16_bit_grey_png_its_tones():
    palette = Image.new("P", (40, 40), 0)
    palette.putpalette([255, 0, 0, 0, 0, 255])
    palette.paste(1, (20, 0, 40, 40))
    cleaned = _cleaned(_upload(palette, "PNG", "logo.png", transparency=0))
    assert cleaned.mode == "RGBA" and cleaned.getpixel((5, 5))[3] == 0 and cleaned.getpixel((30, 5)) == (0, 0, 255, 255)

    grey = Image.new("I;16", (40, 40), 40000)
    cleaned = _cleaned(_upload(grey, "PNG", "scan.png"))
    assert cleaned.mode == "L" and abs(cleaned.getpixel((5, 5)) - 40000 // 256) <= 1


@pytest.mark.parametrize("image_format,name,options", [
    ("PNG", "big.png", {}), ("WEBP", "big.webp", {"lossless": True}), ("JPEG", "big.jpg", {"progressive": True}),
])
def test_images_decoded_at_full_size_are_refused_above_their_pixel_limit(image_format, name, options):
    key = "JPEG progressive" if image_format == "JPEG" else image_format
    side = int(MAX_PIXELS[key] ** 0.5) + 2
    with pytest.raises(ValidationError) as error, translation.override("fr"):
        clean_photo(_upload(Image.new("L", (side, side)), image_format, name, **options))
    assert error.value.code == "too_many_pixels"
    limit = MAX_PIXELS[key] // 1_000_000
    message = error.value.messages[0].replace("\u00a0", "")  # French groups thousands with no-break spaces
    assert f"{side} × {side} pixels, soit {limit},1 mégapixels, pour {limit} au plus" in message


def test_the_6300_pixel_png_is_refused_with_a_message_and_nothing_is_recorded(site_tree, submit):
    big = SimpleUploadedFile("affiche.png", _png_header_only(6300, 6300), content_type="image/png")
    assert big.size < 200_000
    data = {**common_fields("affiche@example.org"), **TESTIMONY, "photo_1_alt": "Affiche", "photo_1_consent": "on"}
    response = submit("temoignage", data, files={"photo_1": big})
    assert response.status_code == 200
    html = response.content.decode()
    assert "6\u00a0300 × 6\u00a0300 pixels, soit 39,7 mégapixels, pour 16 au plus en PNG" in html
    assert "4\u00a0000 pixels de côté" in html
    assert not Contribution.objects.filter(email="affiche@example.org").exists()


def test_the_pixel_limit_message_is_translated(site_tree, submit):
    big = SimpleUploadedFile("poster.png", _png_header_only(6300, 6300), content_type="image/png")
    data = {**common_fields("poster@example.org"), **TESTIMONY, "photo_1_alt": "Poster", "photo_1_consent": "on"}
    with translation.override("fr"):  # the request switches to English; the next tests expect French back
        response = submit("temoignage", data, language="en", files={"photo_1": big})
    assert response.status_code == 200
    assert "megapixels" in response.content.decode()


def test_a_decompression_bomb_is_refused_before_decoding():
    bomb = SimpleUploadedFile("bomb.png", _png_header_only(20000, 10000, body=b"x"))
    with pytest.raises(ValidationError) as error:
        clean_photo(bomb)
    assert error.value.code == "too_many_pixels"


def test_cleaning_the_largest_accepted_photo_of_each_kind_stays_within_the_memory_budget(tmp_path):
    # The worst case of each way of decoding (the 120-megapixel JPEG, decoded at 1/4, costs half as much).
    largest = ["png-3999.png", "webp-6mp.webp", "jpeg-3999.jpg", "jpeg-progressive-24mp.jpg"]
    refused = ["png-6300.png"]
    photo_memory.make_apart(tmp_path, largest + refused)
    for name in largest:
        result = photo_memory.measure(tmp_path / name)
        assert result["outcome"].startswith("accepted"), result
        assert result["peak_mb"] <= MEMORY_BUDGET_MB, result
    result = photo_memory.measure(tmp_path / "png-6300.png")
    assert result["outcome"].startswith("refused") and result["peak_mb"] < 16, result
