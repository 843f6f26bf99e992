"""Raw check requests (API JSON, CLI options) into normalised ``CheckRequest`` queries.

Bad input raises ``InvalidInput`` naming the field (``document.number``); what is merely
doubtful (a failed check digit, an expired document) becomes a warning on the result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontline.domain.checks import CheckWarning
from frontline.domain.dates import PartialDate
from frontline.domain.queries import (
    CheckRequest,
    DocumentQuery,
    FirearmQuery,
    PersonQuery,
    VehicleQuery,
    VesselQuery,
)
from frontline.domain.records import DocumentType
from frontline.errors import FieldError, InvalidInput
from frontline.identifiers.countries import canonical_country
from frontline.identifiers.docnumbers import normalise_document_number
from frontline.identifiers.hull import normalise_hull_id
from frontline.identifiers.imo import normalise_imo
from frontline.identifiers.mrz import parse_mrz
from frontline.identifiers.serials import normalise_plate, normalise_serial
from frontline.identifiers.vin import parse_vin
from frontline.screening.consistency import mrz_visual_warnings

__all__ = ["parse_check_request"]

_PARTS = frozenset({"mrz", "document", "person", "vehicle", "vessel", "firearm"})
_FIELDS = {
    "person": frozenset({"name", "birth_date", "sex", "nationality"}),
    "document": frozenset(
        {"number", "country", "issuing_country", "type", "issue_date", "expiry_date"}
    ),
    "vehicle": frozenset({"vin", "plate", "plate_country"}),
    "vessel": frozenset({"imo", "hull_id"}),
    "firearm": frozenset({"serial", "make"}),
}


class _Errors:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.items: list[FieldError] = []

    def add(self, field: str, message: str) -> None:
        self.items.append(FieldError(f"{self.prefix}{field}", message))

    def take(self, field: str, error: InvalidInput) -> None:
        message = error.errors[0].message if error.errors else error.message
        self.add(field, message)


def parse_check_request(raw: Any, *, today: dt.date, prefix: str = "") -> CheckRequest:
    """Validate one check request; raise InvalidInput listing every bad field."""
    fast = _plain_document_request(raw)
    if fast is not None:
        return fast
    errors = _Errors(prefix)
    if not isinstance(raw, dict) or not raw:
        errors.add("(request)", f"give at least one of {', '.join(sorted(_PARTS))}")
        _raise(errors)
    for name in raw:
        if name not in _PARTS:
            errors.add(name, "is not a known part of a check")
    documents: list[DocumentQuery] = []
    persons: list[PersonQuery] = []
    warnings: list[CheckWarning] = []
    parsed = mrz_query = mrz_person = document = person = None
    if raw.get("mrz") is not None:
        mrz_query, mrz_person, parsed, mrz_warnings = _mrz(raw["mrz"], today, errors)
        warnings.extend(mrz_warnings)
        if mrz_query is not None:
            documents.append(mrz_query)
        if mrz_person is not None:
            persons.append(mrz_person)
    section = {name: _section(raw, name, errors) for name in _FIELDS}
    if section["document"] is not None:
        document = _document(section["document"], errors)
        if document is not None and not _is_mrz_document(document, mrz_query):
            documents.append(document)
        elif document is not None and mrz_query is not None:
            mrz_query.issue_date = document.issue_date  # the visual zone's, for the specimen
    if section["person"] is not None:
        person = _person(section["person"], errors)
        if person is not None:
            persons.append(person)
    if mrz_query is not None and (document is not None or person is not None):
        warnings.extend(mrz_visual_warnings(mrz_query, mrz_person, document, person))
    vehicle = _vehicle(section["vehicle"], errors, warnings)
    vessel = _vessel(section["vessel"], errors)
    firearm = _firearm(section["firearm"], errors)
    _raise(errors)
    return CheckRequest(
        documents=tuple(documents),
        persons=tuple(persons),
        vehicle=vehicle,
        vessel=vessel,
        firearm=firearm,
        warnings=tuple(warnings),
        parsed=parsed,
        query=raw,
    )


_TYPES = {member.value: member for member in DocumentType}
_countries: dict[str, str] = {}


def _plain_document_request(raw: Any) -> CheckRequest | None:
    """The most common request, ``{"document": {"number", "country"[, "type"]}}`` with
    well-formed values, read without the collecting reader (a batch holds thousands);
    anything else, or anything doubtful, returns None and takes the full path."""
    if type(raw) is not dict or len(raw) != 1:
        return None
    section = raw.get("document")
    if type(section) is not dict or not 2 <= len(section) <= 3:
        return None
    entered, code, type_name = section.get("number"), section.get("country"), section.get("type")
    if type(entered) is not str or type(code) is not str or len(entered) > 200:
        return None
    if len(section) == 3 and type_name not in _TYPES:
        return None
    country = _countries.get(code)
    try:
        if country is None:
            country = canonical_country(code, field="country")
            if len(_countries) < 10_000:  # bounded: codes are few, but input is untrusted
                _countries[code] = country
        number = normalise_document_number(entered)
    except InvalidInput:
        return None
    doc_type = _TYPES[type_name] if type_name is not None else None
    query = DocumentQuery(number=number, entered=entered, country=country, type=doc_type)
    return CheckRequest(documents=(query,), query=raw)


def _raise(errors: _Errors) -> None:
    if errors.items:
        first = errors.items[0]
        raise InvalidInput(f"{first.field}: {first.message}", errors=errors.items)


def _section(raw: dict[str, Any], name: str, errors: _Errors) -> dict[str, Any] | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, dict):
        errors.add(name, "must be an object")
        return None
    for field in value:
        if field not in _FIELDS[name]:
            errors.add(f"{name}.{field}", "is not a known field")
    return {key: item for key, item in value.items() if item not in (None, "")}


def _text(section: dict[str, Any], field: str, path: str, errors: _Errors) -> str | None:
    value = section.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        errors.add(path, "must be text")
        return None
    if len(value) > 200:
        errors.add(path, "is longer than 200 characters")
        return None
    return value


_MrzReading = tuple[
    DocumentQuery | None, PersonQuery | None, dict[str, Any] | None, list[CheckWarning]
]


def _mrz(value: Any, today: dt.date, errors: _Errors) -> _MrzReading:
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        lines: str | list[str] = value
    elif isinstance(value, str):
        lines = value
    else:
        errors.add("mrz", "must be the MRZ lines, as a list or as text with line breaks")
        return None, None, None, []
    try:
        mrz = parse_mrz(lines, today=today)
    except InvalidInput as error:
        errors.take("mrz", error)
        return None, None, None, []
    try:
        number = normalise_document_number(mrz.document_number)
    except InvalidInput as error:
        errors.take("mrz", error)
        return None, None, None, []
    query = DocumentQuery(
        number=number,
        entered=mrz.document_number,
        country=mrz.issuing_country,
        type=mrz.document_type,
        expiry_date=mrz.expiry_date,
    )
    person = None
    if mrz.surname or mrz.given_names:
        person = PersonQuery(
            name=f"{mrz.surname}<<{mrz.given_names}",
            birth_date=mrz.birth_date,
            sex=mrz.sex if mrz.sex in ("M", "F") else None,
            nationality=mrz.nationality or None,
            truncated=mrz.name_truncated,
            source="mrz",
        )
    return query, person, mrz.as_dict(), list(mrz.warnings)


def _person(section: dict[str, Any], errors: _Errors) -> PersonQuery | None:
    name = _text(section, "name", "person.name", errors)
    birth_raw = _text(section, "birth_date", "person.birth_date", errors)
    sex_raw = _text(section, "sex", "person.sex", errors)
    nationality_raw = _text(section, "nationality", "person.nationality", errors)
    if not name or not any(char.isalpha() for char in name):
        errors.add("person.name", "is required and must contain letters")
    birth_date = None
    if birth_raw:
        try:
            birth_date = PartialDate.parse(birth_raw)
        except ValueError as error:
            errors.add("person.birth_date", str(error))
    sex = None
    if sex_raw:
        sex = sex_raw.strip().upper()[:1]
        if sex not in ("M", "F", "X", "U"):
            errors.add("person.sex", "must be M, F, X or U")
    nationality = None
    if nationality_raw:
        try:
            nationality = canonical_country(nationality_raw, field="nationality")
        except InvalidInput as error:
            errors.take("person.nationality", error)
    if not name:
        return None
    return PersonQuery(
        name=name,
        birth_date=birth_date,
        sex=sex if sex in ("M", "F") else None,
        nationality=nationality,
    )


def _document(section: dict[str, Any], errors: _Errors) -> DocumentQuery | None:
    entered = _text(section, "number", "document.number", errors)
    country_raw = _text(section, "country", "document.country", errors) or _text(
        section, "issuing_country", "document.issuing_country", errors
    )
    type_raw = _text(section, "type", "document.type", errors)
    if entered is None:
        errors.add("document.number", "is required")
    if country_raw is None:
        errors.add("document.country", "is required")
    doc_type = None
    if type_raw is not None:
        try:
            doc_type = DocumentType(type_raw.strip().lower())
        except ValueError:
            allowed = ", ".join(member.value for member in DocumentType)
            errors.add("document.type", f"must be one of {allowed}")
    try:
        number = normalise_document_number(entered) if entered else None
    except InvalidInput as error:
        errors.take("document.number", error)
        number = None
    try:
        country = canonical_country(country_raw, field="country") if country_raw else None
    except InvalidInput as error:
        errors.take("document.country", error)
        country = None
    issue_date = _date(section, "issue_date", errors)
    expiry_date = _date(section, "expiry_date", errors)
    if issue_date and expiry_date and expiry_date <= issue_date:
        errors.add("document.expiry_date", "is not after the issue date")
    if number is None or country is None or entered is None:
        return None
    return DocumentQuery(
        number=number,
        entered=entered,
        country=country,
        type=doc_type,
        issue_date=issue_date,
        expiry_date=expiry_date,
    )


def _is_mrz_document(document: DocumentQuery, mrz_query: DocumentQuery | None) -> bool:
    """Whether the typed document is the one the MRZ names (its visual zone), not another."""
    if mrz_query is None:
        return False
    return (
        document.number == mrz_query.number
        and document.country == mrz_query.country
        and document.type in (None, mrz_query.type)
    )


def _date(section: dict[str, Any], field: str, errors: _Errors) -> dt.date | None:
    value = _text(section, field, f"document.{field}", errors)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.add(f"document.{field}", f"is not a date YYYY-MM-DD: {value!r}")
        return None


def _vehicle(
    section: dict[str, Any] | None, errors: _Errors, warnings: list[CheckWarning]
) -> VehicleQuery | None:
    if section is None:
        return None
    vin_raw = _text(section, "vin", "vehicle.vin", errors)
    plate_raw = _text(section, "plate", "vehicle.plate", errors)
    country_raw = _text(section, "plate_country", "vehicle.plate_country", errors)
    vin = plate = country = None
    if vin_raw:
        try:
            reading = parse_vin(vin_raw)
            vin = reading.vin
            warnings.extend(reading.warnings)
        except InvalidInput as error:
            errors.take("vehicle.vin", error)
    if plate_raw:
        try:
            plate = normalise_plate(plate_raw)
        except InvalidInput as error:
            errors.take("vehicle.plate", error)
        if not country_raw:
            errors.add("vehicle.plate_country", "is required with a plate")
    if country_raw:
        try:
            country = canonical_country(country_raw, field="plate_country")
        except InvalidInput as error:
            errors.take("vehicle.plate_country", error)
    if not vin_raw and not plate_raw:
        errors.add("vehicle.vin", "give a vin, or a plate with plate_country")
    return VehicleQuery(vin=vin, plate=plate, plate_country=country)


def _vessel(section: dict[str, Any] | None, errors: _Errors) -> VesselQuery | None:
    if section is None:
        return None
    imo_raw = _text(section, "imo", "vessel.imo", errors)
    hull_raw = _text(section, "hull_id", "vessel.hull_id", errors)
    imo = hull = None
    if imo_raw:
        try:
            imo = normalise_imo(imo_raw)
        except InvalidInput as error:
            errors.take("vessel.imo", error)
    if hull_raw:
        try:
            hull = normalise_hull_id(hull_raw)
        except InvalidInput as error:
            errors.take("vessel.hull_id", error)
    if not imo_raw and not hull_raw:
        errors.add("vessel.imo", "give an imo or a hull_id")
    return VesselQuery(imo=imo, hull_id=hull)


def _firearm(section: dict[str, Any] | None, errors: _Errors) -> FirearmQuery | None:
    if section is None:
        return None
    serial_raw = _text(section, "serial", "firearm.serial", errors)
    make = _text(section, "make", "firearm.make", errors)
    if not serial_raw:
        errors.add("firearm.serial", "is required")
        return None
    try:
        serial = normalise_serial(serial_raw, field="serial")
    except InvalidInput as error:
        errors.take("firearm.serial", error)
        return None
    return FirearmQuery(serial=serial, make=make.strip() if make else None)
