"""The record store: writes with versions, reads by id or by row key, the change feed.

Every write takes the next block of the global version counter inside its transaction.
The counter row is locked until commit (SQLite: the database write lock; PostgreSQL: the
row lock), so versions become visible in order and a reader polling ``version > N`` never
skips a write that commits late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, update

from frontline.domain.records import AnyRecord, RecordKind, RecordState
from frontline.errors import Conflict, NotFound
from frontline.identifiers.countries import country_key
from frontline.identifiers.docnumbers import fold_confusables
from frontline.store import tables
from frontline.store.codecs import TABLES, naive_utc, record_from_row
from frontline.store.database import write_transaction
from frontline.store.dialect import bulk_upsert
from frontline.store.fastread import SqliteRowReader

__all__ = ["RecordStore"]

_CHUNK = 5000


class RecordStore:
    """Reads and writes records of every kind; one instance per engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        database = engine.url.database
        is_file = engine.dialect.name == "sqlite" and database not in (None, "", ":memory:")
        self._fast = SqliteRowReader(engine) if is_file else None

    def close(self) -> None:
        if self._fast is not None:
            self._fast.close()
        self.engine.dispose()

    # -- versions -------------------------------------------------------------------------

    @staticmethod
    def take_versions(connection: Connection, count: int) -> int:
        """Reserve ``count`` versions; returns the first. Locks the counter until commit."""
        counter = tables.settings_table
        new_value = connection.execute(
            update(counter)
            .where(counter.c.key == "version")
            .values(value=counter.c.value + count)
            .returning(counter.c.value)
        ).scalar_one()
        return int(new_value) - count + 1

    def current_version(self) -> int:
        counter = tables.settings_table
        with self.engine.connect() as connection:
            value = connection.execute(
                select(counter.c.value).where(counter.c.key == "version")
            ).scalar_one()
        return int(value)

    # -- writes ---------------------------------------------------------------------------

    def upsert(self, kind: RecordKind, rows: Sequence[dict[str, Any]], *, now: dt.datetime) -> int:
        """Insert or update ``rows`` by id in one transaction: all of them, or none."""
        with write_transaction(self.engine) as connection:
            return self.upsert_in(connection, kind, rows, now=now)

    def upsert_in(
        self,
        connection: Connection,
        kind: RecordKind,
        rows: Sequence[dict[str, Any]],
        *,
        now: dt.datetime,
    ) -> int:
        if not rows:
            return 0
        table = TABLES[kind]
        version = self.take_versions(connection, 1)
        stamp = naive_utc(now)
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            bulk_upsert(connection, table, chunk, version=version, stamp=stamp)
            if kind is RecordKind.PERSONS:
                _write_person_documents(connection, chunk)
        return len(rows)

    def create(self, kind: RecordKind, row: dict[str, Any], *, now: dt.datetime) -> AnyRecord:
        table = TABLES[kind]
        with write_transaction(self.engine) as connection:
            if connection.execute(select(table.c.rid).where(table.c.id == row["id"])).first():
                raise Conflict(f"{kind.value} record {row['id']} already exists")
            self.upsert_in(connection, kind, [row], now=now)
            return self._get_in(connection, kind, row["id"])

    def replace(self, kind: RecordKind, row: dict[str, Any], *, now: dt.datetime) -> AnyRecord:
        with write_transaction(self.engine) as connection:
            self._get_in(connection, kind, row["id"])
            self.upsert_in(connection, kind, [row], now=now)
            return self._get_in(connection, kind, row["id"])

    def set_state(
        self, kind: RecordKind, record_id: str, state: RecordState, *, now: dt.datetime
    ) -> AnyRecord:
        table = TABLES[kind]
        with write_transaction(self.engine) as connection:
            self._get_in(connection, kind, record_id)
            version = self.take_versions(connection, 1)
            connection.execute(
                update(table)
                .where(table.c.id == record_id)
                .values(state=state.value, version=version, updated_at=naive_utc(now))
            )
            return self._get_in(connection, kind, record_id)

    # -- reads ----------------------------------------------------------------------------

    def get(self, kind: RecordKind, record_id: str) -> AnyRecord:
        with self.engine.connect() as connection:
            return self._get_in(connection, kind, record_id)

    def _get_in(self, connection: Connection, kind: RecordKind, record_id: str) -> AnyRecord:
        table = TABLES[kind]
        row = connection.execute(select(table).where(table.c.id == record_id)).first()
        if row is None:
            raise NotFound(f"no {kind.value} record {record_id}")
        return record_from_row(kind, row._mapping)

    def owners_of(self, kind: RecordKind, ids: Iterable[str]) -> dict[str, str]:
        """The current owner of each id that exists."""
        table = TABLES[kind]
        wanted = list(ids)
        out: dict[str, str] = {}
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 900):
                query = select(table.c.id, table.c.owner).where(
                    table.c.id.in_(wanted[start : start + 900])
                )
                out.update({row.id: row.owner for row in connection.execute(query)})
        return out

    def by_rids(self, kind: RecordKind, rids: Iterable[int]) -> list[tuple[int, AnyRecord]]:
        wanted = list(rids)
        if not wanted:
            return []
        table = TABLES[kind]
        if self._fast is not None:
            return [
                (row["rid"], record_from_row(kind, row)) for row in self._fast.rows(table, wanted)
            ]
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).where(table.c.rid.in_(wanted))).all()
        return [(row.rid, record_from_row(kind, row._mapping)) for row in rows]

    def search(
        self,
        kind: RecordKind,
        *,
        owner: str | None = None,
        state: RecordState | None = None,
        after: str | None = None,
        limit: int = 100,
    ) -> list[AnyRecord]:
        """Records ordered by id, ``limit`` at a time after the id ``after``."""
        table = TABLES[kind]
        query = select(table).order_by(table.c.id).limit(limit)
        if owner:
            query = query.where(table.c.owner == owner)
        if state:
            query = query.where(table.c.state == state.value)
        if after:
            query = query.where(table.c.id > after)
        with self.engine.connect() as connection:
            return [record_from_row(kind, row._mapping) for row in connection.execute(query)]

    def count(self, kind: RecordKind) -> int:
        table = TABLES[kind]
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    def count_changed(self, kind: RecordKind, *, since: int) -> int:
        """How many records were written after version ``since`` (by the version index)."""
        table = TABLES[kind]
        query = select(func.count()).select_from(table).where(table.c.version > since)
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar_one())

    def changed_batches(
        self, kind: RecordKind, *, since: int, columns: Sequence[str], batch: int = 50_000
    ) -> Iterator[list[Sequence[Any]]]:
        """Rows written after version ``since``, in (version, rid) order, in batches; each
        row is ``(rid, version, state, expires_at, *columns)``. JSON columns may come as
        text (a plain SQLite read): decode them where they are used.

        One write gives all its rows one version, so pages are cut on (version, rid).
        """
        names = ("rid", "version", "state", "expires_at", *columns)
        table = TABLES[kind]
        after: tuple[int, int] | None = None  # the last (version, rid) seen, once paging
        while True:
            if self._fast is not None:
                rows = self._fast.newer(table, names, since=since, after=after, limit=batch)
            else:
                rows = self._newer(table, names, since=since, after=after, limit=batch)
            if rows:
                yield rows
            if len(rows) < batch:
                return
            after = (int(rows[-1][1]), int(rows[-1][0]))

    def _newer(
        self,
        table: Any,
        names: Sequence[str],
        *,
        since: int,
        after: tuple[int, int] | None,
        limit: int,
    ) -> list[Sequence[Any]]:
        if after is None:
            newer = table.c.version > since
        else:
            version, rid = after
            newer = or_(
                table.c.version > version, and_(table.c.version == version, table.c.rid > rid)
            )
        query = (
            select(*(table.c[name] for name in names))
            .where(newer)
            .order_by(table.c.version, table.c.rid)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return list(connection.execute(query).all())


def _write_person_documents(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    persons = tables.persons
    links = tables.person_documents
    ids = [row["id"] for row in rows]
    rid_of = dict(
        connection.execute(select(persons.c.id, persons.c.rid).where(persons.c.id.in_(ids))).all()
    )
    connection.execute(delete(links).where(links.c.person_rid.in_(list(rid_of.values()))))
    params = [
        {
            "person_rid": rid_of[row["id"]],
            "number_key": fold_confusables(item["number"]),
            "country_key": country_key(item["issuing_country"]),
        }
        for row in rows
        for item in row["documents"]
    ]
    if params:
        connection.execute(insert(links), params)
