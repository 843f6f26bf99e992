"""Serial numbers (firearms, engines, parts) and licence plates: one key form for matching."""

from __future__ import annotations

import unicodedata

from frontline.errors import InvalidInput

__all__ = ["normalise_plate", "normalise_serial"]

MAX_SERIAL_LENGTH = 40
MAX_PLATE_LENGTH = 15

_SERIAL_SEPARATORS = str.maketrans("", "", " \t\u00a0-./")
_PLATE_SEPARATORS = str.maketrans("", "", " \t\u00a0-.")


def normalise_serial(raw: str, *, field: str) -> str:
    """Upper-case letters and digits, separators dropped; refuses empty, over 40, or symbols.

    Letters of other scripts stay as written (Soviet-era firearms carry Cyrillic serials).
    """
    return _normalise(raw, _SERIAL_SEPARATORS, MAX_SERIAL_LENGTH, field=field, what="serial")


def normalise_plate(raw: str, *, field: str = "plate") -> str:
    """Upper-case letters and digits, spaces, hyphens and dots dropped; at most 15 characters.

    Letters of other scripts stay as written, upper-cased (Cyrillic, Greek, Arabic plates).
    """
    return _normalise(raw, _PLATE_SEPARATORS, MAX_PLATE_LENGTH, field=field, what="plate")


def _normalise(
    raw: str, separators: dict[int, int | None], limit: int, *, field: str, what: str
) -> str:
    # NFKC first, so full-width and compatibility forms from scanners fold to plain letters.
    text = unicodedata.normalize("NFKC", raw).upper().translate(separators)
    if not text:
        raise InvalidInput.for_field(field, f"a {what} is required")
    if not text.isalnum():
        raise InvalidInput.for_field(field, f"{raw!r} may hold only letters and digits")
    if len(text) > limit:
        raise InvalidInput.for_field(field, f"longer than {limit} characters")
    return text
