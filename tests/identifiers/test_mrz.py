"""Reading ICAO 9303 MRZs: the specimens, long numbers, warnings, refusals, round trips."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.domain.dates import PartialDate
from frontline.domain.records import DocumentType
from frontline.errors import FrontlineError, MalformedMRZ
from frontline.identifiers.mrz import MRZ, MrzFormat, parse_mrz
from frontline.identifiers.mrz_build import build_mrva, build_mrvb, build_td1, build_td2, build_td3

TODAY = dt.date(2026, 5, 1)

TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
TD2 = ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")
MRVA = (
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
)
MRVB = ("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<")

ANNA = {"surname": "ERIKSSON", "given_names": "ANNA MARIA", "issuing_country": "UTO", "sex": "F"}
ANNA_CARD = {
    **ANNA,
    "document_code": "I",
    "document_type": "id_card",
    "document_number": "D23145890",
    "nationality": "UTO",
    "birth_date": "1974-08-12",
    "expiry_date": "2012-04-15",
    "personal_number": None,
    "valid": True,
}
ANNA_VISA = {
    **ANNA,
    "document_code": "V",
    "document_type": "visa",
    "document_number": "L8988901C",
    "nationality": "XXX",
    "birth_date": "1940-09-07",
    "expiry_date": "1996-12-10",
    "personal_number": None,
    "valid": True,
}


def fields(mrz: MRZ) -> dict[str, Any]:
    """The parsed fields without checks and warnings, as JSON sees them."""
    out = mrz.as_dict()
    skipped = ("checks", "warnings", "format", "name_truncated")
    return {k: v for k, v in out.items() if k not in skipped}


def passport(**overrides: Any) -> tuple[str, str]:
    """A TD3 built from the specimen's fields, with ``overrides``."""
    values: dict[str, Any] = {
        "issuing_country": "UTO",
        "surname": "ERIKSSON",
        "given_names": "ANNA MARIA",
        "document_number": "L898902C3",
        "nationality": "UTO",
        "birth_date": "740812",
        "sex": "F",
        "expiry_date": "340415",
        "personal_number": "ZE184226B",
    }
    return build_td3(**(values | overrides))


def card(**overrides: Any) -> tuple[str, str, str]:
    """A TD1 built from the specimen's fields, with ``overrides``."""
    values: dict[str, Any] = {
        "issuing_country": "UTO",
        "surname": "ERIKSSON",
        "given_names": "ANNA MARIA",
        "document_number": "D23145890",
        "nationality": "UTO",
        "birth_date": "740812",
        "sex": "F",
        "expiry_date": "340415",
    }
    return build_td1(**(values | overrides))


def replace(lines: tuple[str, ...], line: int, position: int, char: str) -> list[str]:
    """``lines`` with one character (0-based ``position`` on 0-based ``line``) replaced."""
    out = list(lines)
    out[line] = out[line][:position] + char + out[line][position + 1 :]
    return out


def failed(mrz: MRZ) -> set[str]:
    return {check.field for check in mrz.checks if not check.is_valid}


# --- The ICAO 9303 specimens --------------------------------------------------------------


def test_the_td3_specimen_passport_reads_every_field() -> None:
    mrz = parse_mrz(TD3, today=TODAY)
    assert mrz.format is MrzFormat.TD3
    assert fields(mrz) == {
        **ANNA,
        "document_code": "P",
        "document_type": "passport",
        "document_number": "L898902C3",
        "nationality": "UTO",
        "birth_date": "1974-08-12",
        "expiry_date": "2012-04-15",
        "optional_data": ["ZE184226B<<<<<"],
        "personal_number": "ZE184226B",
        "valid": True,
    }
    assert [c.field for c in mrz.checks] == [
        "document_number",
        "birth_date",
        "expiry_date",
        "personal_number",
        "composite",
    ]
    assert [(c.expected, c.found) for c in mrz.checks] == [
        ("6", "6"),
        ("2", "2"),
        ("9", "9"),
        ("1", "1"),
        ("0", "0"),
    ]


