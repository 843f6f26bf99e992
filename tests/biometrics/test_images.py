"""Photos in: what decodes, and every way an upload is refused with a clear error."""

from __future__ import annotations

import io
import os
import struct
import zlib

import pytest
from PIL import Image

from frontline.biometrics.images import decode_photo
from frontline.errors import InvalidInput, PayloadTooLarge
from tests.biometrics.photos import needs_photos, photo

LIMITS = {"max_bytes": 1_000_000, "max_pixels": 1_000_000}


def encoded(image: Image.Image, format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=format, **options)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` pixels (and holds almost nothing)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0"))


def test_a_jpeg_becomes_rgb_pixels() -> None:
    pixels = decode_photo(encoded(Image.new("RGB", (40, 30), "red"), "JPEG"), **LIMITS)
    assert pixels.shape == (30, 40, 3)
    assert pixels.dtype.name == "uint8"


def test_grey_and_transparent_pngs_become_three_channels() -> None:
    assert decode_photo(encoded(Image.new("L", (8, 6)), "PNG"), **LIMITS).shape == (6, 8, 3)
    assert decode_photo(encoded(Image.new("RGBA", (8, 6)), "PNG"), **LIMITS).shape == (6, 8, 3)


def test_a_photo_is_turned_upright_as_its_exif_says() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned a quarter clockwise
    data = encoded(Image.new("RGB", (40, 30)), "JPEG", exif=exif.tobytes())
    assert decode_photo(data, **LIMITS).shape == (40, 30, 3)


def test_an_empty_upload_is_refused() -> None:
    with pytest.raises(InvalidInput, match="photo: is empty"):
        decode_photo(b"", **LIMITS)


@pytest.mark.parametrize(
    "data",
    [b"name,birth_date\nAnna,1974\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", b"\0" * 64],
    ids=["csv", "pdf", "zeros"],
)
def test_what_is_not_an_image_is_refused(data: bytes) -> None:
    with pytest.raises(InvalidInput, match="is not an image in a known format"):
        decode_photo(data, **LIMITS)


def test_an_image_in_a_format_no_camera_writes_is_refused() -> None:
    with pytest.raises(InvalidInput, match="is not an image in a known format"):
        decode_photo(encoded(Image.new("RGB", (8, 8)), "GIF"), **LIMITS)


@needs_photos
def test_a_cut_photo_is_refused_as_corrupt() -> None:
    data = photo("obama_small.jpg")
    with pytest.raises(InvalidInput, match="photo: cannot be decoded"):
        decode_photo(data[: len(data) // 2], **LIMITS)


def test_a_photo_of_too_many_bytes_is_refused() -> None:
    data = encoded(Image.frombytes("RGB", (40, 30), os.urandom(40 * 30 * 3)), "PNG")
    assert len(data) > 1000
    with pytest.raises(PayloadTooLarge, match=f"photo: {len(data)} bytes, more than the limit"):
        decode_photo(data, max_bytes=1000, max_pixels=10**6)


def test_a_small_file_declaring_a_big_image_is_refused_before_decoding() -> None:
    data = png_header(5_000, 4_000)  # 20 megapixels in 60 bytes
    assert len(data) < 100
    with pytest.raises(PayloadTooLarge, match="5000 x 4000 pixels, more than the limit"):
        decode_photo(data, **LIMITS)


def test_a_decompression_bomb_is_refused_too() -> None:
    # Past twice Pillow's own limit, Pillow itself refuses at open: still a 413.
    with pytest.raises(PayloadTooLarge, match="more than the limit of 1000000 pixels"):
        decode_photo(png_header(50_000, 50_000), **LIMITS)
