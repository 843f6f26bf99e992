"""Cases: what a hit becomes. A hit asks the record's owner to confirm; a case tracks that.

    potential --(owner notified or takes it)--> confirming
    confirming --(owner bureau)--> confirmed | not_confirmed
    confirmed | not_confirmed --(checking side)--> closed, with an outcome

Only the bureau of the country that owns the record (or an admin) confirms or rejects; the
checking country's officers (or a coordinator, or an admin) close a case once the owner has
answered, with what was done. Every transition records who, when and why; anything else is
refused (``Conflict``). A reply deadline runs from the hit; past it the case is escalated
once (it stays where it is: an escalation is a reminder, not an answer).

Pure: no store, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, InvalidInput, PermissionDenied

__all__ = [
    "DEFAULT_DEADLINE_HOURS",
    "MAX_CASE_REASON",
    "Case",
    "CaseEvent",
    "CaseState",
    "Outcome",
    "allowed_moves",
    "clean_case_reason",
    "deadline_hours",
    "escalate",
    "outcomes_after",
    "transition",
]

DEFAULT_DEADLINE_HOURS = 12.0
"""The owner's time to answer (the EU SIRENE rule: within 12 hours, 24/7)."""

MAX_CASE_REASON = 2000


class CaseState(StrEnum):
    POTENTIAL = "potential"
    CONFIRMING = "confirming"
    CONFIRMED = "confirmed"
    NOT_CONFIRMED = "not_confirmed"
    CLOSED = "closed"


class Outcome(StrEnum):
    """What was done with the traveller or object, recorded when a case closes."""

    RELEASED = "released"
    REFERRED = "referred"
    DETAINED = "detained"
    DOCUMENT_SEIZED = "document_seized"
    VEHICLE_SEIZED = "vehicle_seized"
    FALSE_HIT = "false_hit"


_NEXT: dict[CaseState, frozenset[CaseState]] = {
    CaseState.POTENTIAL: frozenset({CaseState.CONFIRMING}),
    CaseState.CONFIRMING: frozenset({CaseState.CONFIRMED, CaseState.NOT_CONFIRMED}),
    CaseState.CONFIRMED: frozenset({CaseState.CLOSED}),
    CaseState.NOT_CONFIRMED: frozenset({CaseState.CLOSED}),
    CaseState.CLOSED: frozenset(),
}

# A confirmed hit cannot end as a false hit, and a hit the owner did not confirm is no
# ground to detain anyone or seize anything.
_OUTCOMES: dict[CaseState, frozenset[Outcome]] = {
    CaseState.CONFIRMED: frozenset(set(Outcome) - {Outcome.FALSE_HIT}),
    CaseState.NOT_CONFIRMED: frozenset({Outcome.RELEASED, Outcome.REFERRED, Outcome.FALSE_HIT}),
}

_OWNER_MOVES = frozenset({CaseState.CONFIRMING, CaseState.CONFIRMED, CaseState.NOT_CONFIRMED})
_CLOSERS = frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR})


@dataclass(frozen=True, slots=True, kw_only=True)
class CaseEvent:
    """One step in a case's history: who moved it, when, from where to where, and why."""

    at: dt.datetime
    actor: str
    actor_country: str
    from_state: CaseState | None
    to_state: CaseState
    reason: str
    outcome: Outcome | None = None
    seq: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "actor": self.actor,
            "actor_country": self.actor_country,
            "from": self.from_state.value if self.from_state else None,
            "to": self.to_state.value,
            "reason": self.reason,
            "outcome": self.outcome.value if self.outcome else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """A hit awaiting (or past) its owner's answer.

    ``subject`` says who or what was checked (as the checking officer saw it), ``hit`` what
    matched (database, score, reasons, action): both are for the owner and the checking
    side only. ``status`` is the record's status or notice type (stolen, red, ...).
    """

    id: str
    check_id: str
    created_at: dt.datetime
    state: CaseState
    database: str
    record_kind: str
    record_id: str
    record_owner: str
    status: str
    is_possible: bool
    checking_country: str
    checked_by: str
    due_at: dt.datetime
    operation_id: str | None = None
    border_point: str | None = None
    subject: Mapping[str, Any] = field(default_factory=dict)
    hit: Mapping[str, Any] = field(default_factory=dict)
    escalated_at: dt.datetime | None = None
    outcome: Outcome | None = None
    closed_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        """Still waiting for the owner's answer."""
        return self.state in (CaseState.POTENTIAL, CaseState.CONFIRMING)

    def is_overdue(self, now: dt.datetime) -> bool:
        return self.is_open and now >= self.due_at

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "check_id": self.check_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": (self.updated_at or self.created_at).isoformat(),
            "state": self.state.value,
            "database": self.database,
            "record_kind": self.record_kind,
            "record_id": self.record_id,
            "record_owner": self.record_owner,
            "status": self.status,
            "match": "possible" if self.is_possible else "certain",
            "checking_country": self.checking_country,
            "checked_by": self.checked_by,
            "operation_id": self.operation_id,
            "border_point": self.border_point,
            "due_at": self.due_at.isoformat(),
            "escalated_at": self.escalated_at.isoformat() if self.escalated_at else None,
            "outcome": self.outcome.value if self.outcome else None,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
            "subject": dict(self.subject),
            "hit": dict(self.hit),
        }


