"""Match keys: the normalised forms stored beside each record and looked up by checks.

The store and the memory index derive keys with these functions only, so a check through
SQL and a check through the index always agree.
"""

from __future__ import annotations

import re

from frontline.identifiers.countries import country_key
from frontline.identifiers.docnumbers import fold_confusables

__all__ = ["RangeKey", "document_key", "range_key", "split_numbered"]

_NUMBERED = re.compile(r"^([A-Z0-9]*?[A-Z])?(\d+)$")

RangeKey = tuple[str, str, int]
"""(country key, alphabetic prefix, width of the numeric run): the bucket of a range."""


def document_key(number: str, country: str) -> str:
    """The index key of a normalised document number: confusables folded, country keyed."""
    return f"{country_key(country)}|{fold_confusables(number)}"


def split_numbered(number: str) -> tuple[str, int, int] | None:
    """Split ``X1234567`` into prefix ``X``, value 1234567 and width 7; None if no digit run.

    Blank documents are printed in runs that share a prefix and count up in the trailing
    digits; this is the part of a number that a stolen-blank range spans.
    """
    match = _NUMBERED.match(number)
    if match is None:
        return None
    digits = match.group(2)
    if len(digits) > 18:
        return None
    return match.group(1) or "", int(digits), len(digits)


def range_key(country: str, prefix: str, width: int) -> RangeKey:
    return (country_key(country), prefix, width)
