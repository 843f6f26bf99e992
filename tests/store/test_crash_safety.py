"""Crash safety: real processes killed with SIGKILL (their whole process group, as a power
cut would) during a large import, a batch screening and a run of record updates, on SQLite
(WAL) and PostgreSQL. After the kill the data is the old or the new, never a mix; what was
acknowledged (a result line received, an HTTP 200) is there; the work then goes on.
(The outbox and the offline node have their own kill tests: tests/hits/test_delivery_kill.py,
tests/sync/test_offline_node.py.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import create_engine, func, select, text

from bench.outbox_drill import free_port
from frontline.cli.common import local_operator
from frontline.domain.records import RecordKind
from frontline.records.importer import import_file
from frontline.screening.requests import parse_check_request
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store.tables import audit, cases, documents

pytestmark = pytest.mark.slow

OLD, NEW = 1_000, 30_000
SUBJECTS, HIT_EVERY = 3_000, 25


def _env(database_url: str, data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "FRONTLINE_DATA_DIR": str(data_dir)}
    env["FRONTLINE_DATABASE_URL"] = database_url
    env["FRONTLINE_DELIVER_NOTIFICATIONS"] = "false"
    return env


def _frontline(*args: str) -> list[str]:
    return [sys.executable, "-m", "frontline", *args]


def _spawn(command: list[str], env: dict[str, str], **options: Any) -> subprocess.Popen[bytes]:
    # A session of its own, so the kill takes its children too (the import's writer).
    return subprocess.Popen(command, env=env, start_new_session=True, **options)


def _kill(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def _wait_until(condition: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not so within {timeout} s")
        time.sleep(0.02)


@contextmanager
def _reopened(database_url: str, data_dir: Path) -> Iterator[Services]:
    """The store as a restarted service opens it (SQLite replays its WAL here)."""
    services = open_services(
        Settings(database_url=database_url, data_dir=data_dir), use_index=False
    )
    try:
        yield services
    finally:
        services.close()


def _write_documents(path: Path, count: int, *, status: str, action: str) -> None:
    rows = (
        orjson.dumps(
            {
                "id": f"CRASH-{n}",
                "owner": "FRA",
                "number": f"CR{n:07d}",
                "issuing_country": "FRA",
                "type": "passport",
                "status": status,
                "action": action,
            }
        )
        for n in range(count)
    )
    path.write_bytes(b"\n".join(rows) + b"\n")


def _writing_documents(engine: Any, database_url: str) -> bool:
    """Whether another process holds a write transaction open on the documents: on SQLite
    the write lock is taken (BEGIN IMMEDIATE cannot start); on PostgreSQL another backend
    holds a row-exclusive lock on this schema's documents table."""
    if database_url.startswith("sqlite"):
        probe = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
            return False
        except sqlite3.OperationalError:  # database is locked: a writer is mid-transaction
            return True
        finally:
            probe.close()
    query = text(
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
        " WHERE c.relname = 'documents' AND l.mode = 'RowExclusiveLock'"
        " AND c.relnamespace = current_schema()::regnamespace AND l.pid <> pg_backend_pid()"
    )
    with engine.connect() as connection:
        return bool(connection.execute(query).scalar_one())


def _document_states(services: Services) -> set[tuple[int, str, str]]:
    with services.engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(documents)).scalar_one()
        kinds = connection.execute(select(documents.c.status, documents.c.action).distinct())
        return {(int(count), str(status), str(action)) for status, action in kinds}


