"""Travel-document numbers: one normal form for storage and keys, one folded form for OCR.

These run once per check on the hot path, so they use ``str.translate`` with tables built at
import time and no regular expressions.
"""

from __future__ import annotations

from frontline.errors import InvalidInput

__all__ = ["describe_variant", "fold_confusables", "normalise_document_number"]

MAX_LENGTH = 35

# Separators people and readers put inside numbers; '<' is the MRZ filler.
_DROP = str.maketrans("", "", " \t\u00a0-./<")

# Letters an OCR engine or a tired officer reads for a digit, folded onto the digit: the pairs
# the architecture names (O/0, I/1, S/5, B/8) and Z/2. Q/0, G/6 and D/0 are left out: each
# extra pair merges more genuinely different numbers into one key, so one is added only when
# a golden case shows a real miss.
_CONFUSABLES = {"O": "0", "I": "1", "S": "5", "B": "8", "Z": "2"}
_FOLD = str.maketrans(_CONFUSABLES)


def normalise_document_number(raw: str, *, field: str = "number") -> str:
    """Upper case without spaces, ``-``, ``.``, ``/`` or ``<``; refuses anything else."""
    number = raw.upper().translate(_DROP)
    if not number:
        raise InvalidInput.for_field(field, "a document number is required")
    if not (number.isascii() and number.isalnum()):
        raise InvalidInput.for_field(field, f"{raw!r} may hold only letters A-Z and digits")
    if len(number) > MAX_LENGTH:
        raise InvalidInput.for_field(field, f"longer than {MAX_LENGTH} characters")
    return number


def fold_confusables(number: str) -> str:
    """``number`` with each OCR-confusable letter read as its digit: O0, I1, S5, B8, Z2."""
    return number.translate(_FOLD)


def describe_variant(query: str, record: str) -> str:
    """How two normalised numbers relate, in a sentence an officer reads under the hit."""
    if query == record:
        return "exact after normalisation"
    if len(query) != len(record):
        return f"different lengths ({len(query)} and {len(record)} characters)"
    readings: list[str] = []
    for position, (asked, held) in enumerate(zip(query, record, strict=True), start=1):
        if asked == held:
            continue
        if fold_confusables(asked) != fold_confusables(held):
            return f"differs at position {position} ({asked} vs {held})"
        readings.append(f"{asked} as {held} at position {position}")
    return "matched after reading " + _join(readings)


def _join(parts: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
