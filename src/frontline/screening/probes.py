"""Candidate sources: where a check finds the row ids that may match its keys.

Two sources answer the same questions: ``MemoryIndex`` (the hot path, exact keys in
dictionaries) and ``SqlCandidates`` (one indexed query per probe: the CLI's one-shot path
and the benchmark's naive baseline). The tests run every check against both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum
from typing import Protocol

from frontline.domain.records import RecordKind
from frontline.records.keys import RangeKey

__all__ = ["CandidateSource", "Probe"]


class Probe(Enum):
    """A kind of exact key, and the record kind whose row ids it returns."""

    DOCUMENT = "document"  # "CTY|FOLDEDNUMBER"
    TDAWN = "tdawn"  # "CTY|FOLDEDNUMBER" of a document linked to a person
    VIN = "vin"
    PLATE = "plate"  # "CTY|PLATE"
    IMO = "imo"
    HULL = "hull"
    SERIAL = "serial"

    @property
    def kind(self) -> RecordKind:
        return _KINDS[self]


_KINDS = {
    Probe.DOCUMENT: RecordKind.DOCUMENTS,
    Probe.TDAWN: RecordKind.PERSONS,
    Probe.VIN: RecordKind.VEHICLES,
    Probe.PLATE: RecordKind.VEHICLES,
    Probe.IMO: RecordKind.VESSELS,
    Probe.HULL: RecordKind.VESSELS,
    Probe.SERIAL: RecordKind.FIREARMS,
}


class CandidateSource(Protocol):
    """Answers: which row ids carry this key? Never decides a hit; the rules do."""

    def candidates(self, probe: Probe, key: str) -> Sequence[int]: ...

    def in_ranges(self, key: RangeKey, value: int) -> Sequence[int]: ...

    def data_as_of(self) -> dt.datetime: ...
