"""What every console page shares: who is asking, the form they sent, and the answer as
HTML or, for the JSON twin, as JSON.

A page is reached with a session cookie (a person in a browser) or a bearer token (a
script reading the JSON twin). Forms sent with a cookie must carry the session's CSRF
token; a bearer token cannot be sent by another site's page, so it needs none.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote

import jinja2
from fastapi import Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from frontline.api.deps import ServicesDep
from frontline.api.responses import FastJSON
from frontline.domain.users import Principal
from frontline.errors import AuthenticationFailed, FrontlineError, InvalidInput, PermissionDenied
from frontline.services import Services
from frontline.web.sessions import COOKIE, Session, SessionSigner
from frontline.web.throttle import LoginThrottle

__all__ = [
    "ConsoleConfig",
    "FormDep",
    "LoginRequired",
    "Visit",
    "VisitDep",
    "check_csrf",
    "redirect",
    "respond",
    "set_session",
    "wants_json",
]

TEMPLATES = Path(__file__).parent / "templates"
_MAX_FIELDS = 60

# Pages hold personal data: never cached, never framed, scripts and styles from this
# server only (no inline script can run if an attacker ever gets text onto a page).
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


class LoginRequired(AuthenticationFailed):
    """No session, or one that has ended: the page sends the person to the login form."""

    def __init__(self, message: str, *, has_ended: bool = False) -> None:
        super().__init__(message)
        self.has_ended = has_ended


@dataclass(frozen=True, slots=True)
class ConsoleConfig:
    """The console's parts, made once per app: templates, cookie signer, session limits."""

    templates: jinja2.Environment
    signer: SessionSigner
    idle_seconds: float
    max_seconds: float
    throttle: LoginThrottle

    @classmethod
    def build(cls, *, key: bytes, idle_minutes: float, max_hours: float) -> ConsoleConfig:
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        return cls(
            environment,
            SessionSigner(key),
            idle_minutes * 60.0,
            max_hours * 3600.0,
            LoginThrottle(),
        )


def config_of(request: Request) -> ConsoleConfig:
    config: ConsoleConfig = request.app.state.console
    return config


def wants_json(request: Request) -> bool:
    """The JSON twin is asked for by a ``.json`` suffix or an Accept header preferring it."""
    if request.scope.get("frontline.json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def read_session(request: Request) -> Session | None:
    return config_of(request).signer.load(request.cookies.get(COOKIE))


@dataclass(frozen=True, slots=True)
class Visit:
    """One authenticated request to a console page."""

    request: Request
    services: Services
    principal: Principal
    session: Session | None  # None when the caller came with a bearer token

    @property
    def csrf(self) -> str:
        return self.session.csrf if self.session else ""


def get_visit(request: Request, services: ServicesDep) -> Visit:
    now = services.clock()
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        principal = services.users.authenticate(authorization[7:].strip(), now=now)
        by_token = Visit(request, services, principal, None)
        request.state.visit = by_token
        return by_token
    session = read_session(request)
    config = config_of(request)
    moment = now.timestamp()
    if session is None or session.user_id is None:
        raise LoginRequired("log in to use the console")
    if session.is_expired(
        now=moment, idle_seconds=config.idle_seconds, max_seconds=config.max_seconds
    ):
        raise LoginRequired("your session has ended; log in again", has_ended=True)
    try:
        principal = services.users.principal(session.user_id, now=now)
    except AuthenticationFailed as error:
        raise LoginRequired(error.message, has_ended=True) from None
    visit = Visit(request, services, principal, session.touched(moment))
    request.state.visit = visit  # an error page still shows who is logged in
    return visit


VisitDep = Annotated[Visit, Depends(get_visit)]


async def read_form(request: Request) -> dict[str, str]:
    """The fields of an urlencoded form (the first value of each name), stripped."""
    kind = request.headers.get("content-type", "application/x-www-form-urlencoded")
    if not kind.startswith("application/x-www-form-urlencoded"):
        raise InvalidInput.for_field("(body)", "send the form as application/x-www-form-urlencoded")
    try:
        text = (await request.body()).decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=_MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        raise InvalidInput.for_field("(body)", "not a readable form") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value.strip())
    return fields


FormDep = Annotated[dict[str, str], Depends(read_form)]


def check_csrf(session: Session | None, form: dict[str, str], request: Request) -> None:
    """Refuse a cookie-borne form without this session's CSRF token (a forged form)."""
    sent = form.get("csrf_token") or request.headers.get("x-csrf-token", "")
    if session is None or not sent or not hmac.compare_digest(sent, session.csrf):
        raise PermissionDenied(
            "this form has no valid CSRF token: reload the page and send it again"
        )


def respond(
    visit: Visit | None,
    request: Request,
    template: str,
    data: Any,
    *,
    status: int = 200,
    session: Session | None = None,
    **context: Any,
) -> Response:
    """``data`` as JSON for the twin, else the template rendered with it; the session
    cookie is renewed (idle timer restarted) on each answer."""
    response: Response
    if wants_json(request):
        response = FastJSON(data, status_code=status)
    else:
        html = (
            config_of(request)
            .templates.get_template(template)
            .render(
                data=data,
                user=visit.principal if visit else None,
                csrf=(session.csrf if session else visit.csrf if visit else ""),
                path=request.url.path,
                **context,
            )
        )
        response = HTMLResponse(html, status_code=status)
    outgoing = session or (visit.session if visit else None)
    if outgoing is not None:
        set_session(response, request, outgoing)
    response.headers.update(SECURITY_HEADERS)
    return response


def redirect(request: Request, to: str, *, session: Session | None = None) -> Response:
    response = RedirectResponse(to, status_code=303)
    if session is not None:
        set_session(response, request, session)
    response.headers.update(SECURITY_HEADERS)
    return response


def set_session(response: Response, request: Request, session: Session) -> None:
    # HttpOnly: no script reads it; SameSite=Lax: other sites' forms do not carry it;
    # Secure on HTTPS so it never travels in clear once the console is served over TLS.
    response.set_cookie(
        COOKIE,
        config_of(request).signer.dump(session),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def clear_session(response: Response) -> None:
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax")


def error_page(request: Request, error: FrontlineError) -> Response:
    """An error as an HTML page (the JSON twin keeps the API's one error shape)."""
    if isinstance(error, LoginRequired) and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        note = "&expired=1" if error.has_ended else ""
        return redirect(request, f"/login?next={quote(target, safe='/')}{note}")
    visit: Visit | None = getattr(request.state, "visit", None)
    html = (
        config_of(request)
        .templates.get_template("error.html")
        .render(
            error=error,
            user=visit.principal if visit else None,
            csrf=visit.csrf if visit else "",
            path=request.url.path,
        )
    )
    response = HTMLResponse(html, status_code=error.http_status)
    response.headers.update(SECURITY_HEADERS)
    return response