def clean_case_reason(reason: str) -> str:
    """The why of a transition, trimmed; refused when empty or too long."""
    text = " ".join(reason.split())
    if not text:
        raise InvalidInput.for_field("reason", "say why: it goes into the case's history")
    if len(text) > MAX_CASE_REASON:
        raise InvalidInput.for_field("reason", f"must be at most {MAX_CASE_REASON} characters")
    return text


def deadline_hours(status: str, per_type: Mapping[str, float], default: float) -> float:
    """The owner's time to answer a hit of this notice type or status."""
    return per_type.get(status, default)


def transition(
    case: Case,
    *,
    to: CaseState,
    principal: Principal,
    at: dt.datetime,
    reason: str,
    outcome: Outcome | None = None,
) -> tuple[Case, CaseEvent]:
    """The case after one allowed move, and the event that records it.

    Raises Conflict for a move out of order, PermissionDenied for the wrong party, and
    InvalidInput for an outcome that does not fit (or is missing when closing).
    """
    if to not in _NEXT[case.state]:
        allowed = ", ".join(sorted(_NEXT[case.state])) or "none: the case is closed"
        raise Conflict(f"case {case.id} is {case.state.value}; it may move to {allowed}")
    _check_party(case, to, principal)
    if to is CaseState.CLOSED:
        _check_outcome(case, outcome)
    elif outcome is not None:
        raise InvalidInput.for_field("outcome", "is given only when closing a case")
    event = CaseEvent(
        at=at,
        actor=principal.name,
        actor_country=principal.country,
        from_state=case.state,
        to_state=to,
        reason=reason,
        outcome=outcome,
    )
    moved = replace(case, state=to, updated_at=at)
    if to is CaseState.CLOSED:
        moved = replace(moved, outcome=outcome, closed_at=at)
    return moved, event


def allowed_moves(case: Case, principal: Principal) -> tuple[CaseState, ...]:
    """The states this principal may move the case to now, in lifecycle order."""
    moves = []
    for to in CaseState:
        if to in _NEXT[case.state]:
            try:
                _check_party(case, to, principal)
            except PermissionDenied:
                continue
            moves.append(to)
    return tuple(moves)


def outcomes_after(state: CaseState) -> tuple[Outcome, ...]:
    """The outcomes a case in this state may close with (none if it cannot close)."""
    allowed = _OUTCOMES.get(state, frozenset())
    return tuple(outcome for outcome in Outcome if outcome in allowed)


def _check_party(case: Case, to: CaseState, principal: Principal) -> None:
    if principal.role is Role.ADMIN:
        return
    if to in _OWNER_MOVES:
        if principal.role is not Role.BUREAU or principal.country != case.record_owner:
            raise PermissionDenied(
                f"only {case.record_owner}'s bureau, which owns {case.record_id}, "
                "answers for this hit"
            )
        return
    if principal.role not in _CLOSERS or (
        principal.role is not Role.COORDINATOR and principal.country != case.checking_country
    ):
        raise PermissionDenied(
            f"the case is closed by {case.checking_country}, where the check was made"
        )


def _check_outcome(case: Case, outcome: Outcome | None) -> None:
    allowed = _OUTCOMES[case.state]
    if outcome is None or outcome not in allowed:
        names = ", ".join(sorted(allowed))
        raise InvalidInput.for_field(
            "outcome", f"a {case.state.value} case closes with one of: {names}"
        )


def escalate(case: Case, *, at: dt.datetime, actor: str) -> tuple[Case, CaseEvent]:
    """The case marked escalated (its owner has not answered in time), state unchanged."""
    if not case.is_overdue(at) or case.escalated_at is not None:
        raise Conflict(f"case {case.id} is not waiting past its deadline")
    hours = (case.due_at - case.created_at).total_seconds() / 3600
    event = CaseEvent(
        at=at,
        actor=actor,
        actor_country=case.record_owner,
        from_state=case.state,
        to_state=case.state,
        reason=f"escalated: no answer from {case.record_owner} within {hours:g} h",
    )
    return replace(case, escalated_at=at, updated_at=at), event
