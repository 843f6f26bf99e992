"""/hits: the case queue of the caller's country, one case with its history, and the
moves the caller may make on it.

A bureau sees the cases on its country's records (what it must answer) and an officer the
cases from its country's checks (what it waits for); both sides see both, filtered by side.
The forms offered are the moves ``allowed_moves`` grants; the use case decides again.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from frontline.api.deps import MAX_SEQ
from frontline.domain.cases import Case, CaseState, allowed_moves, outcomes_after
from frontline.domain.users import Principal
from frontline.errors import Conflict, FrontlineError, InvalidInput, PermissionDenied
from frontline.store.cases import CaseFilter
from frontline.web.console import (
    FormDep,
    Visit,
    VisitDep,
    check_csrf,
    redirect,
    respond,
    wants_json,
)

router = APIRouter(include_in_schema=False)

PAGE = 50
SIDES = ("owned", "checked")

# What the flash after a move says, by the state the case moved to.
_MOVED = {
    CaseState.CONFIRMING: "You took the case: answer it below.",
    CaseState.CONFIRMED: "Hit confirmed: the checking officer is told.",
    CaseState.NOT_CONFIRMED: "Hit not confirmed: the checking officer is told.",
    CaseState.CLOSED: "Case closed: the record's owner is told the outcome.",
}


@router.get("/hits")
def case_queue(
    visit: VisitDep,
    state: Annotated[str | None, Query(max_length=16)] = None,
    side: Annotated[str | None, Query(max_length=8)] = None,
    before: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
) -> Response:
    """The country's cases, newest first, a page of 50; ``before`` = the last page's end."""
    where = _filter(visit.principal, state=_state(state), side=_side(side), before=before)
    found = visit.services.cases.find(principal=visit.principal, where=where)
    now = visit.services.clock()
    data = {
        "items": [_summary(case, now) for _, case in found],
        "next_before": found[-1][0] if len(found) == PAGE else None,
    }
    query = {"state": state or "", "side": side or ""}
    return respond(
        visit, visit.request, "hits.html", data, states=list(CaseState), sides=SIDES, query=query
    )


@router.get("/hits/{case_id}")
def case_page(case_id: str, visit: VisitDep) -> Response:
    return _case_page(visit, case_id, flash=_flash(visit.request.query_params.get("moved")))


@router.post("/hits/{case_id}/move")
def move_case(case_id: str, visit: VisitDep, form: FormDep) -> Response:
    """One move (``to``, ``reason``, ``outcome`` when closing); back to the case (PRG)."""
    if visit.session is not None:
        check_csrf(visit.session, form, visit.request)
    try:
        case = visit.services.cases.transition(
            principal=visit.principal,
            case_id=case_id,
            to=form.get("to", ""),
            reason=form.get("reason", ""),
            outcome=form.get("outcome") or None,
        )
    except (Conflict, PermissionDenied, InvalidInput) as error:
        if wants_json(visit.request):
            raise
        return _case_page(visit, case_id, status=error.http_status, error=error, form=form)
    if wants_json(visit.request):
        return respond(visit, visit.request, "case.html", _summary(case, visit.services.clock()))
    return redirect(
        visit.request, f"/hits/{case_id}?moved={case.state.value}", session=visit.session
    )


def _case_page(
    visit: Visit,
    case_id: str,
    *,
    status: int = 200,
    error: FrontlineError | None = None,
    form: dict[str, str] | None = None,
    flash: str = "",
) -> Response:
    cases = visit.services.cases
    case = cases.get(principal=visit.principal, case_id=case_id)
    history = cases.history(principal=visit.principal, case_id=case_id)
    moves = [
        {"to": to.value, "outcomes": [outcome.value for outcome in outcomes_after(case.state)]}
        if to is CaseState.CLOSED
        else {"to": to.value, "outcomes": []}
        for to in allowed_moves(case, visit.principal)
    ]
    data = {
        **_summary(case, visit.services.clock()),
        "history": [event.as_dict() for event in history],
        "moves": moves,
    }
    return respond(
        visit,
        visit.request,
        "case.html",
        data,
        status=status,
        error=error,
        form=form or {},
        flash=flash,
    )


def _summary(case: Case, now: dt.datetime) -> dict[str, Any]:
    return {**case.as_dict(), "is_overdue": case.is_overdue(now)}


def _filter(
    principal: Principal, *, state: CaseState | None, side: str | None, before: int | None
) -> CaseFilter:
    """Owned: cases on the country's records; checked: from its checks; neither: both
    (for an admin: every case)."""
    owner = principal.country if side == "owned" else None
    checking = principal.country if side == "checked" else None
    return CaseFilter(
        owner=owner, checking_country=checking, state=state, before=before, limit=PAGE
    )


def _state(text: str | None) -> CaseState | None:
    if not text:
        return None
    try:
        return CaseState(text)
    except ValueError:
        names = ", ".join(state.value for state in CaseState)
        raise InvalidInput.for_field("state", f"must be one of {names}") from None


def _side(text: str | None) -> str | None:
    if not text:
        return None
    if text not in SIDES:
        raise InvalidInput.for_field("side", "must be owned or checked")
    return text


def _flash(moved: str | None) -> str:
    try:
        return _MOVED.get(CaseState(moved or ""), "")
    except ValueError:
        return ""
