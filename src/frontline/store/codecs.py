"""Table rows to domain records and back to plain JSON-ready dicts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import fields
from enum import StrEnum
from typing import Any, overload

from sqlalchemy import Table

from frontline.domain.dates import PartialDate
from frontline.domain.records import (
    AnyRecord,
    DocumentStatus,
    DocumentType,
    Firearm,
    LinkedDocument,
    NoticeType,
    ObjectStatus,
    Person,
    RecordKind,
    RecordState,
    Sex,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.store import tables

__all__ = ["TABLES", "naive_utc", "record_from_row", "record_to_dict", "utc"]

TABLES: dict[RecordKind, Table] = {
    RecordKind.DOCUMENTS: tables.documents,
    RecordKind.PERSONS: tables.persons,
    RecordKind.VEHICLES: tables.vehicles,
    RecordKind.VESSELS: tables.vessels,
    RecordKind.FIREARMS: tables.firearms,
}


def utc(moment: dt.datetime | None) -> dt.datetime | None:
    """Stored times are naive UTC; hand them out aware."""
    if moment is None:
        return None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


@overload
def naive_utc(moment: dt.datetime) -> dt.datetime: ...
@overload
def naive_utc(moment: None) -> None: ...
def naive_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A time as stored: naive UTC (an aware time is converted; a naive one is UTC)."""
    if moment is None or moment.tzinfo is None:
        return moment
    if moment.tzinfo is dt.UTC:
        return moment.replace(tzinfo=None)  # the common case, without a conversion
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def _meta(row: Mapping[Any, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "owner": row["owner"],
        "state": RecordState(row["state"]),
        "action": row["action"],
        "created_at": utc(row["created_at"]),
        "updated_at": utc(row["updated_at"]),
        "expires_at": utc(row["expires_at"]),
        "version": int(row["version"]),
    }


def _document(row: Mapping[Any, Any]) -> TravelDocument:
    return TravelDocument(
        **_meta(row),
        issuing_country=row["issuing_country"],
        type=DocumentType(row["type"]),
        status=DocumentStatus(row["status"]),
        number=row["number"],
        number_from=row["number_from"],
        number_to=row["number_to"],
        reported_at=row["reported_at"],
    )


def _person(row: Mapping[Any, Any]) -> Person:
    birth = row["birth_date"]
    return Person(
        **_meta(row),
        type=NoticeType(row["type"]),
        name=row["name"],
        aliases=tuple(row["aliases"]),
        birth_date=PartialDate.parse(birth) if birth else None,
        sex=Sex(row["sex"]),
        nationalities=tuple(row["nationalities"]),
        reason=row["reason"],
        documents=tuple(
            LinkedDocument(
                number=item["number"],
                issuing_country=item["issuing_country"],
                type=DocumentType(item["type"]),
            )
            for item in row["documents"]
        ),
    )


def _vehicle(row: Mapping[Any, Any]) -> Vehicle:
    return Vehicle(
        **_meta(row),
        status=ObjectStatus(row["status"]),
        vin=row["vin"],
        plate=row["plate"],
        plate_country=row["plate_country"],
        make=row["make"],
        model=row["model"],
        colour=row["colour"],
        engine_number=row["engine_number"],
        parts_numbers=tuple(row["parts_numbers"]),
    )


def _vessel(row: Mapping[Any, Any]) -> Vessel:
    return Vessel(
        **_meta(row),
        status=ObjectStatus(row["status"]),
        imo=row["imo"],
        hull_id=row["hull_id"],
        name=row["name"],
        engine_serials=tuple(row["engine_serials"]),
    )


def _firearm(row: Mapping[Any, Any]) -> Firearm:
    return Firearm(
        **_meta(row),
        status=ObjectStatus(row["status"]),
        serial=row["serial"],
        make=row["make"],
        model=row["model"],
        calibre=row["calibre"],
        firearm_type=row["firearm_type"],
    )


_DECODERS: dict[RecordKind, Callable[[Mapping[Any, Any]], AnyRecord]] = {
    RecordKind.DOCUMENTS: _document,
    RecordKind.PERSONS: _person,
    RecordKind.VEHICLES: _vehicle,
    RecordKind.VESSELS: _vessel,
    RecordKind.FIREARMS: _firearm,
}


def record_from_row(kind: RecordKind, row: Mapping[Any, Any]) -> AnyRecord:
    return _DECODERS[kind](row)


def record_to_dict(record: AnyRecord) -> dict[str, Any]:
    """A JSON-ready dict of a record, in the field names of the import format."""
    return {field.name: _plain(getattr(record, field.name)) for field in fields(record)}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, LinkedDocument):
        return {
            "number": value.number,
            "issuing_country": value.issuing_country,
            "type": value.type.value,
        }
    if isinstance(value, StrEnum):
        return value.value
    return value
