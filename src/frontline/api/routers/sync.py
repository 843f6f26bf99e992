"""/v1/sync: the server side of offline nodes (docs/offline.md).

GET ``/sync/hello`` (the key to pin and who the token is), ``/sync/manifest`` (the signed
list of files that bring a node up to date, for some kinds, owners or an operation),
``/sync/files/{name}`` (one file of the same scope; HTTP Range, so an interrupted download
resumes), POST
``/sync/uploads`` (checks made offline).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from frontline.access import Action, require
from frontline.api.deps import MAX_VERSION, CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.operations import Operation
from frontline.errors import NotFound, PermissionDenied
from frontline.metrics import SYNC_UPLOADED
from frontline.services import Services
from frontline.sync.feed import Feed, open_feed
from frontline.sync.scopes import Scope, resolve_scope
from frontline.sync.uploads import OfflineUploads

router = APIRouter(prefix="/v1/sync", tags=["sync"])


class UploadIn(BaseModel):
    # pydantic at the edge only: the items are validated one by one by the use case.
    node_id: str = Field(pattern=r"^node_[0-9a-f]{8,32}$")
    items: list[dict[str, Any]] = Field(max_length=1000)


def _feed(request: Request, services: Services) -> Feed:
    feed: Feed | None = getattr(request.app.state, "sync_feed", None)
    if feed is None:
        feed = open_feed(services.settings, store=services.store, clock=services.clock)
        request.app.state.sync_feed = feed
    return feed


KindsQuery = Annotated[str | None, Query(max_length=200, description="documents,persons")]
OwnerQuery = Annotated[str | None, Query(max_length=400, description="FRA or FRA,DEU,BEL")]
OperationQuery = Annotated[str | None, Query(max_length=40, description="An operation id")]


def _asked_scope(
    services: ServicesDep,
    caller: CallerDep,
    kinds: KindsQuery = None,
    owner: OwnerQuery = None,
    operation: OperationQuery = None,
) -> tuple[Scope, Operation | None]:
    """The scope a node asks for with ``kinds``, ``owner`` and ``operation``, resolved for
    a caller who may check (see ``resolve_scope`` for the refusals)."""
    require(caller, Action.CHECK)
    return resolve_scope(
        operations=services.operations.store,
        principal=caller,
        kinds=kinds,
        owner=owner,
        operation_id=operation,
        now=services.clock(),
    )


AskedScope = Annotated[tuple[Scope, Operation | None], Depends(_asked_scope)]


@router.get("/hello", response_class=FastJSON, summary="The server's sync key and the caller")
def hello(request: Request, services: ServicesDep, caller: CallerDep, resolved: AskedScope) -> Any:
    """With a scope's parameters, also the scope they resolve to (refused as the manifest
    would refuse it), so a node learns of a bad scope at init."""
    key = _feed(request, services).key
    scope, chosen = resolved
    asked = scope.as_dict()
    if chosen is not None:
        asked["operation"] = chosen.id
        asked["border_points"] = [point.code for point in chosen.border_points]
    return FastJSON(
        {
            "public_key": key.public_text,
            "fingerprint": key.fingerprint,
            "user": caller.name,
            "role": caller.role.value,
            "country": caller.country,
            "scope": asked,
        }
    )


@router.get(
    "/manifest",
    response_class=FastJSON,
    summary="Signed files since a version (503 not_ready while a snapshot is cut)",
)
def manifest(
    request: Request,
    services: ServicesDep,
    asked: AskedScope,
    since: Annotated[int, Query(ge=0, le=MAX_VERSION)] = 0,
) -> Any:
    scope, _ = asked
    return FastJSON(_feed(request, services).manifest(scope=scope, since=since, wait=False))


@router.get("/files/{name}", summary="One snapshot or delta file (HTTP Range supported)")
def file(name: str, request: Request, services: ServicesDep, asked: AskedScope) -> Any:
    """Only a file of the scope the parameters resolve to, by the manifest's own rules: a
    node of one operation or region cannot take another scope's file by its name, nor any
    file once its operation is over."""
    scope, _ = asked
    if not name.startswith(f"{scope.name}."):
        raise PermissionDenied(
            f"{name} is not a file of the scope asked for ({scope.name}); "
            "ask for the file with the manifest's kinds, owner and operation"
        )
    path = _feed(request, services).path_of(name)
    if not path.is_file():
        raise NotFound(f"no sync file {name} (compacted since: ask for a new manifest)")
    return FileResponse(path, media_type="application/gzip")


@router.post("/uploads", response_class=FastJSON, summary="Checks made offline, idempotent")
def uploads(body: UploadIn, services: ServicesDep, caller: CallerDep) -> Any:
    accepted = OfflineUploads(
        engine=services.engine, cases=services.cases, clock=services.clock
    ).accept(principal=caller, node_id=body.node_id, items=body.items)
    SYNC_UPLOADED.inc(len(body.items))
    return FastJSON(accepted)
