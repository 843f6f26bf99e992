"""Import rows: JSON-ready, without None, faithful to the records, accepted by the importer."""

from __future__ import annotations

import datetime as dt
import json
from itertools import islice
from typing import Any

import pytest

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
    Sex,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.records.kinds import FIELDS, build_row
from frontline.synth import World, document_rows, generate_world, iter_documents, to_row, world_rows

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(size=2000, seed=8, today=TODAY)


def from_row(kind: RecordKind, row: dict[str, Any]) -> AnyRecord:
    """The record a row describes, read back by hand: the inverse the contract promises."""
    fields = dict(row)
    if kind is RecordKind.DOCUMENTS:
        fields["type"] = DocumentType(fields["type"])
        fields["status"] = DocumentStatus(fields["status"])
        fields["reported_at"] = dt.date.fromisoformat(fields["reported_at"])
        return TravelDocument(**fields)
    if kind is RecordKind.PERSONS:
        fields["type"] = NoticeType(fields["type"])
        fields["sex"] = Sex(fields["sex"])
        fields["aliases"] = tuple(fields["aliases"])
        fields["nationalities"] = tuple(fields["nationalities"])
        fields["birth_date"] = PartialDate.parse(fields["birth_date"])
        fields["documents"] = tuple(
            LinkedDocument(
                number=d["number"],
                issuing_country=d["issuing_country"],
                type=DocumentType(d["type"]),
            )
            for d in fields["documents"]
        )
        return Person(**fields)
    fields["status"] = ObjectStatus(fields["status"])
    if kind is RecordKind.VEHICLES:
        return Vehicle(**fields)
    if kind is RecordKind.VESSELS:
        fields["engine_serials"] = tuple(fields["engine_serials"])
        return Vessel(**fields)
    return Firearm(**fields)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_rows_are_json_and_round_trip(world: World, kind: RecordKind) -> None:
    for record in world.records(kind):
        row = to_row(record)
        assert json.loads(json.dumps(row, ensure_ascii=False)) == row
        assert from_row(kind, json.loads(json.dumps(row))) == record


@pytest.mark.parametrize("kind", list(RecordKind))
def test_rows_leave_out_none_and_name_only_import_fields(world: World, kind: RecordKind) -> None:
    for row in world_rows(world, kind):
        assert None not in row.values()
        assert set(row) <= FIELDS[kind]
        assert "state" not in row


def test_a_document_row() -> None:
    row = to_row(next(iter_documents(count=1, seed=1, today=TODAY)))
    assert list(row) == [
        "id", "number", "issuing_country", "type", "status", "owner", "reported_at", "action",
    ]  # fmt: skip
    assert row["id"] == "DOC-000001"
    assert isinstance(row["reported_at"], str)


def test_a_blank_batch_row_has_its_range_and_no_number(world: World) -> None:
    batch = next(d for d in world.documents if d.number is None)
    row = to_row(batch)
    assert "number" not in row
    assert (row["number_from"], row["number_to"]) == (batch.number_from, batch.number_to)


def test_a_person_row_lists_its_documents(world: World) -> None:
    person = next(p for p in world.persons if p.documents)
    row = to_row(person)
    assert isinstance(row["aliases"], list)
    assert row["documents"][0] == {
        "number": person.documents[0].number,
        "issuing_country": person.documents[0].issuing_country,
        "type": person.documents[0].type.value,
    }


def test_streamed_rows_are_the_rows_of_the_streamed_documents() -> None:
    streamed = list(document_rows(count=3000, seed=4, today=TODAY))
    built = [to_row(d) for d in iter_documents(count=3000, seed=4, today=TODAY)]
    assert streamed == built


def test_streamed_rows_can_leave_batches_out() -> None:
    rows = document_rows(count=3000, seed=4, today=TODAY, include_ranges=False)
    assert all("number" in row for row in rows)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_the_importer_accepts_every_row(world: World, kind: RecordKind) -> None:
    for line, row in enumerate(islice(world_rows(world, kind), 1000), start=1):
        built = build_row(kind, row, line=line)
        assert built["id"] == row["id"]
