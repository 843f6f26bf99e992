"""Big files of documents go through a writer process: all or nothing all the same."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import inspect

from frontline.domain.records import RecordKind, TravelDocument
from frontline.errors import ImportRefused, StorageFailed
from frontline.records import importer
from frontline.records.importer import import_file
from frontline.records.writers import ProcessWriter
from frontline.services import Services
from tests.factories import blank_range, document


@pytest.fixture(autouse=True)
def every_file_is_big(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "PROCESS_WRITER_BYTES", 1)
    monkeypatch.setattr(importer, "CHUNK", 7)


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def _import(services: Services, path: Path):  # type: ignore[no-untyped-def]
    return import_file(
        store=services.store, kind=RecordKind.DOCUMENTS, path=path, now=services.clock()
    )


def test_a_big_file_is_written_whole_with_its_indexes_back(
    services: Services, tmp_path: Path
) -> None:
    rows: list[object] = [document(f"X{n:07d}", id=f"DOC-{n}") for n in range(30)]
    rows.append(blank_range("B0040000", "B0040999", country="ESP", id="DOC-R"))
    rows.append(document("X7777777", id="DOC-E", expires_at="2030-01-01T00:00:00Z"))
    report = _import(services, _jsonl(tmp_path / "docs.jsonl", rows))
    assert report.written == 32
    assert services.store.count(RecordKind.DOCUMENTS) == 32
    expiring = services.store.get(RecordKind.DOCUMENTS, "DOC-E")
    assert isinstance(expiring, TravelDocument)
    assert expiring.expires_at is not None
    assert expiring.expires_at.year == 2030
    assert expiring.reported_at is None
    names = {index["name"] for index in inspect(services.engine).get_indexes("documents")}
    assert {"ix_documents_number_key", "ix_documents_version", "ix_documents_range"} <= names


def test_a_big_file_with_a_bad_row_writes_nothing(services: Services, tmp_path: Path) -> None:
    rows: list[object] = [document(f"X{n:07d}", id=f"DOC-{n}") for n in range(30)]
    rows.append(document("X1", country="ZZZ"))
    with pytest.raises(ImportRefused):
        _import(services, _jsonl(tmp_path / "docs.jsonl", rows))
    assert services.store.count(RecordKind.DOCUMENTS) == 0


def test_a_writer_that_dies_leaves_nothing_written(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if services.engine.dialect.name != "sqlite":
        pytest.skip("big files go through a writer process on SQLite only")
    original = ProcessWriter.send
    sent = []

    def send_then_kill(self: ProcessWriter, rows: list[dict[str, object]]) -> None:
        original(self, rows)
        sent.append(len(rows))
        if len(sent) == 2:
            self._process.kill()
            self._process.wait()

    monkeypatch.setattr(ProcessWriter, "send", send_then_kill)
    rows: list[object] = [document(f"X{n:07d}", id=f"DOC-{n}") for n in range(40)]
    with pytest.raises(StorageFailed):
        _import(services, _jsonl(tmp_path / "docs.jsonl", rows))
    assert services.store.count(RecordKind.DOCUMENTS) == 0


def test_a_big_reimport_updates_in_place(services: Services, tmp_path: Path) -> None:
    first = [document(f"X{n:07d}", id=f"DOC-{n}") for n in range(20)]
    _import(services, _jsonl(tmp_path / "a.jsonl", list(first)))
    second = [document(f"X{n:07d}", id=f"DOC-{n}", status="revoked") for n in range(20)]
    _import(services, _jsonl(tmp_path / "b.jsonl", list(second)))
    record = services.store.get(RecordKind.DOCUMENTS, "DOC-3")
    assert isinstance(record, TravelDocument)
    assert record.status.value == "revoked"
    assert services.store.count(RecordKind.DOCUMENTS) == 20
