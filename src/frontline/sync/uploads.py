"""Offline checks arriving from a node: audited and their hits raised once, at their true time.

Each item carries the node's id and its local sequence number. The pair is the primary key
of ``offline_checks``, written in the same transaction as the item's audit row and cases:
an item the server already has is skipped, so a node that died mid-upload and sends its
queue again adds nothing; an item it lacks is written whole or not at all. An item made by
a node of an operation carries its ``context`` (operation id, border point): the check
counts in the operation when the uploader may take part in it (see ``_attribute``).

The check's time is the node's clock, which may be wrong (a device whose clock reset when
its battery died, one set to another zone by hand). The server knows two bounds in its own
time: the check was made on a copy it issued (the result's ``data_as_of``), and before the
upload arrived. A time outside them, by more than ``CLOCK_TOLERANCE``, is taken as the
nearer bound, and the origin keeps the node's own time and which way its clock was off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, tuple_
from sqlalchemy.exc import IntegrityError

from frontline.access import Action, require
from frontline.domain.checks import CheckResult, Database, Hit, Reason, Verdict, verdict_for
from frontline.domain.operations import Operation, check_context, require_participant
from frontline.domain.queries import NO_CONTEXT, CheckContext
from frontline.domain.users import Principal
from frontline.errors import InvalidInput, NotFound, PermissionDenied
from frontline.hits.cases import Cases
from frontline.screening.requests import parse_check_request
from frontline.store import tables
from frontline.store.audit import append_in
from frontline.store.codecs import naive_utc
from frontline.store.database import write_transaction
from frontline.store.operations import OperationStore

__all__ = ["CLOCK_TOLERANCE", "OfflineUploads"]

CLOCK_TOLERANCE = dt.timedelta(minutes=5)


class OfflineUploads:
    """Takes a node's queued checks; see the module docstring for the guarantees."""

    def __init__(self, *, engine: Any, cases: Cases, clock: Callable[[], dt.datetime]) -> None:
        self.engine = engine
        self.cases = cases
        self.clock = clock
        self.operations = OperationStore(engine)

    def accept(
        self, *, principal: Principal, node_id: str, items: Sequence[dict[str, Any]]
    ) -> dict[str, int]:
        """Write the items the server lacks; how many were new and how many known."""
        require(principal, Action.CHECK)
        received = self.clock()
        parsed = [_parse_item(position, item) for position, item in enumerate(items)]
        found: dict[str, Operation | str] = {}
        for item in parsed:
            item["at"], item["skew"] = _true_time(item, received)
            item["context"], item["refused"] = self._attribute(principal, item, found)
        for _attempt in range(3):  # a concurrent upload of the same items: count again
            try:
                with write_transaction(self.engine) as connection:
                    return self._write(connection, principal, node_id, parsed, received)
            except IntegrityError:
                continue
        raise InvalidInput("the same items are being uploaded concurrently; retry")

    def _attribute(
        self, principal: Principal, item: dict[str, Any], found: dict[str, Operation | str]
    ) -> tuple[CheckContext, str | None]:
        """The operation a check counts in, and why not when refused. A check made offline
        has happened: one whose operation the uploader may not (or no longer) claim is
        kept without it, the reason in its origin, rather than blocking the queue."""
        asked: CheckContext = item["context"]
        if asked.operation_id is None:
            return NO_CONTEXT, None
        if asked.operation_id not in found:  # one read per operation and upload
            try:
                found[asked.operation_id] = self.operations.get(asked.operation_id)
            except NotFound as error:
                found[asked.operation_id] = error.message
        operation = found[asked.operation_id]
        if isinstance(operation, str):
            return NO_CONTEXT, operation
        refused = _refusal(operation, principal, asked.border_point, item["at"])
        return (NO_CONTEXT, refused) if refused else (asked, None)

    def _write(
        self,
        connection: Connection,
        principal: Principal,
        node_id: str,
        items: list[dict[str, Any]],
        received: dt.datetime,
    ) -> dict[str, int]:
        table = tables.offline_checks
        known = (
            {
                int(row.seq)
                for row in connection.execute(
                    select(table.c.seq).where(
                        tuple_(table.c.node_id, table.c.seq).in_(
                            [(node_id, i["seq"]) for i in items]
                        )
                    )
                )
            }
            if items
            else set()
        )
        fresh = [item for item in items if item["seq"] not in known]
        for item in fresh:
            self._write_one(connection, principal, node_id, item, received)
        return {"accepted": len(fresh), "duplicates": len(items) - len(fresh)}

    def _write_one(
        self,
        connection: Connection,
        principal: Principal,
        node_id: str,
        item: dict[str, Any],
        received: dt.datetime,
    ) -> None:
        at: dt.datetime = item["at"]
        result: CheckResult = item["result"]
        origin = {
            "offline": True,
            "node_id": node_id,
            "node_seq": item["seq"],
            "checked_at": at.isoformat(),
            "uploaded_at": received.isoformat(),
        }
        if item["skew"]:
            origin["clock_skew"] = item["skew"]
        if item["refused"]:
            origin["operation_refused"] = item["refused"]
        context: CheckContext = item["context"]
        connection.execute(
            insert(tables.offline_checks).values(
                node_id=node_id,
                seq=item["seq"],
                check_id=result.check_id,
                checked_at=naive_utc(at),
                received_at=naive_utc(received),
                user_name=principal.name,
                verdict=result.verdict.value,
            )
        )
        entry = {
            "at": naive_utc(at),
            "check_id": result.check_id,
            "query": item["request"].query or {},
            "verdict": result.verdict.value,
            "record_ids": [hit.record_id for hit in result.hits],
            "result": {
                "hits": [
                    {"database": h.database.value, "record_id": h.record_id, "score": h.score}
                    for h in result.hits
                ],
                "warnings": [warning["code"] for warning in item["warnings"]],
                "origin": origin,
            },
        }
        append_in(
            connection, principal=principal, event="check", at=at, entries=[entry], context=context
        )
        if result.hits:
            self.cases.open_cases(
                connection,
                principal=principal,
                context=context,
                at=at,
                checks=[(item["request"], result)],
                origin=origin,
            )


