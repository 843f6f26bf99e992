"""The decrypted working copy: a Frontline SQLite database in the runtime folder (RAM).

It is rebuilt from the sealed files whenever it is missing (after a reboot) or belongs to
another snapshot, into a new generation file, and only then does ``current`` point to it:
checks keep using the old generation until the new one is complete. Deltas are applied to
the current generation in one transaction, so a check sees all of a delta or none of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from frontline.domain.records import RecordKind
from frontline.errors import NotFound, StorageFailed
from frontline.records.fast import fast_document_values
from frontline.records.kinds import build_row
from frontline.store import tables
from frontline.store.codecs import TABLES, naive_utc
from frontline.store.database import bulk_cache, make_engine, migrate, write_transaction
from frontline.store.dialect import (
    PLAIN_DOCUMENT_COLUMNS,
    deferred_indexes,
    upsert_plain_documents,
)
from frontline.store.repository import RecordStore
from frontline.sync.node import Node, write_atomically
from frontline.sync.sealing import NodeKey

__all__ = ["apply_lines", "database_url", "ensure_working_copy", "synced_version"]

_BATCH = 5000
_PLAIN_BATCH = _BATCH * len(PLAIN_DOCUMENT_COLUMNS)
_MARK = "synced_version"


def database_url(path: Path) -> str:
    return f"sqlite:///{path}"


def synced_version(path: Path) -> int:
    engine = make_engine(database_url(path))
    try:
        with engine.connect() as connection:
            row = connection.execute(
                select(tables.settings_table.c.value).where(tables.settings_table.c.key == _MARK)
            ).first()
        return int(row[0]) if row else 0
    finally:
        engine.dispose()


def ensure_working_copy(node: Node, state: dict[str, Any], key: NodeKey) -> Path:
    """The working copy's path, brought up to the sealed copy's version first."""
    copy = state.get("copy")
    if not copy:
        raise NotFound("this node has no copy yet: run `frontline node sync` while in range")
    runtime = node.runtime_dir(state)
    wanted = runtime / f"gen-{copy['generation']}.db"
    pointer = runtime / "current"
    with node.locked("working"):
        if pointer.exists() and pointer.read_text() == wanted.name and wanted.exists():
            have = synced_version(wanted)
            missing = [f for f in copy["files"] if f["type"] == "delta" and f["to"] > have]
            if missing:
                _apply_files(node, key, wanted, missing, fresh=False)
            return wanted
        for stale in (wanted, wanted.with_name(f"{wanted.name}-wal")):
            stale.unlink(missing_ok=True)
        _apply_files(node, key, wanted, copy["files"], fresh=True)
        write_atomically(pointer, wanted.name.encode())
        for old in runtime.glob("gen-*.db*"):
            if not old.name.startswith(wanted.name):
                old.unlink(missing_ok=True)
        return wanted


def current_copy(node: Node, state: dict[str, Any]) -> Path | None:
    """The working copy ``current`` points to, if any (for a serving node to reopen)."""
    runtime = node.runtime_dir(state)
    pointer = runtime / "current"
    return runtime / pointer.read_text() if pointer.exists() else None


def _apply_files(
    node: Node, key: NodeKey, database: Path, files: list[dict[str, Any]], *, fresh: bool
) -> None:
    """Apply ``files`` to ``database`` in one transaction (``fresh``: a new database, built
    as a bulk load); a full disk (or RAM) leaves the database as it was and says so."""
    try:
        _apply_in_one(node, key, database, files, fresh=fresh)
    except SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise StorageFailed(
            f"the working copy cannot be written ({cause}); the copy in force is unchanged"
        ) from error


def _apply_in_one(
    node: Node, key: NodeKey, database: Path, files: list[dict[str, Any]], *, fresh: bool
) -> None:
    engine = make_engine(database_url(database))
    try:
        migrate(engine)
        store = RecordStore(engine)
        with write_transaction(engine) as connection, contextlib.ExitStack() as bulk:
            if fresh:  # a load into empty tables: indexes built once, from sorted rows
                bulk_cache(connection, on=True)
                for table in TABLES.values():
                    bulk.enter_context(deferred_indexes(connection, table))
            for entry in files:
                sealed = node.copy_dir() / f"{entry['name']}.sealed"
                if not sealed.exists():
                    raise StorageFailed(f"the sealed copy lacks {entry['name']}: sync again")
                apply_lines(connection, store, _gunzip(key.read_file(sealed)))
                _mark(connection, int(entry["to"]))
    finally:
        engine.dispose()


def apply_lines(connection: Connection, store: RecordStore, lines: Iterable[bytes]) -> int:
    """Upsert every record of a snapshot or delta (its header first) by id; how many.

    A plain document (most of a copy) goes the way a big import's do: its values checked
    and normalised by the fast path, written many rows a statement; any other record is
    built field by field. Each record appears once in a file, so the two orders agree.
    """
    now = dt.datetime.now(dt.UTC)
    pending: dict[RecordKind, list[dict[str, Any]]] = {}
    plain: list[Any] = []  # plain documents' values, one row after another
    withdrawn: dict[RecordKind, list[str]] = {}  # ids of records restricted since
    count = 0
    iterator = iter(lines)
    header = orjson.loads(next(iterator))
    if header.get("format") != "frontline-sync/1":
        raise StorageFailed("not a Frontline sync file")
    for line in iterator:
        if not line.strip():
            continue
        item = orjson.loads(line)
        count += 1
        if "withdraw" in item:
            withdrawn.setdefault(RecordKind(item["kind"]), []).append(str(item["withdraw"]))
            continue
        if item["kind"] == "documents" and (values := fast_document_values(item["record"])):
            plain.extend(values)
            if len(plain) >= _PLAIN_BATCH:
                _write_plain(connection, store, plain, now)
                plain = []
            continue
        kind = RecordKind(item["kind"])
        pending.setdefault(kind, []).append(build_row(kind, item["record"]))
        if len(pending[kind]) >= _BATCH:
            store.upsert_in(connection, kind, pending.pop(kind), now=now)
    _write_plain(connection, store, plain, now)
    for kind, rows in pending.items():
        store.upsert_in(connection, kind, rows, now=now)
    for kind, ids in withdrawn.items():
        _withdraw(connection, kind, ids, now)
    return count


def _withdraw(connection: Connection, kind: RecordKind, ids: list[str], now: dt.datetime) -> None:
    """Records the owner restricted since: cancelled here, under a new version, so that the
    index stops hitting on them as on any cancellation."""
    table = TABLES[kind]
    version = RecordStore.take_versions(connection, 1)
    for start in range(0, len(ids), 500):
        connection.execute(
            update(table)
            .where(table.c.id.in_(ids[start : start + 500]))
            .values(state="cancelled", version=version, updated_at=naive_utc(now))
        )


def _write_plain(
    connection: Connection, store: RecordStore, values: list[Any], now: dt.datetime
) -> None:
    if values:
        version = store.take_versions(connection, 1)
        table = TABLES[RecordKind.DOCUMENTS]
        upsert_plain_documents(connection, table, values, version=version, stamp=now)


def _mark(connection: Connection, version: int) -> None:
    table = tables.settings_table
    done = connection.execute(update(table).where(table.c.key == _MARK).values(value=version))
    if done.rowcount == 0:
        connection.execute(insert(table).values(key=_MARK, value=version))


def _gunzip(chunks: Iterable[bytes]) -> Iterator[bytes]:
    with gzip.GzipFile(fileobj=_ChunkReader(iter(chunks))) as plain:
        yield from plain


class _ChunkReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (for gzip)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            try:
                self._buffer = next(self._chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size
