"""POST /v1/manifests (PAXLST, JSON lines or CSV), GET /v1/manifests/{id} and
POST /v1/manifests/{id}/rescreen: screen every traveller of a manifest."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from frontline.api.deps import CallerDep, ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.operations import check_context
from frontline.manifests.paxlst import looks_like_paxlst, parse_paxlst
from frontline.manifests.service import ScreenedManifest
from frontline.manifests.subjects import ManifestSource, paxlst_source, rows_source

router = APIRouter(prefix="/v1", tags=["manifests"])

_BODY = {
    "requestBody": {
        "required": True,
        "description": "A UN/EDIFACT PAXLST interchange (told by its UNA or UNB), JSON lines "
        "or CSV of subjects (the columns of `frontline screen`).",
        "content": {
            "application/edifact": {"schema": {"type": "string"}},
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
        },
    }
}


def manifest_source(data: bytes) -> ManifestSource:
    """The manifest in ``data``, its format told by its content: UNA/UNB is PAXLST, a first
    ``{`` JSON lines, anything else CSV."""
    if looks_like_paxlst(data):
        return paxlst_source(parse_paxlst(data))
    first = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return rows_source(data, format="jsonl" if first == b"{" else "csv")


def _rendered(screened: ScreenedManifest) -> FastJSON:
    return FastJSON(
        {
            "manifest_id": screened.manifest_id,
            "results": screened.lines(),
            "summary": screened.summary(),
        }
    )


@router.post(
    "/manifests", response_class=FastJSON, summary="Screen a manifest", openapi_extra=_BODY
)
async def screen_manifest(
    request: Request,
    services: ServicesDep,
    caller: CallerDep,
    skip_invalid: Annotated[bool, Query(description="Screen the valid travellers only.")] = False,
    operation_id: Annotated[str | None, Query(max_length=40)] = None,
    border_point: Annotated[str | None, Query(max_length=16)] = None,
) -> Any:
    source = manifest_source(await request.body())
    screened = services.manifests.screen(
        principal=caller,
        source=source,
        context=check_context(operation_id, border_point),
        skip_invalid=skip_invalid,
    )
    return _rendered(screened)


@router.get("/manifests/{manifest_id}", response_class=FastJSON, summary="A manifest kept")
def get_manifest(manifest_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    return FastJSON(services.manifests.get(principal=caller, manifest_id=manifest_id).as_dict())


@router.post(
    "/manifests/{manifest_id}/rescreen",
    response_class=FastJSON,
    summary="Screen a manifest again; only new hits",
)
def rescreen_manifest(manifest_id: str, services: ServicesDep, caller: CallerDep) -> Any:
    return _rendered(services.manifests.rescreen(principal=caller, manifest_id=manifest_id))
