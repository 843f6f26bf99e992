"""The operation store: operations, their border points and participants, and each
country's standing access. Every write is audited in its own transaction.

Management writes are audited *without* the operation in the audit row's ``operation_id``
column (it is in the entry's query): that column marks the checks made in the operation,
so ``audit list --operation`` lists checks only and the statistics count them alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from frontline.domain.checks import Database
from frontline.domain.operations import BorderPoint, BorderPointType, Operation
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, NotFound, StorageFailed
from frontline.store import tables
from frontline.store.audit import append_in
from frontline.store.codecs import utc
from frontline.store.database import write_transaction

__all__ = ["OperationStore"]


class OperationStore:
    """Reads and writes operations and standing access; one instance per engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- operations -----------------------------------------------------------------------

    def create(self, operation: Operation, *, principal: Principal) -> Operation:
        try:
            with write_transaction(self.engine) as connection:
                connection.execute(insert(tables.operations).values(**_row(operation)))
                _write_points(connection, operation.id, operation.border_points)
                _write_participants(connection, operation.id, operation)
                _audit(connection, principal, "operation_created", operation, operation.created_at)
        except SQLAlchemyError as error:
            raise StorageFailed("the operation could not be stored") from error
        return operation

    def get(self, operation_id: str) -> Operation:
        with self.engine.connect() as connection:
            found = _load(connection, [operation_id])
        if not found:
            raise NotFound(f"no operation {operation_id}")
        return found[0]

    def list(self, *, limit: int = 100) -> list[Operation]:
        """Newest first."""
        table = tables.operations
        with self.engine.connect() as connection:
            ids = connection.execute(
                select(table.c.id).order_by(table.c.rid.desc()).limit(limit)
            ).scalars()
            return _load(connection, list(ids))

    def running(self, now: dt.datetime) -> Sequence[Operation]:
        """The operations open and inside their window at ``now``, newest first."""
        table = tables.operations
        moment = _naive(now)
        query = (
            select(table.c.id)
            .where(
                table.c.closed_at.is_(None),
                table.c.starts_at <= moment,
                table.c.ends_at > moment,
            )
            .order_by(table.c.rid.desc())
        )
        with self.engine.connect() as connection:
            return _load(connection, list(connection.execute(query).scalars()))

    def set_participants(
        self, operation: Operation, *, principal: Principal, at: dt.datetime
    ) -> Operation:
        """Replace the operation's officers and devices with ``operation``'s."""
        table = tables.operation_participants
        try:
            with write_transaction(self.engine) as connection:
                _refuse_closed(connection, operation.id)
                connection.execute(delete(table).where(table.c.operation_id == operation.id))
                _write_participants(connection, operation.id, operation)
                _audit(connection, principal, "operation_participants", operation, at)
        except SQLAlchemyError as error:
            raise StorageFailed("the participants could not be stored") from error
        return operation

    def close(self, operation_id: str, *, principal: Principal, at: dt.datetime) -> Operation:
        """Close it: its temporary access ends at once; Conflict if already closed."""
        table = tables.operations
        try:
            with write_transaction(self.engine) as connection:
                _refuse_closed(connection, operation_id)
                connection.execute(
                    update(table).where(table.c.id == operation_id).values(closed_at=_naive(at))
                )
                closed = _load(connection, [operation_id])[0]
                _audit(connection, principal, "operation_closed", closed, at)
        except SQLAlchemyError as error:
            raise StorageFailed("the operation could not be closed") from error
        return closed

    def known_users(self, names: Iterable[str]) -> dict[str, Principal]:
        """The users among ``names``, by name."""
        users = tables.users
        wanted = sorted(set(names))
        if not wanted:
            return {}
        with self.engine.connect() as connection:
            rows = connection.execute(select(users).where(users.c.name.in_(wanted))).all()
        return {row.name: Principal(row.id, row.name, Role(row.role), row.country) for row in rows}

    # -- standing access ------------------------------------------------------------------

    def standing_access(self) -> dict[str, frozenset[Database]]:
        """Every country with restricted standing access; a country not listed sees all."""
        table = tables.country_databases
        with self.engine.connect() as connection:
            rows = connection.execute(select(table.c.country, table.c.databases)).all()
        return {row[0]: frozenset(Database(name) for name in row[1]) for row in rows}

    def set_standing_access(
        self,
        country: str,
        databases: frozenset[Database] | None,
        *,
        principal: Principal,
        at: dt.datetime,
    ) -> None:
        """Restrict ``country`` to ``databases``; None lifts the restriction (every one)."""
        table = tables.country_databases
        names = sorted(databases) if databases is not None else None
        try:
            with write_transaction(self.engine) as connection:
                connection.execute(delete(table).where(table.c.country == country))
                if names is not None:
                    connection.execute(
                        insert(table).values(
                            country=country,
                            databases=names,
                            updated_by=principal.name,
                            updated_at=_naive(at),
                        )
                    )
                entry = {"query": {"country": country}, "result": {"databases": names}}
                append_in(
                    connection, principal=principal, event="access_set", at=at, entries=[entry]
                )
        except SQLAlchemyError as error:
            raise StorageFailed("the standing access could not be stored") from error


