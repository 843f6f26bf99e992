"""What a passenger manifest says: flight legs, travellers and their documents.

Frozen, slotted records built by the parsers (``manifests.paxlst``, ``manifests.rows``);
every value is as the sender wrote it, less the release characters, with dates read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = ["Leg", "Manifest", "ManifestWarning", "TravelDocumentEntry", "Traveller"]


@dataclass(frozen=True, slots=True)
class ManifestWarning:
    """Something doubtful in the input that did not stop it being read."""

    code: str
    where: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "where": self.where, "message": self.message}


@dataclass(frozen=True, slots=True, kw_only=True)
class Leg:
    """One flight leg (TDT group): the flight and its departure and arrival."""

    flight: str
    carrier: str | None = None
    departure_airport: str | None = None
    departure_at: dt.datetime | None = None
    arrival_airport: str | None = None
    arrival_at: dt.datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "flight": self.flight,
            "carrier": self.carrier,
            "departure_airport": self.departure_airport,
            "departure_at": self.departure_at.isoformat() if self.departure_at else None,
            "arrival_airport": self.arrival_airport,
            "arrival_at": self.arrival_at.isoformat() if self.arrival_at else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocumentEntry:
    """A document a traveller travels on (DOC group)."""

    number: str | None
    type_code: str | None = None
    issuing_country: str | None = None
    expiry_date: dt.date | None = None
    issue_date: dt.date | None = None

    @property
    def type(self) -> str | None:
        """The document type in Frontline's words (passport, id_card, visa, other)."""
        if not self.type_code:
            return None
        return _DOCUMENT_TYPES.get(self.type_code.upper(), "other")

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "type": self.type,
            "type_code": self.type_code,
            "issuing_country": self.issuing_country,
            "expiry_date": self.expiry_date.isoformat() if self.expiry_date else None,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
        }


# PAXLST document name codes (1001, IATA/WCO guide): P passport, I and AC identity cards,
# V visa, ... ; anything else is kept as its code with the type "other".
_DOCUMENT_TYPES = {
    "P": "passport",
    "PT": "passport",
    "I": "id_card",
    "IP": "id_card",
    "AC": "id_card",
    "V": "visa",
    "A": "residence_permit",
    "C": "residence_permit",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Traveller:
    """A passenger or crew member (NAD group) with what the manifest says of them."""

    position: int
    role: str  # passenger | crew
    family_name: str
    given_names: str = ""
    in_transit: bool = False
    sex: str | None = None
    birth_date: dt.date | None = None
    nationality: str | None = None
    residence_country: str | None = None
    birth_place: str | None = None
    embarkation: str | None = None
    debarkation: str | None = None
    references: tuple[tuple[str, str], ...] = ()
    documents: tuple[TravelDocumentEntry, ...] = ()

    @property
    def name(self) -> str:
        """Given names then family name, as a form would hold them."""
        return " ".join(part for part in (self.given_names, self.family_name) if part)

    def as_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "role": self.role,
            "family_name": self.family_name,
            "given_names": self.given_names,
            "in_transit": self.in_transit,
            "sex": self.sex,
            "birth_date": self.birth_date.isoformat() if self.birth_date else None,
            "nationality": self.nationality,
            "residence_country": self.residence_country,
            "birth_place": self.birth_place,
            "embarkation": self.embarkation,
            "debarkation": self.debarkation,
            "references": [list(item) for item in self.references],
            "documents": [document.as_dict() for document in self.documents],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """One manifest: the legs of the flight, every traveller, and what was doubtful.

    A multi-part PAXLST (several UNH messages sharing one common access reference) is one
    manifest; ``parts`` says how many messages made it."""

    format: str  # paxlst | jsonl | csv
    reference: str | None = None
    version: str | None = None
    sender: str | None = None
    prepared_at: dt.datetime | None = None
    list_type: str | None = None  # passengers | crew
    legs: tuple[Leg, ...] = ()
    travellers: tuple[Traveller, ...] = ()
    parts: int = 1
    warnings: tuple[ManifestWarning, ...] = ()

    @property
    def arrives_at(self) -> dt.datetime | None:
        """When the last leg arrives (as the sender wrote it, local time of the airport)."""
        times = [leg.arrival_at for leg in self.legs if leg.arrival_at is not None]
        return max(times) if times else None

    def flight_dict(self) -> dict[str, Any] | None:
        if not self.legs:
            return None
        first, last = self.legs[0], self.legs[-1]
        return {
            "flight": first.flight,
            "carrier": first.carrier,
            "from": first.departure_airport,
            "to": last.arrival_airport,
            "departure_at": first.departure_at.isoformat() if first.departure_at else None,
            "arrival_at": last.arrival_at.isoformat() if last.arrival_at else None,
            "legs": [leg.as_dict() for leg in self.legs],
        }
