"""Console forms turned into the use cases' input: a check request, a record's fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from frontline.domain.records import (
    DocumentStatus,
    DocumentType,
    NoticeType,
    ObjectStatus,
    RecordKind,
)
from frontline.errors import FieldError

__all__ = [
    "CHECK_SECTIONS",
    "RECORD_FIELDS",
    "FieldSpec",
    "check_request",
    "mrz_problem",
    "record_raw",
]

# The check forms' field names are "section.field", the API's body shape flattened.
CHECK_SECTIONS: dict[str, tuple[str, ...]] = {
    "document": ("number", "country", "type", "issue_date", "expiry_date"),
    "person": ("name", "birth_date", "sex", "nationality"),
    "vehicle": ("vin", "plate", "plate_country"),
    "vessel": ("imo", "hull_id"),
    "firearm": ("serial", "make"),
}


def check_request(form: dict[str, str]) -> dict[str, Any]:
    """The check's JSON body from the form: the MRZ's lines and every filled section."""
    raw: dict[str, Any] = {}
    mrz = mrz_lines(form.get("mrz", ""))
    if mrz:
        raw["mrz"] = mrz
    for section, names in CHECK_SECTIONS.items():
        values = {
            name: form[f"{section}.{name}"] for name in names if form.get(f"{section}.{name}")
        }
        if values:
            raw[section] = values
    return raw


def mrz_lines(text: str) -> list[str]:
    """The MRZ's lines as typed or pasted: blank lines and surrounding spaces dropped."""
    return [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]


_WHERE = re.compile(r"line (\d+)(?:.*?position (\d+))?")


@dataclass(frozen=True, slots=True)
class MrzProblem:
    """Where a malformed MRZ is wrong: the line (1-based) and, when known, the column."""

    message: str
    line: int | None
    position: int | None


def mrz_problem(errors: list[FieldError]) -> MrzProblem | None:
    """The first MRZ error, with the line and character it names, for the page to mark."""
    for error in errors:
        if error.field == "mrz" or error.field.startswith("mrz."):
            found = _WHERE.search(error.message)
            line = int(found.group(1)) if found else None
            position = int(found.group(2)) if found and found.group(2) else None
            return MrzProblem(error.message, line, position)
    return None


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One input of a record form: its name, label, choices (a select) and whether needed."""

    name: str
    label: str
    choices: tuple[str, ...] = ()
    required: bool = False
    hint: str = ""


def _choices(values: Any) -> tuple[str, ...]:
    return tuple(member.value for member in values)


_COMMON_TAIL = (
    FieldSpec("action", "Action to take on a hit"),
    FieldSpec("expires_at", "Expires (YYYY-MM-DD)", hint="optional"),
)

RECORD_FIELDS: dict[RecordKind, tuple[FieldSpec, ...]] = {
    RecordKind.DOCUMENTS: (
        FieldSpec("number", "Document number", required=True),
        FieldSpec("issuing_country", "Issuing country (alpha-3)", required=True),
        FieldSpec("type", "Type", _choices(DocumentType), required=True),
        FieldSpec("status", "Status", _choices(DocumentStatus), required=True),
        FieldSpec("reported_at", "Reported on (YYYY-MM-DD)"),
    ),
    RecordKind.PERSONS: (
        FieldSpec("type", "Notice type", _choices(NoticeType), required=True),
        FieldSpec("name", "Name (in its own script)", required=True),
        FieldSpec("aliases", "Aliases", hint="separate with ;"),
        FieldSpec("birth_date", "Birth date (YYYY[-MM[-DD]])"),
        FieldSpec("sex", "Sex", ("", "M", "F", "X", "U")),
        FieldSpec("nationalities", "Nationalities", hint="alpha-3, separate with ;"),
        FieldSpec("reason", "Reason"),
    ),
    RecordKind.VEHICLES: (
        FieldSpec("vin", "VIN"),
        FieldSpec("plate", "Plate"),
        FieldSpec("plate_country", "Plate country (alpha-3)"),
        FieldSpec("make", "Make"),
        FieldSpec("model", "Model"),
        FieldSpec("colour", "Colour"),
        FieldSpec("status", "Status", _choices(ObjectStatus), required=True),
    ),
    RecordKind.VESSELS: (
        FieldSpec("imo", "IMO number"),
        FieldSpec("hull_id", "Hull id"),
        FieldSpec("name", "Name"),
        FieldSpec("status", "Status", _choices(ObjectStatus), required=True),
    ),
    RecordKind.FIREARMS: (
        FieldSpec("serial", "Serial number", required=True),
        FieldSpec("make", "Make"),
        FieldSpec("model", "Model"),
        FieldSpec("calibre", "Calibre"),
        FieldSpec("firearm_type", "Type"),
        FieldSpec("status", "Status", _choices(ObjectStatus), required=True),
    ),
}


def record_fields(kind: RecordKind) -> tuple[FieldSpec, ...]:
    return (FieldSpec("id", "Record id", required=True), *RECORD_FIELDS[kind], *_COMMON_TAIL)


def record_raw(kind: RecordKind, form: dict[str, str], *, owner: str) -> dict[str, Any]:
    """The record's fields from the form (empty means absent, lists ``;``-separated, as in
    CSV); the owner is the bureau's own country, never a form field."""
    names = {spec.name for spec in record_fields(kind)}
    raw: dict[str, Any] = {name: form[name] for name in names if form.get(name)}
    raw["owner"] = owner
    return raw
