"""The specimens and alerts in memory, by country, for the document checks.

They are few (a series per country and type every few years), so each process holds them
all and reloads them whole when the tables change (looked at most every
``refresh_seconds``, like the record index); a write through this process reloads at once.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Sequence

from frontline.domain.checks import CheckWarning
from frontline.domain.queries import CheckRequest
from frontline.domain.specimens import Alert, DocumentReference, Specimen
from frontline.screening.consistency import reference_for
from frontline.store.specimens import SpecimenStore

__all__ = ["Catalogue"]

_Shelf = tuple[tuple[Specimen, ...], tuple[Alert, ...]]


class Catalogue:
    def __init__(self, store: SpecimenStore, *, refresh_seconds: float) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._shelves: dict[str, _Shelf] = {}
        self._stamp: object = None
        self._checked = -float("inf")

    def ensure_fresh(self) -> None:
        moment = time.monotonic()
        if moment - self._checked < self.refresh_seconds:
            return
        with self._lock:
            self._checked = moment
            stamp = self.store.stamp()
            if stamp != self._stamp:
                self._load(stamp)

    def reload(self) -> None:
        with self._lock:
            self._load(self.store.stamp())

    def _load(self, stamp: object) -> None:
        specimens: dict[str, list[Specimen]] = defaultdict(list)
        alerts: dict[str, list[Alert]] = defaultdict(list)
        for specimen in self.store.specimens():
            specimens[specimen.country].append(specimen)
        for alert in self.store.alerts():
            alerts[alert.country].append(alert)
        self._shelves = {
            country: (tuple(specimens.get(country, ())), tuple(alerts.get(country, ())))
            for country in {*specimens, *alerts}
        }
        self._stamp = stamp

    def references(
        self, request: CheckRequest
    ) -> tuple[tuple[DocumentReference, ...], list[CheckWarning]]:
        """The reference of each document of ``request`` whose country has any on file,
        and the consistency warnings; nothing (and next to no time) for the others."""
        shelves = self._shelves
        if not shelves:
            return (), []
        found: list[DocumentReference] = []
        warnings: list[CheckWarning] = []
        birth = next((p.birth_date for p in request.persons if p.birth_date), None)
        for document in request.documents:
            shelf = shelves.get(document.country)
            if shelf is None:
                continue
            reference, problems = reference_for(document, shelf[0], shelf[1], birth_date=birth)
            found.append(reference)
            warnings.extend(problems)
        return tuple(found), warnings

    def for_country(self, country: str) -> tuple[Sequence[Specimen], Sequence[Alert]]:
        return self._shelves.get(country, ((), ()))
