"""Reading a few rows by row id on the hit path, without SQLAlchemy's per-call overhead.

A hit fetches its records by rid: through SQLAlchemy Core that costs about 250 us on
SQLite, almost all of it in the library (connection checkout, autobegin, compilation
cache, result setup) rather than in SQLite. For SQLite this reader keeps one plain
``sqlite3`` connection per thread, in autocommit and query-only mode (each SELECT reads
one consistent snapshot and ends its own transaction, so WAL checkpoints are never held
back), and decodes the few columns SQLAlchemy would have converted. PostgreSQL keeps the
SQLAlchemy path: there the network, not the library, dominates.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

import orjson
from sqlalchemy import JSON, Date, DateTime, Engine, Table

__all__ = ["SqliteRowReader"]


class SqliteRowReader:
    """Rows of a table by rid, as dicts with Python values (dates, times, lists)."""

    def __init__(self, engine: Engine) -> None:
        database = engine.url.database
        if engine.dialect.name != "sqlite" or not database or database == ":memory:":
            raise ValueError("SqliteRowReader needs a SQLite file database")
        self._path = database
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
            connection.execute("PRAGMA query_only = 1")
            connection.execute("PRAGMA busy_timeout = 30000")
            connection.row_factory = sqlite3.Row
            self._local.connection = connection
            with self._lock:
                self._opened.append(connection)
        return connection

    def close(self) -> None:
        """Close every thread's connection (the reader opens new ones if used again)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for connection in opened:
            connection.close()
        self._local = threading.local()

    def rows(self, table: Table, rids: Sequence[int]) -> list[dict[str, Any]]:
        placeholders = ", ".join("?" * len(rids))
        cursor = self._connection().execute(
            f"SELECT * FROM {table.name} WHERE rid IN ({placeholders})", tuple(rids)
        )
        decoders = _decoders(table)
        out = []
        for row in cursor.fetchall():
            values = dict(zip(row.keys(), row, strict=True))
            for name, decode in decoders:
                if values[name] is not None:
                    values[name] = decode(values[name])
            out.append(values)
        return out

    def newer(
        self,
        table: Table,
        names: Sequence[str],
        *,
        since: int,
        after: tuple[int, int] | None,
        limit: int,
    ) -> list[Sequence[Any]]:
        """A page of the change feed as plain tuples (JSON and times left as text)."""
        columns = ", ".join(names)
        params: tuple[int, ...]
        if after is None:
            where, params = "version > ?", (since, limit)
        else:
            where = "version > ? OR (version = ? AND rid > ?)"
            params = (after[0], after[0], after[1], limit)
        cursor = self._connection().cursor()
        cursor.row_factory = None
        try:
            return cursor.execute(
                f"SELECT {columns} FROM {table.name} WHERE {where} ORDER BY version, rid LIMIT ?",
                params,
            ).fetchall()
        finally:
            cursor.close()


def _datetime(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@cache
def _decoders(table: Table) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    out: list[tuple[str, Callable[[Any], Any]]] = []
    for column in table.columns:
        if isinstance(column.type, DateTime):
            out.append((column.name, _datetime))
        elif isinstance(column.type, Date):
            out.append((column.name, _date))
        elif isinstance(column.type, JSON):
            out.append((column.name, orjson.loads))
    return tuple(out)
