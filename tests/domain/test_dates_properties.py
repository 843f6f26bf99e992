"""Property tests for the two date readers: partial dates (records, forms, MRZs) and EDIFACT
dates (PAXLST). ``PartialDate.parse`` is a value constructor like ``date.fromisoformat``: it
raises ValueError, which every edge that reads a date turns into InvalidInput (checked here
through the row validator, the check request parser and the suppression rules)."""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.domain.dates import PartialDate
from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput
from frontline.manifests.dates import read_date, read_datetime
from frontline.records.kinds import build_row
from frontline.screening.requests import parse_check_request

TODAY = dt.date(2026, 11, 21)
# Any text, and text shaped like a date: digits (also non-ASCII ones), dashes, XX, 00.
DATE_TEXT = (
    st.text(max_size=14)
    | st.text(alphabet="0123456789-X \n\u0661\u0969", max_size=12)
    | st.from_regex(r"[0-9]{4}(-([0-9]{2}|XX)(-([0-9]{2}|XX))?)?", fullmatch=True)
)


@given(DATE_TEXT)
def test_a_partial_date_reads_or_raises_value_error_only(raw: str) -> None:
    try:
        date = PartialDate.parse(raw)
    except ValueError:
        return
    assert PartialDate.parse(date.isoformat()) == date
    assert date.isoformat().isascii()


@given(st.dates(), st.sampled_from(["full", "month", "year"]))
def test_every_partial_date_round_trips(day: dt.date, precision: str) -> None:
    date = {
        "full": PartialDate(day.year, day.month, day.day),
        "month": PartialDate(day.year, day.month),
        "year": PartialDate(day.year),
    }[precision]
    assert PartialDate.parse(date.isoformat()) == date


@settings(max_examples=150)
@given(DATE_TEXT | st.integers() | st.none())
def test_every_edge_that_reads_a_birth_date_refuses_with_invalid_input(raw: object) -> None:
    person = {"id": "P-1", "type": "red", "name": "Anna Petrova", "owner": "FRA"}
    with contextlib.suppress(InvalidInput):
        build_row(RecordKind.PERSONS, {**person, "birth_date": raw})
    with contextlib.suppress(InvalidInput):
        parse_check_request({"person": {"name": "Anna", "birth_date": raw}}, today=TODAY)


EDI_CODES = st.sampled_from(["", "101", "102", "201", "203", "204", "999", "1O1"])


@given(
    value=st.text(max_size=16) | st.text(alphabet="0123456789", max_size=16),
    code=EDI_CODES | st.text(max_size=4),
    reference=st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)),
    past=st.booleans(),
)
def test_an_edifact_date_reads_or_is_none_never_an_error(
    value: str, code: str, reference: dt.date, past: bool
) -> None:
    moment = read_datetime(value, code, reference=reference, past=past)
    date = read_date(value, code, reference=reference, past=past)
    assert date == (moment.date() if moment else None)
    if moment is not None and past and code in ("", "101", "201"):  # two-digit years
        assert moment.date() <= reference


@given(day=st.dates(dt.date(1926, 11, 22), TODAY), code=st.sampled_from(["", "101", "102"]))
def test_a_birth_date_written_in_edifact_reads_back(day: dt.date, code: str) -> None:
    text = day.strftime("%Y%m%d" if code == "102" else "%y%m%d")
    assert read_date(text, code, reference=TODAY, past=True) == day


def test_a_two_digit_birth_date_later_this_year_is_a_century_ago() -> None:
    reference = dt.date(2026, 11, 21)
    assert read_date("261231", "", reference=reference, past=True) == dt.date(1926, 12, 31)
    assert read_date("261121", "", reference=reference, past=True) == dt.date(2026, 11, 21)
    assert read_date("261231", "", reference=reference) == dt.date(2026, 12, 31)
