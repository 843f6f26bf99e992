"""/v1/cases, /v1/hits, /v1/webhooks, /v1/outbox over HTTP: the shapes, the 4xx errors."""

from __future__ import annotations

from typing import Any

from frontline.domain.records import RecordKind
from tests.api.conftest import Api
from tests.factories import ADMIN, document

STOLEN = {"document": {"number": "X1234567", "country": "FRA"}}


def _hit(api: Api) -> str:
    api.services.records.create(
        principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("X1234567", id="DOC-1")
    )
    checked = api.client.post("/v1/checks", json=STOLEN, headers=api.headers("officer", "DEU"))
    assert checked.json()["verdict"] == "hit"
    listed = api.client.get("/v1/cases", headers=api.headers("bureau", "FRA")).json()
    [case] = listed["items"]
    return str(case["id"])


def _move(
    api: Api, case_id: str, role: str, country: str, **body: str
) -> tuple[int, dict[str, Any]]:
    response = api.client.post(
        f"/v1/cases/{case_id}/transitions",
        json={"reason": "as agreed on the phone", **body},
        headers=api.headers(role, country),
    )
    return response.status_code, response.json()


def test_the_owner_answers_the_checker_closes_and_the_history_shows_it(api: Api) -> None:
    case_id = _hit(api)
    assert _move(api, case_id, "bureau", "FRA", to="confirming")[0] == 200
    assert _move(api, case_id, "bureau", "FRA", to="confirmed")[0] == 200
    status, closed = _move(api, case_id, "officer", "DEU", to="closed", outcome="detained")
    assert (status, closed["state"], closed["outcome"]) == (200, "closed", "detained")
    shown = api.client.get(f"/v1/cases/{case_id}", headers=api.headers("officer", "DEU")).json()
    assert [step["to"] for step in shown["history"]] == [
        "potential",
        "confirming",
        "confirmed",
        "closed",
    ]


def test_out_of_order_is_409_wrong_party_403_bad_outcome_422_unknown_404(api: Api) -> None:
    case_id = _hit(api)
    status, body = _move(api, case_id, "bureau", "FRA", to="confirmed")
    assert (status, body["error"]["code"]) == (409, "conflict")
    status, body = _move(api, case_id, "officer", "DEU", to="confirming")
    assert (status, body["error"]["code"]) == (403, "forbidden")
    _move(api, case_id, "bureau", "FRA", to="confirming")
    _move(api, case_id, "bureau", "FRA", to="not_confirmed")
    status, body = _move(api, case_id, "officer", "DEU", to="closed", outcome="detained")
    assert (status, body["error"]["details"][0]["field"]) == (422, "outcome")
    status, body = _move(api, case_id, "officer", "DEU", to="archived")
    assert status == 422
    assert _move(api, "case_nope", "bureau", "FRA", to="confirming")[0] == 404
    hidden = api.client.get(f"/v1/cases/{case_id}", headers=api.headers("bureau", "ITA"))
    assert hidden.status_code == 404


def test_the_feed_pages_a_bureaus_notifications_and_refuses_another_country(api: Api) -> None:
    _hit(api)
    feed = api.client.get("/v1/hits?owner=FRA", headers=api.headers("bureau", "FRA")).json()
    [event] = feed["items"]
    assert event["type"] == "case.opened"
    assert event["payload"]["case"]["record_id"] == "DOC-1"
    later = api.client.get(
        f"/v1/hits?after={feed['next_after']}", headers=api.headers("bureau", "FRA")
    ).json()
    assert later["items"] == []
    other = api.client.get("/v1/hits?owner=FRA", headers=api.headers("bureau", "DEU"))
    assert other.status_code == 403


def test_webhooks_are_https_only_show_the_secret_once_and_the_outbox_is_admins_only(
    api: Api,
) -> None:
    plain = api.client.put(
        "/v1/webhooks", json={"url": "http://bureau.example/h"}, headers=api.headers("bureau")
    )
    assert (plain.status_code, plain.json()["error"]["details"][0]["field"]) == (422, "url")
    made = api.client.put(
        "/v1/webhooks", json={"url": "https://bureau.example/h"}, headers=api.headers("bureau")
    )
    assert made.status_code == 201
    assert made.json()["secret"].startswith("whsec_")
    listed = api.client.get("/v1/webhooks", headers=api.headers("bureau")).json()
    assert listed["items"] == [{k: v for k, v in made.json().items() if k != "secret"}]
    officer = api.client.put(
        "/v1/webhooks", json={"url": "https://x.example/h"}, headers=api.headers("officer")
    )
    assert officer.status_code == 403
    assert api.client.get("/v1/outbox", headers=api.headers("bureau")).status_code == 403
    dead = api.client.get("/v1/outbox?state=dead", headers=api.headers("admin")).json()
    assert dead == {"items": [], "counts": {"pending": 0, "delivered": 0, "dead": 0}}
    gone = api.client.post("/v1/outbox/evt_nope/retry", headers=api.headers("admin"))
    assert gone.status_code == 404
    removed = api.client.delete("/v1/webhooks/FRA", headers=api.headers("bureau"))
    assert removed.status_code == 204
