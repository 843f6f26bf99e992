"""GET /v1/audit: the audit trail, newest first (admins only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from frontline.access import Action, require
from frontline.api.deps import MAX_SEQ, CallerDep, ServicesDep
from frontline.api.responses import FastJSON

router = APIRouter(prefix="/v1", tags=["audit"])


@router.get("/audit", response_class=FastJSON)
def list_audit(
    services: ServicesDep,
    caller: CallerDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    before: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
    user: Annotated[str | None, Query(max_length=80)] = None,
    check_id: Annotated[str | None, Query(max_length=40)] = None,
    operation_id: Annotated[
        str | None, Query(max_length=40, description="Only the checks of this operation.")
    ] = None,
) -> Any:
    require(caller, Action.READ_AUDIT)
    entries = services.audit.list(
        limit=limit, before=before, user=user, check_id=check_id, operation_id=operation_id
    )
    items = [entry.as_dict() for entry in entries]
    next_before = items[-1]["seq"] if len(items) == limit else None
    return FastJSON({"items": items, "next_before": next_before})


@router.get("/audit/verify", response_class=FastJSON)
def verify_audit(services: ServicesDep, caller: CallerDep) -> Any:
    """Walk the audit trail's hash chain: ``intact``, the head hash, and every break."""
    require(caller, Action.READ_AUDIT)
    return FastJSON(services.audit.verify().as_dict())
