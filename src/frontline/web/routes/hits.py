"""/hits: a bureau's queue of hits on the records it owns."""

from __future__ import annotations

from fastapi import APIRouter, Response

from frontline.web.console import VisitDep, respond
from frontline.web.hits_queue import hits_on_owned_records

router = APIRouter(include_in_schema=False)


@router.get("/hits")
def hits_page(visit: VisitDep) -> Response:
    hits = hits_on_owned_records(visit.services, principal=visit.principal)
    data = {"items": [hit.as_dict() for hit in hits]}
    return respond(visit, visit.request, "hits.html", data)
