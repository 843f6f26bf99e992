"""The owners' restrictions on records, kept in memory for the checks' hit path.

The table is small (a restriction is an owner's exception, set record by record), so every
restriction is held in one dict. After ``refresh_seconds`` (0: on every use) one small query
asks whether the table changed, and only then are its rows read again; a write through this
process clears the dict at once. Checks without hits never look at it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import weakref
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, delete, insert, select, update

from frontline.domain.records import RecordKind
from frontline.domain.restrictions import Restriction, RestrictionMode
from frontline.domain.users import Principal, Role
from frontline.store import tables
from frontline.store.codecs import TABLES, naive_utc
from frontline.store.database import write_transaction
from frontline.store.repository import RecordStore
from frontline.store.security_tables import record_restrictions

__all__ = ["RestrictionStore", "restrictions_for"]

Key = tuple[str, str]


class RestrictionStore:
    def __init__(self, engine: Engine, *, refresh_seconds: float = 1.0) -> None:
        self.engine = engine
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._cached: tuple[float, int, dict[Key, Restriction]] | None = None

    def put(self, restriction: Restriction, *, set_by: str, now: dt.datetime) -> None:
        row = {
            "kind": restriction.kind,
            "record_id": restriction.record_id,
            "mode": restriction.mode.value,
            "countries": ",".join(sorted(restriction.countries)),
            "owner": restriction.owner,
            "set_by": set_by,
            "set_at": naive_utc(now),
        }
        table = record_restrictions
        with write_transaction(self.engine) as connection:  # one writer: delete, then insert
            connection.execute(
                delete(table).where(
                    table.c.kind == restriction.kind, table.c.record_id == restriction.record_id
                )
            )
            connection.execute(insert(table).values(**row))
            _count_change(connection)
            _touch(connection, restriction.kind, restriction.record_id, now)
        self.forget()

    def remove(self, kind: str, record_id: str, *, now: dt.datetime) -> bool:
        table = record_restrictions
        with write_transaction(self.engine) as connection:
            result = connection.execute(
                delete(table).where(table.c.kind == kind, table.c.record_id == record_id)
            )
            _count_change(connection)
            if result.rowcount:
                _touch(connection, kind, record_id, now)
        self.forget()
        return bool(result.rowcount)

    def get(self, kind: str, record_id: str) -> Restriction | None:
        return self.current().get((kind, record_id))

    def withheld(self, keys: Iterable[Key], country: str) -> set[Key]:
        """Of ``keys`` (kind, record id), those a caller acting for ``country`` may not see."""
        current = self.current()
        if not current:
            return set()
        return {key for key in keys if key in current and not current[key].allows(country)}

    def hidden_from(self, principal: Principal, keys: Iterable[Key]) -> set[Key]:
        """Of ``keys``, those ``principal`` may not see: none for an administrator (who runs
        the system; their reads are audited), else those withheld from its country."""
        if principal.role is Role.ADMIN:
            return set()
        return self.withheld(keys, principal.country)

    def current(self) -> dict[Key, Restriction]:
        cached = self._cached
        if cached is not None and time.monotonic() - cached[0] < self.refresh_seconds:
            return cached[2]
        table = record_restrictions
        with self.engine.connect() as connection:
            # Every write counts itself in frontline_settings: the rows are read again only
            # after a write (by any process).
            signature = connection.execute(_CHANGES).scalar() or 0
            if cached is not None and cached[1] == signature:
                fresh = cached[2]
            else:
                rows = connection.execute(
                    select(
                        table.c.kind, table.c.record_id, table.c.mode, table.c.countries
                    ).add_columns(table.c.owner)
                ).all()
                fresh = {(row[0], row[1]): _restriction(*row) for row in rows}
        with self._lock:
            self._cached = (time.monotonic(), signature, fresh)
        return fresh

    def forget(self) -> None:
        with self._lock:
            self._cached = None


_KEY = "restrictions"
_CHANGES = select(tables.settings_table.c.value).where(tables.settings_table.c.key == _KEY)


def _count_change(connection: Connection) -> None:
    counter = tables.settings_table
    changed = connection.execute(
        update(counter).where(counter.c.key == _KEY).values(value=counter.c.value + 1)
    )
    if not changed.rowcount:
        connection.execute(insert(counter).values(key=_KEY, value=1))


def _touch(connection: Connection, kind: str, record_id: str, now: dt.datetime) -> None:
    """Give the record the next version: the change feed then carries the restriction's
    change to offline nodes (a withdrawal, or the record again once it is lifted)."""
    table = TABLES[RecordKind(kind)]
    version = RecordStore.take_versions(connection, 1)
    connection.execute(
        update(table)
        .where(table.c.id == record_id)
        .values(version=version, updated_at=naive_utc(now))
    )


def _restriction(kind: str, record_id: str, mode: str, countries: str, owner: str) -> Restriction:
    return Restriction(
        kind=kind,
        record_id=record_id,
        mode=RestrictionMode(mode),
        countries=frozenset(filter(None, countries.split(","))),
        owner=owner,
    )


_STORES: weakref.WeakKeyDictionary[Engine, RestrictionStore] = weakref.WeakKeyDictionary()
_STORES_LOCK = threading.Lock()


def restrictions_for(engine: Engine, *, refresh_seconds: float = 1.0) -> RestrictionStore:
    """The one restriction store of ``engine`` in this process: checks, reads and writes
    share it, so a write here is seen by the next check here at once."""
    with _STORES_LOCK:
        store = _STORES.get(engine)
        if store is None:
            store = _STORES[engine] = RestrictionStore(engine, refresh_seconds=refresh_seconds)
        return store