def test_the_td1_specimen_card_reads_every_field() -> None:
    mrz = parse_mrz(TD1, today=TODAY)
    assert mrz.format is MrzFormat.TD1
    assert fields(mrz) == {**ANNA_CARD, "optional_data": ["<" * 15, "<" * 11]}
    assert [c.field for c in mrz.checks] == [
        "document_number",
        "birth_date",
        "expiry_date",
        "composite",
    ]


def test_the_td2_specimen_card_reads_every_field() -> None:
    mrz = parse_mrz(TD2, today=TODAY)
    assert mrz.format is MrzFormat.TD2
    assert fields(mrz) == {**ANNA_CARD, "optional_data": ["<" * 7]}
    assert [c.field for c in mrz.checks][-1] == "composite"


def test_the_mrv_a_specimen_visa_reads_every_field_and_has_no_composite() -> None:
    mrz = parse_mrz(MRVA, today=TODAY)
    assert mrz.format is MrzFormat.MRVA
    assert fields(mrz) == {**ANNA_VISA, "optional_data": ["6ZE184226B<<<<<<"]}
    assert [c.field for c in mrz.checks] == ["document_number", "birth_date", "expiry_date"]


def test_the_mrv_b_specimen_visa_reads_every_field_and_has_no_composite() -> None:
    mrz = parse_mrz(MRVB, today=TODAY)
    assert mrz.format is MrzFormat.MRVB
    assert fields(mrz) == {**ANNA_VISA, "optional_data": ["<" * 8]}
    assert [c.field for c in mrz.checks] == ["document_number", "birth_date", "expiry_date"]


def test_the_builders_reproduce_the_specimens() -> None:
    anna = {"issuing_country": "UTO", "surname": "Eriksson", "given_names": "Anna María"}
    card_fields = {
        **anna,
        "document_number": "D23145890",
        "nationality": "UTO",
        "birth_date": dt.date(1974, 8, 12),
        "sex": "F",
        "expiry_date": dt.date(2012, 4, 15),
    }
    visa = {
        **anna,
        "document_number": "L8988901C",
        "nationality": "XXX",
        "birth_date": "400907",
        "sex": "F",
        "expiry_date": "961210",
    }
    passport_number = {"document_number": "L898902C3", "personal_number": "ZE184226B"}
    assert build_td3(**(card_fields | passport_number)) == TD3
    assert build_td1(**card_fields) == TD1
    assert build_td2(**card_fields) == TD2
    assert build_mrva(**visa, optional_data="6ZE184226B") == MRVA
    assert build_mrvb(**visa) == MRVB


def test_as_dict_is_json_ready() -> None:
    out = parse_mrz(TD3, today=TODAY).as_dict()
    assert json.loads(json.dumps(out)) == out
    assert out["format"] == "TD3"
    assert out["checks"][0] == {
        "field": "document_number",
        "expected": "6",
        "found": "6",
        "is_valid": True,
    }
    assert out["warnings"] == [
        {
            "code": "document_expired",
            "field": "expiry_date",
            "message": "the document expired on 2012-04-15",
        }
    ]


# --- What the parser accepts -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(TD3),
        "\r\n".join(TD3) + "\r\n",
        "\n  " + TD3[0] + "   \n" + TD3[1] + "\t\n\n",
        list(TD3),
        [TD3[0] + "  ", "", TD3[1]],
    ],
    ids=["newline", "crlf", "reader-whitespace", "list", "list-with-blank"],
)
def test_a_readers_surrounding_whitespace_is_tolerated(text: str | list[str]) -> None:
    assert parse_mrz(text, today=TODAY) == parse_mrz(TD3, today=TODAY)


# --- Long document numbers ---------------------------------------------------------------


def test_the_icao_long_number_example_reads_the_whole_number() -> None:
    lines = ("I<UTOD23145890<7349<<<<<<<<<<<", *TD1[1:])
    mrz = parse_mrz(lines, today=TODAY)
    assert mrz.document_number == "D23145890734"
    assert mrz.valid
    assert mrz.checks[0].found == "9"


