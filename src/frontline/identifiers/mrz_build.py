"""Compose ICAO 9303 machine-readable zones from fields, with correct check digits.

The inverse of ``frontline.identifiers.mrz.parse_mrz``: synthetic data, tests and demos build
MRZs here. Dates are ``datetime.date`` or six MRZ characters (``"7408<<"`` for an unknown day).

A document number longer than nine characters follows the ICAO long-number convention: nine
characters in the number field, ``<`` where its check digit would be, the rest and the check
digit at the start of the first optional-data field. ``check_with_filler=True`` computes that
check digit over the number *with* the ``<`` between its parts, as some issuers do.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from frontline.errors import InvalidInput
from frontline.identifiers.checkdigit import icao_check_digit

__all__ = ["MrzDate", "build_mrva", "build_mrvb", "build_td1", "build_td2", "build_td3", "mrz_name"]

MrzDate = dt.date | str

_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")

# ICAO 9303 Part 3, section 6: recommended transliteration of national characters. Where the
# table offers a choice (Ä -> AE or A) we take the first; letters with other diacritics lose
# them through Unicode decomposition below. Cyrillic follows the same table's Cyrillic part.
_TRANSLITERATION = {
    "Ä": "AE", "Å": "AA", "Æ": "AE", "Ö": "OE", "Ø": "OE", "Œ": "OE", "Ü": "UE", "ß": "SS",
    "Þ": "TH", "Ð": "D", "Đ": "D", "Ħ": "H", "Ĳ": "IJ", "Ł": "L", "Ŋ": "N", "ı": "I", "ĸ": "K",
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Ґ": "G", "Д": "D", "Е": "E", "Ё": "E", "Є": "IE",
    "Ж": "ZH", "З": "Z", "И": "I", "І": "I", "Ї": "I", "Й": "I", "К": "K", "Л": "L", "М": "M",
    "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ў": "U", "Ф": "F",
    "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "",
    "Э": "E", "Ю": "IU", "Я": "IA",
}  # fmt: skip
_SEPARATORS = frozenset(" -'‐’,.")


def mrz_name(surname: str, given_names: str, *, length: int = 39) -> str:
    """``SURNAME<<GIVEN<NAMES`` in MRZ characters, padded with fillers or cut to ``length``.

    A name that does not fit is cut at ``length``; ICAO's finer rules (truncating given names
    to initials first) are not applied: synthetic data does not need them.
    """
    primary = _mrz_text(surname, field="surname")
    secondary = _mrz_text(given_names, field="given_names")
    name = f"{primary}<<{secondary}" if secondary else primary
    return name[:length].ljust(length, "<")


def build_td3(
    *,
    document_code: str = "P",
    issuing_country: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: MrzDate,
    sex: str,
    expiry_date: MrzDate,
    personal_number: str = "",
    check_with_filler: bool = False,
) -> tuple[str, str]:
    """The two 44-character lines of a passport (TD3)."""
    line1 = _code(document_code) + _field(issuing_country, 3) + mrz_name(surname, given_names)
    number, number_cd, personal = _number(document_number, personal_number, 14, check_with_filler)
    personal_cd = icao_check_digit(personal)
    core = _middle(number + number_cd, nationality, birth_date, sex, expiry_date)
    line2 = core + personal + personal_cd
    composite = line2[0:10] + line2[13:20] + line2[21:43]
    return line1, line2 + icao_check_digit(composite)


def build_td1(
    *,
    document_code: str = "I",
    issuing_country: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: MrzDate,
    sex: str,
    expiry_date: MrzDate,
    optional_data: str = "",
    optional_data_2: str = "",
    check_with_filler: bool = False,
) -> tuple[str, str, str]:
    """The three 30-character lines of an identity card (TD1)."""
    number, number_cd, optional = _number(document_number, optional_data, 15, check_with_filler)
    line1 = _code(document_code) + _field(issuing_country, 3) + number + number_cd + optional
    line2 = (
        _date(birth_date, "birth_date")
        + icao_check_digit(_date(birth_date, "birth_date"))
        + _sex(sex)
        + _date(expiry_date, "expiry_date")
        + icao_check_digit(_date(expiry_date, "expiry_date"))
        + _field(nationality, 3)
        + _field(optional_data_2, 11)
    )
    composite = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    line3 = mrz_name(surname, given_names, length=30)
    return line1, line2 + icao_check_digit(composite), line3


def build_td2(
    *,
    document_code: str = "I",
    issuing_country: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: MrzDate,
    sex: str,
    expiry_date: MrzDate,
    optional_data: str = "",
    check_with_filler: bool = False,
) -> tuple[str, str]:
    """The two 36-character lines of an official travel document (TD2)."""
    line1 = _code(document_code) + _field(issuing_country, 3)
    line1 += mrz_name(surname, given_names, length=31)
    number, number_cd, optional = _number(document_number, optional_data, 7, check_with_filler)
    line2 = _middle(number + number_cd, nationality, birth_date, sex, expiry_date) + optional
    composite = line2[0:10] + line2[13:20] + line2[21:35]
    return line1, line2 + icao_check_digit(composite)


def build_mrva(
    *,
    document_code: str = "V",
    issuing_country: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: MrzDate,
    sex: str,
    expiry_date: MrzDate,
    optional_data: str = "",
) -> tuple[str, str]:
    """The two 44-character lines of a full-page visa (MRV-A); visas have no composite."""
    line1 = _code(document_code) + _field(issuing_country, 3) + mrz_name(surname, given_names)
    number, number_cd, optional = _number(document_number, optional_data, 16, False)
    return line1, _middle(number + number_cd, nationality, birth_date, sex, expiry_date) + optional


def build_mrvb(
    *,
    document_code: str = "V",
    issuing_country: str,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: MrzDate,
    sex: str,
    expiry_date: MrzDate,
    optional_data: str = "",
) -> tuple[str, str]:
    """The two 36-character lines of a smaller visa (MRV-B); visas have no composite."""
    line1 = _code(document_code) + _field(issuing_country, 3)
    line1 += mrz_name(surname, given_names, length=31)
    number, number_cd, optional = _number(document_number, optional_data, 8, False)
    return line1, _middle(number + number_cd, nationality, birth_date, sex, expiry_date) + optional


def _middle(number: str, nationality: str, birth: MrzDate, sex: str, expiry: MrzDate) -> str:
    """Number with its check digit, nationality, birth, sex, expiry: shared by TD2, TD3, visas."""
    birth_text = _date(birth, "birth_date")
    expiry_text = _date(expiry, "expiry_date")
    return (
        number
        + _field(nationality, 3)
        + birth_text
        + icao_check_digit(birth_text)
        + _sex(sex)
        + expiry_text
        + icao_check_digit(expiry_text)
    )


def _number(
    number: str, optional: str, optional_length: int, with_filler: bool
) -> tuple[str, str, str]:
    """(number field, its check digit, optional field), long numbers spilling into the latter."""
    number = _field(number, len(number), name="document_number").rstrip("<")
    if len(number) <= 9:
        optional_text = _field(optional, optional_length, name="optional_data")
        return number.ljust(9, "<"), icao_check_digit(number.ljust(9, "<")), optional_text
    head, tail = number[:9], number[9:]
    check = icao_check_digit(f"{head}<{tail}" if with_filler else number)
    # A filler ends the number's check digit, so optional data after it cannot extend it.
    rest = "<" + optional if optional.strip() else ""
    spill = _field(tail + check + rest, optional_length, name="document_number")
    return head, "<", spill


def _code(code: str) -> str:
    return _field(code, 2, name="document_code")


def _field(value: str, length: int, *, name: str = "field") -> str:
    """``value`` upper-cased, spaces as fillers, padded to ``length``; refused if it won't fit."""
    text = value.strip().upper().replace(" ", "<")
    if len(text) > length or not _ALLOWED.issuperset(text):
        raise InvalidInput.for_field(name, f"{value!r} does not fit {length} MRZ characters")
    return text.ljust(length, "<")


