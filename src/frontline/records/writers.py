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
import gc
import marshal
import queue
import subprocess
import sys
import threading
from collections.abc import Sequence
from itertools import chain, groupby
from typing import IO, Any, BinaryIO, Protocol

import orjson
from sqlalchemy import Table, func, select
from sqlalchemy.exc import SQLAlchemyError

from frontline.domain.records import RecordKind
from frontline.errors import StorageFailed
from frontline.store.codecs import TABLES
from frontline.store.database import WRITE_OPTION, bulk_cache, make_engine
from frontline.store.dialect import (
    bulk_upsert,
    deferred_indexes,
    plain_document_row,
    upsert_plain_documents,
)
from frontline.store.repository import RecordStore

__all__ = ["InlineWriter", "ProcessWriter", "Row", "RowWriter"]

_QUEUED_FRAMES = 32
"""Chunks the importer may run ahead of the pipe (about a megabyte each): enough to cover
the child's start, a second in which the importer validates some 200,000 rows."""

Row = dict[str, Any] | tuple[Any, ...]
"""A validated row: a dict by column name, or a plain document row's values."""


class RowWriter(Protocol):
    def send(self, rows: Sequence[Row]) -> None: ...

    def commit(self) -> int: ...

    def rollback(self) -> None: ...


class InlineWriter:
    """Writes each chunk at once, in one transaction on the caller's thread."""

    def __init__(self, store: RecordStore, kind: RecordKind, now: dt.datetime) -> None:
        self._store, self._kind, self._now = store, kind, now
        self._connection = store.engine.connect()
        self._connection.execution_options(**{WRITE_OPTION: True})
        self._transaction = self._connection.begin()
        bulk_cache(self._connection, on=True)
        self._written = 0

    def send(self, rows: Sequence[Row]) -> None:
        dicts = [plain_document_row(row) if isinstance(row, tuple) else row for row in rows]
        self._written += self._store.upsert_in(self._connection, self._kind, dicts, now=self._now)

    def commit(self) -> int:
        self._transaction.commit()
        self._close()
        return self._written

    def rollback(self) -> None:
        if self._transaction.is_active:
            self._transaction.rollback()
        self._close()

    def _close(self) -> None:
        # A connection a failure broke is closed all the same; its cache goes with it.
        with contextlib.suppress(SQLAlchemyError):
            bulk_cache(self._connection, on=False)
        self._connection.close()


class ProcessWriter:
    """Sends chunks of document rows to a child process that writes them in one transaction.

    The child is ``python -m frontline.records.writers`` with length-prefixed frames on
    its standard input and output; a plain subprocess, so it never re-runs the caller's
    main module as multiprocessing's spawn would. A chunk travels as one ``marshal``
    frame of plain values (see ``send``), written to the pipe by a thread, so that the
    importer goes on validating while the child starts up or catches up.

    For its lifetime the writer pauses this process's garbage collector, as the index
    build does: a bulk import makes millions of short-lived objects and no cycles, and the
    collector's passes over everything else cost a tenth of the importer's time.
    """

    def __init__(self, url: str, kind: RecordKind, now: dt.datetime, *, expected_rows: int) -> None:
        if kind is not RecordKind.DOCUMENTS:
            raise ValueError(f"a writer process writes documents, not {kind.value}")
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
        self._frames: queue.Queue[bytes] = queue.Queue(maxsize=_QUEUED_FRAMES)
        self._is_broken = False
        self._pump = threading.Thread(target=self._pump_frames, name="import-pipe", daemon=True)
        self._pump.start()
        self._was_collecting = gc.isenabled()
        gc.disable()

    def send(self, rows: Sequence[Row]) -> None:
        """One frame for the chunk: its runs of plain rows (all their values in one tuple)
        and of other rows (dicts, their dates as ISO text), in order, so that the child
        does no work per row.

        marshal, not JSON: the child decodes a plain row in a quarter of the time (and a
        text seen before in the chunk travels once), and the child's time is what a bulk
        import waits for. It is safe here: both ends are this interpreter, and the frame
        holds only str, int, bool and None, in tuples, lists and dicts.
        """
        if self._is_broken:
            raise self._failure()
        frame = [
            (True, tuple(chain.from_iterable(run)))
            if kind is tuple
            else (False, [_json_safe(row) for row in run])
            for kind, run in groupby(rows, key=type)
        ]
        self._frames.put(marshal.dumps(frame))

    def commit(self) -> int:
        try:
            self._finish(b"commit")
            if self._is_broken:
                raise self._failure()
            reply = orjson.loads(_read_frame(self._from_child) or b'{"error": "no reply"}')
        except OSError:
            raise self._failure() from None
        finally:
            self._close()
        if "error" in reply:
            raise StorageFailed(f"the import could not be written: {reply['error']}")
        return int(reply["written"])

    def rollback(self) -> None:
        self._finish(b"rollback")
        self._close()

    def _pump_frames(self) -> None:
        """The pipe thread: writes the queued frames until the last ("commit" or
        "rollback"); after a failed write it only drains the queue, so no sender blocks."""
        while True:
            frame = self._frames.get()
            if not self._is_broken:
                try:
                    _write_frame(self._to_child, frame)
                except (OSError, ValueError):  # the child went away, or the pipe is closed
                    self._is_broken = True
            if frame in (b"commit", b"rollback"):
                return

    def _finish(self, last: bytes) -> None:
        """Queue the last frame and wait until the thread has written everything."""
        if self._pump.is_alive():
            self._frames.put(last)
            self._pump.join()

    def _failure(self) -> StorageFailed:
        self._finish(b"rollback")
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
        if self._was_collecting:
            self._was_collecting = False
            gc.enable()


def _json_safe(row: Row) -> Any:
    return orjson.loads(orjson.dumps(row))


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
    """The writer process: one transaction, committed only on "commit"; one version a chunk,
    as ``RecordStore.upsert_in`` takes."""
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
                        written += _write_runs(store, connection, table, message, now)
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


def _write_runs(
    store: RecordStore, connection: Any, table: Table, frame: bytes, now: dt.datetime
) -> int:
    """One chunk from ``ProcessWriter.send``, under one version."""
    version = store.take_versions(connection, 1)
    written = 0
    for is_plain, rows in marshal.loads(frame):
        if is_plain:
            written += upsert_plain_documents(connection, table, rows, version=version, stamp=now)
        else:
            bulk_upsert(connection, table, rows, version=version, stamp=now)
            written += len(rows)
    return written


def _rows(connection: Any, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


if __name__ == "__main__":
    gc.disable()  # one transaction, no garbage cycles: the collector would only scan
    _write_rows(
        sys.argv[1],
        RecordKind(sys.argv[2]),
        dt.datetime.fromisoformat(sys.argv[3]),
        int(sys.argv[4]),
        sys.stdin.buffer,
        sys.stdout.buffer,
    )
