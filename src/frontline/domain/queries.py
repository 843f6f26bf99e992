"""What an officer asks: normalised check queries, built at the edge by ``screening.requests``.

These are slotted but not frozen: a batch builds one per item, and a frozen dataclass costs
two and a half times as much to construct. Nothing changes them after construction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from frontline.domain.checks import CheckWarning, Database
from frontline.domain.dates import PartialDate
from frontline.domain.records import DocumentType

__all__ = [
    "NO_CONTEXT",
    "CheckContext",
    "CheckRequest",
    "DocumentQuery",
    "FirearmQuery",
    "PersonQuery",
    "VehicleQuery",
    "VesselQuery",
]


@dataclass(slots=True, kw_only=True)
class DocumentQuery:
    """A travel document to check; ``number`` is normalised, ``entered`` as typed or read.

    The dates, when given (typed from the visual zone, or the expiry read off an MRZ), are
    checked against the document's specimen; they do not make two queries differ.
    """

    number: str
    entered: str
    country: str
    type: DocumentType | None = None
    issue_date: dt.date | None = field(default=None, compare=False)
    expiry_date: dt.date | None = field(default=None, compare=False)


@dataclass(slots=True, kw_only=True)
class VehicleQuery:
    vin: str | None = None
    plate: str | None = None
    plate_country: str | None = None


@dataclass(slots=True, kw_only=True)
class VesselQuery:
    imo: str | None = None
    hull_id: str | None = None


@dataclass(slots=True, kw_only=True)
class FirearmQuery:
    serial: str
    make: str | None = None


@dataclass(slots=True, kw_only=True)
class PersonQuery:
    """A traveller to screen against notices: typed, or read off an MRZ.

    ``truncated`` says the name filled the MRZ name field, so its last part may be cut.
    """

    name: str
    birth_date: PartialDate | None = None
    sex: str | None = None
    nationality: str | None = None
    truncated: bool = False
    source: str = "form"


@dataclass(slots=True, kw_only=True)
class CheckRequest:
    """One check: any combination of document and person (typed or from an MRZ) and objects.

    ``warnings`` are what parsing the input found (failed MRZ check digits, a VIN check
    digit); ``parsed`` is the parsed MRZ, echoed back to the officer; ``query`` is the
    request as the audit stores it.
    """

    documents: tuple[DocumentQuery, ...] = ()
    persons: tuple[PersonQuery, ...] = ()
    vehicle: VehicleQuery | None = None
    vessel: VesselQuery | None = None
    firearm: FirearmQuery | None = None
    warnings: tuple[CheckWarning, ...] = ()
    parsed: dict[str, Any] | None = None
    query: dict[str, Any] | None = None

    def databases(self) -> frozenset[Database]:
        """The databases this check consults (and the caller must be allowed to)."""
        wanted: set[Database] = set()
        if self.documents:
            wanted.update((Database.SLTD, Database.TDAWN))
        if self.persons:
            wanted.add(Database.NOMINAL)
        if self.vehicle is not None:
            wanted.add(Database.SMV)
        if self.vessel is not None:
            wanted.add(Database.VESSELS)
        if self.firearm is not None:
            wanted.add(Database.FIREARMS)
        return frozenset(wanted)


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckContext:
    """Where a check is made: the operation and border point it belongs to, if any."""

    operation_id: str | None = None
    border_point: str | None = None


NO_CONTEXT = CheckContext()
