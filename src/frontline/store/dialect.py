"""The one place where SQLite and PostgreSQL differ in the statements Frontline writes."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache
from operator import is_, itemgetter
from typing import Any

import orjson
from sqlalchemy import JSON, Connection, Date, DateTime, Index, Table, insert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateIndex, DropIndex

__all__ = [
    "PLAIN_DOCUMENT_COLUMNS",
    "bulk_upsert",
    "deferred_indexes",
    "insert_rows",
    "plain_document_row",
    "prepare_rows",
    "upsert_plain_documents",
    "write_prepared",
]

Prepared = list[tuple[tuple[bool, ...], list[list[Any]]]]
"""Rows made ready for SQLite: runs of (shape, value lists), JSON-safe."""

# Columns that are NULL together in most rows, by the column that tells: a row leaves a
# whole group out of its INSERT when that column is None. Binding a NULL costs SQLite about
# as much as binding a value, and a plain document row has eight of them.
_NULL_GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "documents": (
        ("number_from", "number_to", "range_prefix", "range_start", "range_end", "range_width"),
        ("number", "number_key"),
        ("expires_at",),
        ("reported_at",),
    ),
}
_DEFAULT_GROUPS: tuple[tuple[str, ...], ...] = (("expires_at",),)
_STAMPED = ("version", "created_at", "updated_at")

# A plain document row (a number, no range, no expiry) is most of an import; its values
# come as a tuple, already in the order and the form of the INSERT for its shape.
_PLAIN_SHAPE = (True, False, True, False)
PLAIN_DOCUMENT_COLUMNS = (
    *("id", "owner", "state", "action", "issuing_country", "country_key"),
    *("type", "status", "number", "number_key", "reported_at"),
)
"""The values of a plain document row, in this order (``reported_at`` as ISO text or None);
every other column of the row is NULL."""
_PLAIN_NULLS = dict.fromkeys(
    ("expires_at", "number_from", "number_to", "range_prefix", "range_start", "range_end"),
)
_PLAIN_NULLS["range_width"] = None
_ROWS_A_STATEMENT = (50, 8, 1)
"""Plain rows bound to one multi-row INSERT, largest first (what is left of a run goes in
smaller ones): the driver's fixed cost per statement, about a third of a one-row insert,
is paid once for them all."""


def bulk_upsert(
    connection: Connection,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    version: int,
    stamp: dt.datetime,
) -> None:
    """Insert or update ``rows`` by id, all with ``version``; ``stamp`` becomes updated_at
    (and created_at when the row is new: an update keeps it).

    SQLite takes plain value lists straight to the driver (see ``prepare_rows``);
    PostgreSQL takes the Core statement (psycopg pipelines executemany itself).
    """
    if connection.dialect.name == "sqlite":
        write_prepared(connection, table, prepare_rows(table, rows), version=version, stamp=stamp)
        return
    statement = pg_insert(table)
    excluded = statement.excluded
    update = {
        column.name: excluded[column.name]
        for column in table.columns
        if column.name not in ("rid", "id", "created_at")
    }
    params = [{**row, "version": version, "created_at": stamp, "updated_at": stamp} for row in rows]
    connection.execute(statement.on_conflict_do_update(index_elements=["id"], set_=update), params)


def upsert_plain_documents(
    connection: Connection,
    table: Table,
    values: Sequence[Any],
    *,
    version: int,
    stamp: dt.datetime,
) -> int:
    """``bulk_upsert`` for plain document rows given as their values one row after another
    (``PLAIN_DOCUMENT_COLUMNS`` each): on SQLite, bound as they are, many rows a statement.
    Returns the number of rows."""
    width = len(PLAIN_DOCUMENT_COLUMNS)
    count, rest = divmod(len(values), width)
    if rest:
        raise ValueError(f"{len(values)} values are not rows of {width}")
    if connection.dialect.name != "sqlite":
        rows = [
            plain_document_row(tuple(values[at : at + width]))
            for at in range(0, len(values), width)
        ]
        bulk_upsert(connection, table, rows, version=version, stamp=stamp)
        return count
    _check_plain_columns(table)
    stamp_text = _sqlite_datetime(stamp)
    done = 0
    for size in _ROWS_A_STATEMENT:
        end = done + (count - done) // size * size
        if end > done:
            statement = _sqlite_statement(table, _PLAIN_SHAPE, version, stamp_text, size)
            step = size * width
            batches = [values[at : at + step] for at in range(done * width, end * width, step)]
            _raw_executemany(connection, statement, batches)
            done = end
    return count


def plain_document_row(values: tuple[Any, ...]) -> dict[str, Any]:
    """A plain document row's values as the dict ``build_row`` gives for it."""
    row = dict(zip(PLAIN_DOCUMENT_COLUMNS, values, strict=True))
    reported = row["reported_at"]
    row["reported_at"] = dt.date.fromisoformat(reported) if reported is not None else None
    row.update(_PLAIN_NULLS)
    return row


