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

from frontline.domain.records import RecordKind, RecordState
from frontline.identifiers.countries import country_key
from frontline.identifiers.docnumbers import fold_confusables
from frontline.records.keys import RangeKey
from frontline.screening.probes import Probe
from frontline.store.repository import RecordStore

__all__ = ["IndexedSource", "KeyMap", "MemoryIndex", "RangeBucket"]

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
        return sizes

    def apply(self, kind: RecordKind, row: Any) -> None:
        """Add the keys of a written row, or remove them when the row is cancelled."""
        live = row.state == _ACTIVE
        if kind is RecordKind.DOCUMENTS and row.range_start is None and row.number_key:
            # Most rows of a big index: one key, added inline.
            key = f"{row.country_key}|{row.number_key}"
            documents = self.maps[Probe.DOCUMENT]
            if live:
                documents.add(key, row.rid)
            else:
                documents.discard(key, row.rid)
            return
        for probe, key in _row_keys(kind, row):
            if live:
                self.maps[probe].add(key, row.rid)
            else:
                self.maps[probe].discard(key, row.rid)
        if kind is RecordKind.DOCUMENTS and row.range_start is not None:
            self._apply_range(row, live)

    def _apply_range(self, row: Any, live: bool) -> None:
        key = (row.country_key, row.range_prefix, row.range_width)
        previous = self.range_of.pop(row.rid, None)
        if previous is not None:
            self.ranges[previous].discard(row.rid)
        if live:
            self.ranges.setdefault(key, RangeBucket()).add(row.range_start, row.range_end, row.rid)
            self.range_of[row.rid] = key
            self.range_countries.add(row.country_key)


def _row_keys(kind: RecordKind, row: Any) -> Iterable[tuple[Probe, str]]:
    if kind is RecordKind.DOCUMENTS:
        if row.number_key:
            yield Probe.DOCUMENT, f"{row.country_key}|{row.number_key}"
    elif kind is RecordKind.PERSONS:
        for item in row.documents:
            key = f"{country_key(item['issuing_country'])}|{fold_confusables(item['number'])}"
            yield Probe.TDAWN, key
    elif kind is RecordKind.VEHICLES:
        if row.vin:
            yield Probe.VIN, row.vin
        if row.plate_key:
            yield Probe.PLATE, row.plate_key
    elif kind is RecordKind.VESSELS:
        if row.imo:
            yield Probe.IMO, row.imo
        if row.hull_id:
            yield Probe.HULL, row.hull_id
    elif kind is RecordKind.FIREARMS:
        yield Probe.SERIAL, row.serial_key


_KEY_COLUMNS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.DOCUMENTS: (
        "country_key",
        "number_key",
        "range_prefix",
        "range_width",
        "range_start",
        "range_end",
    ),
    RecordKind.PERSONS: ("documents",),
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
                for kind, columns in _KEY_COLUMNS.items():
                    for row in self.store.changed_rows(kind, since=self.version, columns=columns):
                        self.index.apply(kind, row)
                        applied += 1
                        if progress is not None and applied % 100_000 == 0:
                            progress(applied)
            finally:
                if collecting:
                    gc.enable()
            if applied >= _BIG_REFRESH:
                gc.freeze()
            self.version = target
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

    def data_as_of(self) -> dt.datetime:
        return self._refreshed_at

    def has_ranges(self, country: str) -> bool:
        """Whether any live stolen-blank range of ``country`` is indexed (a country that once
        had ranges stays listed: a false True costs a lookup, never a miss)."""
        return country_key(country) in self.index.range_countries
