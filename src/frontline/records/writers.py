"""Where an import's validated rows go: straight into the caller's transaction, or, for a
big file of documents on SQLite, to a writer process that owns the transaction.

SQLite spends about as long inserting a row as Python spends reading and validating it,
and the GIL stops a thread from overlapping the two; a second process does, on a second
core. All or nothing holds either way: the writer commits only when told to, and rolls
back if the importer says so, dies, or goes away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
from typing import IO, Any, BinaryIO, Protocol

import orjson
from sqlalchemy import Table, func, select

from frontline.domain.records import RecordKind
from frontline.errors import StorageFailed
from frontline.store.codecs import TABLES
from frontline.store.database import WRITE_OPTION, make_engine
from frontline.store.dialect import deferred_indexes
from frontline.store.repository import RecordStore

__all__ = ["InlineWriter", "ProcessWriter", "RowWriter"]


class RowWriter(Protocol):
    def send(self, rows: list[dict[str, Any]]) -> None: ...

    def commit(self) -> int: ...

    def rollback(self) -> None: ...


class InlineWriter:
    """Writes each chunk at once, in one transaction on the caller's thread."""

    def __init__(self, store: RecordStore, kind: RecordKind, now: dt.datetime) -> None:
        self._store, self._kind, self._now = store, kind, now
        self._connection = store.engine.connect()
        self._connection.execution_options(**{WRITE_OPTION: True})
        self._transaction = self._connection.begin()
        self._written = 0

    def send(self, rows: list[dict[str, Any]]) -> None:
        self._written += self._store.upsert_in(self._connection, self._kind, rows, now=self._now)

    def commit(self) -> int:
        self._transaction.commit()
        self._connection.close()
        return self._written

    def rollback(self) -> None:
        if self._transaction.is_active:
            self._transaction.rollback()
        self._connection.close()


class ProcessWriter:
    """Sends chunks (as JSON) to a child process that writes them in one transaction.

    The child is ``python -m frontline.records.writers`` with length-prefixed frames on
    its standard input and output; a plain subprocess, so it never re-runs the caller's
    main module as multiprocessing's spawn would.
    """

    def __init__(self, url: str, kind: RecordKind, now: dt.datetime, *, expected_rows: int) -> None:
        command = [
            sys.executable,
            "-m",
            "frontline.records.writers",
            url,
            kind.value,
            now.isoformat(),
            str(expected_rows),
        ]
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._to_child: IO[bytes] = self._process.stdin
        self._from_child: IO[bytes] = self._process.stdout

    def send(self, rows: list[dict[str, Any]]) -> None:
        try:
            _write_frame(self._to_child, orjson.dumps(rows))
        except (BrokenPipeError, OSError):
            raise self._failure() from None

    def commit(self) -> int:
        try:
            _write_frame(self._to_child, b"commit")
            reply = orjson.loads(_read_frame(self._from_child) or b'{"error": "no reply"}')
        except (BrokenPipeError, OSError):
            raise self._failure() from None
        finally:
            self._close()
        if "error" in reply:
            raise StorageFailed(f"the import could not be written: {reply['error']}")
        return int(reply["written"])

    def rollback(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError, ValueError):
            _write_frame(self._to_child, b"rollback")
        self._close()

    def _failure(self) -> StorageFailed:
        self._close()
        return StorageFailed("the import's writer process stopped; nothing was written")

    def _close(self) -> None:
        with contextlib.suppress(OSError):
            self._to_child.close()
        try:
            self._process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._from_child.close()


def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(len(payload).to_bytes(8, "big"))
    stream.write(payload)
    stream.flush()


def _read_frame(stream: IO[bytes]) -> bytes | None:
    """The next frame, or None at the end of the stream (the other side went away)."""
    header = stream.read(8)
    if len(header) < 8:
        return None
    size = int.from_bytes(header, "big")
    payload = stream.read(size)
    return payload if len(payload) == size else None


def _write_rows(
    url: str,
    kind: RecordKind,
    now: dt.datetime,
    expected_rows: int,
    source: BinaryIO,
    reply: BinaryIO,
) -> None:
    """The writer process: one transaction, committed only on "commit"."""
    store = RecordStore(make_engine(url))
    written, error, message = 0, None, None
    with store.engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        transaction = connection.begin()
        # A bulk load reads the whole table back to build its indexes: keep it in memory.
        connection.exec_driver_sql("PRAGMA cache_size = -1048576")
        table = TABLES[kind]
        bulk = (
            deferred_indexes(connection, table)
            if expected_rows > 2 * _rows(connection, table)
            else contextlib.nullcontext()
        )
        with bulk:
            while (message := _read_frame(source)) not in (None, b"commit", b"rollback"):
                if error is None:
                    try:
                        rows = orjson.loads(message)
                        written += store.upsert_in(connection, kind, rows, now=now)
                    except Exception as failure:  # reported to the importer at commit
                        error = f"{type(failure).__name__}: {failure}"
        if message == b"commit" and error is None:
            transaction.commit()
            _write_frame(reply, orjson.dumps({"written": written}))
        else:  # rollback, a failure, or the importer went away: nothing is kept
            transaction.rollback()
            if message == b"commit":
                _write_frame(reply, orjson.dumps({"error": error}))
    store.engine.dispose()


def _rows(connection: Any, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


if __name__ == "__main__":
    _write_rows(
        sys.argv[1],
        RecordKind(sys.argv[2]),
        dt.datetime.fromisoformat(sys.argv[3]),
        int(sys.argv[4]),
        sys.stdin.buffer,
        sys.stdout.buffer,
    )
