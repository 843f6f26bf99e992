"""The one exception tree of Frontline.

Every error the project raises on purpose is a ``FrontlineError`` with a stable ``code``;
the API maps it to HTTP in one place (``frontline.api.app``), the CLI to a message and exit
code 2. The core never raises HTTP errors.

    FrontlineError                      code
    ├── InvalidInput                    invalid_input      (HTTP 422)
    │   ├── MalformedMRZ                malformed_mrz      (HTTP 422)
    │   └── ImportRefused               import_refused     (HTTP 422)
    ├── AuthenticationFailed            unauthorized       (HTTP 401)
    ├── PermissionDenied                forbidden          (HTTP 403)
    ├── NotFound                        not_found          (HTTP 404)
    ├── Conflict                        conflict           (HTTP 409)
    ├── PayloadTooLarge                 payload_too_large  (HTTP 413)
    ├── RateLimited                     rate_limited       (HTTP 429, Retry-After)
    ├── AuditUnavailable                audit_unavailable  (HTTP 503)
    ├── StorageFailed                   storage_failed     (HTTP 503)
    ├── NotReady                        not_ready          (HTTP 503, Retry-After)
    └── SyncFailed                      sync_failed        (HTTP 502)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

__all__ = [
    "AuditUnavailable",
    "AuthenticationFailed",
    "Conflict",
    "FieldError",
    "FrontlineError",
    "ImportRefused",
    "InvalidInput",
    "MalformedMRZ",
    "NotFound",
    "NotReady",
    "PayloadTooLarge",
    "PermissionDenied",
    "RateLimited",
    "StorageFailed",
    "SyncFailed",
]


@dataclass(frozen=True, slots=True)
class FieldError:
    """One problem with one field of the input; ``line`` is set for file imports."""

    field: str
    message: str
    line: int | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "message": self.message}
        if self.line is not None:
            out["line"] = self.line
        return out


class FrontlineError(Exception):
    """Base of every error Frontline raises on purpose."""

    code: ClassVar[str] = "error"
    http_status: ClassVar[int] = 500

    def __init__(self, message: str, *, errors: list[FieldError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors: list[FieldError] = list(errors or [])

    def details(self) -> list[dict[str, Any]]:
        return [error.as_dict() for error in self.errors]


class InvalidInput(FrontlineError):
    """The input is wrong: a field is missing, malformed, out of range or unknown."""

    code = "invalid_input"
    http_status = 422

    @classmethod
    def for_field(cls, field_name: str, message: str) -> InvalidInput:
        return cls(f"{field_name}: {message}", errors=[FieldError(field_name, message)])


class MalformedMRZ(InvalidInput):
    """The MRZ cannot be read at all: wrong line count or length, illegal characters."""

    code = "malformed_mrz"


class ImportRefused(InvalidInput):
    """A file import found bad rows and wrote nothing; ``errors`` lists every bad row."""

    code = "import_refused"


class AuthenticationFailed(FrontlineError):
    """No token, an unknown token, or an expired or revoked one."""

    code = "unauthorized"
    http_status = 401


class PermissionDenied(FrontlineError):
    """The caller is known but its role or country may not do this."""

    code = "forbidden"
    http_status = 403


class NotFound(FrontlineError):
    """The record or resource does not exist (or the caller may not know that it does)."""

    code = "not_found"
    http_status = 404


class Conflict(FrontlineError):
    """The request conflicts with the current state (already cancelled, duplicate name)."""

    code = "conflict"
    http_status = 409


class PayloadTooLarge(FrontlineError):
    """The request is larger than the configured limit (batch size, field size)."""

    code = "payload_too_large"
    http_status = 413


class RateLimited(FrontlineError):
    """The caller asked too much: over its rate or its daily quota; ``retry_after`` says in
    how many seconds asking again can succeed."""

    code = "rate_limited"
    http_status = 429

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class AuditUnavailable(FrontlineError):
    """The audit entry could not be written, so the check is refused rather than unlogged."""

    code = "audit_unavailable"
    http_status = 503


class StorageFailed(FrontlineError):
    """The database could not take a write; nothing was written."""

    code = "storage_failed"
    http_status = 503


class NotReady(FrontlineError):
    """What was asked for is being prepared (an offline copy being cut); ``retry_after``
    says in how many seconds to ask again."""

    code = "not_ready"
    http_status = 503

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class SyncFailed(FrontlineError):
    """An offline node could not reach the server, or refused what it sent (a bad signature
    or checksum); the node's copy is unchanged."""

    code = "sync_failed"
    http_status = 502
