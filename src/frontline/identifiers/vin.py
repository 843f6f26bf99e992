"""Vehicle identification numbers (ISO 3779), with the North American check digit.

The check digit in position 9 is mandatory only in North America: elsewhere position 9 may
hold anything, and real VINs that fail it exist (about 3% of a US sample). A mismatch is a
warning beside the reading, never a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass

from frontline.domain.checks import CheckWarning
from frontline.errors import InvalidInput

__all__ = ["VinReading", "parse_vin", "vin_check_digit"]

VIN_LENGTH = 17
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VALUES = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_SEPARATORS = str.maketrans("", "", " \t\u00a0-")
# ISO 3779 never uses I, O or Q, so one in a VIN is a misreading of 1 or 0.
_CORRECTIONS = {"I": "1", "O": "0", "Q": "0"}
_CORRECT = str.maketrans("IOQ", "100")


@dataclass(frozen=True, slots=True, kw_only=True)
class VinReading:
    """A normalised VIN and what we could check about it."""

    vin: str
    check_digit_ok: bool
    wmi: str
    model_year_code: str
    corrections: tuple[str, ...]
    warnings: tuple[CheckWarning, ...]


def vin_check_digit(vin: str) -> str:
    """The check digit of a 17-character VIN: ``0``-``9`` or ``X`` for ten."""
    total = sum(_VALUES[char] * weight for char, weight in zip(vin, _WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def parse_vin(raw: str, *, field: str = "vin") -> VinReading:
    """Normalise and check a VIN; refuses a wrong length or characters no VIN carries."""
    text = raw.upper().translate(_SEPARATORS)
    corrections = tuple(
        f"read {char} as {_CORRECTIONS[char]} at position {position}"
        for position, char in enumerate(text, start=1)
        if char in _CORRECTIONS
    )
    vin = text.translate(_CORRECT)
    if len(vin) != VIN_LENGTH:
        raise InvalidInput.for_field(field, f"a VIN has 17 characters, {raw!r} has {len(vin)}")
    illegal = [char for char in vin if char not in _VALUES]
    if illegal:
        raise InvalidInput.for_field(field, f"{illegal[0]!r} is not a VIN character")
    expected = vin_check_digit(vin)
    warnings = [
        CheckWarning("vin_corrected", field, f"{c}: VINs never contain I, O or Q")
        for c in corrections
    ]
    if vin[8] != expected:
        message = f"check digit (position 9) reads {vin[8]!r}, computed {expected!r}"
        warnings.append(CheckWarning("vin_check_digit", field, message))
    return VinReading(
        vin=vin,
        check_digit_ok=vin[8] == expected,
        wmi=vin[:3],
        model_year_code=vin[9],
        corrections=corrections,
        warnings=tuple(warnings),
    )
