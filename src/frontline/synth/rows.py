"""Records as import rows: JSON-ready dicts, the contract with the importer.

Dates are ISO strings (partial birth dates as ``1974`` or ``1974-08``), enums their values,
tuples lists; a key whose value is ``None`` is left out. Record state is not written: every
synthetic record is active, the importer's default.

    documents  id, number | number_from + number_to, issuing_country, type, status, owner,
               reported_at, action
    persons    id, type, name, aliases, birth_date, sex, nationalities, owner, reason,
               action, documents [{number, issuing_country, type}]
    vehicles   id, vin, plate, plate_country, make, model, colour, status, owner,
               engine_number, action
    vessels    id, imo, hull_id, name, engine_serials, status, owner, action
    firearms   id, serial, make, model, calibre, firearm_type, status, owner, action
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from frontline.domain.records import (
    AnyRecord,
    Firearm,
    Person,
    RecordKind,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.synth.actions import DOCUMENT_ACTIONS
from frontline.synth.documents import (
    DOCUMENT_STATUSES,
    DOCUMENT_TYPES,
    report_days,
    stream_documents,
)
from frontline.synth.world import World

__all__ = ["Row", "document_rows", "to_row", "world_rows"]

Row = dict[str, Any]


def to_row(record: AnyRecord) -> Row:
    """The import row of one record."""
    if isinstance(record, TravelDocument):
        return _document_row(record)
    if isinstance(record, Person):
        return _person_row(record)
    if isinstance(record, Vehicle):
        return _vehicle_row(record)
    if isinstance(record, Vessel):
        return _vessel_row(record)
    return _firearm_row(record)


def world_rows(world: World, kind: RecordKind) -> Iterator[Row]:
    """The import rows of one kind of record in ``world``."""
    return (to_row(record) for record in world.records(kind))


def document_rows(
    *, count: int, seed: int, today: dt.date, include_ranges: bool = True
) -> Iterator[Row]:
    """The rows of ``iter_documents(count=..., seed=..., today=...)``, built directly."""
    types = [document_type.value for document_type in DOCUMENT_TYPES]
    statuses = [status.value for status in DOCUMENT_STATUSES]
    actions = [DOCUMENT_ACTIONS[status] for status in DOCUMENT_STATUSES]
    days = [day.isoformat() for day in report_days(today)]

    def make(record_id: str, code: str, kind: int, status: int, number: str, day: int) -> Row:
        return {
            "id": record_id,
            "number": number,
            "issuing_country": code,
            "type": types[kind],
            "status": statuses[status],
            "owner": code,
            "reported_at": days[day],
            "action": actions[status],
        }

    return stream_documents(
        count=count,
        seed=seed,
        today=today,
        include_ranges=include_ranges,
        make=make,
        make_batch=_document_row,
    )


def _document_row(document: TravelDocument) -> Row:
    return _without_none(
        {
            "id": document.id,
            "number": document.number,
            "number_from": document.number_from,
            "number_to": document.number_to,
            "issuing_country": document.issuing_country,
            "type": document.type.value,
            "status": document.status.value,
            "owner": document.owner,
            "reported_at": document.reported_at.isoformat() if document.reported_at else None,
            "action": document.action,
        }
    )


def _person_row(person: Person) -> Row:
    return _without_none(
        {
            "id": person.id,
            "type": person.type.value,
            "name": person.name,
            "aliases": list(person.aliases),
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "sex": person.sex.value,
            "nationalities": list(person.nationalities),
            "owner": person.owner,
            "reason": person.reason,
            "action": person.action,
            "documents": [
                {"number": d.number, "issuing_country": d.issuing_country, "type": d.type.value}
                for d in person.documents
            ],
        }
    )


def _vehicle_row(vehicle: Vehicle) -> Row:
    return _without_none(
        {
            "id": vehicle.id,
            "vin": vehicle.vin,
            "plate": vehicle.plate,
            "plate_country": vehicle.plate_country,
            "make": vehicle.make,
            "model": vehicle.model,
            "colour": vehicle.colour,
            "engine_number": vehicle.engine_number,
            "status": vehicle.status.value,
            "owner": vehicle.owner,
            "action": vehicle.action,
        }
    )


def _vessel_row(vessel: Vessel) -> Row:
    return _without_none(
        {
            "id": vessel.id,
            "imo": vessel.imo,
            "hull_id": vessel.hull_id,
            "name": vessel.name,
            "engine_serials": list(vessel.engine_serials),
            "status": vessel.status.value,
            "owner": vessel.owner,
            "action": vessel.action,
        }
    )


def _firearm_row(firearm: Firearm) -> Row:
    return {
        "id": firearm.id,
        "serial": firearm.serial,
        "make": firearm.make,
        "model": firearm.model,
        "calibre": firearm.calibre,
        "firearm_type": firearm.firearm_type,
        "status": firearm.status.value,
        "owner": firearm.owner,
        "action": firearm.action,
    }


def _without_none(row: Row) -> Row:
    return {key: value for key, value in row.items() if value is not None}
