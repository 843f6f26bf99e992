"""The rows an operation's statistics are counted from: its audited checks and its cases.

Checks are counted in SQL (grouped by border point and day); only the checks that hit are
read back, for their hits. Both come from the audit rows carrying the operation's id, so
the statistics are the audit log's own numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, exists, func, select

from frontline.store import tables

__all__ = ["CaseRow", "CheckCount", "HitRow", "case_rows", "check_counts", "hit_rows"]


@dataclass(frozen=True, slots=True)
class CheckCount:
    border_point: str | None
    day: str
    checks: int


@dataclass(frozen=True, slots=True)
class HitRow:
    """One audited hit (an item of a check's ``result.hits``)."""

    border_point: str | None
    day: str
    database: str
    status: str
    match: str


@dataclass(frozen=True, slots=True)
class CaseRow:
    id: str
    record_id: str
    database: str
    status: str
    border_point: str | None
    day: str
    state: str
    outcome: str | None
    was_confirmed: bool


def _day(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value)[:10]


def check_counts(engine: Engine, operation_id: str) -> list[CheckCount]:
    audit = tables.audit
    day = func.date(audit.c.at)
    query = (
        select(audit.c.border_point, day, func.count())
        .where(audit.c.operation_id == operation_id, audit.c.event == "check")
        .group_by(audit.c.border_point, day)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [CheckCount(row[0], _day(row[1]), int(row[2])) for row in rows]


def hit_rows(engine: Engine, operation_id: str) -> list[HitRow]:
    audit = tables.audit
    query = select(audit.c.border_point, audit.c.at, audit.c.result).where(
        audit.c.operation_id == operation_id,
        audit.c.event == "check",
        audit.c.verdict != "no_hit",
    )
    out: list[HitRow] = []
    with engine.connect() as connection:
        for border_point, at, result in connection.execute(query):
            day = _day(at)
            for hit in (result or {}).get("hits", ()):
                out.append(
                    HitRow(
                        border_point,
                        day,
                        str(hit.get("database")),
                        str(hit.get("status")),
                        str(hit.get("match", "certain")),
                    )
                )
    return out


def case_rows(engine: Engine, operation_id: str) -> list[CaseRow]:
    """The operation's cases; ``was_confirmed``: the owner confirmed it at some point."""
    cases, events = tables.cases, tables.case_events
    confirmed = exists().where(
        and_(events.c.case_id == cases.c.id, events.c.to_state == "confirmed")
    )
    query = (
        select(
            cases.c.id,
            cases.c.record_id,
            cases.c.database,
            cases.c.status,
            cases.c.border_point,
            cases.c.created_at,
            cases.c.state,
            cases.c.outcome,
            confirmed.label("was_confirmed"),
        )
        .where(cases.c.operation_id == operation_id)
        .order_by(cases.c.rid)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        CaseRow(
            row.id,
            row.record_id,
            row.database,
            row.status,
            row.border_point,
            _day(row.created_at),
            row.state,
            row.outcome,
            bool(row.was_confirmed) or row.state == "confirmed",
        )
        for row in rows
    ]
