"""The specimens and alerts in memory, by country, for the document checks.

They are few (a series per country and type every few years), so each process holds them
all and reloads them whole when the tables change (looked at most every
``refresh_seconds``, like the record index); a write through this process reloads at once.
"""

from __future__ import annotations

import re
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Protocol

from frontline.domain.checks import CheckWarning
from frontline.domain.queries import CheckRequest, DocumentQuery
from frontline.domain.records import DocumentType
from frontline.domain.specimens import Alert, DocumentReference, Specimen
from frontline.screening.consistency import number_format_warning, reference_for

__all__ = ["Catalogue"]


_NONE: tuple[CheckWarning, ...] = ()


class _Shelf:
    """One country's specimens and alerts, arranged for the checks: per document type (and
    for a number checked without its type) the specimens in the order ``reference_for``
    prefers them (passports first, newest first) with their compiled formats, and the
    alerts per series."""

    __slots__ = ("alerts", "by_type", "by_type_alerts", "specimens")

    def __init__(self, specimens: Sequence[Specimen], alerts: Sequence[Alert]) -> None:
        self.specimens = tuple(specimens)
        self.alerts = tuple(alerts)
        ordered = sorted(
            specimens,
            key=lambda s: (s.document_type is DocumentType.PASSPORT, s.valid_from, s.id),
            reverse=True,
        )
        pairs = [(s, re.compile(s.number_format)) for s in ordered]
        self.by_type: dict[DocumentType | None, tuple[tuple[Specimen, re.Pattern[str]], ...]]
        self.by_type = {None: tuple(pairs)}
        for kind in {s.document_type for s in specimens}:
            self.by_type[kind] = tuple(pair for pair in pairs if pair[0].document_type is kind)
        self.by_type_alerts = {
            specimen.id: tuple(
                a
                for a in alerts
                if a.document_type is specimen.document_type and a.applies_to(specimen)
            )
            for specimen in specimens
        }


class SpecimenSource(Protocol):
    """Where the catalogue reads from (``store.specimens.SpecimenStore``)."""

    def specimens(self) -> list[Specimen]: ...

    def alerts(self) -> list[Alert]: ...

    def stamp(self) -> tuple[Any, ...]: ...


class Catalogue:
    def __init__(self, store: SpecimenSource, *, refresh_seconds: float) -> None:
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
            country: _Shelf(specimens.get(country, ()), alerts.get(country, ()))
            for country in {*specimens, *alerts}
        }
        self._stamp = stamp

    def references(
        self, request: CheckRequest
    ) -> tuple[tuple[DocumentReference, ...], Sequence[CheckWarning]] | None:
        """The reference of each document of ``request`` whose country has any on file,
        and the consistency warnings; None (in next to no time) when there is none."""
        if time.monotonic() - self._checked >= self.refresh_seconds:
            self.ensure_fresh()
        shelves = self._shelves
        documents = request.documents
        if len(documents) == 1:  # most checks: one document, looked up without the lists
            document = documents[0]
            shelf = shelves.get(document.country)
            if shelf is None:
                return None
            undated = _undated(document, shelf)
            if undated is not None:
                return (undated[0],), undated[1]
        found: list[DocumentReference] = []
        warnings: list[CheckWarning] = []
        for document in request.documents:
            shelf = shelves.get(document.country)
            if shelf is None:
                continue
            undated = _undated(document, shelf)
            if undated is None:  # dates to check, or a type without specimens: in full
                birth = next((p.birth_date for p in request.persons if p.birth_date), None)
                reference, problems = reference_for(
                    document, shelf.specimens, shelf.alerts, birth_date=birth
                )
                warnings.extend(problems)
            else:
                reference = undated[0]
                warnings.extend(undated[1])
            found.append(reference)
        return (tuple(found), warnings) if found else None


def _undated(
    document: DocumentQuery, shelf: _Shelf
) -> tuple[DocumentReference, Sequence[CheckWarning]] | None:
    """The common case, fast: no dates given; the newest series whose format the number
    has, else the newest series with a number_format warning (the same answers as
    ``reference_for``, which tests/references check)."""
    if document.issue_date is not None or document.expiry_date is not None:
        return None
    candidates = shelf.by_type.get(document.type)
    if not candidates:
        return None
    number = document.number
    for specimen, pattern in candidates:
        if pattern.fullmatch(number) is not None:
            alerts = shelf.by_type_alerts[specimen.id]
            return DocumentReference(number, document.country, specimen, alerts), _NONE
    chosen = candidates[0][0]
    reference = DocumentReference(number, document.country, chosen, shelf.by_type_alerts[chosen.id])
    return reference, (number_format_warning(document, chosen, of_series=False),)
