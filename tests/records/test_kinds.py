"""Row validation: what every kind accepts, and that no input makes it raise anything else."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput
from frontline.records.kinds import FIELDS, build_row
from frontline.screening.requests import parse_check_request
from tests.factories import blank_range, document, firearm, person, vehicle, vessel

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=10,
)


@pytest.mark.parametrize("kind", list(RecordKind))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_no_row_makes_validation_raise_anything_but_invalid_input(
    kind: RecordKind, data: st.DataObject
) -> None:
    keys = st.sampled_from(sorted(FIELDS[kind])) | st.text(max_size=12)
    raw = data.draw(st.dictionaries(keys, VALUES, max_size=8) | VALUES)
    with contextlib.suppress(InvalidInput):
        build_row(kind, raw)


@settings(max_examples=300, deadline=None)
@given(
    raw=st.dictionaries(
        st.sampled_from(["mrz", "document", "vehicle", "vessel", "firearm", "x"]), VALUES
    )
)
def test_no_check_request_makes_parsing_raise_anything_but_invalid_input(
    raw: dict[str, Any],
) -> None:
    import datetime as dt

    with contextlib.suppress(InvalidInput):
        parse_check_request(raw, today=dt.date(2026, 11, 21))


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("documents", document("x-123 456.7")),
        ("documents", blank_range("B0040000", "B0040999")),
        ("persons", person(birth_date="1974", sex="F", nationalities=["RU", "UKR"])),
        ("vehicles", vehicle(plate="B AB 123", plate_country="DEU")),
        ("vessels", vessel(hull_id="ABC12345D404")),
        ("firearms", firearm("AB-12 3")),
    ],
)
def test_good_rows_of_every_kind_are_accepted(kind: str, raw: dict[str, Any]) -> None:
    row = build_row(RecordKind(kind), raw)
    assert row["id"] == raw["id"]


def test_document_numbers_are_normalised_and_keyed() -> None:
    row = build_row(RecordKind.DOCUMENTS, document("x-123 456.7"))
    assert row["number"] == "X1234567"


def test_alpha2_nationalities_become_alpha3() -> None:
    row = build_row(RecordKind.PERSONS, person(nationalities=["RU", "UKR"]))
    assert row["nationalities"] == ["RUS", "UKR"]


@pytest.mark.parametrize(
    ("kind", "raw", "field"),
    [
        ("documents", document("X1", number_from="A1", number_to="A9"), "number"),
        ("documents", blank_range("A900", "A100"), "number_to"),
        ("documents", blank_range("A100", "B900"), "number_to"),
        ("documents", blank_range("A1", "A99999999999"), "number_to"),
        ("documents", document(None), "number"),
        ("documents", document("X1", id="bad id!"), "id"),
        ("documents", document("X1", action="x" * 3000), "action"),
        ("documents", document("X1", expires_at="tomorrow"), "expires_at"),
        ("vehicles", vehicle(None), "vin"),
        ("vehicles", vehicle(None, plate="AB123"), "plate_country"),
        ("vessels", vessel(None), "imo"),
        ("vessels", vessel("1234568"), "imo"),
        ("firearms", firearm(""), "serial"),
        ("persons", person(documents=[{"number": "X1"}]), "documents[0].issuing_country"),
    ],
)
def test_bad_rows_name_the_bad_field(kind: str, raw: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        build_row(RecordKind(kind), raw)
    assert field in [error.field for error in raised.value.errors]
