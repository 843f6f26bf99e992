"""Border point codes, database names, windows and check contexts (pure rules)."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.domain.checks import Database
from frontline.domain.operations import (
    BorderPointType,
    check_context,
    parse_border_point,
    parse_databases,
    parse_moment,
)
from frontline.errors import InvalidInput


@pytest.mark.parametrize(
    ("code", "kind", "expected"),
    [
        ("mnl", "air", "MNL"),  # IATA
        ("RPLL", "AIR", "RPLL"),  # ICAO
        ("PH MNL", "sea", "PHMNL"),  # UN/LOCODE, written with its space
        ("th-sad", "land", "THSAD"),
        ("DEHA2", "land", "DEHA2"),  # digits 2-9 are allowed in the place part
    ],
)
def test_valid_border_point_codes(code: str, kind: str, expected: str) -> None:
    point = parse_border_point({"code": code, "type": kind, "name": "x"})
    assert point.code == expected
    assert point.type is BorderPointType(kind.lower())


@pytest.mark.parametrize(
    ("code", "kind", "words"),
    [
        ("MN", "air", "IATA"),
        ("MANIL", "air", "IATA"),
        ("M1L", "air", "IATA"),
        ("PHMN", "sea", "UN/LOCODE"),
        ("PHMN1", "sea", "UN/LOCODE"),  # 1 would read as I
        ("ZZMNL", "land", "not an ISO 3166 country"),
        ("MNL", "rail", "air, land or sea"),
    ],
)
def test_invalid_border_point_codes(code: str, kind: str, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        parse_border_point({"code": code, "type": kind})


def test_database_names_are_read_in_any_case_and_unknown_ones_refused() -> None:
    assert parse_databases(["sltd", " Nominal "]) == {Database.SLTD, Database.NOMINAL}
    assert parse_databases("SMV,VESSELS") == {Database.SMV, Database.VESSELS}
    with pytest.raises(InvalidInput, match="'DNA' is not a database"):
        parse_databases(["SLTD", "DNA"])


def test_moments_need_their_zone() -> None:
    assert parse_moment("2026-03-01T06:00Z", field_name="x") == dt.datetime(
        2026, 3, 1, 6, tzinfo=dt.UTC
    )
    assert parse_moment("2026-03-01", field_name="x").hour == 0
    with pytest.raises(InvalidInput, match="time zone"):
        parse_moment("2026-03-01T06:00", field_name="x")
    with pytest.raises(InvalidInput, match="ISO 8601"):
        parse_moment("tomorrow", field_name="x")


def test_check_context_normalises_the_border_point() -> None:
    context = check_context("op_1", "ph mnl")
    assert (context.operation_id, context.border_point) == ("op_1", "PHMNL")
    with pytest.raises(InvalidInput, match="operation_id"):
        check_context(5, None)
    with pytest.raises(InvalidInput, match="border_point"):
        check_context(None, "")
