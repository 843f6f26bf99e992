"""Serials (firearms, engines) and licence plates."""

from __future__ import annotations

import pytest

from frontline.errors import InvalidInput
from frontline.identifiers.serials import normalise_plate, normalise_serial


@pytest.mark.parametrize(
    ("raw", "serial"),
    [
        ("abc-123.45/6", "ABC123456"),
        (" 12 34 ", "1234"),
        ("ла 1234", "ЛА1234"),
        ("ＡＢ１２", "AB12"),
        ("X" * 40, "X" * 40),
    ],
    ids=["separators", "spaces", "cyrillic", "full-width", "longest"],
)
def test_serials_are_upper_case_letters_and_digits(raw: str, serial: str) -> None:
    assert normalise_serial(raw, field="serial") == serial


@pytest.mark.parametrize(
    ("raw", "problem"),
    [("", "required"), (" -/. ", "required"), ("AB#12", "only letters"), ("X" * 41, "40")],
)
def test_bad_serials_are_refused_naming_the_field(raw: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as refused:
        normalise_serial(raw, field="engine_number")
    assert [e.field for e in refused.value.errors] == ["engine_number"]


@pytest.mark.parametrize(
    ("raw", "plate"),
    [
        ("b-ab 1234", "BAB1234"),
        ("ab.123.cd", "AB123CD"),
        ("а 123 вс 77", "А123ВС77"),
        ("ΙΚΑ 1234", "ΙΚΑ1234"),
        ("X" * 15, "X" * 15),
    ],
    ids=["german", "dotted", "russian", "greek", "longest"],
)
def test_plates_are_upper_case_and_keep_their_script(raw: str, plate: str) -> None:
    assert normalise_plate(raw) == plate


@pytest.mark.parametrize(
    ("raw", "problem"),
    [("", "required"), (" - ", "required"), ("AB/123", "only letters"), ("X" * 16, "15")],
)
def test_bad_plates_are_refused_naming_the_field(raw: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as refused:
        normalise_plate(raw, field="vehicle.plate")
    assert [e.field for e in refused.value.errors] == ["vehicle.plate"]
