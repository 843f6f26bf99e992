"""The officer console: server-rendered pages over the same use cases as the API, each
with a JSON twin (a ``.json`` suffix or ``Accept: application/json``)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from frontline.services import Services
from frontline.web.console import ConsoleConfig, wants_json
from frontline.web.routes import audit, check, hits, login, operations, records, training
from frontline.web.routes import faces as face_pages
from frontline.web.routes import references as reference_pages
from frontline.web.sessions import session_key

__all__ = ["install_console", "is_console_page"]

STATIC = Path(__file__).parent / "static"
# The first path segments that are console pages; the rest (/v1, /healthz, /docs,
# /openapi.json) is the API's and keeps its own answers; dna and specimens are issue 9's.
PAGES = frozenset(
    {"", "login", "logout", "check", "hits", "records", "audit", "operations", "training"}
)
PAGES |= {"dna", "specimens"}

PAGES |= {"faces"}  # issue 9's face search


def install_console(app: FastAPI, services: Services) -> None:
    """Mount the console's pages and static files on ``app``."""
    settings = services.settings
    app.state.console = ConsoleConfig.build(
        key=session_key(settings),
        idle_minutes=settings.session_idle_minutes,
        max_hours=settings.session_max_hours,
    )
    for module in (login, check, records, hits, audit, operations, reference_pages, training):
        app.include_router(module.router)
    app.include_router(face_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(ConsolePaths)
    app.add_middleware(training.TrainingHeader)  # every /training answer says so


def is_console_page(request: Request) -> bool:
    """Whether an error on this request is shown as an HTML page (not the JSON twin)."""
    return bool(request.scope.get("frontline.console")) and not wants_json(request)


class ConsolePaths:
    """Marks console requests, and reads ``/records.json`` as ``/records`` asking for JSON."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path: str = scope["path"]
            if path.split("/", 2)[1].removesuffix(".json") in PAGES:
                _mark_console(scope, path)
        await self.app(scope, receive, send)


def _mark_console(scope: Scope, path: str) -> None:
    # Marked in place, not on a copy: the outermost error middleware (an unexpected
    # error's 500) reads this same scope, and must know to answer with a page.
    scope["frontline.console"] = True
    if path.endswith(".json") and len(path) > len("/.json"):
        scope["path"] = path.removesuffix(".json")
        scope["raw_path"] = scope["path"].encode()
        scope["frontline.json"] = True
