"""The access matrix: every route of the API and the console, against every kind of caller.

``MATRIX`` below is the specification a reviewer reads: for each route, the callers that get
past authentication and authorisation. Every other caller must be refused (401, 403, or the
console's redirect to its login page). The test walks ``app.routes``, so a route added
without a line here fails, and says which line to add.

A caller "gets in" when the answer is anything but a refusal: 200, but also 404 (the dummy
ids below name nothing), 409 or 422 (the empty body is refused after the access check).
One request per route and caller, on SQLite, with no data beyond the callers themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from frontline.api.app import create_app
from frontline.services import Services
from frontline.web import PAGES

CALLERS = (
    "officer",
    "bureau",
    "coordinator",
    "partner",
    "admin",
    "trainer",
    "no_token",
    "expired",
    "revoked",
)
ROLES = CALLERS[:6]

# Who may call what, as sets of callers; PUBLIC routes answer alike whatever token comes
# (or none). Trainers run exercises and nothing live; trainees are the staff roles.
PUBLIC = "public"
CHECKERS = frozenset({"officer", "bureau", "coordinator", "admin"})
WRITERS = frozenset({"bureau", "admin"})
ADMINS = frozenset({"admin"})
PARTNERS = frozenset({"partner"})
RUNNERS = frozenset({"coordinator", "admin"})
TRAINERS = frozenset({"trainer", "admin"})
STAFF = frozenset({"officer", "bureau", "coordinator", "admin", "trainer"})

MATRIX: dict[str, frozenset[str] | str] = {
    # service
    "GET /openapi.json": PUBLIC,
    "GET /docs": PUBLIC,
    "GET /docs/oauth2-redirect": PUBLIC,
    "GET /redoc": PUBLIC,
    "GET /healthz": PUBLIC,
    "GET /readyz": PUBLIC,
    "GET /metrics": PUBLIC,
    # checks
    "POST /v1/checks": CHECKERS,
    "POST /v1/checks/batch": CHECKERS,
    "POST /v1/mrz": STAFF,  # parses a text; reads no record
    # records
    "POST /v1/records/{kind}": WRITERS,
    "GET /v1/records/{kind}": CHECKERS,
    "GET /v1/records/{kind}/{record_id}": CHECKERS,
    "PUT /v1/records/{kind}/{record_id}": WRITERS,
    "POST /v1/records/{kind}/{record_id}/cancel": WRITERS,
    "PUT /v1/records/{kind}/{record_id}/restriction": WRITERS,
    "DELETE /v1/records/{kind}/{record_id}/restriction": WRITERS,
    # audit
    "GET /v1/audit": ADMINS,
    "GET /v1/audit/verify": ADMINS,
    # hits, cases, notifications
    "POST /v1/suppressions": WRITERS,
    "GET /v1/suppressions": CHECKERS,
    "POST /v1/suppressions/{suppression_id}/reverse": WRITERS,
    "GET /v1/cases": CHECKERS,
    "GET /v1/cases/{case_id}": CHECKERS,
    "POST /v1/cases/{case_id}/transitions": CHECKERS,
    "GET /v1/hits": WRITERS,
    "PUT /v1/webhooks": WRITERS,
    "GET /v1/webhooks": WRITERS,
    "DELETE /v1/webhooks/{country}": WRITERS,
    "GET /v1/outbox": ADMINS,
    "POST /v1/outbox/{event_id}/retry": ADMINS,
    # operations and standing access
    "POST /v1/operations": RUNNERS,
    "GET /v1/operations": CHECKERS,
    "GET /v1/operations/{operation_id}": CHECKERS,
    "PUT /v1/operations/{operation_id}/participants": RUNNERS,
    "POST /v1/operations/{operation_id}/close": RUNNERS,
    "GET /v1/operations/{operation_id}/statistics": RUNNERS,
    "GET /v1/operations/{operation_id}/report": RUNNERS,
    "GET /v1/access": ADMINS,
    "PUT /v1/access/{country}": ADMINS,
    # biometrics and references
    "POST /v1/dna/profiles": WRITERS,
    "GET /v1/dna/profiles": CHECKERS,
    "GET /v1/dna/profiles/{profile_id}": CHECKERS,
    "DELETE /v1/dna/profiles/{profile_id}": WRITERS,  # and then the record's owner bureau
    "POST /v1/dna/search": CHECKERS,
    "POST /v1/specimens": WRITERS,
    "GET /v1/specimens": CHECKERS,
    "GET /v1/specimens/{specimen_id}": CHECKERS,
    "POST /v1/alerts": WRITERS,
    "GET /v1/alerts": CHECKERS,
    "GET /v1/alerts/{alert_id}": CHECKERS,
    "POST /v1/faces/search": CHECKERS,
    "POST /v1/faces/enrolments/{record_id}": WRITERS,
    "GET /v1/faces/enrolments/{record_id}": CHECKERS,
    "DELETE /v1/faces/enrolments/{record_id}/{enrolment_id}": WRITERS,  # and the owner
    "POST /v1/biometrics/purge": WRITERS,  # and then the record's owner bureau
    # manifests, partners, offline nodes
    "POST /v1/manifests": CHECKERS,
    "GET /v1/manifests/{manifest_id}": CHECKERS,
    "POST /v1/manifests/{manifest_id}/rescreen": CHECKERS,
    "POST /v1/partner/checks": PARTNERS,
    "POST /v1/partner/checks/batch": PARTNERS,
    "GET /v1/partner/usage": PARTNERS,
    "GET /v1/sync/hello": CHECKERS,
    "GET /v1/sync/manifest": CHECKERS,
    "GET /v1/sync/files/{name}": CHECKERS,
    "POST /v1/sync/uploads": CHECKERS,
    # console
    "GET /login": PUBLIC,
    "POST /login": PUBLIC,
    "POST /logout": PUBLIC,
    "GET /": CHECKERS,
    "GET /check": CHECKERS,
    "POST /check": CHECKERS,
    "GET /records": CHECKERS,
    "GET /records/{kind}/new": WRITERS,
    "POST /records/{kind}": WRITERS,
    "GET /records/{kind}/{record_id}": CHECKERS,
    "POST /records/{kind}/{record_id}/cancel": WRITERS,
    "GET /hits": CHECKERS,
    "GET /hits/{case_id}": CHECKERS,
    "POST /hits/{case_id}/move": CHECKERS,
    "GET /audit": ADMINS,
    "GET /operations": CHECKERS,
    "GET /operations/{operation_id}": CHECKERS,
    "GET /operations/{operation_id}/report": RUNNERS,
    "GET /faces": CHECKERS,
    "POST /faces": CHECKERS,
    "POST /faces/enrol": WRITERS,
    "GET /dna": CHECKERS,
    "POST /dna": CHECKERS,
    "GET /specimens": CHECKERS,
    "GET /specimens/{specimen_id}": CHECKERS,
    "GET /training": STAFF,
    "POST /training/spaces": TRAINERS,
    "GET /training/spaces/{name}": TRAINERS,
    "POST /training/spaces/{name}/delete": TRAINERS,
    "POST /training/spaces/{name}/exercises": TRAINERS,
    "GET /training/exercises/{exercise_id}": STAFF,
    "GET /training/exercises/{exercise_id}/scores.csv": TRAINERS,
    "GET /training/exercises/{exercise_id}/cases/{number}": STAFF,
    "POST /training/exercises/{exercise_id}/cases/{number}/check": STAFF,
    "POST /training/exercises/{exercise_id}/cases/{number}/decision": STAFF,
    "GET /training/courses": TRAINERS,
    "POST /training/courses": TRAINERS,
    "GET /training/courses/{course_id}": TRAINERS,
    "GET /static/{path}": PUBLIC,
}

# Known departures from MATRIX, each to be fixed in its route (then removed here: the test
# fails while a listed departure no longer happens). "METHOD path caller" -> why.
KNOWN_GAPS: dict[str, str] = {}

# Values for path parameters: real enough to pass validation, naming nothing stored.
PATH_VALUES = {"kind": "documents", "country": "FRA", "number": "1", "path": "console.css"}
ROUTE_PATHS = {
    # A file of the whole copy's scope, which any checker may ask for (it names nothing).
    "GET /v1/sync/files/{name}": "/v1/sync/files/all.any.snapshot.0-1.jsonl.gz",
    "GET /v1/dna/profiles": "/v1/dna/profiles?record_id=none-1",  # the query is required
}
# A body (JSON for /v1, a form for the console) where an empty one would be refused
# before the access check is reached: "METHOD path" -> body.
_DOCUMENT = {"number": "X1", "country": "FRA"}
_TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
_LOCI = "D3S1358: 15, 16\nvWA: 17, 18\nFGA: 21, 22\nD8S1179: 13, 14\nD21S11: 29, 30\n"
_LOCI += "D18S51: 14, 15\nD5S818: 11, 12\nD13S317: 11, 12\nD7S820: 10, 11\nTH01: 6, 9.3"
BODIES: dict[str, dict[str, Any]] = {
    "POST /v1/checks": {"document": _DOCUMENT},
    "POST /v1/checks/batch": {"checks": [{"document": _DOCUMENT}]},
    "POST /v1/mrz": {"lines": _TD3},
    "POST /v1/suppressions": {
        "subject_key": "doc:FRA|X1",
        "record_kind": "documents",
        "record_id": "none-1",
        "reason": "decided false by the bureau",
    },
    "POST /v1/suppressions/{suppression_id}/reverse": {"reason": "decided again"},
    "POST /v1/cases/{case_id}/transitions": {"to": "confirmed", "reason": "owner confirmed"},
    "PUT /v1/webhooks": {"url": "https://bureau.example.org/hook"},
    "POST /v1/operations": {
        "name": "Matrix",
        "host_country": "FRA",
        "starts_at": "2026-11-21T00:00:00Z",
        "ends_at": "2026-11-22T00:00:00Z",
        "border_points": [{"code": "CDG", "type": "air"}],
        "databases": ["SLTD"],
    },
    "PUT /v1/access/{country}": {"databases": ["SLTD"]},
    "PUT /v1/records/{kind}/{record_id}/restriction": {"only": ["DEU"]},
    "POST /v1/dna/profiles": {"record_id": "none-1", "loci": {"D3S1358": [15, 16]}},
    "DELETE /v1/dna/profiles/{profile_id}": {"reason": "entered wrongly"},
    "DELETE /v1/faces/enrolments/{record_id}/{enrolment_id}": {"reason": "wrong person"},
    "POST /v1/biometrics/purge": {"record_id": "none-1", "reason": "notice cancelled"},
    "POST /v1/sync/uploads": {"node_id": "node_0123456789abcdef", "items": []},
    "POST /dna": {"profile": _LOCI, "min_loci": "8", "max_mismatches": "0"},
    "POST /training/courses": {
        "topic": "Document fraud",
        "place": "Lyon",
        "starts_on": "2026-11-23",
        "ends_on": "2026-11-24",
        "trainees": "matrix-officer",
    },
}


def _routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """("METHOD", path) for every route, through included routers and mounts."""
    stack = list(app.routes)
    while stack:
        route = stack.pop(0)
        nested = getattr(route, "effective_candidates", None)
        if nested is not None:  # FastAPI's included router: its routes, resolved
            stack[:0] = nested()
            continue
        methods = getattr(route, "methods", None)
        path: str = route.path  # type: ignore[attr-defined]  # every route kind has one
        if not methods:  # a mount (static files)
            yield "GET", f"{path}/{{path}}"
            continue
        for method in sorted(methods - {"HEAD"}):
            yield method, path


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'frontline.db'}"


class Callers:
    """One token per caller; the expired and revoked ones are administrators'."""

    def __init__(self, services: Services) -> None:
        now = services.clock()
        users = services.users
        self.tokens: dict[str, str | None] = {
            role: users.add(name=f"matrix-{role}", role=role, country="FRA", now=now).token
            for role in ROLES
        }
        self.tokens["no_token"] = None
        past = now - dt.timedelta(seconds=1)
        self.tokens["expired"] = users.add(
            name="matrix-expired", role="admin", country="FRA", now=now, expires_at=past
        ).token
        self.tokens["revoked"] = users.add(
            name="matrix-revoked", role="admin", country="FRA", now=now
        ).token
        users.revoke("matrix-revoked", now=now)


