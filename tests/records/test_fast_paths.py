"""The fast paths give exactly what the full validators give, or step aside."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest.mock import patch

from hypothesis import event, given, settings
from hypothesis import strategies as st

from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput
from frontline.records.fast import fast_document_row
from frontline.records.kinds import build_row
from frontline.screening import requests
from frontline.screening.requests import parse_check_request

COUNTRIES = st.sampled_from(
    ["FRA", "FRA", "DEU", "fra", "D", "de", " ESP ", "UTO", "ZZZ", "XXA", ""]
)
NUMBERS = st.text(alphabet="AB01oO sS-./<5é", max_size=12) | st.sampled_from(
    ["X1234567", "x-12 34"]
)
TEXT = st.text(max_size=20) | st.sampled_from(["stolen", "passport", "lost", "id_card", "Stolen"])
DATES = st.sampled_from(["2025-01-02", "2024-12-31", "2025-02-30", "yesterday", ""]) | st.none()


def _full_row(raw: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return build_row(RecordKind.DOCUMENTS, raw)
    except InvalidInput:
        return None


@settings(max_examples=600, deadline=None)
@given(
    raw=st.fixed_dictionaries(
        {
            "id": st.sampled_from(["DOC-1", "bad id", ""]),
            "number": NUMBERS,
            "issuing_country": COUNTRIES,
            "type": TEXT,
            "status": TEXT,
            "owner": COUNTRIES,
        },
        optional={
            "action": st.text(max_size=30) | st.integers(),
            "reported_at": DATES,
            "state": st.sampled_from(["active", "cancelled", "gone"]),
            "number_to": st.just("X9"),
            "colour": st.just("red"),
        },
    )
)
def test_the_fast_document_row_matches_the_full_validator(raw: dict[str, Any]) -> None:
    fast = fast_document_row(raw)
    event("fast path taken" if fast is not None else "full path")
    if fast is not None:
        assert fast == _full_row(raw)


@settings(max_examples=600, deadline=None)
@given(
    document=st.fixed_dictionaries(
        {"number": NUMBERS | st.integers(), "country": COUNTRIES},
        optional={"type": TEXT | st.none(), "issuing_country": COUNTRIES},
    )
)
def test_the_plain_document_request_matches_the_full_parser(document: dict[str, Any]) -> None:
    raw = {"document": document}
    fast = requests._plain_document_request(raw)
    event("fast path taken" if fast is not None else "full path")
    if fast is None:
        return
    with patch.object(requests, "_plain_document_request", return_value=None):
        full = parse_check_request(raw, today=dt.date(2026, 11, 21))
    assert fast == full


@settings(max_examples=300, deadline=None)
@given(
    raw=st.fixed_dictionaries(
        {
            "id": st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:\-]{0,20}", fullmatch=True),
            "number": st.text(alphabet="ABCOSZ0123456789 -./<abc", min_size=1, max_size=20),
            "issuing_country": st.sampled_from(["FRA", "DEU", "D", "de", "UTO", "XXA", "GBD"]),
            "type": st.sampled_from(["passport", "id_card", "visa", "residence_permit", "other"]),
            "status": st.sampled_from(["stolen", "lost", "stolen_blank", "revoked", "invalid"]),
            "owner": st.sampled_from(["FRA", "ESP", "ita"]),
        },
        optional={
            "action": st.text(max_size=40),
            "reported_at": st.dates().map(dt.date.isoformat),
            "state": st.sampled_from(["active", "cancelled"]),
        },
    )
)
def test_plain_document_rows_take_the_fast_path_and_match(raw: dict[str, Any]) -> None:
    full = _full_row(raw)
    fast = fast_document_row(raw)
    assert fast == full
