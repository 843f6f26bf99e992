"""/v1/suppressions: status codes, the one error shape, and the owner-only rule."""

from __future__ import annotations

from typing import Any

import pytest

from frontline.domain.records import RecordKind
from frontline.domain.suppressions import subject_keys
from tests.api.conftest import Api
from tests.factories import ADMIN, person

NOTICE = "PER-ANNA"
BODY: dict[str, Any] = {
    "subject": {"name": "PETROVA<<ANNA", "birth_date": "1974-08-12"},
    "record_kind": "persons",
    "record_id": NOTICE,
    "reason": "Fingerprints do not match the notice",
}


@pytest.fixture
def notice(api: Api) -> str:
    raw = person("Анна Петрова", owner="RUS", id=NOTICE, birth_date="1974-08-12")
    api.services.records.create(principal=ADMIN, kind=RecordKind.PERSONS, raw=raw)
    return NOTICE


def _error(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    return body["error"]  # type: ignore[no-any-return]


def _post(api: Api, body: dict[str, Any], role: str = "bureau", country: str = "RUS") -> Any:
    return api.client.post("/v1/suppressions", json=body, headers=api.headers(role, country))


def test_the_owner_bureau_suppresses_a_hit_and_gets_it_back_as_201(api: Api, notice: str) -> None:
    response = _post(api, BODY)
    assert response.status_code == 201, response.text
    made = response.json()
    assert made["id"].startswith("sup_")
    assert made["subject_key"] == "name:anna petrova|1974-08-12"
    assert (made["record_kind"], made["record_id"], made["record_owner"]) == (
        "persons",
        notice,
        "RUS",
    )
    assert (made["created_by"], made["active"], made["reversed_at"]) == ("bureau-RUS", True, None)
    keys = subject_keys(name="Анна Петрова", birth_date="1974-08-12", documents=[])
    assert api.services.suppression_cache.is_suppressed(keys, "persons", notice)


def test_a_subject_with_a_document_is_keyed_by_the_document(api: Api, notice: str) -> None:
    subject = {"name": "Anna Petrova", "document": {"number": "x 123 4567", "country": "fr"}}
    response = _post(api, {**BODY, "subject": subject})
    assert response.status_code == 201, response.text
    assert response.json()["subject_key"] == "doc:FRA|X1234567"


def test_a_subject_key_given_as_it_is_comes_back_in_its_canonical_form(
    api: Api, notice: str
) -> None:
    response = _post(api, {**_without("subject"), "subject_key": "name:Petrova Anna|1990"})
    assert response.status_code == 201, response.text
    assert response.json()["subject_key"] == "name:anna petrova|1990"


@pytest.mark.parametrize(
    ("role", "country"),
    [("bureau", "FRA"), ("officer", "RUS"), ("coordinator", "RUS"), ("partner", "RUS")],
)
def test_anyone_but_the_owner_bureau_or_an_admin_is_forbidden(
    api: Api, notice: str, role: str, country: str
) -> None:
    response = _post(api, BODY, role, country)
    assert response.status_code == 403
    assert _error(response)["code"] == "forbidden"
    assert _post(api, BODY, "admin", "FRA").status_code == 201


def test_every_suppression_route_needs_a_token(api: Api) -> None:
    for method, path in [
        ("post", "/v1/suppressions"),
        ("get", "/v1/suppressions"),
        ("post", "/v1/suppressions/sup_x/reverse"),
    ]:
        response = api.client.request(method, path, json={})
        assert response.status_code == 401
        assert _error(response)["code"] == "unauthorized"


def _without(field: str) -> dict[str, Any]:
    return {key: value for key, value in BODY.items() if key != field}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_without("reason"), "reason"),
        ({**BODY, "reason": ""}, "reason"),
        ({**BODY, "reason": "   "}, "reason"),
        ({**BODY, "record_kind": "spaceships"}, "record_kind"),
        (_without("subject"), "(body)"),
        ({**BODY, "subject_key": "name:anna petrova|"}, "(body)"),
        ({**BODY, "subject_key": None, "subject": {}}, "subject"),
        ({**BODY, "subject": {"document": {"number": "X1", "country": "QQQ"}}}, "subject"),
        ({**BODY, "subject": {"name": "Anna", "birth_date": "12/08/74"}}, "birth_date"),
        ({**_without("subject"), "subject_key": "anna petrova"}, "subject_key"),
        ({**BODY, "colour": "red"}, "colour"),
    ],
)
def test_bad_input_is_422_naming_the_field(
    api: Api, notice: str, body: dict[str, Any], field: str
) -> None:
    response = _post(api, body)
    assert response.status_code == 422, response.text
    error = _error(response)
    assert error["code"] == "invalid_input"
    assert error["details"][0]["field"].startswith(field)


def test_an_unknown_record_is_404_and_a_repeat_is_409(api: Api, notice: str) -> None:
    missing = _post(api, {**BODY, "record_id": "PER-NOBODY"})
    assert missing.status_code == 404
    assert _error(missing)["code"] == "not_found"
    assert _post(api, BODY).status_code == 201
    repeat = _post(api, BODY)
    assert repeat.status_code == 409
    assert _error(repeat)["code"] == "conflict"


def test_reverse_then_list_the_history(api: Api, notice: str) -> None:
    made = _post(api, BODY).json()
    path = f"/v1/suppressions/{made['id']}/reverse"
    foreign = api.client.post(path, json={"reason": "no"}, headers=api.headers("bureau", "FRA"))
    assert foreign.status_code == 403
    assert _error(foreign)["code"] == "forbidden"
    no_reason = api.client.post(path, json={}, headers=api.headers("bureau", "RUS"))
    assert no_reason.status_code == 422
    reversed_ = api.client.post(
        path, json={"reason": "Prints were mixed up"}, headers=api.headers("bureau", "RUS")
    )
    assert reversed_.status_code == 200, reversed_.text
    assert reversed_.json()["active"] is False
    assert reversed_.json()["reversed_reason"] == "Prints were mixed up"
    twice = api.client.post(path, json={"reason": "again"}, headers=api.headers("admin"))
    assert twice.status_code == 409
    unknown = api.client.post(
        "/v1/suppressions/sup_nothing/reverse", json={"reason": "x"}, headers=api.headers("admin")
    )
    assert unknown.status_code == 404

    again = _post(api, BODY).json()
    listed = api.client.get("/v1/suppressions", headers=api.headers("officer"))
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [again["id"], made["id"]]
    only = api.client.get(
        "/v1/suppressions",
        params={"record_id": notice, "active": "true"},
        headers=api.headers("officer"),
    )
    assert [item["id"] for item in only.json()["items"]] == [again["id"]]
    past = api.client.get(
        "/v1/suppressions", params={"active": "false"}, headers=api.headers("officer")
    )
    assert [item["id"] for item in past.json()["items"]] == [made["id"]]
    other = api.client.get(
        "/v1/suppressions", params={"record_id": "PER-X"}, headers=api.headers("officer")
    )
    assert other.json()["items"] == []
    partner = api.client.get("/v1/suppressions", headers=api.headers("partner"))
    assert partner.status_code == 403


def test_the_audit_shows_who_suppressed_what_and_why(api: Api, notice: str) -> None:
    made = _post(api, BODY).json()
    audit = api.client.get("/v1/audit", headers=api.headers("admin")).json()["items"]
    entry = next(item for item in audit if item["event"] == "suppression_created")
    assert entry["user"] == "bureau-RUS"
    assert entry["record_ids"] == [notice]
    assert entry["result"]["id"] == made["id"]
    assert entry["result"]["reason"] == BODY["reason"]
