"""The records a bureau owns: travel documents, persons under notices, vehicles, vessels,
firearms. Frozen, slotted, pure; validation of raw input lives in ``frontline.records``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from frontline.domain.dates import PartialDate

__all__ = [
    "AnyRecord",
    "DocumentStatus",
    "DocumentType",
    "Firearm",
    "LinkedDocument",
    "NoticeType",
    "ObjectStatus",
    "Person",
    "RecordKind",
    "RecordMeta",
    "RecordState",
    "Sex",
    "TravelDocument",
    "Vehicle",
    "Vessel",
]


class RecordKind(StrEnum):
    DOCUMENTS = "documents"
    PERSONS = "persons"
    VEHICLES = "vehicles"
    VESSELS = "vessels"
    FIREARMS = "firearms"


class RecordState(StrEnum):
    """Whether a record takes part in checks: a cancelled record never hits."""

    ACTIVE = "active"
    CANCELLED = "cancelled"


class DocumentType(StrEnum):
    PASSPORT = "passport"
    ID_CARD = "id_card"
    VISA = "visa"
    RESIDENCE_PERMIT = "residence_permit"
    OTHER = "other"


class DocumentStatus(StrEnum):
    """Why a document is in SLTD: every one of these means "not valid for travel"."""

    STOLEN = "stolen"
    LOST = "lost"
    STOLEN_BLANK = "stolen_blank"
    REVOKED = "revoked"
    INVALID = "invalid"


class ObjectStatus(StrEnum):
    """Why a vehicle, vessel or firearm is recorded."""

    STOLEN = "stolen"
    LOST = "lost"
    WANTED = "wanted"


class NoticeType(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    BLUE = "blue"
    BLACK = "black"
    GREEN = "green"
    ORANGE = "orange"
    PURPLE = "purple"
    UN_SPECIAL = "un_special"
    DIFFUSION = "diffusion"
    NOMINAL = "nominal"


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "X"
    UNKNOWN = "U"


@dataclass(frozen=True, slots=True, kw_only=True)
class RecordMeta:
    """What every record carries: who owns it, whether it is live, and its times.

    ``owner`` is the ICAO/ISO 3166 alpha-3 code of the bureau that entered the record;
    ``version`` is the store's change sequence at the last write (0 before it is stored).
    """

    id: str
    owner: str
    state: RecordState = RecordState.ACTIVE
    action: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None
    version: int = 0

    def is_live(self, now: dt.datetime) -> bool:
        """True when the record is active and not past its expiry at ``now``."""
        if self.state is not RecordState.ACTIVE:
            return False
        return self.expires_at is None or self.expires_at > now


@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocument(RecordMeta):
    """A lost, stolen, revoked or invalid travel document (SLTD).

    A stolen blank batch is one record with ``number_from``/``number_to`` and no ``number``.
    """

    issuing_country: str
    type: DocumentType
    status: DocumentStatus
    number: str | None = None
    number_from: str | None = None
    number_to: str | None = None
    reported_at: dt.date | None = None

    @property
    def is_range(self) -> bool:
        return self.number is None


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkedDocument:
    """A travel document linked to a person under notice (TDAWN: the document may be valid)."""

    number: str
    issuing_country: str
    type: DocumentType = DocumentType.PASSPORT


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(RecordMeta):
    """A person who is the subject of a notice or diffusion."""

    type: NoticeType
    name: str
    aliases: tuple[str, ...] = ()
    birth_date: PartialDate | None = None
    sex: Sex = Sex.UNKNOWN
    nationalities: tuple[str, ...] = ()
    reason: str = ""
    documents: tuple[LinkedDocument, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Vehicle(RecordMeta):
    """A stolen or wanted motor vehicle (SMV); identified by VIN or by plate and country."""

    status: ObjectStatus
    vin: str | None = None
    plate: str | None = None
    plate_country: str | None = None
    make: str = ""
    model: str = ""
    colour: str = ""
    engine_number: str | None = None
    parts_numbers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Vessel(RecordMeta):
    """A stolen or wanted vessel; identified by IMO number, hull number or engine serials."""

    status: ObjectStatus
    imo: str | None = None
    hull_id: str | None = None
    name: str = ""
    engine_serials: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Firearm(RecordMeta):
    """A lost, stolen or trafficked firearm; identified by serial number and make."""

    status: ObjectStatus
    serial: str
    make: str = ""
    model: str = ""
    calibre: str = ""
    firearm_type: str = ""


AnyRecord = TravelDocument | Person | Vehicle | Vessel | Firearm
