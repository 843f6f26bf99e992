"""/v1/faces: enrol a photo to a person record; search a probe photo 1:N; remove one.

A photo is sent as the request body (``Content-Type: image/jpeg``, ``image/png``, ...) or
as the ``photo`` file of a multipart form (``curl -F photo=@face.jpg``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, status
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.api.schemas import RemovalIn
from frontline.biometrics.faces import MAX_CANDIDATES
from frontline.errors import InvalidInput

__all__ = ["need_photo", "photo_of", "router", "upload_of"]

router = APIRouter(prefix="/v1/faces", tags=["faces"])

_PHOTO_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "image/*": {"schema": {"type": "string", "format": "binary"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"photo": {"type": "string", "format": "binary"}},
                    "required": ["photo"],
                }
            },
        },
    }
}


@router.post(
    "/search",
    response_class=FastJSON,
    summary="Search a probe photo against the face gallery (1:N)",
    openapi_extra=_PHOTO_BODY,
)
async def search_face(
    request: Request,
    services: ServicesDep,
    caller: CallerDep,
    limit: Annotated[int, Query(ge=1, le=MAX_CANDIDATES)] = 5,
) -> Any:
    photo = await photo_of(request)
    # In a worker thread: describing a face takes a CPU for about half a second, which
    # would stall every other request on the event loop.
    found = await run_in_threadpool(
        services.faces.search, principal=caller, photo=photo, limit=limit
    )
    return FastJSON(found.as_dict())


@router.post(
    "/enrolments/{record_id}",
    response_class=FastJSON,
    status_code=status.HTTP_201_CREATED,
    summary="Enrol a photo to a person record (its owner's bureau, or an admin)",
    openapi_extra=_PHOTO_BODY,
)
async def enrol_face(
    record_id: str, request: Request, services: ServicesDep, caller: CallerDep
) -> Any:
    photo = await photo_of(request)
    enrolment = await run_in_threadpool(
        services.faces.enrol, principal=caller, record_id=record_id, photo=photo
    )
    return FastJSON(enrolment.as_dict(), status_code=status.HTTP_201_CREATED)


@router.get(
    "/enrolments/{record_id}",
    response_class=FastJSON,
    summary="The photos enrolled to a person record (who and when; no biometrics)",
)
def list_enrolments(record_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    found = services.faces.enrolments(principal=caller, record_id=record_id)
    return FastJSON({"items": [enrolment.as_dict() for enrolment in found]})


@router.delete(
    "/enrolments/{record_id}/{enrolment_id}",
    response_class=FastJSON,
    summary="Remove an enrolled photo: its descriptor deleted, the removal audited",
)
def remove_enrolment(
    record_id: str, enrolment_id: str, body: RemovalIn, services: ServicesDep, caller: CallerDep
) -> Any:
    removal = services.faces.remove(
        principal=caller, record_id=record_id, enrolment_id=enrolment_id, reason=body.reason
    )
    return FastJSON(removal.as_dict())


async def photo_of(request: Request) -> bytes:
    """The photo's bytes: the multipart form's ``photo`` file, or the whole body."""
    kind = request.headers.get("content-type", "")
    if not kind.startswith("multipart/form-data"):
        return await request.body()
    # As a context, so the form's spooled files are closed whatever happens next.
    async with request.form(max_files=1, max_fields=10) as form:
        return need_photo(await upload_of(form.get("photo")))


async def upload_of(field: object) -> bytes | None:
    """The bytes of a form's file field (None: no file there)."""
    return await field.read() if isinstance(field, UploadFile) else None


def need_photo(photo: bytes | None) -> bytes:
    """The photo, or a refusal naming the field a form must carry it in."""
    if photo is None:
        raise InvalidInput.for_field("photo", "attach the photo as a file named photo")
    return photo
