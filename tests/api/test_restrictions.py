"""An owner restricts one record: checks, reads and batches from elsewhere do not see it,
and the audit names what was withheld."""

from __future__ import annotations

from typing import Any

from tests.api.conftest import Api
from tests.factories import document, person

CHECK = {"document": {"number": "R1234567", "country": "FRA"}}


def _seed(api: Api) -> None:
    created = api.client.post(
        "/v1/records/documents",
        json=document("R1234567", id="DOC-R1"),
        headers=api.headers("bureau"),
    )
    assert created.status_code == 201, created.text


def _restrict(api: Api, body: dict[str, Any], *, country: str = "FRA") -> Any:
    return api.client.put(
        "/v1/records/documents/DOC-R1/restriction",
        json=body,
        headers=api.headers("bureau", country),
    )


def _verdict(api: Api, country: str, check: dict[str, Any] = CHECK) -> str:
    answer = api.client.post("/v1/checks", json=check, headers=api.headers("officer", country))
    assert answer.status_code == 200, answer.text
    return str(answer.json()["verdict"])


def test_a_record_shown_only_to_listed_countries_is_withheld_elsewhere(api: Api) -> None:
    _seed(api)
    restricted = _restrict(api, {"only": ["DEU"]})
    assert restricted.status_code == 200, restricted.text
    assert restricted.json()["countries"] == ["DEU"]
    assert _verdict(api, "DEU") == "hit"
    assert _verdict(api, "FRA") == "hit"  # the owner always sees its record
    assert _verdict(api, "ITA") == "no_hit"
    batch = api.client.post(
        "/v1/checks/batch", json={"checks": [CHECK, CHECK]}, headers=api.headers("officer", "ITA")
    )
    assert [item["verdict"] for item in batch.json()["results"]] == ["no_hit", "no_hit"]

    audit = api.client.get("/v1/audit?user=officer-ITA", headers=api.headers("admin")).json()
    newest = audit["items"][0]
    assert newest["record_ids"] == []
    assert [hit["record_id"] for hit in newest["result"]["withheld"]] == ["DOC-R1"]


def test_a_hidden_record_cannot_be_read_from_a_country_it_is_hidden_from(api: Api) -> None:
    _seed(api)
    assert _restrict(api, {"hidden_from": ["ITA"]}).status_code == 200
    path = "/v1/records/documents/DOC-R1"
    hidden = api.client.get(path, headers=api.headers("officer", "ITA"))
    assert hidden.status_code == 404
    assert hidden.json()["error"]["message"] == "no documents record DOC-R1"
    assert api.client.get(path, headers=api.headers("officer", "DEU")).status_code == 200
    listed = api.client.get("/v1/records/documents", headers=api.headers("officer", "ITA"))
    assert listed.json()["items"] == []
    assert _verdict(api, "DEU") == "hit"
    assert _verdict(api, "ITA") == "no_hit"


def test_only_the_owner_restricts_and_lifting_it_shows_the_record_again(api: Api) -> None:
    _seed(api)
    assert _restrict(api, {"only": ["DEU"]}, country="DEU").status_code == 403
    assert _restrict(api, {"only": ["DEU"], "hidden_from": ["ITA"]}).status_code == 422
    assert _restrict(api, {"only": ["XX!"]}).status_code == 422
    assert _restrict(api, {"only": ["DEU"]}).status_code == 200
    assert _verdict(api, "ITA") == "no_hit"
    lifted = api.client.delete(
        "/v1/records/documents/DOC-R1/restriction", headers=api.headers("bureau")
    )
    assert lifted.status_code == 204
    assert _verdict(api, "ITA") == "hit"


def test_a_restricted_person_is_withheld_from_nominal_and_tdawn_checks(api: Api) -> None:
    record = person(
        "Ivan Petrov",
        owner="RUS",
        id="PER-R1",
        birth_date="1974-08-12",
        documents=[{"number": "T7654321", "issuing_country": "RUS"}],
    )
    created = api.client.post(
        "/v1/records/persons", json=record, headers=api.headers("bureau", "RUS")
    )
    assert created.status_code == 201, created.text
    restricted = api.client.put(
        "/v1/records/persons/PER-R1/restriction",
        json={"hidden_from": ["ITA"]},
        headers=api.headers("bureau", "RUS"),
    )
    assert restricted.status_code == 200, restricted.text
    by_name = {"person": {"name": "Ivan Petrov", "birth_date": "1974-08-12"}}
    by_document = {"document": {"number": "T7654321", "country": "RUS"}}
    for check in (by_name, by_document):
        assert _verdict(api, "DEU", check) == "hit"
        assert _verdict(api, "ITA", check) == "no_hit"


def test_partners_and_console_pages_from_elsewhere_do_not_see_it(api: Api) -> None:
    _seed(api)
    assert _restrict(api, {"hidden_from": ["ITA"]}).status_code == 200
    number = {"number": "R1234567", "country": "FRA"}
    results = {
        country: api.client.post(
            "/v1/partner/checks", json=number, headers=api.headers("partner", country)
        ).json()["result"]
        for country in ("ITA", "DEU")
    }
    assert results == {"ITA": "no_hit", "DEU": "refer"}
    page = "/records/documents/DOC-R1"
    json_twin = {"Accept": "application/json"}
    hidden = api.client.get(page, headers={**api.headers("officer", "ITA"), **json_twin})
    shown = api.client.get(page, headers={**api.headers("officer", "DEU"), **json_twin})
    assert (hidden.status_code, shown.status_code) == (404, 200)
