"""Lost, stolen, revoked and invalid travel documents (SLTD), streamed fast.

Numbers come from a per-country, per-type permutation of each pattern's number space, so
no number repeats, and valid documents (clean travellers, TDAWN) are taken from the far end
of the same permutation, so they never collide with a listed one.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from frontline.domain.records import DocumentStatus, DocumentType, TravelDocument
from frontline.identifiers.docnumbers import fold_confusables
from frontline.synth.actions import DOCUMENT_ACTIONS
from frontline.synth.bureaus import COUNTRIES, document_pattern, issues_id_cards
from frontline.synth.randomness import Weighted, section_rng

__all__ = [
    "DOCUMENT_STATUSES",
    "DOCUMENT_TYPES",
    "DocumentPlan",
    "ReservedNumbers",
    "iter_documents",
    "range_contains",
    "report_days",
    "stream_documents",
]

T = TypeVar("T")

REPORTING_DAYS = 3650
"""Documents were reported within this many days before ``today``."""

DOCUMENT_TYPES = (
    DocumentType.PASSPORT,
    DocumentType.ID_CARD,
    DocumentType.VISA,
    DocumentType.RESIDENCE_PERMIT,
)
DOCUMENT_STATUSES = (
    DocumentStatus.STOLEN,
    DocumentStatus.LOST,
    DocumentStatus.REVOKED,
    DocumentStatus.INVALID,
    DocumentStatus.STOLEN_BLANK,
)
_TYPE_WEIGHTS = Weighted(zip(range(len(DOCUMENT_TYPES)), (70, 18, 6, 6), strict=True))
_STATUS_WEIGHTS = Weighted(zip(range(len(DOCUMENT_STATUSES)), (460, 400, 90, 69, 5), strict=True))
_BLANK = DOCUMENT_STATUSES.index(DocumentStatus.STOLEN_BLANK)
_COUNTRY_WEIGHTS = Weighted((index, p.weight) for index, p in enumerate(COUNTRIES))
_BLANK_BATCHES = (100, 250, 500, 1000)


class DocumentPlan:
    """For every (country, type): its pattern and a seeded permutation ``a*k + b mod size``."""

    __slots__ = ("_slots", "keys", "multipliers", "offsets", "patterns", "range_shapes", "sizes")

    def __init__(self, seed: int) -> None:
        rng = section_rng(seed, "document-numbers")
        # slot = country index * 4 + type index, the layout stream_documents relies on
        self.keys = [(p.code, t) for p in COUNTRIES for t in DOCUMENT_TYPES]
        self._slots = {key: slot for slot, key in enumerate(self.keys)}
        self.patterns = [document_pattern(code, t) for code, t in self.keys]
        self.sizes = [pattern.size for pattern in self.patterns]
        self.multipliers = [_coprime(rng, size) for size in self.sizes]
        self.offsets = [rng.randrange(size) for size in self.sizes]
        self.range_shapes = {
            slot: shape
            for slot, pattern in enumerate(self.patterns)
            if (shape := pattern.range_shape()) is not None and self._issued(slot)
        }

    def _issued(self, slot: int) -> bool:
        code, document_type = self.keys[slot]
        return document_type is not DocumentType.ID_CARD or issues_id_cards(code)

    def slot(self, country: str, document_type: DocumentType) -> int:
        """The slot of ``country`` and ``document_type``."""
        return self._slots[(country, document_type)]

    def number(self, slot: int, position: int) -> str:
        """The ``position``-th number of the permutation for ``slot``."""
        size = self.sizes[slot]
        value = (self.multipliers[slot] * position + self.offsets[slot]) % size
        return self.patterns[slot].render(value)


DocumentMaker = Callable[[str, str, int, int, str, int], T]
"""Builds one output from (record id, country, type index, status index, number, day index);
indexes point into ``DOCUMENT_TYPES``, ``DOCUMENT_STATUSES`` and ``report_days(today)``."""


def iter_documents(
    *, count: int, seed: int, today: dt.date, include_ranges: bool = True
) -> Iterator[TravelDocument]:
    """``count`` SLTD records ``DOC-000001``.., the same for the same seed and day.

    About one record in two hundred is a stolen blank batch (``number_from``/``number_to``,
    no ``number``); ``include_ranges=False`` makes those single stolen documents instead.
    """
    types, statuses, days = DOCUMENT_TYPES, DOCUMENT_STATUSES, report_days(today)
    actions = [DOCUMENT_ACTIONS[status] for status in statuses]

    def make(
        record_id: str, code: str, kind: int, status: int, number: str, day: int
    ) -> TravelDocument:
        return TravelDocument(
            id=record_id,
            owner=code,
            action=actions[status],
            issuing_country=code,
            type=types[kind],
            status=statuses[status],
            number=number,
            reported_at=days[day],
        )

    return stream_documents(
        count=count,
        seed=seed,
        today=today,
        include_ranges=include_ranges,
        make=make,
        make_batch=_same,
    )


def stream_documents(
    *,
    count: int,
    seed: int,
    today: dt.date,
    include_ranges: bool,
    make: DocumentMaker[T],
    make_batch: Callable[[TravelDocument], T],
) -> Iterator[T]:
    """The draws behind :func:`iter_documents`, built by ``make`` (single documents) and
    ``make_batch`` (blank batches), so rows can be made without building records first."""
    plan = DocumentPlan(seed)
    rng = section_rng(seed, "documents")
    countries = _COUNTRY_WEIGHTS.table()
    types = _TYPE_WEIGHTS.table()
    statuses = _STATUS_WEIGHTS.table()
    has_id_card = [issues_id_cards(p.code) for p in COUNTRIES]
    codes = [p.code for p in COUNTRIES]
    renders = [pattern.render for pattern in plan.patterns]
    multipliers, offsets, sizes = plan.multipliers, plan.offsets, plan.sizes
    counters = [0] * len(plan.keys)
    blank, stolen = _BLANK, DOCUMENT_STATUSES.index(DocumentStatus.STOLEN)
    days = report_days(today)
    getrandbits = rng.getrandbits
    for index in range(1, count + 1):
        bits = getrandbits(52)
        country = countries[bits & 1023]
        kind = types[(bits >> 10) & 1023]
        status = statuses[(bits >> 20) & 1023]
        day = (bits >> 30) % REPORTING_DAYS
        if kind == 1 and not has_id_card[country]:
            kind = 0
        slot = country * 4 + kind
        if status == blank:
            if include_ranges:
                yield make_batch(_blank_batch(rng, plan, slot, f"DOC-{index:06d}", days[day]))
                continue
            status = stolen
        position = counters[slot]
        counters[slot] = position + 1
        number = renders[slot]((multipliers[slot] * position + offsets[slot]) % sizes[slot])
        yield make(f"DOC-{index:06d}", codes[country], kind, status, number, day)


def range_contains(document: TravelDocument, number: str) -> bool:
    """Whether ``number`` lies in the blank batch ``document`` (same prefix, numeric run)."""
    low, high = document.number_from, document.number_to
    if low is None or high is None or len(number) != len(low):
        return False
    prefix = _alphabetic_prefix(low)
    tail = number[len(prefix) :]
    return (
        number.startswith(prefix)
        and tail.isdigit()
        and low[len(prefix) :] <= tail <= high[len(prefix) :]
    )


class ReservedNumbers:
    """Valid document numbers for clean travellers and TDAWN, never listed, never reused.

    "Listed" is read as screening reads it, after folding OCR confusables (``S`` as ``5``),
    so a valid number never hits a listed one even through a misreading.
    """

    def __init__(self, plan: DocumentPlan, listed: Iterable[TravelDocument]) -> None:
        self._plan = plan
        self._taken: dict[int, int] = defaultdict(int)
        self._numbers: set[tuple[str, str]] = set()
        self._ranges: dict[str, list[TravelDocument]] = defaultdict(list)
        for document in listed:
            if document.number is None:
                self._ranges[document.issuing_country].append(document)
            else:
                self._numbers.add((document.issuing_country, fold_confusables(document.number)))

    def take(self, country: str, document_type: DocumentType) -> str:
        """The next valid number of ``country`` for ``document_type``."""
        slot = self._plan.slot(country, document_type)
        while True:
            self._taken[slot] += 1
            position = self._plan.sizes[slot] - self._taken[slot]
            number = self._plan.number(slot, position)
            if not self._is_listed(country, number):
                return number

    def _is_listed(self, country: str, number: str) -> bool:
        folded = fold_confusables(number)
        if (country, folded) in self._numbers:
            return True
        return any(_folded_range_contains(batch, folded) for batch in self._ranges[country])


def _blank_batch(
    rng: random.Random, plan: DocumentPlan, slot: int, record_id: str, reported_at: dt.date
) -> TravelDocument:
    """A batch of consecutive blank documents stolen together (``X1234500``..``X1234999``)."""
    shape = plan.range_shapes.get(slot)
    if shape is None:  # this country's numbers have no letters-then-digits form
        slot = rng.choice(sorted(plan.range_shapes))
        shape = plan.range_shapes[slot]
    prefix = shape.prefix.draw(rng)
    batch = rng.choice(_BLANK_BATCHES)
    start = rng.randrange(10**shape.digits // batch) * batch
    code, document_type = plan.keys[slot]
    return TravelDocument(
        id=record_id,
        owner=code,
        action=DOCUMENT_ACTIONS[DocumentStatus.STOLEN_BLANK],
        issuing_country=code,
        type=document_type,
        status=DocumentStatus.STOLEN_BLANK,
        number_from=f"{prefix}{start:0{shape.digits}d}",
        number_to=f"{prefix}{start + batch - 1:0{shape.digits}d}",
        reported_at=reported_at,
    )


def report_days(today: dt.date) -> tuple[dt.date, ...]:
    """The days a document may have been reported on, most recent (yesterday) first."""
    last = today.toordinal() - 1
    return tuple(dt.date.fromordinal(last - offset) for offset in range(REPORTING_DAYS))


def _folded_range_contains(batch: TravelDocument, folded: str) -> bool:
    """Whether a folded number may read as one in ``batch`` (both ends folded alike)."""
    if batch.number_from is None or batch.number_to is None:
        return False
    low, high = fold_confusables(batch.number_from), fold_confusables(batch.number_to)
    start = len(_alphabetic_prefix(batch.number_from))
    return (
        len(folded) == len(low)
        and folded[:start] == low[:start]
        and low[start:] <= folded[start:] <= high[start:]
    )


def _same(document: TravelDocument) -> TravelDocument:
    return document


def _alphabetic_prefix(number: str) -> str:
    end = 0
    while end < len(number) and not number[end].isdigit():
        end += 1
    return number[:end]


def _coprime(rng: random.Random, size: int) -> int:
    """A multiplier coprime with ``size`` in its upper half, so the permutation scatters."""
    while True:
        candidate = rng.randrange(size // 2, size)
        if math.gcd(candidate, size) == 1:
            return candidate
