"""ICAO 9303 Part 3 check digits (7-3-1 weighting over the MRZ character set)."""

from __future__ import annotations

__all__ = ["icao_check_digit", "mrz_char_value"]

_WEIGHTS = (7, 3, 1)


def mrz_char_value(char: str) -> int:
    """The numeric value ICAO 9303 gives an MRZ character: 0-9, A=10 .. Z=35, filler '<' = 0."""
    if "0" <= char <= "9":
        return ord(char) - 48
    if "A" <= char <= "Z":
        return ord(char) - 55
    if char == "<":
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


def icao_check_digit(data: str) -> str:
    """The check digit ('0'..'9') of ``data`` under the 7-3-1 rule of ICAO 9303 Part 3."""
    total = 0
    for index, char in enumerate(data):
        total += mrz_char_value(char) * _WEIGHTS[index % 3]
    return str(total % 10)
