"""Person checks over HTTP: the person part of POST /v1/checks and of the batch."""

from __future__ import annotations

from tests.api.conftest import Api
from tests.factories import person


def _list(api: Api) -> None:
    created = api.client.post(
        "/v1/records/persons",
        json=person("Мухаммад Аль-Хашими", id="PER-1", birth_date="1974-08-12", sex="M"),
        headers=api.headers("admin"),
    )
    assert created.status_code == 201, created.text


def test_a_latin_name_finds_a_cyrillic_notice(api: Api) -> None:
    _list(api)
    response = api.client.post(
        "/v1/checks",
        json={"person": {"name": "Mohammed Al Hashimi", "birth_date": "1974-08-12"}},
        headers=api.headers(),
    )
    assert response.status_code == 200, response.text
    hit = response.json()["hits"][0]
    assert (hit["database"], hit["record_id"], hit["status"]) == ("NOMINAL", "PER-1", "red")
    assert any(reason["feature"] == "birth_date_exact" for reason in hit["reasons"])


def test_a_batch_screens_persons_and_echoes_ids(api: Api) -> None:
    _list(api)
    response = api.client.post(
        "/v1/checks/batch",
        json={
            "checks": [
                {"id": "row-1", "person": {"name": "AL HASHIMI<<MUHAMMAD"}},
                {"id": "row-2", "person": {"name": "Olga Ivanova", "birth_date": "1990"}},
            ]
        },
        headers=api.headers(),
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [result["input_id"] for result in results] == ["row-1", "row-2"]
    assert results[0]["verdict"] != "no_hit"
    assert results[1]["verdict"] == "no_hit"


def test_a_person_without_a_name_is_refused_with_the_field(api: Api) -> None:
    response = api.client.post(
        "/v1/checks", json={"person": {"birth_date": "1974"}}, headers=api.headers()
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"
