"""JSON responses rendered with orjson: a batch result is thousands of objects."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

__all__ = ["ERROR_RESPONSES", "ErrorOut", "FastJSON", "error_body"]


class FastJSON(JSONResponse):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def error_body(
    code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The one error shape: ``{"error": {"code", "message", "details"}}``."""
    return {"error": {"code": code, "message": message, "details": details or []}}


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetailOut(_Closed):
    field: str
    message: str
    line: int | None = None


class ErrorInfoOut(_Closed):
    code: str
    message: str
    details: list[ErrorDetailOut]


class ErrorOut(_Closed):
    """The one error shape, as the OpenAPI schema declares it (only for the schema: the
    handlers in ``api.app`` write it with ``error_body``)."""

    error: ErrorInfoOut


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: _error("No token, or an unknown, expired or revoked one."),
    403: _error("The caller's role or country may not do this."),
    404: _error("No such record or resource (or the caller may not know of it)."),
    409: _error("In conflict with the current state."),
    413: _error("The body or a batch is larger than the configured limit."),
    422: _error("The input is wrong; details name each bad field."),
    429: _error("Over the caller's rate or quota; Retry-After says when to ask again."),
    503: _error(
        "The audit or the database could not be written, the request timed out, or what was "
        "asked for is being prepared (not_ready, with Retry-After)."
    ),
}
"""What any API operation may answer besides its success, each in the one error shape. The
API fuzzing (tests/api/test_fuzz.py) holds every answer to this declaration."""
