"""Read ICAO 9303 machine-readable zones: TD1, TD2, TD3 and the MRV-A and MRV-B visas.

``parse_mrz`` refuses only what cannot be read at all: a wrong number of lines, a wrong line
length, a character outside ``A-Z 0-9 <`` (``MalformedMRZ``). Everything else that real
documents get wrong is a warning beside the parsed fields, never a refusal: a failed check
digit, an unknown or retired country code, an impossible date, an expired document.

Two-digit years (ICAO gives no century):

- birth: the latest century that does not put the birth after ``today``; without ``today``,
  ``YY > 30`` is 19YY and the rest 20YY.
- expiry: 20YY, unless that is more than 50 years after ``today`` (then 19YY); without
  ``today``, ``YY >= 70`` is 19YY and the rest 20YY.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from frontline.domain.checks import CheckWarning
from frontline.domain.dates import PartialDate
from frontline.domain.records import DocumentType
from frontline.errors import FieldError, MalformedMRZ
from frontline.identifiers.checkdigit import icao_check_digit
from frontline.identifiers.countries import country_name, is_known_country, is_retired_country

__all__ = ["MRZ", "CheckDigit", "MrzFormat", "parse_mrz"]

_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_BIRTH_PIVOT = 30
_EXPIRY_PIVOT = 70
_EXPIRY_HORIZON_YEARS = 50
# ICAO defines the long-number convention for TD1 and TD2; elsewhere we take it only when it
# verifies, so a stray '<' check digit does not swallow a passport's personal number.
_SPEC_LONG_NUMBERS = frozenset({"TD1", "TD2"})

_T = TypeVar("_T")


class MrzFormat(StrEnum):
    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRVA = "MRVA"
    MRVB = "MRVB"


@dataclass(frozen=True, slots=True)
class CheckDigit:
    """One check digit: what the data computes to, what the document carries."""

    field: str
    expected: str
    found: str
    is_valid: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class MRZ:
    """The fields of one MRZ; ``valid`` is True iff every check digit verifies."""

    format: MrzFormat
    document_code: str
    document_type: DocumentType
    issuing_country: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: PartialDate | None
    sex: str
    expiry_date: dt.date | None
    optional_data: tuple[str, ...]
    personal_number: str | None
    checks: tuple[CheckDigit, ...]
    valid: bool
    warnings: tuple[CheckWarning, ...]
    name_truncated: bool = False
    """The name fills its field to the last character: its last part may be cut."""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO strings, enums as their values, checks and warnings as dicts."""
        return {name: _jsonable(getattr(self, name)) for name in self.__dataclass_fields__}


