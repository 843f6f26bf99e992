"""VINs (ISO 3779): normal form, corrections, and the North American check digit."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.errors import InvalidInput
from frontline.identifiers.vin import parse_vin, vin_check_digit

VIN_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "vin" / "dev_vins.tsv"
VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"


def test_a_valid_vin_reads_its_parts() -> None:
    reading = parse_vin("1g8zf52801z322733")
    assert reading.vin == "1G8ZF52801Z322733"
    assert reading.check_digit_ok
    assert (reading.wmi, reading.model_year_code) == ("1G8", "1")
    assert reading.warnings == ()
    assert reading.corrections == ()


def test_spaces_and_hyphens_are_dropped() -> None:
    assert parse_vin(" 1G8ZF5-2801 Z322733 ").vin == "1G8ZF52801Z322733"


def test_the_letters_no_vin_carries_are_read_as_digits_and_reported() -> None:
    reading = parse_vin("IG8ZF528OIZ322733")
    assert reading.vin == "1G8ZF52801Z322733"
    assert reading.corrections == (
        "read I as 1 at position 1",
        "read O as 0 at position 9",
        "read I as 1 at position 10",
    )
    assert [w.code for w in reading.warnings] == ["vin_corrected"] * 3
    assert reading.check_digit_ok


def test_q_reads_as_zero() -> None:
    assert parse_vin("1G8ZF528Q1Z322733").vin == "1G8ZF52801Z322733"


def test_a_wrong_check_digit_is_a_warning_not_a_refusal() -> None:
    reading = parse_vin("1G8ZF52851Z322733")
    assert not reading.check_digit_ok
    assert [(w.code, w.field) for w in reading.warnings] == [("vin_check_digit", "vin")]
    assert "'5'" in reading.warnings[0].message
    assert "'0'" in reading.warnings[0].message


def test_a_remainder_of_ten_is_written_x() -> None:
    assert vin_check_digit("1M8GDM9AXKP042788") == "X"
    assert parse_vin("1M8GDM9AXKP042788").check_digit_ok


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("1G8ZF52801Z32273", "17 characters"),
        ("1G8ZF52801Z3227333", "17 characters"),
        ("", "17 characters"),
        ("1G8ZF52801Z32273*", "'*'"),
        ("1G8ZF52801Z32273Ä", "'Ä'"),
    ],
)
def test_wrong_lengths_and_characters_are_refused(raw: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as refused:
        parse_vin(raw, field="vehicle.vin")
    assert [e.field for e in refused.value.errors] == ["vehicle.vin"]


def _real_vins() -> list[tuple[str, bool]]:
    if not VIN_FILE.is_file():
        return []
    with VIN_FILE.open(newline="", encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(row["vin"], row["check_digit_valid"] == "True") for row in rows]


def test_our_check_digit_verdict_matches_every_real_vin() -> None:
    vins = _real_vins()
    if not vins:
        pytest.skip(f"the shared VIN sample is absent: {VIN_FILE}")
    disagreements = [vin for vin, ok in vins if parse_vin(vin).check_digit_ok != ok]
    assert disagreements == []
    # The sample holds genuine VINs that fail the check digit: none may be refused.
    assert sum(not ok for _, ok in vins) > 100


@given(st.text(alphabet=VIN_CHARS, min_size=16, max_size=16))
def test_a_vin_with_its_computed_check_digit_verifies(body: str) -> None:
    vin = body[:8] + "0" + body[8:]
    vin = vin[:8] + vin_check_digit(vin) + vin[9:]
    reading = parse_vin(vin)
    assert reading.check_digit_ok
    assert reading.vin == vin


@given(st.text(max_size=30))
def test_arbitrary_text_reads_or_is_refused(raw: str) -> None:
    try:
        reading = parse_vin(raw)
    except InvalidInput:
        return
    assert len(reading.vin) == 17
    assert set(reading.vin) <= set(VIN_CHARS)
