"""POST /v1/checks/batch: an item's own ``id`` comes back as its result's ``input_id``."""

from __future__ import annotations

from tests.api.conftest import Api
from tests.factories import document, person


def test_each_result_echoes_the_id_of_its_item(api: Api) -> None:
    admin = api.headers("admin")
    api.client.post("/v1/records/documents", json=document("X1234567"), headers=admin)
    api.client.post("/v1/records/persons", json=person("Анна Петрова"), headers=admin)
    checks = [
        {"id": "A-1", "document": {"number": "X1234567", "country": "FRA"}},
        {"document": {"number": "X7654321", "country": "FRA"}},
        {"id": 7, "person": {"name": "Anna Petrova"}},
    ]
    response = api.client.post("/v1/checks/batch", json={"checks": checks}, headers=api.headers())
    assert response.status_code == 200, response.text
    body = response.json()
    results = body["results"]
    assert [result.get("input_id") for result in results] == ["A-1", None, 7]
    assert [result["verdict"] for result in results] == ["hit", "no_hit", "hit"]
    assert "input_id" not in results[1]
    assert results[2]["hits"][0]["database"] == "NOMINAL"
    assert body["summary"] == {"checks": 3, "no_hit": 1, "hit": 2, "possible_match": 0}
    assert "id" not in api.services.audit.list()[0].query


def test_an_id_that_is_not_text_or_a_number_refuses_the_batch(api: Api) -> None:
    checks = [{"id": {"nested": 1}, "document": {"number": "X1", "country": "FRA"}}]
    response = api.client.post("/v1/checks/batch", json={"checks": checks}, headers=api.headers())
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "checks[0].id"
    assert api.services.audit.list() == []