def test_an_import_killed_midway_leaves_the_old_records_and_a_rerun_writes_the_new(
    database_url: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    _write_documents(old, OLD, status="lost", action="old")
    _write_documents(new, OLD + NEW, status="stolen", action="new")  # the old ones changed too
    with _reopened(database_url, data) as services:
        import_file(store=services.store, kind=RecordKind.DOCUMENTS, path=old, now=services.clock())
    engine = create_engine(database_url)
    try:
        importing = _spawn(
            _frontline("import", "documents", str(new), "--json"), _env(database_url, data)
        )
        _wait_until(
            lambda: importing.poll() is not None or _writing_documents(engine, database_url),
            timeout=120,
        )
        assert importing.poll() is None, "the import ended before the kill: use a bigger file"
        time.sleep(0.3)  # well into the transaction: rows written, none committed
        _kill(importing)
    finally:
        engine.dispose()
    with _reopened(database_url, data) as services:
        # Killed mid-transaction this is the old state; were the commit to win the race, the
        # new one. Never a mix, never some of the new rows.
        assert _document_states(services) in (
            {(OLD, "lost", "old")},
            {(OLD + NEW, "stolen", "new")},
        )
    with _reopened(database_url, data) as services:  # restarted, the import runs whole
        import_file(store=services.store, kind=RecordKind.DOCUMENTS, path=new, now=services.clock())
        assert _document_states(services) == {(OLD + NEW, "stolen", "new")}


def _screen_world(tmp_path: Path, database_url: str, data: Path) -> Path:
    """Stolen documents for one subject in HIT_EVERY, and the subjects file to screen."""
    stolen = tmp_path / "stolen.jsonl"
    _write_documents(stolen, SUBJECTS // HIT_EVERY, status="stolen", action="seize")
    with _reopened(database_url, data) as services:
        import_file(
            store=services.store, kind=RecordKind.DOCUMENTS, path=stolen, now=services.clock()
        )
    subjects = tmp_path / "subjects.jsonl"
    rows = (
        {
            "id": n,
            "document_number": f"CR{n // HIT_EVERY:07d}" if n % HIT_EVERY == 0 else f"NO{n:07d}",
            "issuing_country": "FRA",
        }
        for n in range(SUBJECTS)
    )
    subjects.write_bytes(b"\n".join(orjson.dumps(row) for row in rows) + b"\n")
    return subjects


def _audited(services: Services) -> dict[str, str]:
    with services.engine.connect() as connection:
        found = connection.execute(
            select(audit.c.check_id, audit.c.verdict).where(audit.c.check_id.is_not(None))
        )
        return {str(check_id): str(verdict) for check_id, verdict in found}


def _case_checks(services: Services) -> set[str]:
    with services.engine.connect() as connection:
        return {str(row[0]) for row in connection.execute(select(cases.c.check_id))}


def test_a_batch_screening_killed_midway_keeps_every_result_it_gave_and_whole_chunks(
    database_url: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    subjects = _screen_world(tmp_path, database_url, data)
    env = _env(database_url, data)
    screening = _spawn(_frontline("screen", str(subjects)), env, stdout=subprocess.PIPE)
    assert screening.stdout is not None
    received = []
    while len(received) < 1_000:  # one chunk answered (it is written before it is printed)
        line = screening.stdout.readline()
        assert line, "the screening ended before the kill"
        received.append(orjson.loads(line))
    assert screening.poll() is None, "the screening ended before the kill: use more subjects"
    _kill(screening)
    received += [orjson.loads(line) for line in screening.stdout.read().splitlines()]
    screening.stdout.close()
    with _reopened(database_url, data) as services:
        audited, opened = _audited(services), _case_checks(services)
    # Every result the caller got is in the audit, and nothing else but whole chunks.
    assert {item["check_id"] for item in received} <= set(audited)
    assert len(audited) % 1_000 == 0
    assert len(audited) < SUBJECTS
    # Each audited hit opened its case in the same write; no case without its audit entry.
    assert opened == {check for check, verdict in audited.items() if verdict != "no_hit"}
    # Restarted, the screening goes on (here one chunk in this process, to keep it quick).
    with _reopened(database_url, data) as services:
        requests = [
            parse_check_request(
                {"document": {"number": f"NO{n:07d}", "country": "FRA"}},
                today=services.clock().date(),
            )
            for n in range(1_000)
        ]
        services.screening.check_batch(principal=local_operator(), requests=requests)
        assert len(_audited(services)) == len(audited) + 1_000


def _document(n: int) -> dict[str, Any]:
    """Version ``n`` of one record: the action and the report date change together."""
    return {
        "owner": "FRA",
        "number": "UPD0000001",
        "issuing_country": "FRA",
        "type": "passport",
        "status": "stolen",
        "action": f"version {n}",
        "reported_at": f"{2000 + n // 365:04d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
    }


def test_record_updates_acknowledged_before_a_kill_are_there_after_it_and_whole(
    database_url: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    with _reopened(database_url, data) as services:
        token = services.users.add(
            name="bureau-FRA", role="bureau", country="FRA", now=services.clock()
        ).token
    port = free_port()
    server = _spawn(
        _frontline("serve", "--port", str(port)),
        _env(database_url, data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"Authorization": f"Bearer {token}"}
    acknowledged = 0
    try:
        with httpx.Client(base_url=base, headers=headers, timeout=10) as client:
            _wait_until(lambda: _answers(client), timeout=60)
            created = client.post("/v1/records/documents", json={"id": "UPD-1", **_document(0)})
            assert created.status_code == 201, created.text
            killer = threading.Timer(1.5, _kill, args=(server,))
            killer.start()
            for n in range(1, 100_000):
                try:
                    response = client.put("/v1/records/documents/UPD-1", json=_document(n))
                except httpx.TransportError:
                    break
                assert response.status_code == 200, response.text
                acknowledged = n
            killer.join()
    finally:
        if server.poll() is None:
            _kill(server)
    assert acknowledged > 0
    with _reopened(database_url, data) as services, services.engine.connect() as connection:
        action, reported = connection.execute(
            select(documents.c.action, documents.c.reported_at).where(documents.c.id == "UPD-1")
        ).one()
    version = int(str(action).removeprefix("version "))
    assert acknowledged <= version <= acknowledged + 1  # the one in flight may have landed
    assert str(reported)[:10] == _document(version)["reported_at"]


def _answers(client: httpx.Client) -> bool:
    try:
        return client.get("/healthz").status_code == 200
    except httpx.TransportError:
        return False
