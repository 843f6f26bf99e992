"""``frontline node serve``: POST /v1/checks over the node's copy, on loopback only.

The node has no user table of its own: whoever can reach 127.0.0.1 on the device already
holds the unlocked device, so the server binds nothing else. Every check is queued.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI, Request

from frontline.api.responses import FastJSON, error_body
from frontline.errors import FrontlineError
from frontline.sync.checking import NodeChecker

__all__ = ["node_app"]


def node_app(checker: NodeChecker) -> FastAPI:
    app = FastAPI(title="Frontline node", default_response_class=FastJSON)
    lock = threading.Lock()  # one check at a time: one SQLite writer, one queue

    @app.get("/healthz")
    def healthz() -> Any:
        return FastJSON({"status": "ok", "node_id": checker.state["node_id"]})

    @app.post("/v1/checks")
    async def check(request: Request) -> Any:
        raw = await request.json()
        with lock:
            return FastJSON(checker.check(raw))

    @app.exception_handler(FrontlineError)
    async def frontline_error(_request: Request, error: FrontlineError) -> Any:
        return FastJSON(
            error_body(error.code, error.message, error.details()), status_code=error.http_status
        )

    return app
