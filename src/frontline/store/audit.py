"""The audit trail: every check, hit or not, with who asked, what, and what came back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError

from frontline.domain.queries import NO_CONTEXT, CheckContext
from frontline.domain.users import Principal
from frontline.errors import AuditUnavailable
from frontline.store import tables
from frontline.store.audit_chain import ChainReport, chain_rows, purge_before, verify_chain
from frontline.store.codecs import utc
from frontline.store.database import write_transaction
from frontline.store.dialect import insert_rows

__all__ = ["BIOMETRIC_TYPES", "AuditEntry", "AuditLog", "append_in", "biometric_entry"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditEntry:
    """One audited event, as stored and as an admin reads it."""

    seq: int
    at: dt.datetime
    user_name: str
    role: str
    country: str
    event: str
    check_id: str | None
    query: Any
    verdict: str | None
    record_ids: list[str]
    result: dict[str, Any]
    operation_id: str | None = None
    border_point: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "user": self.user_name,
            "role": self.role,
            "country": self.country,
            "event": self.event,
            "check_id": self.check_id,
            "query": self.query,
            "verdict": self.verdict,
            "record_ids": self.record_ids,
            "result": self.result,
            "operation_id": self.operation_id,
            "border_point": self.border_point,
        }


def append_in(
    connection: Connection,
    *,
    principal: Principal,
    event: str,
    at: dt.datetime,
    entries: Sequence[dict[str, Any]],
    context: CheckContext = NO_CONTEXT,
) -> None:
    """Write audit rows inside the caller's transaction: what a write audits goes in with
    it, so nothing exists unaudited. Entries missing a field get its empty value; each is
    chained to the one before it (``audit_chain``)."""
    stamp = at.astimezone(dt.UTC).replace(tzinfo=None)
    rows = [
        {
            "at": stamp,
            "user_id": principal.user_id,
            "user_name": principal.name,
            "role": principal.role.value,
            "country": principal.country,
            "event": event,
            "operation_id": context.operation_id,
            "border_point": context.border_point,
            **_EMPTY,
            **entry,
        }
        for entry in entries
    ]
    chain_rows(connection, rows)  # last before the insert: the head stays locked briefly
    insert_rows(connection, tables.audit, rows)


BIOMETRIC_TYPES = frozenset({"face search", "face enrol", "DNA search", "DNA enrolment"})
"""What the audit says a biometric query was: its type, never the photo, template or
profile (which are special-category data: kept only in the record, never in a log)."""


def biometric_entry(
    data_type: str,
    *,
    check_id: str | None = None,
    verdict: str | None = None,
    record_ids: Sequence[str] = (),
    hits: int = 0,
) -> dict[str, Any]:
    """The audit entry of a biometric query: the type of data and the outcome, nothing of
    the probe itself. Faces and DNA write theirs through this."""
    if data_type not in BIOMETRIC_TYPES:
        raise ValueError(f"unknown biometric query type {data_type!r}")
    return {
        "check_id": check_id,
        "query": {"type": data_type},
        "verdict": verdict,
        "record_ids": list(record_ids),
        "result": {"hits": hits},
    }


_EMPTY: dict[str, Any] = {
    "check_id": None,
    "query": {},
    "verdict": None,
    "record_ids": [],
    "result": {},
}


class AuditLog:
    """Appends audit entries; if they cannot be written, the caller's action fails."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def append(
        self,
        *,
        principal: Principal,
        event: str,
        at: dt.datetime,
        entries: Sequence[dict[str, Any]],
        context: CheckContext = NO_CONTEXT,
        then: Callable[[Connection], None] | None = None,
    ) -> None:
        """Write one row per entry (``check_id``, ``query``, ``verdict``, ``record_ids``,
        ``result``) in one transaction, and ``then`` what belongs with them (the cases of
        their hits) in the same one; raise AuditUnavailable if that fails."""
        try:
            with write_transaction(self.engine) as connection:
                append_in(
                    connection,
                    principal=principal,
                    event=event,
                    at=at,
                    entries=entries,
                    context=context,
                )
                if then is not None:
                    then(connection)
        except SQLAlchemyError as error:
            raise AuditUnavailable(
                "the audit trail cannot be written, so the check was not performed"
            ) from error

    def verify(self) -> ChainReport:
        """Walk the hash chain: every edited, deleted or reordered entry, and where."""
        return verify_chain(self.engine)

    def purge(self, *, cutoff: dt.datetime) -> int:
        """Remove the entries older than ``cutoff`` from the chain's start, keeping it
        verifiable; returns how many were removed."""
        return purge_before(self.engine, cutoff=cutoff)

    def list(
        self,
        *,
        limit: int = 100,
        before: int | None = None,
        user: str | None = None,
        check_id: str | None = None,
        operation_id: str | None = None,
    ) -> list[AuditEntry]:
        """Newest first; page with ``before`` = the smallest ``seq`` already seen."""
        audit = tables.audit
        query = select(audit).order_by(audit.c.seq.desc()).limit(limit)
        if before is not None:
            query = query.where(audit.c.seq < before)
        if user:
            query = query.where(audit.c.user_name == user)
        if check_id:
            query = query.where(audit.c.check_id == check_id)
        if operation_id:
            query = query.where(audit.c.operation_id == operation_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            AuditEntry(
                seq=row.seq,
                at=utc(row.at) or row.at,
                user_name=row.user_name,
                role=row.role,
                country=row.country,
                event=row.event,
                check_id=row.check_id,
                query=row.query,
                verdict=row.verdict,
                record_ids=list(row.record_ids),
                result=dict(row.result),
                operation_id=row.operation_id,
                border_point=row.border_point,
            )
            for row in rows
        ]