def prepare_rows(table: Table, rows: Sequence[dict[str, Any]]) -> Prepared:
    """Rows as SQLite value lists, grouped in runs of one shape, in their order.

    SQLAlchemy's per-row parameter processing costs more than SQLite's own insert, and a
    bulk import needs 100,000 rows a second; so the values are converted here (dates to
    text, lists to JSON) and go to the driver's executemany as they are. The result is
    JSON-safe.
    """
    sentinels = _sentinels(table)
    nones = (None,) * len(_NULL_GROUPS.get(table.name, _DEFAULT_GROUPS))
    runs: Prepared = []
    current: list[list[Any]] | None = None
    shape: tuple[bool, ...] | None = None
    getter: Callable[[Any], Any] = itemgetter(0)
    conversions: tuple[tuple[int, Callable[[Any], Any]], ...] = ()
    for row in rows:
        row_shape = tuple(map(is_, sentinels(row), nones))
        if row_shape != shape:
            shape = row_shape
            getter, conversions = _getter(table, shape)
            current = []
            runs.append((shape, current))
        values = list(getter(row))
        for index, convert in conversions:
            if values[index] is not None:
                values[index] = convert(values[index])
        assert current is not None
        current.append(values)
    return runs


def write_prepared(
    connection: Connection, table: Table, prepared: Prepared, *, version: int, stamp: dt.datetime
) -> int:
    """Write prepared runs (SQLite only); returns the number of rows."""
    stamp_text = _sqlite_datetime(stamp)
    written = 0
    for shape, values in prepared:
        _raw_executemany(
            connection, _sqlite_statement(table, tuple(shape), version, stamp_text), values
        )
        written += len(values)
    return written


