"""IMO ship numbers."""

from __future__ import annotations

import pytest

from frontline.errors import InvalidInput
from frontline.identifiers.imo import normalise_imo


@pytest.mark.parametrize("raw", ["9074729", "IMO 9074729", "imo9074729", " IMO 907 4729 "])
def test_the_seven_digits_come_back_with_or_without_the_prefix(raw: str) -> None:
    assert normalise_imo(raw) == "9074729"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("9074728", "check digit"),
        ("IMO 907472", "seven digits"),
        ("90747290", "seven digits"),
        ("IMO 90747A9", "seven digits"),
        ("", "seven digits"),
    ],
)
def test_bad_numbers_are_refused_naming_the_field(raw: str, problem: str) -> None:
    with pytest.raises(InvalidInput, match=problem) as refused:
        normalise_imo(raw, field="vessel.imo")
    assert [e.field for e in refused.value.errors] == ["vessel.imo"]
