"""The HTTP API: checks, records, audit, auth and the one error shape."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import Api
from tests.factories import document, vehicle


def _error(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    return body["error"]  # type: ignore[no-any-return]


def test_healthz_needs_no_token(api: Api) -> None:
    assert api.client.get("/healthz").json()["status"] == "ok"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/v1/checks"),
        ("post", "/v1/checks/batch"),
        ("get", "/v1/records/documents"),
        ("get", "/v1/audit"),
        ("post", "/v1/mrz"),
    ],
)
def test_every_route_but_healthz_needs_a_token(api: Api, method: str, path: str) -> None:
    response = api.client.request(method, path, json={})
    assert response.status_code == 401
    assert _error(response)["code"] == "unauthorized"
    bad = api.client.request(method, path, json={}, headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_a_revoked_token_is_refused(api: Api) -> None:
    headers = api.headers()
    api.services.users.revoke("officer-FRA", now=api.services.clock())
    assert api.client.post("/v1/checks", json={}, headers=headers).status_code == 401


def test_a_bureau_creates_its_record_and_an_officer_checks_it(api: Api) -> None:
    created = api.client.post(
        "/v1/records/documents",
        json=document("X1234567", id="DOC-1"),
        headers=api.headers("bureau"),
    )
    assert created.status_code == 201, created.text
    assert created.json()["number"] == "X1234567"
    result = api.client.post(
        "/v1/checks",
        json={"document": {"number": "X1234567", "country": "FRA"}},
        headers=api.headers(),
    )
    assert result.status_code == 200
    body = result.json()
    assert body["verdict"] == "hit"
    assert body["check_id"].startswith("chk_")
    hit = body["hits"][0]
    assert {"database", "record_id", "score", "status", "owner", "action", "reasons"} <= set(hit)
    assert hit["database"] == "SLTD"
    assert body["data_as_of"].endswith("Z")


def test_a_bureau_may_not_write_another_countrys_record(api: Api) -> None:
    response = api.client.post(
        "/v1/records/documents",
        json=document("X1", country="DEU"),
        headers=api.headers("bureau", "FRA"),
    )
    assert response.status_code == 403
    assert _error(response)["code"] == "forbidden"


def test_a_bureau_may_not_cancel_another_countrys_record(api: Api) -> None:
    api.client.post(
        "/v1/records/documents",
        json=document("X1", country="DEU", id="DOC-D"),
        headers=api.headers("bureau", "DEU"),
    )
    response = api.client.post(
        "/v1/records/documents/DOC-D/cancel", headers=api.headers("bureau", "FRA")
    )
    assert response.status_code == 403
    own = api.client.post(
        "/v1/records/documents/DOC-D/cancel", headers=api.headers("bureau", "DEU")
    )
    assert own.status_code == 200
    assert own.json()["state"] == "cancelled"
    again = api.client.post(
        "/v1/records/documents/DOC-D/cancel", headers=api.headers("bureau", "DEU")
    )
    assert again.status_code == 409


def test_records_can_be_read_replaced_and_listed(api: Api) -> None:
    headers = api.headers("bureau")
    api.client.post("/v1/records/vehicles", json=vehicle(id="VEH-1", owner="FRA"), headers=headers)
    read = api.client.get("/v1/records/vehicles/VEH-1", headers=api.headers())
    assert read.json()["vin"] == "1M8GDM9AXKP042788"
    replaced = api.client.put(
        "/v1/records/vehicles/VEH-1",
        json=vehicle(id="VEH-1", owner="FRA", colour="red"),
        headers=headers,
    )
    assert replaced.json()["colour"] == "red"
    listed = api.client.get("/v1/records/vehicles?owner=FRA", headers=api.headers())
    assert [item["id"] for item in listed.json()["items"]] == ["VEH-1"]
    missing = api.client.get("/v1/records/vehicles/NOPE", headers=api.headers())
    assert missing.status_code == 404
    assert _error(missing)["code"] == "not_found"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"document": {"number": "X1", "country": "ZZZ"}}, "document.country"),
        ({"document": {"number": "X1", "country": "FRA", "colour": "red"}}, "document.colour"),
        ({"document": {"number": 5, "country": "FRA"}}, "document.number"),
        ({"document": {"number": "X" * 500, "country": "FRA"}}, "document.number"),
        ({"mrz": ["P<UTO", "L898"]}, "mrz"),
        ({"vehicle": {"vin": "SHORT"}}, "vehicle.vin"),
        ({"teleport": {}}, "teleport"),
    ],
)
def test_bad_check_input_is_a_422_naming_the_field(
    api: Api, body: dict[str, Any], field: str
) -> None:
    response = api.client.post("/v1/checks", json=body, headers=api.headers())
    assert response.status_code == 422, response.text
    error = _error(response)
    assert field in [detail["field"] for detail in error["details"]], error


def test_bad_record_input_is_a_422_naming_every_field(api: Api) -> None:
    bad = document("X1", country="FRA", status="misplaced", reported_at="yesterday", extra=1)
    response = api.client.post("/v1/records/documents", json=bad, headers=api.headers("admin"))
    assert response.status_code == 422
    fields = {detail["field"] for detail in _error(response)["details"]}
    assert {"status", "reported_at", "extra"} <= fields


def test_broken_json_is_a_422_not_a_500(api: Api) -> None:
    response = api.client.post(
        "/v1/checks",
        content=b"{broken",
        headers={**api.headers(), "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    batch = api.client.post("/v1/checks/batch", content=b"{broken", headers=api.headers())
    assert batch.status_code == 422
    assert _error(batch)["code"] == "invalid_input"


def test_a_batch_checks_every_item_and_summarises(api: Api) -> None:
    api.client.post(
        "/v1/records/documents", json=document("X1234567"), headers=api.headers("admin")
    )
    checks = [
        {"document": {"number": f"X{n:07d}", "country": "FRA"}} for n in range(1234560, 1234570)
    ]
    response = api.client.post("/v1/checks/batch", json={"checks": checks}, headers=api.headers())
    body = response.json()
    assert body["summary"] == {"checks": 10, "no_hit": 9, "hit": 1, "possible_match": 0}
    assert [result["verdict"] for result in body["results"]].index("hit") == 7


def test_a_batch_with_one_bad_item_is_refused_whole(api: Api) -> None:
    checks = [
        {"document": {"number": "X1", "country": "FRA"}},
        {"document": {"number": "X1", "country": "NOPE"}},
    ]
    response = api.client.post("/v1/checks/batch", json={"checks": checks}, headers=api.headers())
    assert response.status_code == 422
    assert _error(response)["details"][0]["field"] == "checks[1].document.country"
    assert api.services.audit.list() == []


def test_a_batch_over_the_limit_is_a_413(api: Api) -> None:
    limit = api.services.settings.max_batch
    checks = [{"document": {"number": "X1", "country": "FRA"}}] * (limit + 1)
    response = api.client.post("/v1/checks/batch", json={"checks": checks}, headers=api.headers())
    assert response.status_code == 413


def test_the_audit_is_readable_by_admins_only(api: Api) -> None:
    api.client.post(
        "/v1/checks", json={"document": {"number": "X1", "country": "FRA"}}, headers=api.headers()
    )
    assert api.client.get("/v1/audit", headers=api.headers()).status_code == 403
    entries = api.client.get("/v1/audit", headers=api.headers("admin")).json()["items"]
    assert entries[0]["user"] == "officer-FRA"
    assert entries[0]["verdict"] == "no_hit"


def test_the_mrz_route_parses_without_checking(api: Api) -> None:
    lines = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]
    body = api.client.post("/v1/mrz", json={"lines": lines}, headers=api.headers()).json()
    assert body["valid"] is True
    assert body["document_number"] == "L898902C3"


def test_openapi_is_published(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    assert "/v1/checks" in spec["paths"]
    assert "/v1/records/{kind}" in spec["paths"]


def test_an_unknown_route_uses_the_error_shape(api: Api) -> None:
    response = api.client.get("/v1/nothing", headers=api.headers())
    assert response.status_code == 404
    assert _error(response)["code"] == "not_found"
