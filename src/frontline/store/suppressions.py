"""The suppression store: decided false hits, their history, and a change counter.

Every write bumps the ``suppressions`` counter row inside its transaction, so a server that
caches the active set reads one row to learn whether it changed (``version``). The counter
row is locked until commit, which also serialises suppression writes on PostgreSQL. The
audit entry of a write goes in the same transaction: a suppression never exists unaudited.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, Row, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from frontline.domain.records import RecordKind
from frontline.domain.suppressions import Suppression
from frontline.domain.users import Principal
from frontline.errors import Conflict, NotFound, StorageFailed
from frontline.store import tables
from frontline.store.audit import append_in
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction

__all__ = ["ActivePair", "SuppressionStore"]

ActivePair = tuple[str, str, str]
"""(subject key, record kind, record id) of an active suppression."""

_COUNTER = "suppressions"


class SuppressionStore:
    """Reads and writes suppressions; one instance per engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writes ---------------------------------------------------------------------------

    def add(self, suppression: Suppression, *, principal: Principal) -> Suppression:
        """Store a new suppression and its audit entry; Conflict if the same subject and
        record already have an active one."""
        table = tables.suppressions
        try:
            with write_transaction(self.engine) as connection:
                version = _take_version(connection)
                if connection.execute(_active_query(suppression)).first() is not None:
                    raise Conflict(_duplicate_message(suppression))
                connection.execute(insert(table).values(**_row(suppression), version=version))
                _audit(connection, principal, "suppression_created", suppression)
        except IntegrityError as error:  # a racing writer got there first
            raise Conflict(_duplicate_message(suppression)) from error
        except SQLAlchemyError as error:
            raise StorageFailed("the suppression could not be stored") from error
        return suppression

    def reverse(
        self, suppression_id: str, *, principal: Principal, at: dt.datetime, reason: str
    ) -> Suppression:
        """Mark a suppression reversed (the row stays, as history) and audit it."""
        table = tables.suppressions
        try:
            with write_transaction(self.engine) as connection:
                version = _take_version(connection)
                current = self._get_in(connection, suppression_id)
                done = current.reversed(by=principal.name, at=at, reason=reason)
                connection.execute(
                    update(table)
                    .where(table.c.id == suppression_id)
                    .values(
                        reversed_by=done.reversed_by,
                        reversed_at=naive_utc(at),
                        reversed_reason=done.reversed_reason,
                        version=version,
                    )
                )
                _audit(connection, principal, "suppression_reversed", done)
        except SQLAlchemyError as error:
            raise StorageFailed("the reversal could not be stored") from error
        return done

    # -- reads ----------------------------------------------------------------------------

    def get(self, suppression_id: str) -> Suppression:
        with self.engine.connect() as connection:
            return self._get_in(connection, suppression_id)

    def _get_in(self, connection: Connection, suppression_id: str) -> Suppression:
        table = tables.suppressions
        row = connection.execute(select(table).where(table.c.id == suppression_id)).first()
        if row is None:
            raise NotFound(f"no suppression {suppression_id}")
        return _from_row(row)

    def list(
        self,
        *,
        active_only: bool = False,
        reversed_only: bool = False,
        record_id: str | None = None,
        record_kind: RecordKind | None = None,
        subject_key: str | None = None,
        limit: int = 100,
    ) -> list[Suppression]:
        """Suppressions newest first: all, or ``active_only`` or ``reversed_only``."""
        table = tables.suppressions
        query = select(table).order_by(table.c.rid.desc()).limit(limit)
        if active_only:
            query = query.where(table.c.reversed_at.is_(None))
        if reversed_only:
            query = query.where(table.c.reversed_at.is_not(None))
        if record_id is not None:
            query = query.where(table.c.record_id == record_id)
        if record_kind is not None:
            query = query.where(table.c.record_kind == record_kind.value)
        if subject_key is not None:
            query = query.where(table.c.subject_key == subject_key)
        with self.engine.connect() as connection:
            return [_from_row(row) for row in connection.execute(query)]

    def active(self) -> dict[ActivePair, str]:
        """The id of every active suppression, by what it suppresses."""
        table = tables.suppressions
        query = select(table.c.subject_key, table.c.record_kind, table.c.record_id, table.c.id)
        with self.engine.connect() as connection:
            rows = connection.execute(query.where(table.c.reversed_at.is_(None))).all()
        return {(row[0], row[1], row[2]): row[3] for row in rows}

    def active_pairs(self) -> frozenset[ActivePair]:
        return frozenset(self.active())

    def version(self) -> int:
        """The change counter: it moves on every create and reversal, in any process."""
        counter = tables.settings_table
        with self.engine.connect() as connection:
            value = connection.execute(
                select(counter.c.value).where(counter.c.key == _COUNTER)
            ).scalar_one()
        return int(value)


def _take_version(connection: Connection) -> int:
    counter = tables.settings_table
    value = connection.execute(
        update(counter)
        .where(counter.c.key == _COUNTER)
        .values(value=counter.c.value + 1)
        .returning(counter.c.value)
    ).scalar_one()
    return int(value)


def _active_query(suppression: Suppression) -> Any:
    table = tables.suppressions
    return select(table.c.id).where(
        table.c.subject_key == suppression.subject_key,
        table.c.record_kind == suppression.record_kind.value,
        table.c.record_id == suppression.record_id,
        table.c.reversed_at.is_(None),
    )


def _duplicate_message(suppression: Suppression) -> str:
    return (
        f"{suppression.subject_key} already has an active suppression on "
        f"{suppression.record_kind.value} record {suppression.record_id}"
    )


def _audit(connection: Connection, principal: Principal, event: str, item: Suppression) -> None:
    """The audit row of a suppression write, in the shape ``AuditLog.append`` writes."""
    moment = item.reversed_at if event == "suppression_reversed" else item.created_at
    assert moment is not None
    entry = {
        "query": {"subject_key": item.subject_key, "record_kind": item.record_kind.value},
        "record_ids": [item.record_id],
        "result": item.as_dict(),
    }
    append_in(connection, principal=principal, event=event, at=moment, entries=[entry])


def _row(item: Suppression) -> dict[str, Any]:
    return {
        "id": item.id,
        "subject_key": item.subject_key,
        "record_kind": item.record_kind.value,
        "record_id": item.record_id,
        "record_owner": item.record_owner,
        "reason": item.reason,
        "created_by": item.created_by,
        "created_at": naive_utc(item.created_at),
        "reversed_by": item.reversed_by,
        "reversed_at": naive_utc(item.reversed_at) if item.reversed_at else None,
        "reversed_reason": item.reversed_reason,
    }


def _from_row(row: Row[Any]) -> Suppression:
    return Suppression(
        id=row.id,
        subject_key=row.subject_key,
        record_kind=RecordKind(row.record_kind),
        record_id=row.record_id,
        record_owner=row.record_owner,
        reason=row.reason,
        created_by=row.created_by,
        created_at=utc(row.created_at) or row.created_at,
        reversed_by=row.reversed_by,
        reversed_at=utc(row.reversed_at),
        reversed_reason=row.reversed_reason,
    )