@pytest.mark.parametrize("check_with_filler", [False, True], ids=["filler-excluded", "included"])
@pytest.mark.parametrize("build", [build_td1, build_td2, build_td3], ids=["TD1", "TD2", "TD3"])
def test_long_numbers_verify_with_or_without_the_filler(
    build: Any, check_with_filler: bool
) -> None:
    lines = build(
        issuing_country="NLD",
        surname="DE VRIES",
        given_names="JAN",
        document_number="XI85935F86AB",
        nationality="NLD",
        birth_date="850101",
        sex="M",
        expiry_date="300101",
        check_with_filler=check_with_filler,
    )
    mrz = parse_mrz(lines, today=TODAY)
    assert mrz.document_number == "XI85935F86AB"
    assert mrz.valid
    assert mrz.warnings == ()


def test_the_filler_variants_of_a_long_number_have_different_check_digits() -> None:
    # The test above would prove nothing if both conventions gave the same digit.
    plain = card(document_number="XI85935F86AB")
    with_filler = card(document_number="XI85935F86AB", check_with_filler=True)
    assert plain[0] != with_filler[0]


def test_a_long_number_with_a_wrong_check_digit_is_read_whole_and_warned() -> None:
    lines = replace(card(document_number="D23145890734"), 0, 18, "0")
    mrz = parse_mrz(lines, today=TODAY)
    assert mrz.document_number == "D23145890734"
    assert failed(mrz) == {"document_number", "composite"}


def test_a_long_number_leaves_the_rest_of_the_optional_data_to_the_personal_number() -> None:
    mrz = parse_mrz(passport(document_number="AB1234567890", personal_number="X12"))
    assert (mrz.document_number, mrz.personal_number) == ("AB1234567890", "X12")
    assert mrz.valid


def test_a_stray_filler_check_digit_does_not_swallow_a_passports_personal_number() -> None:
    mrz = parse_mrz(replace(TD3, 1, 9, "<"), today=TODAY)
    assert mrz.document_number == "L898902C3"
    assert mrz.personal_number == "ZE184226B"
    assert "document_number" in failed(mrz)


# --- Check digits --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "line", "position", "field"),
    [
        (TD3, 1, 9, "document_number"),
        (TD3, 1, 19, "birth_date"),
        (TD3, 1, 27, "expiry_date"),
        (TD3, 1, 42, "personal_number"),
        (TD1, 0, 14, "document_number"),
        (TD1, 1, 6, "birth_date"),
        (TD1, 1, 14, "expiry_date"),
        (TD2, 1, 9, "document_number"),
        (TD2, 1, 19, "birth_date"),
        (TD2, 1, 27, "expiry_date"),
    ],
)
def test_each_failed_check_digit_is_a_warning_naming_its_field(
    lines: tuple[str, ...], line: int, position: int, field: str
) -> None:
    wrong = "5" if lines[line][position] != "5" else "4"
    mrz = parse_mrz(replace(lines, line, position, wrong), today=TODAY)
    # The check digit is part of the composite's data, so the composite fails with it.
    assert failed(mrz) == {field, "composite"}
    assert not mrz.valid
    check_warnings = [w for w in mrz.warnings if w.code == "mrz_check_digit"]
    assert {w.field for w in check_warnings} == {field, "composite"}
    assert any(wrong in w.message for w in check_warnings if w.field == field)


@pytest.mark.parametrize(("lines", "line", "position"), [(TD3, 1, 43), (TD1, 1, 29), (TD2, 1, 35)])
def test_a_failed_composite_alone_is_reported_alone(
    lines: tuple[str, ...], line: int, position: int
) -> None:
    mrz = parse_mrz(replace(lines, line, position, "3"), today=TODAY)
    assert failed(mrz) == {"composite"}
    assert [w.field for w in mrz.warnings if w.code == "mrz_check_digit"] == ["composite"]


@pytest.mark.parametrize(
    ("lines", "position", "field"),
    [(MRVA, 9, "document_number"), (MRVA, 19, "birth_date"), (MRVB, 27, "expiry_date")],
)
def test_visas_report_their_own_failed_check_digits(
    lines: tuple[str, ...], position: int, field: str
) -> None:
    mrz = parse_mrz(replace(lines, 1, position, "0"), today=TODAY)
    assert failed(mrz) == {field}