def _raw_executemany(connection: Connection, statement: str, values: Sequence[Any]) -> None:
    """executemany on the driver's own cursor, its errors raised as SQLAlchemy's, as if
    the statement had gone through Core."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(statement, values)
    except connection.dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            statement, None, error, connection.dialect.loaded_dbapi.Error
        ) from error
    finally:
        cursor.close()


@lru_cache(maxsize=256)
def _sqlite_datetime(value: dt.datetime | str) -> str:
    # SQLAlchemy's storage format for DateTime on SQLite, so Core reads these back.
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_date(value: dt.date | str) -> str:
    # A str is a date that came through JSON (a writer process): already ISO, as SQLite keeps it.
    return value if isinstance(value, str) else value.isoformat()


def _sqlite_json(value: Any) -> str:
    return orjson.dumps(value).decode()


@cache
def _sentinels(table: Table) -> Callable[[Any], tuple[Any, ...]]:
    names = [group[0] for group in _NULL_GROUPS.get(table.name, _DEFAULT_GROUPS)]
    getter = itemgetter(*names)
    if len(names) == 1:
        return lambda row: (getter(row),)
    return getter


def _conversions(columns: Sequence[Any]) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """(position, converter) of the columns whose Python values SQLite cannot store as they
    are: dates and times as text, lists and objects as JSON."""
    out: list[tuple[int, Callable[[Any], Any]]] = []
    for index, column in enumerate(columns):
        if isinstance(column.type, DateTime):
            out.append((index, _sqlite_datetime))
        elif isinstance(column.type, Date):
            out.append((index, _sqlite_date))
        elif isinstance(column.type, JSON):
            out.append((index, _sqlite_json))
    return tuple(out)


def _one(name: str) -> Callable[[Any], tuple[Any]]:
    return lambda row: (row[name],)


def _columns(table: Table, shape: tuple[bool, ...]) -> tuple[list[Any], set[str]]:
    groups = _NULL_GROUPS.get(table.name, _DEFAULT_GROUPS)
    omitted = {name for group, null in zip(groups, shape, strict=True) if null for name in group}
    columns = [
        column for column in table.columns if column.name not in ("rid", *_STAMPED, *omitted)
    ]
    return columns, omitted


@cache
def _getter(
    table: Table, shape: tuple[bool, ...]
) -> tuple[Callable[[Any], Any], tuple[tuple[int, Callable[[Any], Any]], ...]]:
    columns, _ = _columns(table, shape)
    names = [column.name for column in columns]
    getter: Callable[[Any], Any] = itemgetter(*names)
    if len(names) == 1:
        getter = _one(names[0])
    conversions = _conversions(columns)
    return getter, conversions


@cache
def _check_plain_columns(table: Table) -> None:
    """Refuse value tuples unless the plain shape's INSERT takes ``PLAIN_DOCUMENT_COLUMNS``
    in that order: the tuples are bound by position."""
    names = tuple(column.name for column in _columns(table, _PLAIN_SHAPE)[0])
    if table.name != "documents" or names != PLAIN_DOCUMENT_COLUMNS:
        raise TypeError(f"value tuples are plain document rows, not rows of {table.name}")


@lru_cache(maxsize=64)
def _sqlite_statement(
    table: Table, shape: tuple[bool, ...], version: int, stamp: str, rows: int = 1
) -> str:
    """The upsert of ``rows`` rows of one shape: the columns of groups it leaves NULL are
    left out of the INSERT and set to NULL on update. ``version`` and ``stamp`` are written
    into the text as literals: an int and a timestamp this module formatted, never input.
    A later row of the same id updates an earlier one, as in separate statements."""
    columns, omitted = _columns(table, shape)
    names = [column.name for column in columns]
    stamped = {"version": str(int(version)), "created_at": f"'{stamp}'", "updated_at": f"'{stamp}'"}
    updates = ", ".join(
        [
            f"{name} = excluded.{name}"
            for name in [*names, *_STAMPED]
            if name not in ("id", "created_at")
        ]
        + [f"{name} = NULL" for name in sorted(omitted)]
    )
    values = f"({', '.join(['?'] * len(names) + [stamped[name] for name in _STAMPED])})"
    return (
        f"INSERT INTO {table.name} ({', '.join([*names, *_STAMPED])}) "
        f"VALUES {', '.join([values] * rows)} ON CONFLICT (id) DO UPDATE SET {updates}"
    )


@contextlib.contextmanager
def deferred_indexes(connection: Connection, table: Table) -> Iterator[None]:
    """Drop ``table``'s secondary indexes for the block and build them again after it.

    For a bulk load into a table that holds little yet: SQLite builds an index from sorted
    rows several times faster than it keeps one up to date row by row. It runs inside the
    caller's transaction (SQLite's DDL is transactional), so readers keep the old indexes
    until the commit, and a rollback brings them back. Two kinds stay, as building them
    again would cost more: a partial index, which takes few of the rows (the ranges among
    documents), and one led by ``version``, to which a load only appends (each chunk takes
    a higher version). No-op on PostgreSQL.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    indexes = [index for index in table.indexes if _is_rebuilt_faster(index)]
    for index in indexes:
        connection.execute(DropIndex(index))
    yield
    # Let SQLite's sorter use a helper thread per core while it builds the indexes.
    connection.exec_driver_sql(f"PRAGMA threads = {os.cpu_count() or 1}")
    for index in indexes:
        connection.execute(CreateIndex(index))
    connection.exec_driver_sql("PRAGMA threads = 0")


def _is_rebuilt_faster(index: Index) -> bool:
    is_partial = index.dialect_options["sqlite"]["where"] is not None
    is_appended = next(iter(index.columns)).name == "version"
    return not (index.unique or is_partial or is_appended)


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Plain INSERT of many rows (the audit trail): on SQLite straight to the driver, for
    the same reason as ``prepare_rows``; elsewhere through Core."""
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), list(rows))
        return
    names, getter, conversions = _insert_plan(table)
    values = []
    for row in rows:
        items = list(getter(row))
        for index, convert in conversions:
            if items[index] is not None:
                items[index] = convert(items[index])
        values.append(items)
    statement = (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    )
    _raw_executemany(connection, statement, values)


@cache
def _insert_plan(
    table: Table,
) -> tuple[tuple[str, ...], Callable[[Any], Any], tuple[tuple[int, Callable[[Any], Any]], ...]]:
    # The autoincrement key is left to the database.
    columns = [column for column in table.columns if column is not table.autoincrement_column]
    names = tuple(column.name for column in columns)
    getter = itemgetter(*names)
    conversions = _conversions(columns)
    return names, getter, conversions
