"""Hull identification numbers: US HIN and ISO 10087 CIN."""

from __future__ import annotations

import pytest

from frontline.errors import InvalidInput
from frontline.identifiers.hull import normalise_hull_id


@pytest.mark.parametrize(
    ("raw", "hull_id"),
    [
        ("ABC12345C585", "ABC12345C585"),
        ("abc 12345 l404", "ABC12345L404"),
        ("JLD12345M82H", "JLD12345M82H"),
        ("ABC123458208", "ABC123458208"),
        ("FR-ABC12345C585", "FRABC12345C585"),
        ("US-ABC12345C585", "ABC12345C585"),
    ],
    ids=["hin", "spaced", "straight-year", "model-year", "cin", "us-prefix"],
)
def test_hins_and_cins_come_back_compact(raw: str, hull_id: str) -> None:
    assert normalise_hull_id(raw) == hull_id


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "ABC12345C58",
        "ABC12345C5855",
        "ABC12345M585",
        "ABC1234OC585",
        "ABC12345CX85",
        "F1-ABC12345C585",
        "ABC12345C58#",
    ],
    ids=[
        "empty",
        "short",
        "long",
        "month-past-l",
        "serial-with-o",
        "year-letter",
        "bad-country",
        "symbol",
    ],
)
def test_other_shapes_are_refused_naming_the_field(raw: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        normalise_hull_id(raw, field="vessel.hull_id")
    assert [e.field for e in refused.value.errors] == ["vessel.hull_id"]
