"""Case use cases: open a case for every hit, move it through its lifecycle, escalate
unanswered ones, and say who hears of each step (the outbox delivers it).

Who is told what:

- ``case.opened``: the record's owner (a hit on its record waits for its answer), and for
  a partner's check also the bureau of the partner's country (the partner learns nothing);
- ``case.confirming``, ``case.confirmed``, ``case.not_confirmed``: the checking country
  (its officer holds the traveller);
- ``case.closed``: the owner (what was done);
- ``case.escalated``: both (the deadline passed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from frontline.domain.cases import (
    Case,
    CaseEvent,
    CaseState,
    Outcome,
    clean_case_reason,
    deadline_hours,
    escalate,
    transition,
)
from frontline.domain.checks import CheckResult, Hit, hit_as_dict
from frontline.domain.queries import CheckContext, CheckRequest
from frontline.domain.users import Principal, Role
from frontline.errors import InvalidInput, NotFound, PermissionDenied
from frontline.ids import new_id
from frontline.store.cases import CaseFilter, CaseStore, Move
from frontline.store.outbox import NewEvent

__all__ = ["SYSTEM", "Cases"]

SYSTEM = "frontline"
"""The actor of what the system does by itself (a delivery, an escalation)."""

_SYSTEM = Principal(user_id=0, name=SYSTEM, role=Role.ADMIN, country="XXX")
_READERS = frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN})
_TO_CHECKER = frozenset({CaseState.CONFIRMING, CaseState.CONFIRMED, CaseState.NOT_CONFIRMED})


class Cases:
    """The hit workflow; also the ``CaseOpener`` the check use case writes cases through."""

    def __init__(
        self,
        *,
        store: CaseStore,
        clock: Callable[[], dt.datetime],
        default_deadline_hours: float,
        deadlines: Mapping[str, float],
    ) -> None:
        self.store = store
        self.clock = clock
        self.default_deadline_hours = default_deadline_hours
        self.deadlines = dict(deadlines)

    # -- opening (inside the check's audit transaction) -------------------------------------

    def open_cases(
        self,
        connection: Connection,
        *,
        principal: Principal,
        context: CheckContext,
        at: dt.datetime,
        checks: Sequence[tuple[CheckRequest, CheckResult]],
        origin: Mapping[str, Any] | None = None,
    ) -> None:
        """``origin`` marks checks made elsewhere (an offline node): its facts go into the
        case's first history entry and every notification, and ``at`` is the true time."""
        cases = [
            self._new_case(principal, context, at, request, result, hit)
            for request, result in checks
            for hit in result.hits
        ]
        events = [
            CaseEvent(
                at=at,
                actor=principal.name,
                actor_country=principal.country,
                from_state=None,
                to_state=CaseState.POTENTIAL,
                reason=f"{case.database} hit on {case.record_id} in check {case.check_id}"
                + (f" (offline, node {origin['node_id']})" if origin else ""),
            )
            for case in cases
        ]
        notices = [_notice(case, "case.opened", case.record_owner, at, origin) for case in cases]
        if principal.role is Role.PARTNER:
            # A partner is told only "refer": the bureau of the country it operates in must
            # hear of the hit itself, to meet the traveller the partner sends on.
            notices += [
                _notice(case, "case.opened", case.checking_country, at)
                for case in cases
                if case.checking_country != case.record_owner
            ]
        self.store.insert_in(connection, cases, events, notices)

    def _new_case(
        self,
        principal: Principal,
        context: CheckContext,
        at: dt.datetime,
        request: CheckRequest,
        result: CheckResult,
        hit: Hit,
    ) -> Case:
        hours = deadline_hours(hit.status, self.deadlines, self.default_deadline_hours)
        return Case(
            id=new_id("case"),
            check_id=result.check_id,
            created_at=at,
            updated_at=at,
            state=CaseState.POTENTIAL,
            database=hit.database.value,
            record_kind=hit.kind,
            record_id=hit.record_id,
            record_owner=hit.owner,
            status=hit.status,
            is_possible=hit.is_possible,
            checking_country=principal.country,
            checked_by=principal.name,
            operation_id=context.operation_id,
            border_point=context.border_point,
            subject=dict(request.query or {}),
            hit=hit_as_dict(hit),
            due_at=at + dt.timedelta(hours=hours),
        )

    # -- moving -----------------------------------------------------------------------------

    def transition(
        self,
        *,
        principal: Principal,
        case_id: str,
        to: CaseState | str,
        reason: str,
        outcome: Outcome | str | None = None,
    ) -> Case:
        """Move a case one allowed step, recording who, when and why."""
        case = self.get(principal=principal, case_id=case_id)
        target = _parse(CaseState, to, "to")
        result = _parse(Outcome, outcome, "outcome") if outcome is not None else None
        moved, event = transition(
            case,
            to=target,
            principal=principal,
            at=self.clock(),
            reason=clean_case_reason(reason),
            outcome=result,
        )
        receiver = case.checking_country if target in _TO_CHECKER else case.record_owner
        notice = _notice(moved, f"case.{target.value}", receiver, event.at)
        self.store.move(case, moved, event, principal=principal, notices=[notice])
        return moved

    def mark_notified(self, case_ids: Sequence[str], *, at: dt.datetime) -> int:
        """The owners have been told of these hits: potential cases become confirming
        (one write). A case that already moved on (its owner took it from the feed) is
        left as it is. How many moved."""
        moves = []
        for case in self.store.get_many(case_ids):
            if case.state is not CaseState.POTENTIAL:
                continue
            moved, event = transition(
                case,
                to=CaseState.CONFIRMING,
                principal=_SYSTEM,
                at=at,
                reason=f"{case.record_owner} notified by webhook",
            )
            notice = _notice(moved, "case.confirming", case.checking_country, at)
            moves.append(Move(case, moved, event, [notice]))
        return len(self.store.move_many(moves, principal=_SYSTEM)) if moves else 0

    def escalate_overdue(self, *, now: dt.datetime | None = None) -> list[Case]:
        """Escalate every open case past its deadline (once each), in one write; a case
        answered (or escalated by another process) meanwhile is left. The escalated."""
        moment = now or self.clock()
        moves = []
        for case in self.store.overdue(moment):
            moved, event = escalate(case, at=moment, actor=SYSTEM)
            notices = [
                _notice(moved, "case.escalated", case.record_owner, moment),
                _notice(moved, "case.escalated", case.checking_country, moment),
            ]
            moves.append(Move(case, moved, event, notices))
        return self.store.move_many(moves, principal=_SYSTEM) if moves else []

    # -- reading ----------------------------------------------------------------------------

    def get(self, *, principal: Principal, case_id: str) -> Case:
        """One case, if the caller's country owns its record or made its check."""
        _require_reader(principal)
        case = self.store.get(case_id)
        if principal.role is not Role.ADMIN and principal.country not in (
            case.record_owner,
            case.checking_country,
        ):
            raise NotFound(f"no case {case_id}")  # not even that it exists
        return case

    def history(self, *, principal: Principal, case_id: str) -> list[CaseEvent]:
        self.get(principal=principal, case_id=case_id)
        return self.store.history(case_id)

    def find(self, *, principal: Principal, where: CaseFilter) -> list[tuple[int, Case]]:
        """Cases the caller may see (its country's records or checks; admins: all)."""
        _require_reader(principal)
        if principal.role is not Role.ADMIN:
            where = _narrowed(where, principal.country)
        return self.store.find(where)


def _narrowed(where: CaseFilter, country: str) -> CaseFilter:
    for asked in (where.owner, where.checking_country, where.visible_to):
        if asked is not None and asked != country:
            raise PermissionDenied(f"{country} sees only the cases of its own records and checks")
    return replace(where, visible_to=country)


def _require_reader(principal: Principal) -> None:
    if principal.role not in _READERS:
        raise PermissionDenied(f"the {principal.role.value} role may not read cases")


def _parse(kind: Any, value: Any, field: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(member.value for member in kind)
        raise InvalidInput.for_field(field, f"must be one of {names}") from None


def _notice(
    case: Case,
    event_type: str,
    receiver: str,
    at: dt.datetime,
    origin: Mapping[str, Any] | None = None,
) -> NewEvent:
    event_id = new_id("evt")
    extra = {"origin": dict(origin)} if origin else {}
    return NewEvent(
        event_id=event_id,
        receiver=receiver,
        event_type=event_type,
        case_id=case.id,
        created_at=at,
        payload={
            "event_id": event_id,
            "type": event_type,
            "created_at": at.isoformat(),
            "case": case.as_dict(),
            **extra,
        },
    )