def _refuse_closed(connection: Connection, operation_id: str) -> None:
    table = tables.operations
    row = connection.execute(select(table.c.closed_at).where(table.c.id == operation_id)).first()
    if row is None:
        raise NotFound(f"no operation {operation_id}")
    if row[0] is not None:
        raise Conflict(f"operation {operation_id} is closed")


def _write_points(connection: Connection, operation_id: str, points: Sequence[BorderPoint]) -> None:
    rows = [
        {"operation_id": operation_id, "code": p.code, "name": p.name, "type": p.type.value}
        for p in points
    ]
    connection.execute(insert(tables.operation_border_points), rows)


def _write_participants(connection: Connection, operation_id: str, operation: Operation) -> None:
    rows = [
        {"operation_id": operation_id, "kind": kind, "name": name}
        for kind, names in (("user", operation.officers), ("device", operation.devices))
        for name in names
    ]
    if rows:
        connection.execute(insert(tables.operation_participants), rows)


def _load(connection: Connection, ids: Sequence[str]) -> list[Operation]:
    if not ids:
        return []
    ops, points, people = (
        tables.operations,
        tables.operation_border_points,
        tables.operation_participants,
    )
    rows = connection.execute(select(ops).where(ops.c.id.in_(ids))).all()
    by_op: dict[str, list[BorderPoint]] = {}
    for row in connection.execute(select(points).where(points.c.operation_id.in_(ids))):
        point = BorderPoint(code=row.code, name=row.name, type=BorderPointType(row.type))
        by_op.setdefault(row.operation_id, []).append(point)
    members: dict[tuple[str, str], list[str]] = {}
    for row in connection.execute(select(people).where(people.c.operation_id.in_(ids))):
        members.setdefault((row.operation_id, row.kind), []).append(row.name)
    found = {row.id: _from_row(row, by_op.get(row.id, []), members, row.id) for row in rows}
    return [found[operation_id] for operation_id in ids if operation_id in found]


def _from_row(
    row: Any, points: list[BorderPoint], members: dict[tuple[str, str], list[str]], key: str
) -> Operation:
    return Operation(
        id=row.id,
        name=row.name,
        host_country=row.host_country,
        starts_at=utc(row.starts_at) or row.starts_at,
        ends_at=utc(row.ends_at) or row.ends_at,
        databases=frozenset(Database(name) for name in row.databases),
        border_points=tuple(sorted(points, key=lambda point: point.code)),
        crime_areas=tuple(row.crime_areas),
        officers=tuple(sorted(members.get((key, "user"), []))),
        devices=tuple(sorted(members.get((key, "device"), []))),
        description=row.description,
        created_by=row.created_by,
        created_at=utc(row.created_at),
        closed_at=utc(row.closed_at),
    )


def _row(operation: Operation) -> dict[str, Any]:
    assert operation.created_at is not None
    return {
        "id": operation.id,
        "name": operation.name,
        "host_country": operation.host_country,
        "starts_at": _naive(operation.starts_at),
        "ends_at": _naive(operation.ends_at),
        "crime_areas": list(operation.crime_areas),
        "databases": sorted(operation.databases),
        "description": operation.description,
        "created_by": operation.created_by,
        "created_at": _naive(operation.created_at),
    }


def _audit(
    connection: Connection,
    principal: Principal,
    event: str,
    operation: Operation,
    at: dt.datetime | None,
) -> None:
    assert at is not None
    entry = {"query": {"operation": operation.id}, "result": operation.as_dict()}
    append_in(connection, principal=principal, event=event, at=at, entries=[entry])


def _naive(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
