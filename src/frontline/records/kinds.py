"""Per-kind validation: a raw input row (JSON, CSV or API) becomes a table row, or errors.

The field names are the import format of docs/formats.md; ``build_row`` is the one way in
for every writer (importer, API, demo seeding), so every path validates alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from frontline.domain.records import (
    DocumentStatus,
    DocumentType,
    NoticeType,
    ObjectStatus,
    RecordKind,
    RecordState,
    Sex,
)
from frontline.identifiers.countries import country_key
from frontline.identifiers.docnumbers import fold_confusables, normalise_document_number
from frontline.identifiers.hull import normalise_hull_id
from frontline.identifiers.imo import normalise_imo
from frontline.identifiers.serials import normalise_plate, normalise_serial
from frontline.identifiers.vin import parse_vin
from frontline.records.fields import RowReader
from frontline.records.keys import split_numbered

__all__ = ["FIELDS", "MAX_RANGE", "build_row"]

MAX_RANGE = 10_000_000
_META = frozenset({"id", "owner", "state", "action", "expires_at"})

FIELDS: dict[RecordKind, frozenset[str]] = {
    RecordKind.DOCUMENTS: _META
    | {"number", "number_from", "number_to", "issuing_country", "type", "status", "reported_at"},
    RecordKind.PERSONS: _META
    | {"type", "name", "aliases", "birth_date", "sex", "nationalities", "reason", "documents"},
    RecordKind.VEHICLES: _META
    | {
        "vin",
        "plate",
        "plate_country",
        "make",
        "model",
        "colour",
        "status",
        "engine_number",
        "parts_numbers",
    },
    RecordKind.VESSELS: _META | {"imo", "hull_id", "name", "engine_serials", "status"},
    RecordKind.FIREARMS: _META | {"serial", "make", "model", "calibre", "firearm_type", "status"},
}


def build_row(kind: RecordKind, raw: Any, *, line: int | None = None) -> dict[str, Any]:
    """Validate ``raw`` as a record of ``kind``; raise InvalidInput listing every bad field."""
    if not isinstance(raw, dict):
        reader = RowReader({}, line=line)
        reader.fail("(row)", "must be an object with the record's fields")
        reader.raise_if_failed()
    reader = RowReader(raw, line=line)
    reader.unknown_fields(FIELDS[kind])
    row = _meta(reader)
    row.update(_BUILDERS[kind](reader))
    reader.raise_if_failed()
    return row


def _meta(reader: RowReader) -> dict[str, Any]:
    state = reader.choice("state", RecordState) or RecordState.ACTIVE
    return {
        "id": reader.record_id(),
        "owner": reader.country("owner", required=True),
        "state": state.value,
        "action": reader.text("action") or "",
        "expires_at": reader.timestamp("expires_at"),
    }


def _document(reader: RowReader) -> dict[str, Any]:
    country = reader.country("issuing_country", required=True)
    doc_type = reader.choice("type", DocumentType, required=True)
    status = reader.choice("status", DocumentStatus, required=True)
    number = reader.parsed("number", lambda v: normalise_document_number(v, field="number"))
    low = reader.parsed("number_from", lambda v: normalise_document_number(v, field="number_from"))
    high = reader.parsed("number_to", lambda v: normalise_document_number(v, field="number_to"))
    row: dict[str, Any] = {
        "issuing_country": country,
        "country_key": country_key(country) if country else None,
        "type": doc_type.value if doc_type else None,
        "status": status.value if status else None,
        "number": number,
        "number_key": fold_confusables(number) if number else None,
        "number_from": low,
        "number_to": high,
        "range_prefix": None,
        "range_start": None,
        "range_end": None,
        "range_width": None,
        "reported_at": reader.date("reported_at"),
    }
    if number and (low or high):
        reader.fail("number", "give either number or number_from and number_to, not both")
    elif not number and not (low and high):
        if not reader.errors:
            reader.fail("number", "is required (or number_from and number_to for a range)")
    elif low and high:
        row.update(_range(reader, low, high))
    return row


def _range(reader: RowReader, low: str, high: str) -> dict[str, Any]:
    start, end = split_numbered(low), split_numbered(high)
    if start is None or end is None:
        reader.fail("number_from", "a range needs numbers that end in digits")
        return {}
    if start[0] != end[0] or start[2] != end[2]:
        reader.fail("number_to", "must have the same prefix and length as number_from")
        return {}
    if start[1] > end[1]:
        reader.fail("number_to", "must not be below number_from")
        return {}
    if end[1] - start[1] >= MAX_RANGE:
        reader.fail("number_to", f"a range may span at most {MAX_RANGE:,} numbers")
        return {}
    return {
        "range_prefix": start[0],
        "range_start": start[1],
        "range_end": end[1],
        "range_width": start[2],
    }


def _person(reader: RowReader) -> dict[str, Any]:
    notice = reader.choice("type", NoticeType, required=True)
    sex = reader.choice("sex", Sex) or Sex.UNKNOWN
    birth = reader.partial_date("birth_date")
    nationalities = [
        code
        for index, value in enumerate(reader.text_list("nationalities", max_length=3))
        if (code := _country_item(reader, f"nationalities[{index}]", value))
    ]
    return {
        "type": notice.value if notice else None,
        "name": reader.text("name", required=True, max_length=200),
        "aliases": reader.text_list("aliases"),
        "birth_date": birth.isoformat() if birth else None,
        "sex": sex.value,
        "nationalities": nationalities,
        "reason": reader.text("reason") or "",
        "documents": _linked_documents(reader),
    }


def _country_item(reader: RowReader, field: str, value: str) -> str | None:
    item = RowReader({field: value}, line=reader.line)
    code = item.country(field)
    reader.errors.extend(item.errors)
    return code


def _linked_documents(reader: RowReader) -> list[dict[str, str]]:
    value = reader.value("documents")
    if value is None:
        return []
    if isinstance(value, str):
        reader.fail("documents", "must be a list of {number, issuing_country, type} objects")
        return []
    if not isinstance(value, list) or len(value) > 50:
        reader.fail("documents", "must be a list of at most 50 documents")
        return []
    out = []
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            reader.fail(f"documents[{index}]", "must be an object {number, issuing_country, type}")
            continue
        sub = RowReader(item, line=reader.line)
        sub.unknown_fields(frozenset({"number", "issuing_country", "type"}))
        number = sub.parsed("number", normalise_document_number, required=True)
        country = sub.country("issuing_country", required=True)
        doc_type = sub.choice("type", DocumentType) or DocumentType.PASSPORT
        for error in sub.errors:
            reader.fail(f"documents[{index}].{error.field}", error.message)
        if number and country:
            out.append({"number": number, "issuing_country": country, "type": doc_type.value})
    return out


def _vehicle(reader: RowReader) -> dict[str, Any]:
    vin = reader.parsed("vin", lambda v: parse_vin(v).vin)
    plate = reader.parsed("plate", normalise_plate)
    plate_country = reader.country("plate_country")
    if plate and not plate_country:
        reader.fail("plate_country", "is required with a plate")
    if not vin and not plate and not reader.errors:
        reader.fail("vin", "a vehicle needs a vin or a plate with plate_country")
    engine = reader.parsed("engine_number", lambda v: normalise_serial(v, field="engine_number"))
    return {
        "status": _status(reader),
        "vin": vin,
        "plate": plate,
        "plate_country": plate_country,
        "plate_key": f"{country_key(plate_country)}|{plate}" if plate and plate_country else None,
        "make": reader.text("make", max_length=80) or "",
        "model": reader.text("model", max_length=80) or "",
        "colour": reader.text("colour", max_length=40) or "",
        "engine_number": engine,
        "parts_numbers": reader.text_list("parts_numbers", max_length=40),
    }


def _vessel(reader: RowReader) -> dict[str, Any]:
    imo = reader.parsed("imo", normalise_imo)
    hull = reader.parsed("hull_id", normalise_hull_id)
    if not imo and not hull and not reader.errors:
        reader.fail("imo", "a vessel needs an imo or a hull_id")
    return {
        "status": _status(reader),
        "imo": imo,
        "hull_id": hull,
        "name": reader.text("name", max_length=120) or "",
        "engine_serials": reader.text_list("engine_serials", max_length=40),
    }


def _firearm(reader: RowReader) -> dict[str, Any]:
    serial = reader.parsed("serial", lambda v: normalise_serial(v, field="serial"), required=True)
    return {
        "status": _status(reader),
        "serial": serial,
        "serial_key": serial,
        "make": reader.text("make", max_length=80) or "",
        "model": reader.text("model", max_length=80) or "",
        "calibre": reader.text("calibre", max_length=40) or "",
        "firearm_type": reader.text("firearm_type", max_length=40) or "",
    }


def _status(reader: RowReader) -> str | None:
    status = reader.choice("status", ObjectStatus, required=True)
    return status.value if status else None


_BUILDERS: dict[RecordKind, Callable[[RowReader], dict[str, Any]]] = {
    RecordKind.DOCUMENTS: _document,
    RecordKind.PERSONS: _person,
    RecordKind.VEHICLES: _vehicle,
    RecordKind.VESSELS: _vessel,
    RecordKind.FIREARMS: _firearm,
}
