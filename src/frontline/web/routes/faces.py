"""/faces: the second-line inspector's page. Upload a photo, see the closest enrolled
persons with their similarity and decision; bureaus enrol photos to their records here."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from frontline.access import Action, require
from frontline.api.deps import ServicesDep
from frontline.api.routers.faces import need_photo, upload_of
from frontline.biometrics.decision import THRESHOLDS
from frontline.errors import FieldError, InvalidInput, PayloadTooLarge
from frontline.web.console import Visit, VisitDep, check_csrf, get_visit, respond, wants_json

router = APIRouter(include_in_schema=False)

_THRESHOLDS = {"hit": THRESHOLDS.hit, "possible_match": THRESHOLDS.possible}


@router.get("/faces")
def faces_page(visit: VisitDep) -> Response:
    require(visit.principal, Action.CHECK)
    return _page(visit, {"thresholds": _THRESHOLDS})


@router.post("/faces")
async def search_faces(request: Request, services: ServicesDep) -> Response:
    visit = get_visit(request, services)
    _, upload = await _submitted(visit)
    require(visit.principal, Action.CHECK)
    try:
        found = await run_in_threadpool(
            services.faces.search, principal=visit.principal, photo=need_photo(upload)
        )
    except (InvalidInput, PayloadTooLarge) as error:
        return _refused(visit, error)
    return _page(visit, found.as_dict())


@router.post("/faces/enrol")
async def enrol_face(request: Request, services: ServicesDep) -> Response:
    visit = get_visit(request, services)
    fields, upload = await _submitted(visit)
    require(visit.principal, Action.WRITE_RECORDS)
    record_id = fields.get("record_id", "").strip()
    try:
        if not record_id:
            raise InvalidInput.for_field("record_id", "name the person record to enrol to")
        enrolment = await run_in_threadpool(
            services.faces.enrol,
            principal=visit.principal,
            record_id=record_id,
            photo=need_photo(upload),
        )
    except (InvalidInput, PayloadTooLarge) as error:
        return _refused(visit, error, record_id=record_id)
    return _page(visit, {"enrolment": enrolment.as_dict()}, status=201)


async def _submitted(visit: Visit) -> tuple[dict[str, str], bytes | None]:
    """The multipart form's text fields and photo (one file at most); a cookie-borne form
    must carry the session's CSRF token."""
    async with visit.request.form(max_files=1, max_fields=10) as form:
        fields = {name: value for name, value in form.items() if isinstance(value, str)}
        upload = await upload_of(form.get("photo"))
    if visit.session is not None:
        check_csrf(visit.session, fields, visit.request)
    return fields, upload


def _page(visit: Visit, data: dict[str, Any], *, status: int = 200, **context: Any) -> Response:
    return respond(
        visit,
        visit.request,
        "faces.html",
        data,
        status=status,
        # The check page's result partial shows the hit cards; a face search brings no
        # document, so no genuine-document references for it to show.
        result={**data, "references": []} if "check_id" in data else None,
        enrolment=data.get("enrolment"),
        errors=context.pop("errors", []),
        record_id=context.pop("record_id", ""),
        thresholds=_THRESHOLDS,
        **context,
    )


def _refused(visit: Visit, error: InvalidInput | PayloadTooLarge, record_id: str = "") -> Response:
    """The page again with what is wrong; the JSON twin answers the API's error shape."""
    if wants_json(visit.request):
        raise error
    errors = error.errors or [FieldError("photo", error.message)]
    return _page(visit, {}, status=error.http_status, errors=errors, record_id=record_id)
