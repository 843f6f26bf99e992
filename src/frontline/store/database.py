"""Engines and migrations for the two supported databases: embedded SQLite and PostgreSQL.

Dialect differences live here and in ``dialect.py`` and nowhere else.
"""

from __future__ import annotations

import fcntl
import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

__all__ = [
    "WRITE_OPTION",
    "bulk_cache",
    "is_sqlite",
    "make_engine",
    "migrate",
    "schema_revision",
    "write_transaction",
]

WRITE_OPTION = "frontline_write"

_MIGRATIONS = Path(__file__).parent / "migrations"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; for SQLite, makes the folder and sets WAL and safe pragmas."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL keeps readers (checks) running while one writer imports; NORMAL is durable
    # across process crashes in WAL mode, which is what a server needs.
    dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute(f"PRAGMA cache_size={_CACHE_KIB}")
    cursor.close()


# SQLite keeps a page cache per connection and a server pools up to 15 of them per worker:
# 128 MiB each grew a soaking server by 1 MiB a second (new audit pages) where 4 MiB held it
# flat (bench_soak). Ordinary connections keep a small cache, the file's pages staying in the
# OS's cache anyway; an import's connection takes a large one for as long as it writes.
_CACHE_KIB = -16384
_BULK_CACHE_KIB = -131072


def bulk_cache(connection: Connection, *, on: bool) -> None:
    """Give an import's SQLite connection a large page cache (``on``), or take it back and
    free its pages before the connection returns to the pool. Elsewhere a no-op."""
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql(f"PRAGMA cache_size={_BULK_CACHE_KIB if on else _CACHE_KIB}")
    if not on:
        connection.exec_driver_sql("PRAGMA shrink_memory")


def _sqlite_begin(connection: Any) -> None:
    # A write transaction takes the write lock at BEGIN, so two writers queue instead of one
    # failing mid-transaction with "database is locked"; a read begins deferred and never
    # blocks a writer (WAL).
    is_write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if is_write else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction: committed at the end, rolled back on error."""
    with _writer_turn(engine), engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            yield connection


@contextmanager
def _writer_turn(engine: Engine) -> Iterator[None]:
    """On a SQLite file, wait for the writer's turn on a lock file before BEGIN.

    SQLite makes a second writer poll with sleeps of up to 100 ms; two server processes
    writing audit entries then lose a third of their time asleep. A kernel lock wakes the
    next writer the moment the last one is done. Elsewhere (PostgreSQL) a no-op.
    """
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    descriptor = os.open(f"{database}.writer-lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it on an empty database)."""
    with write_transaction(engine) as connection:
        command.upgrade(_alembic_config(connection), "head")


@functools.cache
def head_revision() -> str | None:
    """The newest revision of the migrations this code ships."""
    return ScriptDirectory(str(_MIGRATIONS)).get_current_head()


def schema_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        row = connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return None if row is None else str(row[0])
