"""The memory index: every live object key in dictionaries, kept fresh from the store.

The no-hit path, about 99.99% of checks, is a few dictionary lookups and touches nothing
else. A hit fetches its rows from the store, where the rules check them again, so a key
left behind by an update can cost a read but never a wrong hit.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import orjson

from frontline.domain.dates import PartialDate
from frontline.domain.records import RecordKind, RecordState
from frontline.identifiers.countries import country_key
from frontline.identifiers.docnumbers import fold_confusables
from frontline.matching.algorithm import Match, Subject, subject
from frontline.matching.index import CandidateIndex
from frontline.metrics import INDEX_RECORDS
from frontline.records.keys import RangeKey
from frontline.screening.probes import Probe
from frontline.store.repository import RecordStore

__all__ = [
    "PERSON_COLUMNS",
    "IndexedSource",
    "KeyMap",
    "MemoryIndex",
    "RangeBucket",
    "person_subject",
]

_EMPTY: tuple[int, ...] = ()
_ACTIVE = RecordState.ACTIVE.value
_BIG_REFRESH = 100_000
"""After a refresh of this many rows the index is frozen out of the collector's reach."""


class KeyMap:
    """key -> row ids; a lone id is stored bare, to keep ten million keys small."""

    __slots__ = ("_map",)

    def __init__(self) -> None:
        self._map: dict[str, int | list[int]] = {}

    def __len__(self) -> int:
        return len(self._map)

    def get(self, key: str) -> Sequence[int]:
        found = self._map.get(key)
        if found is None:
            return _EMPTY
        if type(found) is int:
            return (found,)
        return found  # type: ignore[return-value]

    def add(self, key: str, rid: int) -> None:
        found = self._map.get(key)
        if found is None:
            self._map[key] = rid
        elif type(found) is int:
            if found != rid:
                self._map[key] = [found, rid]
        elif rid not in found:  # type: ignore[operator]
            found.append(rid)  # type: ignore[union-attr]

    def discard(self, key: str, rid: int) -> None:
        found = self._map.get(key)
        if found == rid:
            del self._map[key]
        elif isinstance(found, list) and rid in found:
            found.remove(rid)
            if len(found) == 1:
                self._map[key] = found[0]


class RangeBucket:
    """Number ranges of one (country, prefix, width), searchable by a number's value."""

    __slots__ = ("_dirty", "_entries", "_max_end", "_starts")

    def __init__(self) -> None:
        self._entries: list[tuple[int, int, int]] = []  # (start, end, rid), by start
        self._starts: list[int] = []
        self._max_end: list[int] = []
        self._dirty = False

    def add(self, start: int, end: int, rid: int) -> None:
        self.discard(rid)
        bisect.insort(self._entries, (start, end, rid))
        self._dirty = True

    def discard(self, rid: int) -> None:
        kept = [entry for entry in self._entries if entry[2] != rid]
        if len(kept) != len(self._entries):
            self._entries = kept
            self._dirty = True

    def find(self, value: int) -> list[int]:
        if self._dirty:
            self._rebuild()
        found = []
        position = bisect.bisect_right(self._starts, value) - 1
        # _max_end[i] is the largest end among entries 0..i: once it is below the value,
        # no earlier range can contain it.
        while position >= 0 and self._max_end[position] >= value:
            start, end, rid = self._entries[position]
            if start <= value <= end:
                found.append(rid)
            position -= 1
        return found

    def _rebuild(self) -> None:
        self._starts = [entry[0] for entry in self._entries]
        running = -1
        self._max_end = []
        for entry in self._entries:
            running = max(running, entry[1])
            self._max_end.append(running)
        self._dirty = False


class MemoryIndex:
    """Exact keys of every live document, linked document, vehicle, vessel and firearm."""

    def __init__(self) -> None:
        self.persons = CandidateIndex()
        self.maps: dict[Probe, KeyMap] = {probe: KeyMap() for probe in Probe}
        self.ranges: dict[RangeKey, RangeBucket] = {}
        self.range_of: dict[int, RangeKey] = {}
        self.range_countries: set[str] = set()

    def candidates(self, probe: Probe, key: str) -> Sequence[int]:
        return self.maps[probe].get(key)

    def in_ranges(self, key: RangeKey, value: int) -> Sequence[int]:
        bucket = self.ranges.get(key)
        return _EMPTY if bucket is None else bucket.find(value)

    def size(self) -> dict[str, int]:
        sizes = {probe.value: len(keys) for probe, keys in self.maps.items()}
        sizes["ranges"] = len(self.range_of)
        sizes["persons"] = len(self.persons)
        sizes["person_keys"] = self.persons.key_count
        return sizes

    def apply_rows(self, kind: RecordKind, rows: Iterable[Sequence[Any]]) -> int:
        """Add the keys of written rows, or remove those of cancelled ones; returns the count.

        Each row is ``(rid, version, state, expires_at, *KEY_COLUMNS[kind])``, as the
        store's change feed gives it.
        """
        if kind is RecordKind.DOCUMENTS:
            return self._apply_documents(rows)
        count = 0
        for rid, _version, state, _expires, *values in rows:
            live = state == _ACTIVE
            if kind is RecordKind.PERSONS:
                self._apply_person(rid, live, values)
            for probe, key in _row_keys(kind, values):
                if live:
                    self.maps[probe].add(key, rid)
                else:
                    self.maps[probe].discard(key, rid)
            count += 1
        return count

    def _apply_documents(self, rows: Iterable[Sequence[Any]]) -> int:
        # Most rows of a big index are documents: one key each, handled inline.
        documents = self.maps[Probe.DOCUMENT]
        add, discard = documents.add, documents.discard
        count = 0
        for rid, _version, state, _expires, country, number, prefix, width, start, end in rows:
            live = state == _ACTIVE
            if number:
                if live:
                    add(f"{country}|{number}", rid)
                else:
                    discard(f"{country}|{number}", rid)
            if start is not None:
                self._apply_range(rid, (country, prefix, width), start, end, live)
            count += 1
        return count

    def _apply_person(self, rid: int, live: bool, values: Sequence[Any]) -> None:
        if not live:
            self.persons.discard(rid)
            return
        self.persons.add(rid, person_subject(values[1:]))

    def _apply_range(self, rid: int, key: RangeKey, start: int, end: int, live: bool) -> None:
        previous = self.range_of.pop(rid, None)
        if previous is not None:
            self.ranges[previous].discard(rid)
        if live:
            self.ranges.setdefault(key, RangeBucket()).add(start, end, rid)
            self.range_of[rid] = key
            self.range_countries.add(key[0])