def test_corrupted_data_fails_its_check_digit() -> None:
    mrz = parse_mrz(replace(TD3, 1, 0, "M"), today=TODAY)
    assert mrz.document_number == "M898902C3"
    assert failed(mrz) == {"document_number", "composite"}


@pytest.mark.parametrize("filler", ["<", "0"])
def test_an_empty_personal_number_may_carry_a_filler_or_zero_check_digit(filler: str) -> None:
    lines = replace(passport(personal_number=""), 1, 42, filler)
    mrz = parse_mrz(lines, today=TODAY)
    assert mrz.personal_number == ""
    assert mrz.valid


def test_a_filled_personal_number_may_not_carry_a_filler_check_digit() -> None:
    mrz = parse_mrz(replace(TD3, 1, 42, "<"), today=TODAY)
    assert "personal_number" in failed(mrz)


def test_valid_means_check_digits_and_nothing_else() -> None:
    lines = passport(issuing_country="BOS", nationality="YUG", expiry_date="100101")
    mrz = parse_mrz(lines, today=TODAY)
    assert mrz.valid
    assert {w.code for w in mrz.warnings} == {"unknown_country", "document_expired"}


# --- Countries, expiry, dates, names, sex, document types ---------------------------------


def test_unknown_and_retired_countries_are_warnings_beside_the_fields() -> None:
    mrz = parse_mrz(passport(issuing_country="BOS", nationality="YUG"), today=TODAY)
    assert (mrz.issuing_country, mrz.nationality) == ("BOS", "YUG")
    warnings = {w.field: w for w in mrz.warnings}
    assert warnings["issuing_country"].code == "unknown_country"
    assert warnings["nationality"].code == "unknown_country"
    assert "retired" in warnings["nationality"].message


@pytest.mark.parametrize("code", ["D", "UTO", "GBN", "XXA", "RKS", "EUE"])
def test_icao_codes_are_known(code: str) -> None:
    mrz = parse_mrz(passport(issuing_country=code, nationality=code), today=TODAY)
    assert mrz.issuing_country == code
    assert mrz.warnings == ()


def test_an_expired_document_is_warned_only_when_today_is_known() -> None:
    lines = passport(expiry_date="260430")
    expired = parse_mrz(lines, today=TODAY)
    assert [(w.code, w.field) for w in expired.warnings] == [("document_expired", "expiry_date")]
    assert parse_mrz(lines).warnings == ()
    assert parse_mrz(passport(expiry_date="260501"), today=TODAY).warnings == ()


@pytest.mark.parametrize(
    ("raw", "today", "expected"),
    [
        ("740812", TODAY, PartialDate(1974, 8, 12)),
        ("260430", TODAY, PartialDate(2026, 4, 30)),
        ("260502", TODAY, PartialDate(1926, 5, 2)),
        ("000229", TODAY, PartialDate(2000, 2, 29)),
        ("310101", None, PartialDate(1931, 1, 1)),
        ("300101", None, PartialDate(2030, 1, 1)),
        ("7408<<", TODAY, PartialDate(1974, 8)),
        ("740800", TODAY, PartialDate(1974, 8)),
        ("74<<<<", TODAY, PartialDate(1974)),
        ("74<<12", TODAY, PartialDate(1974)),
        ("<<<<<<", TODAY, None),
    ],
)
def test_birth_dates_take_the_century_that_is_not_in_the_future(
    raw: str, today: dt.date | None, expected: PartialDate | None
) -> None:
    mrz = parse_mrz(passport(birth_date=raw), today=today)
    assert mrz.birth_date == expected
    assert not [w for w in mrz.warnings if w.field == "birth_date"]


