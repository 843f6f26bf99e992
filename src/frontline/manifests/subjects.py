"""Manifest travellers (PAXLST, or the rows of a JSON-lines or CSV file) as raw check
requests, with what the result shows of each traveller. Pure."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, replace
from typing import Any

import orjson

from frontline.domain.queries import CheckRequest
from frontline.errors import FieldError, InvalidInput
from frontline.manifests.model import Manifest, ManifestWarning, Traveller
from frontline.screening.requests import parse_check_request
from frontline.screening.subjects import subject_id, subject_request

__all__ = [
    "ManifestSource",
    "TravellerItem",
    "paxlst_source",
    "request_for",
    "rows_source",
]

MORE = "more_documents"


@dataclass(frozen=True, slots=True, kw_only=True)
class TravellerItem:
    """One traveller to screen: its position, what the result shows of it, and the raw check
    request (``document`` and ``person``, plus ``more_documents`` when it carries several)."""

    position: int
    traveller: dict[str, Any]
    raw: dict[str, Any] | None
    errors: tuple[FieldError, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ManifestSource:
    """A manifest ready to screen, whatever format it came in."""

    format: str
    reference: str | None
    flight: dict[str, Any] | None
    arrives_at: dt.datetime | None
    items: tuple[TravellerItem, ...]
    warnings: tuple[ManifestWarning, ...] = ()


def paxlst_source(manifest: Manifest) -> ManifestSource:
    return ManifestSource(
        format=manifest.format,
        reference=manifest.reference,
        flight=manifest.flight_dict(),
        arrives_at=manifest.arrives_at,
        items=tuple(_paxlst_item(traveller) for traveller in manifest.travellers),
        warnings=manifest.warnings,
    )


def _paxlst_item(traveller: Traveller) -> TravellerItem:
    shown = traveller.as_dict()
    shown["name"] = traveller.name
    # The document checked first (the first with a number), besides the full list.
    numbered = [document for document in traveller.documents if document.number]
    shown["document"] = numbered[0].as_dict() if numbered else None
    raw: dict[str, Any] = {}
    person = {
        "name": traveller.name,
        "birth_date": traveller.birth_date.isoformat() if traveller.birth_date else None,
        "sex": traveller.sex if traveller.sex in ("M", "F") else None,
        "nationality": traveller.nationality,
    }
    if traveller.name:
        raw["person"] = {key: value for key, value in person.items() if value}
    documents = [
        {
            key: value
            for key, value in (
                ("number", document.number),
                # A document without its issuing country is checked under the nationality.
                ("country", document.issuing_country or traveller.nationality),
                ("type", document.type),
            )
            if value
        }
        for document in traveller.documents
        if document.number
    ]
    if documents:
        raw["document"] = documents[0]
    if len(documents) > 1:
        raw[MORE] = documents[1:]
    if not raw:
        error = FieldError(
            f"travellers[{traveller.position}]", "has neither a name nor a document number"
        )
        return TravellerItem(
            position=traveller.position, traveller=shown, raw=None, errors=(error,)
        )
    return TravellerItem(position=traveller.position, traveller=shown, raw=raw)


def request_for(raw: dict[str, Any], *, today: dt.date, prefix: str = "") -> CheckRequest:
    """The check request of one traveller: its person and every document it carries."""
    main = {key: value for key, value in raw.items() if key != MORE}
    request = parse_check_request(main, today=today, prefix=prefix)
    extra = raw.get(MORE) or []
    if not extra:
        return request
    documents = list(request.documents)
    for index, document in enumerate(extra, start=2):
        more = parse_check_request({"document": document}, today=today, prefix=f"{prefix}#{index}.")
        documents.extend(item for item in more.documents if item not in documents)
    return replace(request, documents=tuple(documents))


def rows_source(data: bytes, *, format: str) -> ManifestSource:
    """Subject rows (``frontline screen``'s JSON lines or CSV) as a manifest without flight."""
    rows = _json_rows(data) if format == "jsonl" else _csv_rows(data)
    items = []
    for line, row in rows:
        shown = dict(row) if isinstance(row, dict) else {"row": row}
        try:
            if isinstance(row, dict):
                subject_id(row)
            raw = subject_request(row)
        except InvalidInput as error:
            found = error.errors or [FieldError("(row)", error.message)]
            errors = tuple(FieldError(f"line {line}: {e.field}", e.message) for e in found)
            items.append(TravellerItem(position=line, traveller=shown, raw=None, errors=errors))
            continue
        items.append(TravellerItem(position=line, traveller=shown, raw=raw))
    return ManifestSource(
        format=format, reference=None, flight=None, arrives_at=None, items=tuple(items)
    )


def _json_rows(data: bytes) -> list[tuple[int, Any]]:
    rows: list[tuple[int, Any]] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, orjson.loads(line)))
        except orjson.JSONDecodeError as error:
            raise InvalidInput.for_field(f"line {number}", f"not valid JSON: {error}") from None
    return rows


def _csv_rows(data: bytes) -> list[tuple[int, Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput.for_field("(body)", f"is not UTF-8 text: {error}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, Any]] = []
    try:
        for row in reader:
            if None in row:
                raise InvalidInput.for_field(
                    f"line {reader.line_num}", "has more cells than the header"
                )
            rows.append((reader.line_num, {key.strip(): value for key, value in row.items()}))
    except csv.Error as error:
        raise InvalidInput.for_field(f"line {reader.line_num}", f"broken CSV: {error}") from None
    return rows