PERSON_COLUMNS = ("name", "aliases", "birth_date", "sex", "nationalities")
"""The columns of a person row the matcher needs, in the order ``person_subject`` reads."""


def person_subject(values: Sequence[Any]) -> Subject:
    """The matcher's view of a stored person, from its ``PERSON_COLUMNS`` values."""
    name, aliases, birth, sex, nationalities = values
    return subject(
        [name, *_json_list(aliases)],
        birth_date=_partial_date(birth),
        sex=sex if sex in ("M", "F") else None,
        nationalities=_json_list(nationalities),
    )


def _json_list(value: Any) -> list[str]:
    if isinstance(value, str | bytes):  # JSON text, as a plain SQLite read gives it
        value = orjson.loads(value)
    return [item for item in value or () if isinstance(item, str)]


def _partial_date(value: Any) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(str(value))
    except ValueError:
        return None


def _row_keys(kind: RecordKind, values: Sequence[Any]) -> Iterable[tuple[Probe, str]]:
    """The keys a row of ``kind`` carries, from its ``KEY_COLUMNS`` values."""
    if kind is RecordKind.PERSONS:
        documents = values[0]
        if isinstance(documents, str | bytes):  # JSON text, as a plain SQLite read gives it
            documents = orjson.loads(documents)
        for item in documents:
            key = f"{country_key(item['issuing_country'])}|{fold_confusables(item['number'])}"
            yield Probe.TDAWN, key
        return
    probes = _PROBES[kind]
    for probe, value in zip(probes, values, strict=True):
        if value:
            yield probe, value


_PROBES: dict[RecordKind, tuple[Probe, ...]] = {
    RecordKind.VEHICLES: (Probe.VIN, Probe.PLATE),
    RecordKind.VESSELS: (Probe.IMO, Probe.HULL),
    RecordKind.FIREARMS: (Probe.SERIAL,),
}


KEY_COLUMNS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.DOCUMENTS: (
        "country_key",
        "number_key",
        "range_prefix",
        "range_width",
        "range_start",
        "range_end",
    ),
    RecordKind.PERSONS: ("documents", *PERSON_COLUMNS),
    RecordKind.VEHICLES: ("vin", "plate_key"),
    RecordKind.VESSELS: ("imo", "hull_id"),
    RecordKind.FIREARMS: ("serial_key",),
}


class IndexedSource:
    """A memory index over a store, refreshed from the store's change feed.

    Writes made through this process call ``refresh()`` at once; writes by other processes
    (a CLI import beside a running server) show within ``refresh_seconds``.
    """

    def __init__(
        self,
        store: RecordStore,
        *,
        refresh_seconds: float = 1.0,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self.store = store
        self.index = MemoryIndex()
        self.version = 0
        self.refresh_seconds = refresh_seconds
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._refreshed_at = self._clock()
        self._last_poll = float("-inf")
        self._lock = threading.Lock()

    def refresh(self, progress: Callable[[int], None] | None = None) -> int:
        """Apply every write since the last refresh; returns how many rows it applied."""
        with self._lock:
            target = self.store.current_version()
            applied = 0
            # Loading millions of keys makes millions of objects, and each collection of the
            # cycle collector walks all of them: pause it for the load (nothing here makes
            # cycles), then freeze the index so later collections skip it.
            collecting = gc.isenabled()
            gc.disable()
            try:
                for kind, columns in KEY_COLUMNS.items():
                    feed = self.store.changed_batches(kind, since=self.version, columns=columns)
                    for batch in feed:
                        applied += self.index.apply_rows(kind, batch)
                        if progress is not None:
                            progress(applied)
            finally:
                if collecting:
                    gc.enable()
            if applied >= _BIG_REFRESH:
                gc.freeze()
            self.version = target
            INDEX_RECORDS.inc(applied)
            self._refreshed_at = self._clock()
            self._last_poll = time.monotonic()
            return applied

    def ensure_fresh(self) -> None:
        if time.monotonic() - self._last_poll >= self.refresh_seconds:
            self.refresh()

    def candidates(self, probe: Probe, key: str) -> Sequence[int]:
        return self.index.maps[probe].get(key)

    def in_ranges(self, key: RangeKey, value: int) -> Sequence[int]:
        return self.index.in_ranges(key, value)

    def person_matches(self, query: Subject) -> list[tuple[int, Match]]:
        """Listed persons whose names (and dates) match ``query``, best first."""
        return self.index.persons.search(query)

    def data_as_of(self) -> dt.datetime:
        return self._refreshed_at

    def has_ranges(self, country: str) -> bool:
        """Whether any live stolen-blank range of ``country`` is indexed (a country that once
        had ranges stays listed: a false True costs a lookup, never a miss)."""
        return country_key(country) in self.index.range_countries