@pytest.mark.parametrize(
    ("raw", "today", "expected"),
    [
        ("340415", TODAY, dt.date(2034, 4, 15)),
        ("760101", TODAY, dt.date(2076, 1, 1)),
        ("770101", TODAY, dt.date(1977, 1, 1)),
        ("690101", None, dt.date(2069, 1, 1)),
        ("700101", None, dt.date(1970, 1, 1)),
        ("<<<<<<", TODAY, None),
    ],
)
def test_expiry_dates_are_this_century_unless_too_far_ahead(
    raw: str, today: dt.date | None, expected: dt.date | None
) -> None:
    assert parse_mrz(passport(expiry_date=raw), today=today).expiry_date == expected


@pytest.mark.parametrize(("field", "raw"), [("birth_date", "741332"), ("expiry_date", "300231")])
def test_an_impossible_date_is_a_warning_and_no_date(field: str, raw: str) -> None:
    mrz = parse_mrz(passport(**{field: raw}), today=TODAY)
    assert getattr(mrz, field) is None
    assert [(w.code, w.field) for w in mrz.warnings] == [("mrz_invalid_date", field)]
    assert mrz.valid


def test_names_split_on_double_fillers_and_read_single_fillers_as_spaces() -> None:
    mrz = parse_mrz(passport(surname="van der Berg", given_names="Jan-Willem Piet"))
    assert (mrz.surname, mrz.given_names) == ("VAN DER BERG", "JAN WILLEM PIET")


def test_a_single_name_is_the_surname() -> None:
    mrz = parse_mrz(passport(surname="SUHARTO", given_names=""))
    assert (mrz.surname, mrz.given_names) == ("SUHARTO", "")


@pytest.mark.parametrize(("marker", "sex"), [("M", "M"), ("F", "F"), ("<", "X"), ("X", "X")])
def test_sex_is_m_f_or_x(marker: str, sex: str) -> None:
    assert parse_mrz(passport(sex=marker)).sex == sex


@pytest.mark.parametrize(
    ("code", "document_type"),
    [
        ("I", DocumentType.ID_CARD),
        ("ID", DocumentType.ID_CARD),
        ("AC", DocumentType.ID_CARD),
        ("C", DocumentType.ID_CARD),
        ("IR", DocumentType.RESIDENCE_PERMIT),
        ("AR", DocumentType.RESIDENCE_PERMIT),
        ("RP", DocumentType.RESIDENCE_PERMIT),
        ("X", DocumentType.OTHER),
    ],
)
def test_the_document_code_gives_the_document_type(code: str, document_type: DocumentType) -> None:
    mrz = parse_mrz(card(document_code=code))
    assert (mrz.document_code, mrz.document_type) == (code, document_type)


# --- Refusals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "not 0"),
        (TD3[0], "not 1"),
        ([*TD1, TD1[2]], "not 4"),
        ([TD1[0], TD1[1][:-1], TD1[2]], "line 2: 29 characters"),
        ([TD3[0] + "<", TD3[1] + "<"], "line 1: 45 characters"),
        ([TD3[0], TD3[1][:-1]], "line 2: 43 characters, line 1 has 44"),
        ([TD3[0], TD3[1].lower()], "line 2: 'l' at position 1"),
        ([TD3[0], TD3[1][:5] + " " + TD3[1][6:]], "line 2: ' ' at position 6"),
        ([TD3[0].replace("<", "-", 1), TD3[1]], "line 1: '-' at position 2"),
        ([TD3[0], TD3[1][:10] + "É" + TD3[1][11:]], "line 2: 'É' at position 11"),
    ],
)
def test_unreadable_input_is_refused_naming_the_line_and_problem(
    text: str | list[str], problem: str
) -> None:
    with pytest.raises(MalformedMRZ) as refused:
        parse_mrz(text)
    assert problem in refused.value.message
    assert refused.value.code == "malformed_mrz"
    assert [e.field for e in refused.value.errors] == ["mrz"]


def test_lowercase_letters_are_refused_with_a_hint() -> None:
    with pytest.raises(MalformedMRZ, match="lowercase"):
        parse_mrz([TD3[0].lower(), TD3[1]])


def test_a_sequence_of_non_text_is_refused() -> None:
    with pytest.raises(MalformedMRZ, match="text lines"):
        parse_mrz([TD3[0], 42])  # type: ignore[list-item]


