"""EDIFACT dates (DTM, format codes 101, 102, 201, 203, 204) with the century of two-digit
years chosen against a reference date. Pure: the reference is passed in."""

from __future__ import annotations

import datetime as dt

__all__ = ["read_date", "read_datetime"]

# Digits per format code (2379): 101 YYMMDD, 102 CCYYMMDD, 201 YYMMDDHHMM, 203 CCYYMMDDHHMM,
# 204 CCYYMMDDHHMMSS. PAXLST writes dates of birth and expiry without a code: YYMMDD.
_LENGTHS = {"101": 6, "102": 8, "201": 10, "203": 12, "204": 14}


def _century(two: int, reference: dt.date, *, past: bool) -> int:
    """The four-digit year of ``two``: a birth date is never after ``reference``; any other
    date is the one nearest to it (within fifty years)."""
    base = reference.year - reference.year % 100
    year = base + two
    if past:
        return year if year <= reference.year else year - 100
    if year > reference.year + 50:
        return year - 100
    if year < reference.year - 50:
        return year + 100
    return year


def read_datetime(
    value: str, code: str, *, reference: dt.date, past: bool = False
) -> dt.datetime | None:
    """The moment ``value`` (format ``code``, YYMMDD when empty) stands for; None when it is
    not one (the caller warns)."""
    digits = value.strip()
    expected = _LENGTHS.get(code or "101")
    if expected is None or len(digits) != expected or not digits.isascii() or not digits.isdigit():
        return None
    four = code in ("102", "203", "204")
    year = int(digits[:4]) if four else _century(int(digits[:2]), reference, past=past)
    rest = digits[4:] if four else digits[2:]
    month, day, hour, minute, second = (
        [int(rest[i : i + 2]) for i in range(0, len(rest), 2)] + [0, 0, 0]
    )[:5]
    if past and not four and (year, month, day) > (reference.year, reference.month, reference.day):
        year -= 100  # born on 31 December '26, read in November 2026: 1926, not next month
    try:  # naive: PAXLST times are the airport's local time and carry no zone
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def read_date(value: str, code: str, *, reference: dt.date, past: bool = False) -> dt.date | None:
    moment = read_datetime(value, code, reference=reference, past=past)
    return moment.date() if moment is not None else None
