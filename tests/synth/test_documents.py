"""SLTD documents: plausible numbers, fitting actions, well-formed blank batches."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from itertools import islice

import pytest

from frontline.domain.records import DocumentStatus, DocumentType, TravelDocument
from frontline.synth import iter_documents, range_contains
from frontline.synth.actions import DOCUMENT_ACTIONS
from frontline.synth.documents import REPORTING_DAYS

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def documents() -> list[TravelDocument]:
    return list(iter_documents(count=20_000, seed=5, today=TODAY))


def blank(low: str, high: str) -> TravelDocument:
    return TravelDocument(
        id="DOC-1",
        owner="FRA",
        issuing_country="FRA",
        type=DocumentType.PASSPORT,
        status=DocumentStatus.STOLEN_BLANK,
        number_from=low,
        number_to=high,
    )


def test_the_stream_is_deterministic_and_a_prefix_of_longer_streams() -> None:
    short = list(iter_documents(count=500, seed=9, today=TODAY))
    longer = list(islice(iter_documents(count=5000, seed=9, today=TODAY), 500))
    assert short == longer


def test_numbers_never_repeat_within_a_country(documents: list[TravelDocument]) -> None:
    keys = [(d.issuing_country, d.number) for d in documents if d.number is not None]
    assert len(set(keys)) == len(keys)


def test_numbers_look_like_document_numbers(documents: list[TravelDocument]) -> None:
    for document in documents:
        number = document.number or document.number_from
        assert number is not None
        assert re.fullmatch(r"[A-Z0-9]{7,16}", number), number


def test_passports_are_most_common_and_every_type_occurs(documents: list[TravelDocument]) -> None:
    types = Counter(d.type for d in documents)
    assert types.most_common(1)[0][0] is DocumentType.PASSPORT
    assert set(types) == {
        DocumentType.PASSPORT,
        DocumentType.ID_CARD,
        DocumentType.VISA,
        DocumentType.RESIDENCE_PERMIT,
    }


def test_every_status_occurs_with_its_action(documents: list[TravelDocument]) -> None:
    assert {d.status for d in documents} == set(DocumentStatus)
    for document in documents:
        assert document.action == DOCUMENT_ACTIONS[document.status]
    assert "do not return it to the holder" in DOCUMENT_ACTIONS[DocumentStatus.STOLEN]


def test_reports_are_in_the_past(documents: list[TravelDocument]) -> None:
    for document in documents:
        assert document.reported_at is not None
        assert TODAY - dt.timedelta(days=REPORTING_DAYS) <= document.reported_at < TODAY


def test_countries_that_issue_no_identity_card_have_none(documents: list[TravelDocument]) -> None:
    id_cards = {d.issuing_country for d in documents if d.type is DocumentType.ID_CARD}
    assert id_cards.isdisjoint({"GBR", "USA", "CHN", "JPN", "IND"})


def test_blank_batches_are_well_formed(documents: list[TravelDocument]) -> None:
    batches = [d for d in documents if d.status is DocumentStatus.STOLEN_BLANK]
    assert batches
    for batch in batches:
        low, high = batch.number_from, batch.number_to
        assert batch.number is None
        assert batch.is_range
        assert low is not None
        assert high is not None
        assert len(low) == len(high)
        prefix = low.rstrip("0123456789")
        assert prefix
        assert prefix.isalpha()
        assert high.startswith(prefix)
        assert low[len(prefix) :].isdigit()
        assert high[len(prefix) :].isdigit()
        assert len(low) - len(prefix) >= 5
        assert int(low[len(prefix) :]) < int(high[len(prefix) :])
        assert range_contains(batch, low)
        assert range_contains(batch, high)


def test_single_documents_are_never_batches(documents: list[TravelDocument]) -> None:
    singles = [d for d in documents if d.status is not DocumentStatus.STOLEN_BLANK]
    assert all(d.number and d.number_from is None and d.number_to is None for d in singles)


def test_batches_can_be_left_out() -> None:
    documents = iter_documents(count=5000, seed=5, today=TODAY, include_ranges=False)
    assert all(d.number is not None for d in documents)


@pytest.mark.parametrize(
    ("number", "inside"),
    [
        ("X1234500", True),
        ("X1234777", True),
        ("X1234999", True),
        ("X1234499", False),
        ("X1235000", False),
        ("Y1234600", False),
        ("X123460", False),
        ("X12346A0", False),
    ],
)
def test_range_contains(number: str, inside: bool) -> None:
    assert range_contains(blank("X1234500", "X1234999"), number) is inside