def _refusal(
    operation: Operation, principal: Principal, point: str | None, at: dt.datetime
) -> str | None:
    """Why a check at ``at`` may not count in ``operation``, or None."""
    try:
        require_participant(operation, principal)
    except PermissionDenied as error:
        return error.message
    if point is not None and not operation.has_border_point(point):
        return f"{point} is not a border point of {operation.id}"
    ends = min(operation.ends_at, operation.closed_at or operation.ends_at)
    if not operation.starts_at <= at < ends:
        return f"checked at {at.isoformat()}, outside the window of {operation.id}"
    return None


def _true_time(
    item: dict[str, Any], received: dt.datetime
) -> tuple[dt.datetime, dict[str, str] | None]:
    """The check's time in the server's clock, and how the node's was off (or None)."""
    at: dt.datetime = item["at"]
    copy_as_of: dt.datetime | None = item["copy_as_of"]
    if at > received + CLOCK_TOLERANCE:
        corrected, way = received, "ahead"
    elif copy_as_of is not None and at < copy_as_of - CLOCK_TOLERANCE:
        corrected, way = min(copy_as_of, received), "behind"
    else:
        return at, None
    return corrected, {"node_clock": at.isoformat(), "node_clock_was": way}


def _parse_item(position: int, item: Any) -> dict[str, Any]:
    prefix = f"items[{position}]."
    try:
        seq = int(item["seq"])
        at = dt.datetime.fromisoformat(str(item["at"]).replace("Z", "+00:00"))
        raw = item["result"]
        copy_as_of = _aware(raw.get("data_as_of"))
        hits = tuple(_hit(hit) for hit in raw.get("hits", []))
        request = parse_check_request(item["request"], today=at.date(), prefix=prefix)
        given = item.get("context") or {}
        context = check_context(given.get("operation_id"), given.get("border_point"))
        result = CheckResult(
            check_id=str(raw["check_id"]),
            verdict=Verdict(raw.get("verdict", verdict_for(hits))),
            hits=hits,
            warnings=(),
            data_as_of=at,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InvalidInput.for_field(f"{prefix}(item)", f"is not a queued check: {error}") from None
    if at.tzinfo is None or seq < 1:
        raise InvalidInput.for_field(f"{prefix}at", "needs a time zone and a sequence >= 1")
    return {
        "seq": seq,
        "at": at,
        "copy_as_of": copy_as_of,
        "request": request,
        "result": result,
        "warnings": list(raw.get("warnings", [])),
        "context": context,
    }


def _aware(text: Any) -> dt.datetime | None:
    """An ISO time with its zone (``Z`` allowed), or None when absent; ValueError when bad."""
    if text is None:
        return None
    value = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("data_as_of needs a time zone")
    return value


def _hit(raw: dict[str, Any]) -> Hit:
    return Hit(
        database=Database(raw["database"]),
        kind=str(raw["kind"]),
        record_id=str(raw["record_id"]),
        score=float(raw["score"]),
        is_possible=raw.get("match") == "possible",
        status=str(raw["status"]),
        owner=str(raw["owner"]),
        action=str(raw.get("action") or ""),
        reasons=tuple(Reason(r["feature"], r["detail"]) for r in raw.get("reasons", [])),
        summary=dict(raw.get("record") or {}),
    )
