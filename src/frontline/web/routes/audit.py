"""/audit: the audit trail, newest first (administrators)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from frontline.access import Action, require
from frontline.api.deps import MAX_SEQ
from frontline.web.console import VisitDep, respond

router = APIRouter(include_in_schema=False)

PAGE = 100


@router.get("/audit")
def audit_page(
    visit: VisitDep,
    user: Annotated[str | None, Query(max_length=80)] = None,
    before: Annotated[int | None, Query(ge=1, le=MAX_SEQ)] = None,
) -> Response:
    require(visit.principal, Action.READ_AUDIT)
    entries = visit.services.audit.list(limit=PAGE, before=before, user=user or None)
    items = [entry.as_dict() for entry in entries]
    next_before = items[-1]["seq"] if len(items) == PAGE else None
    data = {"items": items, "next_before": next_before}
    return respond(visit, visit.request, "audit.html", data, query={"user": user or ""})
