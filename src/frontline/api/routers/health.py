"""Probes and metrics, no user token needed: GET /healthz (the process answers), GET /readyz
(it may take traffic: database, schema, index), GET /metrics (Prometheus text; loopback
callers or the metrics token only)."""

from __future__ import annotations

import hmac
import ipaddress
from typing import Any

from fastapi import APIRouter, Request, Response

from frontline.api.deps import ServicesDep
from frontline.api.responses import FastJSON
from frontline.errors import PermissionDenied
from frontline.metrics import CONTENT_TYPE, render_metrics
from frontline.readiness import readiness

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


@router.get(
    "/readyz",
    response_class=FastJSON,
    summary="Ready for traffic: database reachable, schema at head, index loaded (else 503)",
)
def readyz(services: ServicesDep) -> Any:
    ready, checks = readiness(services)
    return FastJSON(
        {"status": "ready" if ready else "not_ready", "checks": checks},
        status_code=200 if ready else 503,
    )


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request, services: ServicesDep) -> Response:
    _require_metrics_reader(request, services.settings.metrics_token)
    return Response(render_metrics(services), media_type=CONTENT_TYPE)


def _require_metrics_reader(request: Request, token: str | None) -> None:
    # The metrics tell how busy the node is and which databases hit, but no record: open to
    # the host itself (a local agent scrapes them) or to whoever holds the metrics token.
    offered = request.headers.get("authorization", "")
    if token is not None and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
        return
    client = request.client.host if request.client else ""
    try:
        if ipaddress.ip_address(client).is_loopback:
            return
    except ValueError:
        pass
    raise PermissionDenied("metrics are open to loopback callers and the metrics token only")
