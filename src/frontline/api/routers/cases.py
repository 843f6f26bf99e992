"""/v1/cases and /v1/hits: the cases hits become, their moves, and a bureau's feed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from frontline.api.deps import MAX_SEQ, CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.cases import MAX_CASE_REASON, CaseState, Outcome
from frontline.store.cases import CaseFilter

router = APIRouter(prefix="/v1", tags=["cases"])

Country = Annotated[str | None, Query(max_length=3, description="Alpha-3 country code.")]


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: CaseState
    reason: Annotated[str, Field(min_length=1, max_length=MAX_CASE_REASON)]
    outcome: Annotated[Outcome | None, Field(description="Only when closing.")] = None


@router.get("/cases", response_class=FastJSON, summary="Cases of one's records and checks")
def list_cases(
    services: ServicesDep,
    caller: CallerDep,
    owner: Country = None,
    checking_country: Country = None,
    state: CaseState | None = None,
    operation_id: Annotated[str | None, Query(max_length=40)] = None,
    before: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    where = CaseFilter(
        owner=owner.upper() if owner else None,
        checking_country=checking_country.upper() if checking_country else None,
        state=state,
        operation_id=operation_id,
        before=before,
        limit=limit,
    )
    found = services.cases.find(principal=caller, where=where)
    next_before = found[-1][0] if len(found) == limit else None
    return FastJSON({"items": [case.as_dict() for _, case in found], "next_before": next_before})


@router.get("/cases/{case_id}", response_class=FastJSON, summary="One case and its history")
def get_case(case_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    case = services.cases.get(principal=caller, case_id=case_id)
    history = services.cases.history(principal=caller, case_id=case_id)
    return FastJSON({**case.as_dict(), "history": [event.as_dict() for event in history]})


@router.post(
    "/cases/{case_id}/transitions", response_class=FastJSON, summary="Move a case one step"
)
def move_case(case_id: str, body: TransitionIn, services: ServicesDep, caller: CallerDep) -> Any:
    case = services.cases.transition(
        principal=caller, case_id=case_id, to=body.to, reason=body.reason, outcome=body.outcome
    )
    return FastJSON(case.as_dict())


@router.get("/hits", response_class=FastJSON, summary="A bureau's feed of hit notifications")
def hit_feed(
    services: ServicesDep,
    caller: CallerDep,
    owner: Country = None,
    after: Annotated[
        int | None, Query(ge=0, le=MAX_SEQ, description="The last seq already read.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    events = services.notifications.feed(principal=caller, owner=owner, after=after, limit=limit)
    items = [{**event.as_dict(), "payload": event.payload} for event in events]
    next_after = items[-1]["seq"] if items else after
    return FastJSON({"items": items, "next_after": next_after})
