"""Photos in: bytes checked for size, decoded with Pillow, turned upright, as RGB pixels.

Every way an upload can be wrong ends here as a FrontlineError, never a decoder's traceback:
too many bytes or pixels (413), not an image or a broken one (422).
"""

from __future__ import annotations

import io
import warnings

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from frontline.errors import InvalidInput, PayloadTooLarge

__all__ = ["FORMATS", "Pixels", "decode_photo"]

Pixels = npt.NDArray[np.uint8]

# The formats a camera, a scanner or a passport reader writes; anything else (a PDF, an
# animated GIF, a PSD) is refused rather than handed to a less-used decoder.
FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF")


def decode_photo(data: bytes, *, max_bytes: int, max_pixels: int) -> Pixels:
    """The photo's pixels (height x width x 3, RGB, upright as its EXIF says).

    Refuses an empty or oversized upload, a file that is no image, one in another format,
    one with more than ``max_pixels`` pixels (checked from the header, before decoding:
    a small file can declare a huge image), and one whose data is cut or corrupt.
    """
    if not data:
        raise InvalidInput.for_field("photo", "is empty: send a JPEG or PNG photo")
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"photo: {len(data)} bytes, more than the limit of {max_bytes}")
    try:
        with warnings.catch_warnings():
            # Pillow warns (DecompressionBombWarning) before its own limit; ours is checked
            # below from the header, so its warning is noise here.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=FORMATS)
            _check_size(image.width, image.height, max_pixels)
            image.load()
            upright = ImageOps.exif_transpose(image)
            rgb = upright.convert("RGB")
    except UnidentifiedImageError:
        raise InvalidInput.for_field(
            "photo", f"is not an image in a known format ({', '.join(FORMATS)})"
        ) from None
    except Image.DecompressionBombError:
        raise PayloadTooLarge(f"photo: more than the limit of {max_pixels} pixels") from None
    except (OSError, ValueError, SyntaxError) as error:
        # Pillow reports cut or damaged data as OSError ("image file is truncated"),
        # SyntaxError (a broken PNG chunk) or ValueError.
        raise InvalidInput.for_field("photo", f"cannot be decoded: {error}") from None
    return np.asarray(rgb, dtype=np.uint8)


def _check_size(width: int, height: int, max_pixels: int) -> None:
    if width < 1 or height < 1:
        raise InvalidInput.for_field("photo", "has no pixels")
    if width * height > max_pixels:
        raise PayloadTooLarge(
            f"photo: {width} x {height} pixels, more than the limit of {max_pixels}"
        )
