"""/v1/operations, /v1/access and checks in an operation, over HTTP."""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontline.domain.records import RecordKind
from tests.api.conftest import Api
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document

BODY: dict[str, Any] = {
    "name": "Operation Manila",
    "host_country": "PHL",
    "starts_at": "2026-11-22T06:00:00Z",
    "ends_at": "2026-11-27T06:00:00Z",
    "border_points": [
        {"code": "MNL", "type": "air", "name": "Manila NAIA"},
        {"code": "RPLC", "type": "air", "name": "Clark (ICAO)"},
        {"code": "PH MNL", "type": "sea", "name": "Port of Manila"},
    ],
    "databases": ["SLTD", "NOMINAL"],
    "crime_areas": ["human trafficking"],
    "officers": ["officer-FRA"],
    "devices": ["tablet-7"],
}
DOCUMENT = {"document": {"number": "P1234567", "country": "FRA"}}


def _create(api: Api, **changes: Any) -> dict[str, Any]:
    api.token("officer", "FRA")  # the participant must exist
    response = api.client.post(
        "/v1/operations", json={**BODY, **changes}, headers=api.headers("coordinator", "PHL")
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def _error(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    message: str = response.json()["error"]["message"]
    return message


def test_a_coordinator_creates_and_reads_an_operation(api: Api) -> None:
    created = _create(api)
    assert created["id"].startswith("op_")
    assert [point["code"] for point in created["border_points"]] == ["MNL", "PHMNL", "RPLC"]
    assert created["state"] == "planned"
    shown = api.client.get(f"/v1/operations/{created['id']}", headers=api.headers())
    assert shown.json()["participants"] == {"officers": ["officer-FRA"], "devices": ["tablet-7"]}
    listed = api.client.get("/v1/operations", headers=api.headers("bureau", "DEU"))
    assert [item["id"] for item in listed.json()["items"]] == [created["id"]]


def test_bad_operations_are_refused_with_clear_4xx(api: Api) -> None:
    headers = api.headers("coordinator", "PHL")
    bad_code = {**BODY, "border_points": [{"code": "MANILA", "type": "sea"}]}
    assert "UN/LOCODE" in _error(
        api.client.post("/v1/operations", json=bad_code, headers=headers), 422
    )
    naive = {**BODY, "starts_at": "2026-11-22T06:00:00"}
    _error(api.client.post("/v1/operations", json=naive, headers=headers), 422)
    extra = {**BODY, "budget": 5}
    _error(api.client.post("/v1/operations", json=extra, headers=headers), 422)
    assert "role may not" in _error(
        api.client.post("/v1/operations", json=BODY, headers=api.headers("officer")), 403
    )
    assert "op_nothing" in _error(
        api.client.get("/v1/operations/op_nothing", headers=api.headers()), 404
    )


def test_checks_in_an_operation(api: Api, clock: FrozenClock) -> None:
    api.services.records.create(
        principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("P1234567", id="DOC-MNL")
    )
    operation = _create(api)["id"]
    officer = api.headers("officer", "FRA")
    in_op = {**DOCUMENT, "operation_id": operation, "border_point": "mnl"}
    assert "not open yet" in _error(api.client.post("/v1/checks", json=in_op, headers=officer), 409)
    clock.now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    response = api.client.post("/v1/checks", json=in_op, headers=officer)
    assert response.status_code == 200, response.text
    assert response.json()["verdict"] == "hit"
    outside = {**in_op, "border_point": "CDG"}
    assert "CDG is not a border point" in _error(
        api.client.post("/v1/checks", json=outside, headers=officer), 422
    )
    stranger = api.headers("officer", "DEU")
    assert "not a participant" in _error(
        api.client.post("/v1/checks", json=in_op, headers=stranger), 403
    )
    batch = {"checks": [DOCUMENT, DOCUMENT], "operation_id": operation, "border_point": "PHMNL"}
    assert api.client.post("/v1/checks/batch", json=batch, headers=officer).status_code == 200
    bad_batch = {"checks": [DOCUMENT], "operation": operation}
    _error(api.client.post("/v1/checks/batch", json=bad_batch, headers=officer), 422)
    audit = api.client.get(
        "/v1/audit", params={"operation_id": operation}, headers=api.headers("admin")
    ).json()["items"]
    assert [item["border_point"] for item in audit] == ["PHMNL", "PHMNL", "MNL"]
    stats = api.client.get(
        f"/v1/operations/{operation}/statistics", headers=api.headers("coordinator", "PHL")
    ).json()
    assert stats["totals"]["checks"] == 3
    assert stats["totals"]["hits"] == 3
    assert {row["border_point"]: row["checks"] for row in stats["by_border_point"]} == {
        "MNL": 1,
        "PHMNL": 2,
    }
    closed = api.client.post(
        f"/v1/operations/{operation}/close", headers=api.headers("coordinator", "PHL")
    )
    assert closed.json()["state"] == "closed"
    assert "closed" in _error(api.client.post("/v1/checks", json=in_op, headers=officer), 409)


def test_an_unopened_database_is_refused_in_an_operation(api: Api, clock: FrozenClock) -> None:
    restricted = api.client.put(
        "/v1/access/FRA", json={"databases": ["SLTD", "TDAWN"]}, headers=api.headers("admin")
    )
    assert restricted.json() == {"country": "FRA", "databases": ["SLTD", "TDAWN"]}
    operation = _create(api)["id"]
    clock.now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    officer = api.headers("officer", "FRA")
    person = {"person": {"name": "Maria Santos"}, "operation_id": operation}
    assert api.client.post("/v1/checks", json=person, headers=officer).status_code == 200
    vessel = {"vessel": {"imo": "9074729"}, "operation_id": operation}
    assert "VESSELS" in _error(api.client.post("/v1/checks", json=vessel, headers=officer), 403)
    assert "NOMINAL" in _error(
        api.client.post("/v1/checks", json={"person": {"name": "Maria Santos"}}, headers=officer),
        403,
    )
    shown = api.client.get("/v1/access", headers=api.headers("admin")).json()
    assert shown["restricted"] == {"FRA": ["SLTD", "TDAWN"]}
    _error(api.client.put("/v1/access/FRA", json={"databases": None}, headers=officer), 403)


def test_participants_are_replaced_and_the_report_served(api: Api) -> None:
    operation = _create(api)["id"]
    coordinator = api.headers("coordinator", "PHL")
    api.token("officer", "PHL")
    replaced = api.client.put(
        f"/v1/operations/{operation}/participants",
        json={"officers": ["officer-PHL"]},
        headers=coordinator,
    )
    assert replaced.json()["participants"]["officers"] == ["officer-PHL"]
    assert "no user named ghost" in _error(
        api.client.put(
            f"/v1/operations/{operation}/participants",
            json={"officers": ["ghost"]},
            headers=coordinator,
        ),
        422,
    )
    url = f"/v1/operations/{operation}/report"
    pdf = api.client.get(url, params={"format": "pdf"}, headers=coordinator)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    html = api.client.get(url, headers=coordinator)
    assert html.text.count("<svg") == 3
    csv = api.client.get(url, params={"format": "csv"}, headers=coordinator)
    assert csv.text.startswith("section,key,metric,value")
    _error(api.client.get(url, params={"format": "doc"}, headers=coordinator), 422)
    assert "role may not" in _error(api.client.get(url, headers=api.headers("officer")), 403)
    elsewhere = api.headers("coordinator", "FRA")
    assert "PHL's coordinators" in _error(api.client.get(url, headers=elsewhere), 403)
