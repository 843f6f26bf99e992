"""Readiness: may this process take traffic now? Its database answers, its schema is at the
migrations' head (an older schema means a deploy half done), and its memory index is
loaded. Liveness (``/healthz``) asks only whether the process answers at all."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from frontline.services import Services
from frontline.store.database import head_revision, schema_revision

__all__ = ["readiness"]


def readiness(services: Services) -> tuple[bool, dict[str, Any]]:
    """Whether the process is ready, and each check with what it found."""
    checks: dict[str, Any] = {}
    try:
        with services.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        checks["database"] = {"ok": True}
        revision, head = schema_revision(services.engine), head_revision()
        checks["migrations"] = {"ok": revision == head, "revision": revision, "head": head}
    except Exception as error:  # any failure to reach the database means not ready
        checks["database"] = {"ok": False, "error": type(error).__name__}
        checks["migrations"] = {"ok": False, "revision": None, "head": head_revision()}
    index = services.index
    # The index is built before the app takes its first request (open_services), so a
    # process with one has it loaded; one without answers from SQL, too slowly to serve.
    checks["index"] = {"ok": index is not None, "version": index.version if index else None}
    return all(check["ok"] for check in checks.values()), checks
