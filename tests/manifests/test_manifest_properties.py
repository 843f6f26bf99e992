"""Property tests for the manifest readers below PAXLST (test_paxlst.py fuzzes the whole
parser): EDIFACT segments, and subject rows as JSON lines or CSV. No input makes them raise
anything but InvalidInput; each traveller they read becomes a check request or an error."""

from __future__ import annotations

import contextlib
import datetime as dt

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.errors import FrontlineError, InvalidInput
from frontline.manifests.edifact import read_segments
from frontline.manifests.paxlst import parse_paxlst
from frontline.manifests.subjects import paxlst_source, request_for, rows_source
from frontline.screening.subjects import SUBJECT_FIELDS
from frontline.synth.paxlst import synthetic_manifest

TODAY = dt.date(2026, 12, 1)
_EDI = st.text(alphabet="UNABHGTDOCLMNRS+:'?*. \n\r0123456789ÉЖ\x00", max_size=200)
FIELDS = st.sampled_from([*SUBJECT_FIELDS, "id", "x"])
VALUES = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats()
    | st.text(max_size=20)
)
ROWS = st.lists(st.dictionaries(FIELDS, VALUES | st.lists(VALUES, max_size=3), max_size=6))


@settings(max_examples=300)
@given(
    _EDI
    | _EDI.map(lambda text: "UNB+" + text)
    | _EDI.map(lambda text: "UNA:+.? 'UNB+" + text)
    | _EDI.map(lambda text: "UNA" + text)
)
def test_edifact_segments_read_or_are_refused_with_invalid_input(text: str) -> None:
    try:
        separators, segments, tail = read_segments(text)
    except InvalidInput:
        return
    assert segments[0].tag == "UNB" if segments else tail.startswith("UNB") or not tail
    assert all(segment.tag == segment.tag.upper() for segment in segments)
    assert len({separators.element, separators.component, separators.terminator}) == 3


def _check_every_traveller(items: tuple[object, ...]) -> None:
    for item in items:
        raw = getattr(item, "raw", None)
        if raw is not None:
            with contextlib.suppress(InvalidInput):
                request_for(raw, today=TODAY)


@settings(max_examples=200, deadline=None)
@given(ROWS, st.booleans())
def test_json_subject_rows_read_or_are_refused_with_invalid_input(
    rows: list[dict[str, object]], broken: bool
) -> None:
    data = b"\n".join(orjson.dumps(row) for row in rows) + (b"\n{not json" if broken else b"")
    try:
        source = rows_source(data, format="jsonl")
    except InvalidInput:
        assert broken
        return
    assert len(source.items) == len(rows)
    _check_every_traveller(source.items)


@pytest.mark.parametrize("format", ["jsonl", "csv"])
@settings(max_examples=150, deadline=None)
@given(
    data=st.binary(max_size=300)
    | st.lists(st.text(max_size=40), max_size=6).map(lambda lines: "\n".join(lines).encode())
)
def test_any_subject_bytes_read_or_are_refused_with_invalid_input(format: str, data: bytes) -> None:
    try:
        source = rows_source(data, format=format)
    except InvalidInput:
        return
    _check_every_traveller(source.items)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), cut=st.floats(0, 1), noise=st.text(max_size=8))
def test_a_damaged_synthetic_manifest_reads_to_check_requests_or_our_errors(
    seed: int, cut: float, noise: str
) -> None:
    text = synthetic_manifest(3, seed=seed, departs=dt.datetime(2026, 12, 1, 9, 0))
    at = int(len(text) * cut)
    try:
        manifest = parse_paxlst(text[:at] + noise + text[at:])
    except FrontlineError:
        return
    _check_every_traveller(paxlst_source(manifest).items)
