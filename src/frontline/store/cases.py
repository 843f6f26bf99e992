"""The case store: cases, their history, and the owner notifications they raise.

Every write here goes in one transaction with its history row, its audit entry and its
outbox events (``frontline.store.outbox``): a case never moves unrecorded, and a
notification is never lost between the write and the send.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, select, update
from sqlalchemy.exc import SQLAlchemyError

from frontline.domain.cases import Case, CaseEvent, CaseState, Outcome
from frontline.domain.users import Principal
from frontline.errors import Conflict, NotFound, StorageFailed
from frontline.store import tables
from frontline.store.audit import append_in
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction
from frontline.store.dialect import insert_rows
from frontline.store.outbox import NewEvent, enqueue

__all__ = ["CaseFilter", "CaseStore", "Move"]


@dataclass(frozen=True, slots=True)
class Move:
    """One transition to store: the case as read, as moved, the event, who to tell."""

    before: Case
    after: Case
    event: CaseEvent
    notices: Sequence[NewEvent]


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseFilter:
    """Which cases a listing returns; every field given narrows it."""

    owner: str | None = None
    checking_country: str | None = None
    visible_to: str | None = None  # a country: the cases it owns or checked
    state: CaseState | None = None
    operation_id: str | None = None
    before: int | None = None
    limit: int = 100


class CaseStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writes ---------------------------------------------------------------------------

    def insert_in(
        self,
        connection: Connection,
        cases: Sequence[Case],
        events: Sequence[CaseEvent],
        notices: Sequence[NewEvent],
    ) -> None:
        """New cases with their first history rows and notifications, in the caller's
        transaction (the check's audit write)."""
        insert_rows(connection, tables.cases, [_row(case) for case in cases])
        insert_rows(
            connection,
            tables.case_events,
            [_event_row(case.id, event) for case, event in zip(cases, events, strict=True)],
        )
        enqueue(connection, notices)

    def move(
        self,
        before: Case,
        after: Case,
        event: CaseEvent,
        *,
        principal: Principal,
        notices: Sequence[NewEvent],
    ) -> None:
        """Store one transition: only if the case is still as ``before`` (else Conflict:
        someone else moved it first), with its history row, audit entry and notices."""
        if not self.move_many([Move(before, after, event, notices)], principal=principal):
            raise Conflict(f"case {before.id} was changed meanwhile; read it again")

    def move_many(self, moves: Sequence[Move], *, principal: Principal) -> list[Case]:
        """Store many transitions in one write; a case someone else moved first is left
        as it is. The cases moved."""
        table = tables.cases
        done: list[Case] = []
        try:
            with write_transaction(self.engine) as connection:
                for move in moves:
                    before, after = move.before, move.after
                    changed = connection.execute(
                        update(table)
                        .where(table.c.id == before.id, table.c.state == before.state.value)
                        .where(_same_escalation(before))
                        .values(
                            state=after.state.value,
                            updated_at=naive_utc(after.updated_at),
                            escalated_at=naive_utc(after.escalated_at),
                            outcome=after.outcome.value if after.outcome else None,
                            closed_at=naive_utc(after.closed_at),
                        )
                    ).rowcount
                    if changed == 1:
                        done.append(after)
                        _record_move(connection, move, principal)
        except SQLAlchemyError as error:
            raise StorageFailed("the case could not be updated") from error
        return done

    # -- reads ----------------------------------------------------------------------------

    def get(self, case_id: str) -> Case:
        table = tables.cases
        with self.engine.connect() as connection:
            row = connection.execute(select(table).where(table.c.id == case_id)).first()
        if row is None:
            raise NotFound(f"no case {case_id}")
        return _from_row(row)

    def get_many(self, case_ids: Sequence[str]) -> list[Case]:
        table = tables.cases
        if not case_ids:
            return []
        query = select(table).where(table.c.id.in_(list(case_ids))).order_by(table.c.rid)
        with self.engine.connect() as connection:
            return [_from_row(row) for row in connection.execute(query)]

    def history(self, case_id: str) -> list[CaseEvent]:
        table = tables.case_events
        query = select(table).where(table.c.case_id == case_id).order_by(table.c.seq)
        with self.engine.connect() as connection:
            return [_event_from_row(row) for row in connection.execute(query)]

    def find(self, where: CaseFilter) -> list[tuple[int, Case]]:
        """(rid, case) newest first; page with ``before`` = the smallest rid seen."""
        table = tables.cases
        query = select(table).order_by(table.c.rid.desc()).limit(where.limit)
        if where.owner is not None:
            query = query.where(table.c.record_owner == where.owner)
        if where.checking_country is not None:
            query = query.where(table.c.checking_country == where.checking_country)
        if where.visible_to is not None:
            query = query.where(
                (table.c.record_owner == where.visible_to)
                | (table.c.checking_country == where.visible_to)
            )
        if where.state is not None:
            query = query.where(table.c.state == where.state.value)
        if where.operation_id is not None:
            query = query.where(table.c.operation_id == where.operation_id)
        if where.before is not None:
            query = query.where(table.c.rid < where.before)
        with self.engine.connect() as connection:
            return [(row.rid, _from_row(row)) for row in connection.execute(query)]

    def overdue(self, now: dt.datetime, *, limit: int = 500) -> list[Case]:
        """Open cases past their reply deadline and not escalated yet, oldest first."""
        table = tables.cases
        query = (
            select(table)
            .where(
                table.c.state.in_([CaseState.POTENTIAL.value, CaseState.CONFIRMING.value]),
                table.c.due_at <= naive_utc(now),
                table.c.escalated_at.is_(None),
            )
            .order_by(table.c.due_at)
            .limit(limit)
        )
        with self.engine.connect() as connection:
            return [_from_row(row) for row in connection.execute(query)]


def _record_move(connection: Connection, move: Move, principal: Principal) -> None:
    """A transition's history row, audit entry and notices."""
    after, event = move.after, move.event
    insert_rows(connection, tables.case_events, [_event_row(after.id, event)])
    append_in(
        connection,
        principal=principal,
        event="case_escalated" if event.from_state == event.to_state else "case_moved",
        at=event.at,
        entries=[
            {
                "check_id": after.check_id,
                "query": {"case_id": after.id, "to": event.to_state.value},
                "record_ids": [after.record_id],
                "result": event.as_dict(),
            }
        ],
    )
    enqueue(connection, move.notices)


def _same_escalation(before: Case) -> Any:
    column = tables.cases.c.escalated_at
    if before.escalated_at is None:
        return column.is_(None)
    return column == naive_utc(before.escalated_at)


def _row(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "check_id": case.check_id,
        "created_at": naive_utc(case.created_at),
        "updated_at": naive_utc(case.updated_at or case.created_at),
        "state": case.state.value,
        "database": case.database,
        "record_kind": case.record_kind,
        "record_id": case.record_id,
        "record_owner": case.record_owner,
        "status": case.status,
        "is_possible": int(case.is_possible),
        "checking_country": case.checking_country,
        "checked_by": case.checked_by,
        "operation_id": case.operation_id,
        "border_point": case.border_point,
        "subject": dict(case.subject),
        "hit": dict(case.hit),
        "due_at": naive_utc(case.due_at),
        "escalated_at": naive_utc(case.escalated_at),
        "outcome": case.outcome.value if case.outcome else None,
        "closed_at": naive_utc(case.closed_at),
    }


def _from_row(row: Row[Any]) -> Case:
    return Case(
        id=row.id,
        check_id=row.check_id,
        created_at=_aware(row.created_at),
        updated_at=utc(row.updated_at),
        state=CaseState(row.state),
        database=row.database,
        record_kind=row.record_kind,
        record_id=row.record_id,
        record_owner=row.record_owner,
        status=row.status,
        is_possible=bool(row.is_possible),
        checking_country=row.checking_country,
        checked_by=row.checked_by,
        operation_id=row.operation_id,
        border_point=row.border_point,
        subject=dict(row.subject),
        hit=dict(row.hit),
        due_at=_aware(row.due_at),
        escalated_at=utc(row.escalated_at),
        outcome=Outcome(row.outcome) if row.outcome else None,
        closed_at=utc(row.closed_at),
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _event_row(case_id: str, event: CaseEvent) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "at": naive_utc(event.at),
        "actor": event.actor,
        "actor_country": event.actor_country,
        "from_state": event.from_state.value if event.from_state else None,
        "to_state": event.to_state.value,
        "reason": event.reason,
        "outcome": event.outcome.value if event.outcome else None,
    }


def _event_from_row(row: Row[Any]) -> CaseEvent:
    return CaseEvent(
        seq=row.seq,
        at=_aware(row.at),
        actor=row.actor,
        actor_country=row.actor_country,
        from_state=CaseState(row.from_state) if row.from_state else None,
        to_state=CaseState(row.to_state),
        reason=row.reason,
        outcome=Outcome(row.outcome) if row.outcome else None,
    )
