"""A partner key opens /v1/partner/* and nothing else: every route of the app, walked with
a partner token, refuses it or shows nothing of any record."""

from __future__ import annotations

import re

from starlette.routing import Mount

from frontline.domain.records import RecordKind
from tests.api.conftest import Api
from tests.factories import ADMIN, document, person

PARTNER_ROUTES = {"/v1/partner/checks", "/v1/partner/checks/batch", "/v1/partner/usage"}
# Pages anyone may open, which hold no record: health, the API's description, the login.
# The probes answer anyone (readiness names the database, schema and index state, no record).
PUBLIC = {
    "/healthz",
    "/readyz",
    "/openapi.json",
    "/docs",
    "/docs/oauth2-redirect",
    "/redoc",
    "/login",
}
SECRETS = ("SECRETDOC777", "Zebulon Quaxworth", "PER-SECRET", "DOC-SECRET")


def _seed(api: Api) -> None:
    records = api.services.records
    records.create(
        principal=ADMIN,
        kind=RecordKind.DOCUMENTS,
        raw=document("SECRETDOC777", id="DOC-SECRET", owner="FRA"),
    )
    records.create(
        principal=ADMIN,
        kind=RecordKind.PERSONS,
        raw=person("Zebulon Quaxworth", id="PER-SECRET", owner="FRA"),
    )
    # A case on the record, from an officer's check, that a partner must not read either.
    api.client.post(
        "/v1/checks",
        json={"document": {"number": "SECRETDOC777", "country": "FRA"}},
        headers=api.headers("officer", "DEU"),
    )


def _routes(api: Api) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route of the app: app.routes, with the routers that this
    FastAPI keeps as included-router entries opened up."""
    found: list[tuple[str, set[str]]] = []
    for route in api.client.app.routes:  # type: ignore[attr-defined]
        if isinstance(route, Mount):
            found.append((f"{route.path}/app.css", {"GET"}))
            continue
        contexts = getattr(route, "effective_route_contexts", None)
        members = list(contexts()) if contexts is not None else [route]
        found.extend(
            (member.path, set(member.methods or {"GET"}))
            for member in members
            if isinstance(getattr(member, "path", None), str)
        )
    return found


def _paths(api: Api) -> list[tuple[str, str]]:
    return [
        (method, re.sub(r"\{[^}]+\}", "DOC-SECRET", path))
        for path, methods in _routes(api)
        for method in sorted(methods)
    ]


def test_a_partner_token_reaches_no_other_route_and_no_record_field(api: Api) -> None:
    _seed(api)
    headers = {**api.headers("partner", "DEU"), "Accept": "application/json"}
    walked = _paths(api)
    assert len(walked) > 40  # the walk saw the whole app
    for method, path in walked:
        if method == "HEAD":
            continue
        answer = api.client.request(method, path, headers=headers, json={}, follow_redirects=False)
        shown = f"{method} {path} -> {answer.status_code}"
        for secret in SECRETS:
            assert secret not in answer.text, shown
        if path in PARTNER_ROUTES:
            continue
        if path.startswith("/v1/"):
            assert answer.status_code == 403, shown
            assert answer.json()["error"]["code"] == "forbidden", shown
        elif path not in PUBLIC and not path.startswith("/static"):
            assert not 200 <= answer.status_code < 300, shown  # a login, a refusal


def test_a_partner_with_a_console_login_sees_no_record(api: Api) -> None:
    _seed(api)
    api.token("partner", "DEU")
    api.services.users.set_password("partner-DEU", "a long partner password")
    client = api.client
    page = client.get("/login")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    form = {"name": "partner-DEU", "password": "a long partner password"}
    if csrf:
        form["csrf_token"] = csrf.group(1)
    logged = client.post("/login", data=form, follow_redirects=False)
    assert logged.status_code == 303, logged.text  # logged in: now walk the pages
    for method, path in _paths(api):
        if method == "GET":
            answer = client.get(path, follow_redirects=False)
            for secret in SECRETS:
                assert secret not in answer.text, f"GET {path} -> {answer.status_code}"
