"""/login and /logout: a console password opens a session; logout ends it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from frontline.api.deps import ServicesDep
from frontline.domain.users import Role
from frontline.errors import AuthenticationFailed, FrontlineError
from frontline.web.console import (
    FormDep,
    check_csrf,
    clear_session,
    config_of,
    read_session,
    redirect,
    respond,
    wants_json,
)
from frontline.web.sessions import Session
from frontline.web.throttle import TooManyAttempts

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Only a path on this server: ``//evil.example`` or ``https://...`` would make the
    login form an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/check"
    return target


@router.get("/login")
def login_page(
    request: Request,
    next_path: Annotated[str | None, Query(alias="next", max_length=500)] = None,
    expired: Annotated[bool, Query()] = False,
) -> Response:
    # Keep the CSRF token (and any draft MRZ) of an earlier cookie, signed by us; else a
    # fresh anonymous session whose token the login form carries (no login CSRF).
    earlier = read_session(request)
    session = Session.anonymous(
        draft=earlier.draft if earlier else "", csrf=earlier.csrf if earlier else None
    )
    notice = "Your session has ended; log in again." if expired else ""
    data = {"next": safe_next(next_path), "csrf_token": session.csrf}
    return respond(None, request, "login.html", data, session=session, notice=notice)


@router.post("/login")
def login(request: Request, form: FormDep, services: ServicesDep) -> Response:
    earlier = read_session(request)
    check_csrf(earlier, form, request)
    draft = earlier.draft if earlier else ""
    target = safe_next(form.get("next"))
    name, moment = form.get("name", ""), services.clock().timestamp()
    throttle = config_of(request).throttle
    address = request.client.host if request.client else ""
    try:
        throttle.check(name, address, now=moment)
        principal = services.users.login(name, form.get("password", ""), now=services.clock())
    except (AuthenticationFailed, TooManyAttempts) as error:
        if isinstance(error, AuthenticationFailed):
            throttle.failed(name, address, now=moment)
        if wants_json(request):
            raise
        return _login_again(request, error, target=target, name=name, draft=draft)
    throttle.succeeded(name, address)
    if principal.role is Role.TRAINER and target in ("/", "/check"):
        target = "/training"  # a trainer may not check live: training is their home page
    session = Session.logged_in(principal.user_id, now=moment, draft=draft)
    if wants_json(request):
        data = {"user": principal.name, "role": principal.role.value, "next": target}
        return respond(None, request, "login.html", data, session=session)
    return redirect(request, target, session=session)


def _login_again(
    request: Request, error: FrontlineError, *, target: str, name: str, draft: str
) -> Response:
    """The login form again with what went wrong; the name is kept, the password not."""
    session = Session.anonymous(draft=draft)
    data = {"next": target, "csrf_token": session.csrf, "error": error.message}
    return respond(
        None,
        request,
        "login.html",
        data,
        status=error.http_status,
        session=session,
        notice="",
        name=name,
    )


@router.post("/logout")
def logout(request: Request, form: FormDep) -> Response:
    check_csrf(read_session(request), form, request)
    response = (
        respond(None, request, "login.html", {"logged_out": True})
        if wants_json(request)
        else redirect(request, "/login")
    )
    clear_session(response)
    return response
