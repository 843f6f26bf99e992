"""The app factory: routers, and the one place where errors become HTTP responses."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, nullcontext

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontline import __version__
from frontline.api.guards import Limits, RequestContext
from frontline.api.responses import ERROR_RESPONSES, FastJSON, error_body
from frontline.api.routers import (
    audit,
    biometrics,
    cases,
    checks,
    dna,
    faces,
    health,
    manifests,
    notifications,
    operations,
    partner,
    records,
    references,
    suppressions,
    sync,
)
from frontline.errors import FieldError, FrontlineError, InvalidInput, NotReady, RateLimited
from frontline.hits.delivery import delivering
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.web import install_console, is_console_page
from frontline.web.console import error_page

__all__ = ["app_from_settings", "create_app"]

log = logging.getLogger("frontline.api")


def app_from_settings() -> FastAPI:
    """An app on services opened from the ``FRONTLINE_*`` settings, closed at shutdown:
    the factory each ``frontline serve --workers N`` process calls."""
    settings = Settings()
    return create_app(
        open_services(settings), owns_services=True, deliver=settings.deliver_notifications
    )


def create_app(
    services: Services, *, owns_services: bool = False, deliver: bool = False
) -> FastAPI:
    """An app serving ``services``; unless it ``owns_services``, the caller closes them.
    With ``deliver``, a thread sends owner notifications while the app runs."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        with delivering(services) if deliver else nullcontext():
            yield
        if owns_services:
            services.close()

    app = FastAPI(
        title="Frontline",
        version=__version__,
        description="Border screening: documents, persons, vehicles, vessels, firearms.",
        lifespan=lifespan,
        default_response_class=FastJSON,
    )
    app.state.services = services
    app.include_router(health.router)  # health, readiness, metrics: answers of their own
    routers = (checks, records, audit, suppressions, cases, notifications, operations)
    for module in (*routers, dna, references, manifests, partner, sync, faces, biometrics):
        app.include_router(module.router, responses=ERROR_RESPONSES)
    # Added innermost first: the limits see the console's path marks, and the request
    # context (request id, access log, security headers) wraps every answer.
    app.add_middleware(Limits, settings=services.settings)
    install_console(app, services)
    app.add_middleware(RequestContext, hsts_seconds=services.settings.hsts_seconds)
    _install_error_handlers(app)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    # Console pages show errors as pages; their JSON twins and the API, as the one shape.
    @app.exception_handler(FrontlineError)
    async def frontline_error(request: Request, error: FrontlineError) -> Response:
        if is_console_page(request):
            return error_page(request, error)
        headers = {"WWW-Authenticate": "Bearer"} if error.http_status == 401 else None
        if isinstance(error, RateLimited | NotReady):
            headers = {"Retry-After": str(error.retry_after)}
        return FastJSON(
            error_body(error.code, error.message, error.details()),
            status_code=error.http_status,
            headers=headers,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        details = [
            {
                "field": ".".join(str(part) for part in item["loc"] if part != "body") or "(body)",
                "message": item["msg"],
            }
            for item in error.errors()
        ]
        first = details[0] if details else {"field": "(body)", "message": "invalid"}
        if is_console_page(request):
            fields = [FieldError(item["field"], item["message"]) for item in details]
            message = f"{first['field']}: {first['message']}"
            return error_page(request, InvalidInput(message, errors=fields))
        return FastJSON(
            error_body("invalid_input", f"{first['field']}: {first['message']}", details),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if error.status_code == 400:  # a body that cannot be read: not JSON, a broken form
            return await frontline_error(request, InvalidInput.for_field("(body)", error.detail))
        codes = {404: "not_found", 405: "method_not_allowed", 413: "payload_too_large"}
        code = codes.get(error.status_code, "http_error")
        if is_console_page(request):
            return error_page(request, _PageError(code, str(error.detail), error.status_code))
        return FastJSON(error_body(code, str(error.detail)), status_code=error.status_code)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error", exc_info=error)
        if is_console_page(request):
            message = "an unexpected error occurred; it has been logged"
            return error_page(request, _PageError("internal", message, 500))
        return FastJSON(
            error_body("internal", "an unexpected error occurred; it has been logged"),
            status_code=500,
        )


class _PageError(FrontlineError):
    """A routing error (no such page, wrong method) shown as a console page."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code  # type: ignore[misc]
        self.http_status = status  # type: ignore[misc]
