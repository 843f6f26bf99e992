"""/check: the officer's page. One MRZ box and a form per kind; the answer in one round trip."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from frontline.access import Action, require
from frontline.api.deps import ServicesDep
from frontline.domain.checks import result_as_dict
from frontline.errors import InvalidInput
from frontline.screening.requests import parse_check_request
from frontline.web.console import (
    FormDep,
    LoginRequired,
    VisitDep,
    check_csrf,
    get_visit,
    read_session,
    respond,
    wants_json,
)
from frontline.web.forms import CHECK_SECTIONS, check_request, mrz_lines, mrz_problem
from frontline.web.places import context_of, places_for
from frontline.web.sessions import Session

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(visit: VisitDep) -> Response:
    return check_page(visit)


@router.get("/check")
def check_page(visit: VisitDep) -> Response:
    # A draft MRZ kept across a login comes back into the box (once), not re-submitted:
    # the officer sees it and presses Enter.
    require(visit.principal, Action.CHECK)
    session = visit.session
    draft = session.draft if session else ""
    data = {"fields": {name: list(names) for name, names in CHECK_SECTIONS.items()}}
    where = visit.request.query_params.get("where", "")[:80]
    return respond(
        visit,
        visit.request,
        "check.html",
        data,
        session=session.without_draft() if session else None,
        places=places_for(visit.services, visit.principal),
        form={"mrz": draft, "where": where},
        result=None,
        problem=None,
        errors=[],
    )


@router.post("/check")
def check(request: Request, form: FormDep, services: ServicesDep) -> Response:
    try:
        visit = get_visit(request, services)
    except LoginRequired as error:
        return _login_keeping_draft(request, form, error)
    if visit.session is not None:
        check_csrf(visit.session, form, request)
    require(visit.principal, Action.CHECK)
    try:
        context = context_of(form.get("where", ""))
        parsed = parse_check_request(check_request(form), today=services.clock().date())
        result = services.screening.check(
            principal=visit.principal, request=parsed, context=context
        )
    except InvalidInput as error:
        return _refused(visit, form, error)
    data = result_as_dict(result)
    return respond(
        visit,
        request,
        "check.html",
        data,
        form=form,
        result=data,
        problem=None,
        errors=[],
        places=places_for(services, visit.principal),
    )


def _refused(visit: Any, form: dict[str, str], error: InvalidInput) -> Response:
    """The page again with what is wrong, where: the fields named, the MRZ character
    marked; the JSON twin answers the API's error shape."""
    if wants_json(visit.request):
        raise error
    return respond(
        visit,
        visit.request,
        "check.html",
        {},
        status=422,
        form=form,
        result=None,
        problem=mrz_problem(error.errors),
        lines=mrz_lines(form.get("mrz", "")),
        errors=error.errors,
        message=error.message,
        places=places_for(visit.services, visit.principal),
    )


def _login_keeping_draft(request: Request, form: dict[str, str], error: LoginRequired) -> Response:
    """An ended session sends the officer to log in, keeping the typed MRZ for after.

    The form must still carry the old session's CSRF token: another site must not be able
    to plant text in an officer's check box."""
    if wants_json(request):
        raise error
    earlier = read_session(request)
    check_csrf(earlier, form, request)
    assert earlier is not None
    session = Session.anonymous(draft=form.get("mrz", ""), csrf=earlier.csrf)
    data = {"next": "/check", "csrf_token": session.csrf}
    notice = "Your session has ended; log in again."
    if form.get("mrz"):
        notice += " The MRZ you typed will be back in the box."
    return respond(None, request, "login.html", data, status=401, session=session, notice=notice)