def _date(value: MrzDate, name: str) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%y%m%d")
    if len(value) != 6 or not set(value) <= set("0123456789<"):
        raise InvalidInput.for_field(name, f"{value!r} is not a date or YYMMDD")
    return value


def _sex(sex: str) -> str:
    """``M``, ``F``, or ``<`` for unspecified (``X`` on the visual page)."""
    text = sex.strip().upper()
    if text in ("", "X", "<"):
        return "<"
    if text not in ("M", "F"):
        raise InvalidInput.for_field("sex", f"{sex!r} is not M, F, X or <")
    return text


def _mrz_text(text: str, *, field: str) -> str:
    """One name in MRZ characters: transliterated, separators as ``<``, runs of ``<`` merged."""
    out: list[str] = []
    for char in text.strip().upper():
        if char in _SEPARATORS:
            out.append("<")
        elif char in _ALLOWED:
            out.append(char)
        else:
            out.append(_transliterate(char, field=field))
    return "<".join(part for part in "".join(out).split("<") if part)


def _transliterate(char: str, *, field: str) -> str:
    if char in _TRANSLITERATION:
        return _TRANSLITERATION[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if base and _ALLOWED.issuperset(base):
        return base
    raise InvalidInput.for_field(field, f"{char!r} has no MRZ transliteration")
