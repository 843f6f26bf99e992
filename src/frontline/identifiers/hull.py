"""Hull identification numbers of small craft: the US HIN and the ISO 10087 CIN.

A HIN is twelve characters: a three-character manufacturer code, a five-character serial,
then the date. Since August 1984 the date is a month letter (A = January .. L = December),
the last digit of the year and the two-digit model year (``C585``). From 1972 to 1984 two
older date forms were in use: the straight-year form (``M82H``: ``M``, model year, month
letter) and a model-year form; we take the latter loosely as four digits, not having
confirmed its exact layout. A CIN is the same twelve characters after a two-letter country code and
a hyphen (``FR-ABC12345C585``).

The normal form drops spaces and hyphens: ``FRABC12345C585``, ``ABC12345C585``. A ``US``
prefix is dropped too: US boats show ``US-`` before the HIN, which is not part of it (33 CFR
181.27), so one boat has one key. Other prefixes stay: manufacturer codes are assigned per
country, so ``FR-ABC...`` and ``ABC...`` may be different boats.
"""

from __future__ import annotations

import re

from frontline.errors import InvalidInput

__all__ = ["normalise_hull_id"]

_SEPARATORS = str.maketrans("", "", " \t\u00a0-")
_HIN = re.compile(
    r"[A-Z0-9]{3}"  # manufacturer identification code
    r"[A-HJ-NPR-Z0-9]{5}"  # serial: the letters I, O and Q are not allowed (33 CFR 181.25)
    r"(?:[A-L][0-9]{3}"  # since August 1984: month letter, year digit, model year
    r"|M[0-9]{2}[A-L]"  # 1972-1984 straight-year form
    r"|[0-9]{4})"  # 1972-1984 model-year form, taken loosely
)
_CIN = re.compile(r"[A-Z]{2}(" + _HIN.pattern + ")")


def normalise_hull_id(raw: str, *, field: str = "hull_id") -> str:
    """A HIN or CIN in upper case without spaces or hyphens; refuses any other shape."""
    text = raw.upper().translate(_SEPARATORS)
    if not text:
        raise InvalidInput.for_field(field, "a hull identification number is required")
    if _HIN.fullmatch(text):
        return text
    if _CIN.fullmatch(text):
        return text[2:] if text.startswith("US") else text
    raise InvalidInput.for_field(
        field,
        f"{raw!r} is neither a 12-character HIN (maker code, serial, month letter A-L,"
        " year, model year) nor a CIN (two-letter country, '-', the same 12 characters)",
    )
