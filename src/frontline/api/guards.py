"""The API's guards, as plain ASGI middleware (no per-request objects on the hot path):

- ``RequestContext`` (outermost): the request id (``X-Request-ID`` in and out), one JSON
  access line per request, the HTTP metrics, and the security headers of every answer.
- ``Limits`` (inside the console's path marker): rate limits per bearer token and per
  source address, the body size limit (declared or streamed), and the request timeout.

Refusals use the one error shape (or the console's error page for a console page).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontline.api.logs import REQUEST_ID, request_id_from
from frontline.api.responses import FastJSON, error_body
from frontline.errors import FrontlineError, PayloadTooLarge, RateLimited
from frontline.metrics import HTTP_REQUESTS, HTTP_SECONDS, RATE_LIMITED
from frontline.rates import RateBuckets
from frontline.settings import Settings
from frontline.web import is_console_page
from frontline.web.console import SECURITY_HEADERS, error_page

__all__ = ["BodyTooLarge", "Limits", "RequestContext", "RequestTimedOut"]

log = logging.getLogger("frontline.http")

# Probes and the scraper are never rate-limited: a load balancer asks often, from one address.
UNLIMITED = frozenset({"/healthz", "/readyz", "/metrics"})

# The console's pages set their own (web/console.py, SECURITY_HEADERS); every other answer
# gets the same defaults here, each only where the answer has not set it.
_CONSOLE_CSP = SECURITY_HEADERS["Content-Security-Policy"].encode()
# The API answers JSON: nothing in it may load or run anything, nor be framed.
_API_CSP = b"default-src 'none'; frame-ancestors 'none'"
_EVERY = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
# The interactive API docs load their scripts from a CDN: no policy there rather than a
# policy that breaks them (they show no data and hold no session).
_DOCS = ("/docs", "/redoc")


class RequestTimedOut(FrontlineError):
    """No answer began within the request timeout."""

    code = "timeout"
    http_status = 503


class BodyTooLarge(HTTPException):
    """A streamed body grew past the limit. An HTTPException, so that FastAPI's body
    reading passes it on as it is rather than as a 400 'error parsing the body'."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the body is larger than {limit} bytes")


class RequestContext:
    """Request id, access log, HTTP metrics and security headers around every request."""

    def __init__(self, app: ASGIApp, *, hsts_seconds: int) -> None:
        self.app = app
        self.hsts = (
            ((b"strict-transport-security", f"max-age={hsts_seconds}".encode()),)
            if hsts_seconds
            else ()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(_header(scope, b"x-request-id"))
        token = REQUEST_ID.set(request_id)
        began = time.perf_counter()
        status = 500

        async def send_headed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", ()))
                headers.append((b"x-request-id", request_id.encode()))
                present = {name.lower() for name, _ in headers}
                headers.extend(
                    header for header in self._security_headers(scope) if header[0] not in present
                )
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_headed)
        finally:
            _account(scope, status, time.perf_counter() - began)
            REQUEST_ID.reset(token)

    def _security_headers(self, scope: Scope) -> tuple[tuple[bytes, bytes], ...]:
        path: str = scope["path"]
        if scope.get("frontline.console") or path.startswith("/static/"):
            policy: tuple[tuple[bytes, bytes], ...] = ((b"content-security-policy", _CONSOLE_CSP),)
        elif path.startswith(_DOCS):
            policy = ()
        else:
            policy = ((b"content-security-policy", _API_CSP),)
        hsts = self.hsts if scope.get("scheme") == "https" else ()
        return (*_EVERY, *policy, *hsts)


def _account(scope: Scope, status: int, seconds: float) -> None:
    """Count and log one answered request by its route's template (never the path as sent,
    which may carry a number or a name in its query)."""
    route = getattr(scope.get("route"), "path", None) or "(unrouted)"
    method: str = scope["method"]
    HTTP_REQUESTS.labels(route, method, str(status)).inc()
    HTTP_SECONDS.labels(route).observe(seconds)
    log.info(
        "request",
        extra={"method": method, "route": route, "status": status, "ms": round(seconds * 1e3, 2)},
    )


def _header(scope: Scope, name: bytes) -> bytes | None:
    headers: list[tuple[bytes, bytes]] = scope["headers"]
    for key, value in headers:
        if key == name:
            return value
    return None


@dataclass(slots=True)
class _Cycle:
    """One request's state as the timeout and the body limit see it."""

    received: int = 0
    started: bool = False
    abandoned: bool = False
    answer: asyncio.Task[None] | None = field(default=None)


class Limits:
    """Rate limits, body size and timeout; refusals before the app sees the request."""

    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.per_token = settings.rate_limit_per_token
        self.per_address = settings.rate_limit_per_address
        self.max_body = settings.max_body_bytes
        self.timeout = settings.request_timeout_seconds
        self.buckets = RateBuckets()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED:
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await _answer(scope, receive, send, refusal)
            return
        await self._guarded(scope, receive, send)

    def _refusal(self, scope: Scope) -> FrontlineError | None:
        now = time.monotonic()
        authorization = _header(scope, b"authorization")
        if self.per_token and authorization is not None:
            key = "t" + hashlib.sha256(authorization).hexdigest()[:32]
            wait = self.buckets.take(key, per_minute=self.per_token, now=now)
            if wait:
                RATE_LIMITED.labels("token").inc()
                return RateLimited(
                    f"more than {self.per_token} requests a minute with this token",
                    retry_after=math.ceil(wait),
                )
        client = scope.get("client")
        if self.per_address and client:
            wait = self.buckets.take("a" + client[0], per_minute=self.per_address, now=now)
            if wait:
                RATE_LIMITED.labels("address").inc()
                return RateLimited(
                    f"more than {self.per_address} requests a minute from this address",
                    retry_after=math.ceil(wait),
                )
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return PayloadTooLarge(f"the body is larger than {self.max_body} bytes")
        return None

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        cycle = _Cycle()
        limit = self.max_body

        async def limited_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                cycle.received += len(message.get("body", b""))
                if cycle.received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def guarded_send(message: Message) -> None:
            if cycle.abandoned:
                return  # the caller already has its 503: what the work says now is dropped
            if message["type"] == "http.response.start":
                cycle.started = True
            await send(message)

        def expire() -> None:
            if cycle.started:
                return
            cycle.abandoned = True
            error = RequestTimedOut(
                f"no answer within {self.timeout:g} s; work it started finishes whole or not "
                "at all: look before sending it again"
            )
            cycle.answer = asyncio.ensure_future(_answer(scope, receive, send, error))

        timer = asyncio.get_running_loop().call_later(self.timeout, expire)
        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not cycle.abandoned:
                raise
            log.warning("request failed after its timeout answer", exc_info=True)
        finally:
            timer.cancel()
            if cycle.answer is not None:
                await cycle.answer


async def _answer(scope: Scope, receive: Receive, send: Send, error: FrontlineError) -> None:
    """Send ``error`` as the one error shape, or as a page for a console page."""
    request = Request(scope, receive)
    response: Callable[[Scope, Receive, Send], Awaitable[None]]
    if is_console_page(request):
        response = error_page(request, error)
    else:
        headers: dict[str, Any] | None = None
        if isinstance(error, RateLimited):
            headers = {"Retry-After": str(error.retry_after)}
        response = FastJSON(
            error_body(error.code, error.message, error.details()),
            status_code=error.http_status,
            headers=headers,
        )
    await response(scope, receive, send)
