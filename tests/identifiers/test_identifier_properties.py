"""Property tests: no text makes an identifier parser raise anything but InvalidInput, and
what it accepts is already in its normal form (parsing it again changes nothing)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.errors import InvalidInput
from frontline.identifiers.countries import canonical_country, country_key
from frontline.identifiers.hull import normalise_hull_id
from frontline.identifiers.imo import normalise_imo
from frontline.identifiers.serials import normalise_plate, normalise_serial

# Any text, and text near each format (digits, capitals, the separators they drop).
_NEAR = st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZimo -.\t/<\u00a0", max_size=24)
TEXT = st.text(max_size=40) | _NEAR | st.from_regex(r"IMO ?[0-9]{7}", fullmatch=True)


def _weighted_imo(six: str) -> str:
    check = sum(int(digit) * weight for digit, weight in zip(six, range(7, 1, -1), strict=True))
    return six + str(check % 10)


@given(TEXT)
def test_imo_parses_to_seven_digits_or_is_refused(raw: str) -> None:
    try:
        number = normalise_imo(raw)
    except InvalidInput:
        return
    assert len(number) == 7
    assert number.isascii()
    assert number.isdigit()
    assert normalise_imo(number) == number


@given(st.text(alphabet="0123456789", min_size=6, max_size=6), st.sampled_from(["", "IMO ", "imo"]))
def test_any_imo_with_its_check_digit_reads_back(six: str, prefix: str) -> None:
    number = _weighted_imo(six)
    assert normalise_imo(prefix + number) == number


@given(
    TEXT | st.from_regex(r"(US-|FR-)?[A-Z0-9]{3}[A-HJ-NPR-Z0-9]{5}[A-L][0-9]{3}", fullmatch=True)
)
def test_hull_ids_parse_to_their_key_or_are_refused(raw: str) -> None:
    try:
        key = normalise_hull_id(raw)
    except InvalidInput:
        return
    assert len(key) in (12, 14)
    assert key.isascii()
    assert key.isalnum()
    assert normalise_hull_id(key) == key


@pytest.mark.parametrize("normalise", [normalise_serial, normalise_plate])
@settings(max_examples=150)
@given(raw=TEXT | st.text(alphabet=st.characters(codec="utf-8"), max_size=45))
def test_serials_and_plates_parse_to_letters_and_digits_or_are_refused(
    normalise: object, raw: str
) -> None:
    assert callable(normalise)
    try:
        key = normalise(raw, field="x")
    except InvalidInput:
        return
    assert key
    assert key.isalnum()
    assert normalise(key, field="x") == key


@given(st.text(max_size=12) | st.sampled_from(["FRA", "fr", " deu ", "D", "SUN", "XXA", "GBD"]))
def test_countries_read_to_a_key_or_are_refused(raw: str) -> None:
    assert isinstance(country_key(raw), str)
    try:
        key = canonical_country(raw)
    except InvalidInput:
        return
    assert canonical_country(key) == key
