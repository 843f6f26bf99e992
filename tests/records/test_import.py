"""File imports: JSON lines and CSV, all or nothing, every bad row named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline.domain.records import RecordKind, TravelDocument
from frontline.errors import ImportRefused, InvalidInput
from frontline.records.importer import import_file
from frontline.services import Services
from tests.factories import document, person


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def _import(services: Services, kind: str, path: Path, **options: bool):  # type: ignore[no-untyped-def]
    return import_file(
        store=services.store, kind=RecordKind(kind), path=path, now=services.clock(), **options
    )


def test_a_jsonl_import_writes_every_row(services: Services, tmp_path: Path) -> None:
    rows = [document(f"X{n:07d}", id=f"DOC-{n}") for n in range(25)]
    report = _import(services, "documents", _jsonl(tmp_path / "docs.jsonl", rows))
    assert (report.read, report.written, report.errors) == (25, 25, [])
    assert services.store.count(RecordKind.DOCUMENTS) == 25


def test_a_bad_row_refuses_the_whole_file_and_names_every_bad_row(
    services: Services, tmp_path: Path
) -> None:
    rows = [
        document("X1", id="DOC-1"),
        document("X2", id="DOC-2", country="ZZZ"),
        document("X3", id="DOC-3", reported_at="2026-02-30"),
        document("X4", id="DOC-4", colour="red"),
    ]
    with pytest.raises(ImportRefused) as refused:
        _import(services, "documents", _jsonl(tmp_path / "docs.jsonl", rows))
    named = {(error.line, error.field) for error in refused.value.errors}
    assert named == {(2, "issuing_country"), (2, "owner"), (3, "reported_at"), (4, "colour")}
    assert services.store.count(RecordKind.DOCUMENTS) == 0


def test_a_refused_import_writes_nothing_even_past_the_first_chunk(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("frontline.records.importer.CHUNK", 10)
    rows: list[object] = [document(f"X{n:07d}", id=f"DOC-{n}") for n in range(35)]
    rows.append({"id": "BAD"})
    with pytest.raises(ImportRefused):
        _import(services, "documents", _jsonl(tmp_path / "docs.jsonl", rows))
    assert services.store.count(RecordKind.DOCUMENTS) == 0


def test_skip_invalid_writes_the_good_rows_and_reports_the_bad(
    services: Services, tmp_path: Path
) -> None:
    rows = [document("X1", id="DOC-1"), {"id": "DOC-2", "number": "X2"}, document("X3", id="DOC-3")]
    report = _import(services, "documents", _jsonl(tmp_path / "d.jsonl", rows), skip_invalid=True)
    assert report.written == 2
    assert report.skipped == 1
    assert {error.line for error in report.errors} == {2}


def test_broken_json_is_reported_with_its_line(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(orjson.dumps(document("X1")) + b"\n{not json\n")
    with pytest.raises(ImportRefused) as refused:
        _import(services, "documents", path)
    assert refused.value.errors[0].line == 2
    assert "JSON" in refused.value.errors[0].message


def test_reimporting_the_same_ids_updates_in_place(services: Services, tmp_path: Path) -> None:
    _import(services, "documents", _jsonl(tmp_path / "a.jsonl", [document("X1", id="DOC-1")]))
    _import(
        services,
        "documents",
        _jsonl(tmp_path / "b.jsonl", [document("X1", id="DOC-1", status="revoked")]),
    )
    record = services.store.get(RecordKind.DOCUMENTS, "DOC-1")
    assert isinstance(record, TravelDocument)
    assert record.status.value == "revoked"
    assert services.store.count(RecordKind.DOCUMENTS) == 1


def test_a_csv_import_reads_lists_and_linked_documents(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "persons.csv"
    path.write_text(
        "id,type,name,aliases,birth_date,sex,nationalities,owner,reason,action,documents\n"
        "PER-1,red,Иван Петров,Ivan Petrov;Iwan Petrow,1974-08,M,RUS;UKR,RUS,Fraud,Arrest,"
        "751234567:RUS:passport\n",
        encoding="utf-8",
    )
    report = _import(services, "persons", path)
    assert report.written == 1
    record = services.store.get(RecordKind.PERSONS, "PER-1")
    assert record.aliases == ("Ivan Petrov", "Iwan Petrow")  # type: ignore[union-attr]
    assert record.nationalities == ("RUS", "UKR")  # type: ignore[union-attr]
    assert record.documents[0].number == "751234567"  # type: ignore[union-attr]
    assert str(record.birth_date) == "1974-08"  # type: ignore[union-attr]


def test_a_csv_row_with_extra_cells_is_refused(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_text(
        "id,number,issuing_country,type,status,owner\nDOC-1,X1,FRA,passport,stolen,FRA,surplus\n"
    )
    with pytest.raises(ImportRefused) as refused:
        _import(services, "documents", path)
    assert refused.value.errors[0].line == 2


def test_an_unknown_file_type_is_refused(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "docs.xml"
    path.write_text("<docs/>")
    with pytest.raises(InvalidInput):
        _import(services, "documents", path)


def test_person_rows_validate_every_field(services: Services, tmp_path: Path) -> None:
    bad = person(type="mauve", birth_date="1974-13-01", nationalities=["QQQ"], sex="Z")
    with pytest.raises(ImportRefused) as refused:
        _import(services, "persons", _jsonl(tmp_path / "p.jsonl", [bad]))
    fields = {error.field for error in refused.value.errors}
    assert {"type", "birth_date", "nationalities[0]", "sex"} <= fields


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(max_size=400)
    | st.lists(st.text(max_size=60), max_size=6).map(lambda lines: "\n".join(lines).encode()),
    suffix=st.sampled_from([".jsonl", ".csv"]),
    kind=st.sampled_from(list(RecordKind)),
)
def test_no_file_makes_an_import_raise_anything_but_its_own_errors(
    tmp_path: Path, content: bytes, suffix: str, kind: RecordKind
) -> None:
    from frontline.store.database import make_engine, migrate
    from frontline.store.repository import RecordStore

    database = tmp_path / "fuzz.db"
    store = RecordStore(make_engine(f"sqlite:///{database}"))
    migrate(store.engine)
    path = tmp_path / f"rows{suffix}"
    path.write_bytes(content)
    try:
        report = import_file(store=store, kind=kind, path=path, now=dt.datetime.now(dt.UTC))
        assert report.errors == []
    except (ImportRefused, InvalidInput):
        pass
    finally:
        store.close()
