"""Candidates straight from SQL: one indexed query per probe, no memory index.

Used by one-shot CLI checks (no index to build for one question) and as the naive
baseline the benchmarks compare the memory index against.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import ColumnElement, select

from frontline.domain.records import RecordKind, RecordState
from frontline.matching.algorithm import Match, Outcome, Subject, compare_subjects
from frontline.records.keys import RangeKey
from frontline.screening.index import PERSON_COLUMNS, person_subject
from frontline.screening.probes import Probe
from frontline.store import tables
from frontline.store.repository import RecordStore

__all__ = ["SqlCandidates"]


def _split(key: str) -> tuple[str, str]:
    country, _, rest = key.partition("|")
    return country, rest


def _where(probe: Probe, key: str) -> tuple[ColumnElement[int], list[ColumnElement[bool]]]:
    if probe is Probe.DOCUMENT:
        country, number = _split(key)
        table = tables.documents
        return table.c.rid, [table.c.country_key == country, table.c.number_key == number]
    if probe is Probe.TDAWN:
        country, number = _split(key)
        links = tables.person_documents
        return links.c.person_rid, [links.c.country_key == country, links.c.number_key == number]
    column = {
        Probe.VIN: tables.vehicles.c.vin,
        Probe.PLATE: tables.vehicles.c.plate_key,
        Probe.IMO: tables.vessels.c.imo,
        Probe.HULL: tables.vessels.c.hull_id,
        Probe.SERIAL: tables.firearms.c.serial_key,
    }[probe]
    return column.table.c.rid, [column == key]


class SqlCandidates:
    """A ``CandidateSource`` that asks the database for every probe."""

    def __init__(
        self, store: RecordStore, *, clock: Callable[[], dt.datetime] | None = None
    ) -> None:
        self.store = store
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))

    def candidates(self, probe: Probe, key: str) -> Sequence[int]:
        rid, conditions = _where(probe, key)
        with self.store.engine.connect() as connection:
            return [int(row[0]) for row in connection.execute(select(rid).where(*conditions))]

    def in_ranges(self, key: RangeKey, value: int) -> Sequence[int]:
        country, prefix, width = key
        table = tables.documents
        query = select(table.c.rid).where(
            table.c.country_key == country,
            table.c.range_prefix == prefix,
            table.c.range_width == width,
            table.c.range_start <= value,
            table.c.range_end >= value,
            table.c.state == "active",
        )
        with self.store.engine.connect() as connection:
            return [int(row[0]) for row in connection.execute(query)]

    def person_matches(self, query: Subject) -> list[tuple[int, Match]]:
        """The naive way: compare the query with every live listed person."""
        found = []
        columns = PERSON_COLUMNS
        for batch in self.store.changed_batches(RecordKind.PERSONS, since=0, columns=columns):
            for rid, _version, state, _expires, *values in batch:
                if state != RecordState.ACTIVE.value:
                    continue
                match = compare_subjects(query, person_subject(values))
                if match.outcome != Outcome.NO_MATCH:
                    found.append((rid, match))
        found.sort(key=lambda item: -item[1].score)
        return found

    def data_as_of(self) -> dt.datetime:
        return self._clock()

    def ensure_fresh(self) -> None:
        """Always fresh: every probe reads the database."""

    def has_ranges(self, country: str) -> bool:
        """Unknown without asking: ``in_ranges`` asks."""
        return True