def _jsonable(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date | PartialDate):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, CheckDigit | CheckWarning):
        return {name: _jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where each field sits in the lines joined into one string (check digits follow)."""

    format: MrzFormat
    name: slice
    number: int
    nationality: int
    birth: int
    sex: int
    expiry: int
    optional: tuple[slice, ...]
    personal_check: int | None = None
    composite: int | None = None
    composite_parts: tuple[slice, ...] = ()


_TD1 = _Layout(
    MrzFormat.TD1, slice(60, 90), 5, 45, 30, 37, 38, (slice(15, 30), slice(48, 59)),
    composite=59, composite_parts=(slice(5, 30), slice(30, 37), slice(38, 45), slice(48, 59)),
)  # fmt: skip
_TD2 = _Layout(
    MrzFormat.TD2, slice(5, 36), 36, 46, 49, 56, 57, (slice(64, 71),),
    composite=71, composite_parts=(slice(36, 46), slice(49, 56), slice(57, 71)),
)  # fmt: skip
_TD3 = _Layout(
    MrzFormat.TD3, slice(5, 44), 44, 54, 57, 64, 65, (slice(72, 86),), personal_check=86,
    composite=87, composite_parts=(slice(44, 54), slice(57, 64), slice(65, 87)),
)  # fmt: skip
_MRVA = _Layout(MrzFormat.MRVA, slice(5, 44), 44, 54, 57, 64, 65, (slice(72, 88),))
_MRVB = _Layout(MrzFormat.MRVB, slice(5, 36), 36, 46, 49, 56, 57, (slice(64, 72),))


def parse_mrz(lines: str | Sequence[str], *, today: dt.date | None = None) -> MRZ:
    """Read an MRZ given as one string with line breaks or as a sequence of lines.

    Raises ``MalformedMRZ`` when the input cannot be an MRZ; check digits that fail, unknown
    countries, impossible dates and expiry before ``today`` come back as warnings.
    """
    rows = _clean_lines(lines)
    layout = _detect_layout(rows)
    return _read(layout, "".join(rows), today)


def _malformed(message: str) -> MalformedMRZ:
    return MalformedMRZ(f"malformed MRZ: {message}", errors=[FieldError("mrz", message)])


def _clean_lines(lines: str | Sequence[str]) -> list[str]:
    """The non-blank lines, stripped of a reader's surrounding whitespace, characters checked."""
    if isinstance(lines, str):
        raw = lines.splitlines()
    elif all(isinstance(line, str) for line in lines):
        raw = list(lines)
    else:
        raise _malformed("expected text lines")
    rows = [line.strip() for line in raw if line.strip()]
    for number, row in enumerate(rows, start=1):
        for position, char in enumerate(row, start=1):
            if char not in _ALLOWED:
                hint = " (lowercase letters are not MRZ characters)" if char.islower() else ""
                raise _malformed(
                    f"line {number}: {char!r} at position {position} is not an MRZ character"
                    f" (A-Z, 0-9, <){hint}"
                )
    return rows


def _detect_layout(rows: list[str]) -> _Layout:
    """The format, from the number of lines, their length and the document code."""
    if len(rows) == 3:
        for number, row in enumerate(rows, start=1):
            if len(row) != 30:
                raise _malformed(f"line {number}: {len(row)} characters, a TD1 line has 30")
        return _TD1
    if len(rows) != 2:
        raise _malformed(f"an MRZ has 2 lines (TD2, TD3, visas) or 3 (TD1), not {len(rows)}")
    width = len(rows[0])
    if width not in (36, 44):
        raise _malformed(f"line 1: {width} characters; two-line MRZs have 36 or 44")
    if len(rows[1]) != width:
        raise _malformed(f"line 2: {len(rows[1])} characters, line 1 has {width}")
    is_visa = rows[0].startswith("V")
    if width == 44:
        return _MRVA if is_visa else _TD3
    return _MRVB if is_visa else _TD2


def _read(layout: _Layout, text: str, today: dt.date | None) -> MRZ:
    checks: list[CheckDigit] = []
    number, taken = _read_number(layout, text, checks)
    checks += _verify_rest(layout, text)
    optional = tuple(text[part] for part in layout.optional)
    personal = None if layout.personal_check is None else optional[0][taken:].strip("<")
    birth_raw = text[layout.birth : layout.birth + 6]
    expiry_raw = text[layout.expiry : layout.expiry + 6]

    warnings = [_check_warning(check) for check in checks if not check.is_valid]
    birth_date = _guarded(warnings, "birth_date", birth_raw, lambda: _birth(birth_raw, today))
    expiry_date = _guarded(warnings, "expiry_date", expiry_raw, lambda: _expiry(expiry_raw, today))
    issuing = text[2:5].strip("<")
    nationality = text[layout.nationality : layout.nationality + 3].strip("<")
    warnings += _country_warnings("issuing_country", issuing)
    warnings += _country_warnings("nationality", nationality)
    sex = _sex(text[layout.sex], warnings)
    if today is not None and expiry_date is not None and expiry_date < today:
        message = f"the document expired on {expiry_date.isoformat()}"
        warnings.append(CheckWarning("document_expired", "expiry_date", message))

    surname, _, given = text[layout.name].partition("<<")
    return MRZ(
        format=layout.format,
        document_code=text[0:2].rstrip("<"),
        document_type=_document_type(text[0:2]),
        issuing_country=issuing,
        surname=_words(surname),
        given_names=_words(given),
        document_number=number,
        nationality=nationality,
        birth_date=birth_date,
        sex=sex,
        expiry_date=expiry_date,
        optional_data=optional,
        personal_number=personal,
        checks=tuple(checks),
        valid=all(check.is_valid for check in checks),
        warnings=tuple(warnings),
        name_truncated=not text[layout.name].endswith("<"),
    )


def _read_number(layout: _Layout, text: str, checks: list[CheckDigit]) -> tuple[str, int]:
    """The document number, and how many optional-data characters it took.

    ICAO: a number longer than nine characters puts ``<`` where its check digit would be and
    continues in the optional data, ending with its check digit. Issuers differ on whether
    that ``<`` counts in the check digit; either reading verifies.
    """
    head = text[layout.number : layout.number + 9]
    found = text[layout.number + 9]
    spill = text[layout.optional[0]].split("<", 1)[0]
    if found == "<" and "<" not in head and spill[-1:].isdigit():
        tail, spill_found = spill[:-1], spill[-1]
        plain, with_filler = icao_check_digit(head + tail), icao_check_digit(f"{head}<{tail}")
        is_valid = spill_found in (plain, with_filler)
        if is_valid or layout.format in _SPEC_LONG_NUMBERS:
            expected = spill_found if is_valid else plain
            checks.append(CheckDigit("document_number", expected, spill_found, is_valid))
            return head + tail, len(spill)
    checks.append(_check("document_number", head, found))
    return head.replace("<", ""), 0


def _verify_rest(layout: _Layout, text: str) -> list[CheckDigit]:
    """The check digits after the number's: dates, personal number (TD3), composite."""
    birth, expiry = layout.birth, layout.expiry
    checks = [
        _check("birth_date", text[birth : birth + 6], text[birth + 6]),
        _check("expiry_date", text[expiry : expiry + 6], text[expiry + 6]),
    ]
    if layout.personal_check is not None:
        personal = text[layout.optional[0]]
        checks.append(_check("personal_number", personal, text[layout.personal_check]))
    if layout.composite is not None:
        composite = "".join(text[part] for part in layout.composite_parts)
        checks.append(_check("composite", composite, text[layout.composite]))
    return checks


def _check(field: str, data: str, found: str) -> CheckDigit:
    """A check digit; a field of fillers only may carry ``<`` instead of ``0``, as issued."""
    expected = icao_check_digit(data)
    is_valid = found == expected or (found == "<" and data.strip("<") == "")
    return CheckDigit(field, expected, found, is_valid)


def _check_warning(check: CheckDigit) -> CheckWarning:
    message = f"{check.field} check digit reads {check.found!r}, computed {check.expected!r}"
    return CheckWarning("mrz_check_digit", check.field, message)


def _guarded(
    warnings: list[CheckWarning], field: str, raw: str, read: Callable[[], _T]
) -> _T | None:
    """``read()``, or ``None`` and a warning when the date is impossible."""
    try:
        return read()
    except ValueError:
        message = f"{raw!r} is not a possible date"
        warnings.append(CheckWarning("mrz_invalid_date", field, message))
        return None


def _date_parts(raw: str) -> tuple[int | None, int | None, int | None]:
    """YY, MM, DD; ``None`` for a part the issuer left unknown (``<<``, or ``00``/``XX``)."""
    parts: list[int | None] = []
    for index in (0, 2, 4):
        chunk = raw[index : index + 2]
        if chunk == "<<" or (index and chunk in ("00", "XX")):
            parts.append(None)
        elif chunk.isdigit():
            parts.append(int(chunk))
        else:
            raise ValueError(f"not a date part: {chunk!r}")
    return parts[0], parts[1], parts[2]


def _birth(raw: str, today: dt.date | None) -> PartialDate | None:
    year, month, day = _date_parts(raw)
    if year is None:
        return None
    if month is None:
        day = None
    full_year = 2000 + year
    if today is None:
        full_year -= 100 if year > _BIRTH_PIVOT else 0
    elif (full_year, month or 1, day or 1) > (today.year, today.month, today.day):
        full_year -= 100
    return PartialDate(full_year, month, day)


def _expiry(raw: str, today: dt.date | None) -> dt.date | None:
    if raw == "<<<<<<":
        return None
    year, month, day = _date_parts(raw)
    if year is None or month is None or day is None:
        raise ValueError(f"incomplete expiry date: {raw!r}")
    full_year = 2000 + year
    if today is None:
        full_year -= 100 if year >= _EXPIRY_PIVOT else 0
    elif full_year > today.year + _EXPIRY_HORIZON_YEARS:
        full_year -= 100
    return dt.date(full_year, month, day)


def _country_warnings(field: str, code: str) -> list[CheckWarning]:
    if is_known_country(code):
        return []
    if is_retired_country(code):
        message = f"{code} is a retired country code ({country_name(code)})"
    else:
        message = f"{code!r} is not a known country code"
    return [CheckWarning("unknown_country", field, message)]


def _sex(char: str, warnings: list[CheckWarning]) -> str:
    """``M``, ``F`` or ``X`` (the MRZ writes unspecified as ``<``)."""
    if char in ("M", "F", "X"):
        return char
    if char != "<":
        message = f"{char!r} is not a sex marker (M, F or <)"
        warnings.append(CheckWarning("mrz_invalid_field", "sex", message))
    return "X"


def _document_type(code: str) -> DocumentType:
    """From the document code: P passport, V visa, A/C/I card; R marks a residence permit."""
    first, second = code[0], code[1]
    if first == "P":
        return DocumentType.PASSPORT
    if first == "V":
        return DocumentType.VISA
    if first == "R" or (first in "ACI" and second == "R"):
        return DocumentType.RESIDENCE_PERMIT
    if first in "ACI":
        return DocumentType.ID_CARD
    return DocumentType.OTHER


def _words(text: str) -> str:
    """A name part with fillers read as spaces."""
    return " ".join(text.replace("<", " ").split())