# --- Properties ----------------------------------------------------------------------------

_WORD = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=6)
_NAME = st.lists(_WORD, min_size=1, max_size=2).map(" ".join)
_NUMBER = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=9)
_COUNTRY = st.sampled_from(["UTO", "DEU", "D", "FRA", "GBN", "XXA", "NLD", "UNO"])
_MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
_BUILDERS = {
    MrzFormat.TD1: build_td1,
    MrzFormat.TD2: build_td2,
    MrzFormat.TD3: build_td3,
    MrzFormat.MRVA: build_mrva,
    MrzFormat.MRVB: build_mrvb,
}


@given(
    mrz_format=st.sampled_from(list(MrzFormat)),
    surname=_NAME,
    given_names=_NAME | st.just(""),
    number=_NUMBER,
    issuer=_COUNTRY,
    nationality=_COUNTRY,
    birth=st.dates(dt.date(1930, 1, 1), TODAY),
    expiry=st.dates(dt.date(1977, 1, 1), dt.date(2076, 12, 31)),
    sex=st.sampled_from(["M", "F", "X"]),
)
def test_any_built_mrz_parses_valid_with_the_same_fields(
    mrz_format: MrzFormat,
    surname: str,
    given_names: str,
    number: str,
    issuer: str,
    nationality: str,
    birth: dt.date,
    expiry: dt.date,
    sex: str,
) -> None:
    lines = _BUILDERS[mrz_format](
        issuing_country=issuer,
        surname=surname,
        given_names=given_names,
        document_number=number,
        nationality=nationality,
        birth_date=birth,
        sex=sex,
        expiry_date=expiry,
    )
    mrz = parse_mrz(lines, today=TODAY)
    assert mrz.valid
    assert mrz.format is mrz_format
    assert (mrz.surname, mrz.given_names) == (surname, given_names)
    assert (mrz.document_number, mrz.issuing_country, mrz.nationality) == (
        number,
        issuer,
        nationality,
    )
    assert mrz.birth_date == PartialDate(birth.year, birth.month, birth.day)
    assert (mrz.expiry_date, mrz.sex) == (expiry, sex)


@given(
    build=st.sampled_from([build_td1, build_td2, build_td3]),
    number=st.text(alphabet=_MRZ_CHARS[:-1], min_size=10, max_size=15),
    check_with_filler=st.booleans(),
)
def test_any_built_long_number_parses_whole(
    build: Any, number: str, check_with_filler: bool
) -> None:
    lines = build(
        issuing_country="UTO",
        surname="ERIKSSON",
        given_names="ANNA",
        document_number=number,
        nationality="UTO",
        birth_date="740812",
        sex="F",
        expiry_date="340415",
        check_with_filler=check_with_filler,
    )
    mrz = parse_mrz(lines, today=TODAY)
    assert (mrz.document_number, mrz.valid) == (number, True)


def _lines(count: int, width: int) -> st.SearchStrategy[list[str]]:
    line = st.text(alphabet=_MRZ_CHARS, min_size=width, max_size=width)
    return st.lists(line, min_size=count, max_size=count)


@given(
    text=st.text()
    | st.lists(st.text())
    | _lines(3, 30)
    | _lines(2, 36)
    | _lines(2, 44)
    | _lines(2, 44).map(lambda rows: ["V" + rows[0][1:], rows[1]])
)
def test_arbitrary_input_parses_or_is_refused_as_a_frontline_error(
    text: str | list[str],
) -> None:
    try:
        mrz = parse_mrz(text, today=TODAY)
    except FrontlineError:
        return
    assert mrz.valid == all(check.is_valid for check in mrz.checks)


def test_a_name_that_fills_its_field_is_flagged_as_possibly_cut() -> None:
    assert parse_mrz(TD3, today=TODAY).name_truncated is False
    long_name = passport(surname="KHALIFA ABDULRAHMAN AL MAKTOUM", given_names="MOHAMMED BIN")
    assert parse_mrz(long_name, today=TODAY).name_truncated is True
