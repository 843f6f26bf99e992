"""GET /healthz: is the service up, and how big is its index (no token needed)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from frontline.api.deps import ServicesDep
from frontline.api.responses import FastJSON

router = APIRouter(tags=["health"])


@router.get("/healthz", response_class=FastJSON)
def healthz(services: ServicesDep) -> Any:
    index = services.index
    return FastJSON(
        {
            "status": "ok",
            "index_version": index.version if index else None,
            "data_as_of": index.data_as_of().isoformat() if index else None,
        }
    )