def _request(client: TestClient, method: str, path: str, token: str | None) -> httpx.Response:
    url = ROUTE_PATHS.get(f"{method} {path}", path)
    for name, value in PATH_VALUES.items():
        url = url.replace(f"{{{name}}}", value)
    while "{" in url:  # any other parameter: an id that names nothing
        start, end = url.index("{"), url.index("}")
        url = url[:start] + "none-1" + url[end + 1 :]
    headers = {"Accept": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    body = BODIES.get(f"{method} {path}", {})
    options: dict[str, Any] = {"headers": headers, "follow_redirects": False}
    if method in {"POST", "PUT", "PATCH"} or f"{method} {path}" in BODIES:
        is_console = path.split("/")[1] in PAGES
        options["data" if is_console else "json"] = body
    return client.request(method, url, **options)


def _is_refused(response: httpx.Response) -> bool:
    if response.status_code in (401, 403):
        return True
    return response.is_redirect and response.headers.get("location", "").startswith("/login")


def test_every_route_admits_exactly_the_callers_its_rule_names(services: Services) -> None:
    app = create_app(services)
    callers = Callers(services)
    routes = list(dict.fromkeys(_routes(app)))
    missing = [f"{method} {path}" for method, path in routes if f"{method} {path}" not in MATRIX]
    assert not missing, (
        "these routes have no rule in tests/api/test_access_matrix.py MATRIX; add a line for "
        "each, naming the callers allowed (e.g. CHECKERS, WRITERS, ADMINS or PUBLIC):\n"
        + "\n".join(f'    "{route}": ...,' for route in missing)
    )
    stale = sorted(set(MATRIX) - {f"{method} {path}" for method, path in routes})
    assert not stale, f"MATRIX names routes that no longer exist; remove them: {stale}"

    found: list[tuple[str, str]] = []
    with TestClient(app, raise_server_exceptions=False) as client:
        for method, path in routes:
            rule = MATRIX[f"{method} {path}"]
            answers = {
                caller: _request(client, method, path, callers.tokens[caller]) for caller in CALLERS
            }
            found.extend(_mismatches(f"{method} {path}", rule, answers))
    wrong = [problem for key, problem in found if key not in KNOWN_GAPS]
    fixed = set(KNOWN_GAPS) - {key for key, _ in found}
    assert not fixed, f"fixed: remove these from KNOWN_GAPS: {sorted(fixed)}"
    assert not wrong, (
        "access differs from MATRIX in tests/api/test_access_matrix.py (fix the route, or "
        "the rule if the route is right; where an empty body is refused before the access "
        "check, give the route a valid one in BODIES):\n" + "\n".join(wrong)
    )


def _mismatches(
    route: str, rule: frozenset[str] | str, answers: dict[str, httpx.Response]
) -> list[tuple[str, str]]:
    """(``route caller``, what is wrong) for every caller the rule does not describe."""
    if rule == PUBLIC:
        codes = {caller: answer.status_code for caller, answer in answers.items()}
        if len(set(codes.values())) > 1:
            return [(route, f"{route}: PUBLIC, but the answer depends on the token: {codes}")]
        return []
    assert isinstance(rule, frozenset)
    problems = []
    for caller, answer in answers.items():
        refused = _is_refused(answer)
        if caller in rule and refused:
            problem = f"{route}: {caller} should get in, got {answer.status_code}"
        elif caller not in rule and not refused:
            problem = (
                f"{route}: {caller} should be refused, got {answer.status_code} "
                f"{answer.text[:120]!r}"
            )
        else:
            continue
        problems.append((f"{route} {caller}", problem))
    return problems
