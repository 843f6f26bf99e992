"""A record's biometrics over HTTP, on SQLite and PostgreSQL: ``POST /v1/biometrics/purge``
removes every face enrolment and DNA profile of a person record (no later search finds
them), each audited, the owner bureau or an admin alone (403, 404, 422 in the one error
shape, nothing written); ``GET /v1/dna/profiles?record_id=`` lists a record's profiles
without an allele."""

from __future__ import annotations

from typing import Any

import pytest

from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from tests.api.conftest import Api
from tests.biometrics.photos import needs_photos, photo, remembered_faces
from tests.biometrics.test_faces import enrolled
from tests.dna.test_profiles import BASE, profile
from tests.dna.test_removal_doors import _people, face
from tests.factories import person

__all__ = ["remembered_faces"]

PURGE = "/v1/biometrics/purge"
JPEG = {"Content-Type": "image/jpeg"}


def purge(api: Api, body: dict[str, Any], role: str = "bureau", country: str = "FRA") -> Any:
    return api.client.post(PURGE, json=body, headers=api.headers(role, country))


def dna_search(api: Api, loci: dict[str, Any]) -> list[str]:
    """The record ids of a DNA search's hits."""
    found = api.client.post("/v1/dna/search", json={"loci": loci}, headers=api.headers())
    assert found.status_code == 200, found.text
    return [hit["record_id"] for hit in found.json()["hits"]]


def events(api: Api) -> list[str]:
    return [entry.event for entry in api.services.audit.list()]


@needs_photos
@pytest.mark.usefixtures("remembered_faces")
def test_a_purge_over_http_removes_every_face_and_profile_and_no_search_finds_them(
    api: Api,
) -> None:
    services = api.services
    enrolled(services, {"PER-OBAMA": "obama.jpg", "PER-BIDEN": "biden.jpg"})  # owned by RUS
    bureau = api.headers("bureau", "RUS")
    second = api.client.post(
        "/v1/faces/enrolments/PER-OBAMA",
        content=photo("obama_small.jpg"),
        headers={**bureau, **JPEG},
    )
    assert second.status_code == 201, second.text
    obama = api.client.post(
        "/v1/dna/profiles", json={"record_id": "PER-OBAMA", "loci": BASE}, headers=bureau
    ).json()
    biden_loci = profile(FGA=[20], vWA=[14, 19])
    biden = api.client.post(
        "/v1/dna/profiles", json={"record_id": "PER-BIDEN", "loci": biden_loci}, headers=bureau
    ).json()
    probe = {**api.headers(), **JPEG}
    found = api.client.post("/v1/faces/search", content=photo("obama2.jpg"), headers=probe)
    assert found.json()["hits"][0]["record_id"] == "PER-OBAMA"
    assert dna_search(api, BASE) == ["PER-OBAMA"]

    answer = api.client.post(
        PURGE, json={"record_id": "PER-OBAMA", "reason": "notice cancelled"}, headers=bureau
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["record_id"] == "PER-OBAMA"
    assert [item["kind"] for item in body["items"]] == ["face", "face", "dna"]
    assert body["items"][-1]["item_id"] == obama["id"]
    for item in body["items"]:
        assert item["record_id"] == "PER-OBAMA"
        assert item["owner"] == "RUS"
        assert item["removed_by"] == "bureau-RUS"
        assert item["reason"] == "notice cancelled"
        assert item["id"].startswith("rmv_")

    found = api.client.post("/v1/faces/search", content=photo("obama2.jpg"), headers=probe)
    assert found.json()["verdict"] == "no_hit"
    assert [item["record_id"] for item in found.json()["candidates"]] == ["PER-BIDEN"]
    assert dna_search(api, BASE) == []
    assert dna_search(api, biden_loci) == ["PER-BIDEN"]  # another record's: kept
    listed = api.client.get("/v1/faces/enrolments/PER-OBAMA", headers=api.headers())
    assert listed.json() == {"items": []}
    profiles = api.client.get("/v1/dna/profiles?record_id=PER-BIDEN", headers=api.headers())
    assert [item["id"] for item in profiles.json()["items"]] == [biden["id"]]
    removals = [event for event in events(api) if event.endswith("_remove")]
    assert removals == ["dna_remove", "face_remove", "face_remove"]  # newest first
    assert services.audit.verify().is_intact


def test_a_purge_is_refused_to_other_bureaus_officers_unknown_records_and_no_reason(
    api: Api,
) -> None:
    _people(api.services)  # PER-1 owned by FRA, PER-2 by GBR
    face(api.services, "PER-2", "GBR", 1)
    api.client.post(
        "/v1/dna/profiles",
        json={"record_id": "PER-2", "loci": BASE},
        headers=api.headers("bureau", "GBR"),
    )
    before = events(api)
    reason = "notice cancelled"
    refusals = [
        (purge(api, {"record_id": "PER-2", "reason": reason}), 403, "forbidden"),  # FRA's bureau
        (purge(api, {"record_id": "PER-2", "reason": reason}, "officer", "GBR"), 403, "forbidden"),
        (purge(api, {"record_id": "PER-404", "reason": reason}, "admin"), 404, "not_found"),
    ]
    for body in (
        {"record_id": "PER-2"},
        {"record_id": "PER-2", "reason": ""},
        {"record_id": "PER-2", "reason": "   "},
        {"record_id": "PER-2", "reason": "x" * 501},
        {"reason": reason},
        {"record_id": "", "reason": reason},
        {"record_id": "PER-2", "reason": reason, "why": "x"},
    ):
        refusals.append((purge(api, body, "bureau", "GBR"), 422, "invalid_input"))
    for answer, status, code in refusals:
        assert answer.status_code == status, answer.text
        error = answer.json()["error"]
        assert set(error) == {"code", "message", "details"}
        assert error["code"] == code
    assert api.services.faces.store.count() == 1
    assert len(api.services.dna.store.for_record("PER-2")) == 1
    assert events(api) == before  # nothing written

    answer = purge(api, {"record_id": "PER-2", "reason": reason}, "admin")  # an admin may
    assert [item["kind"] for item in answer.json()["items"]] == ["face", "dna"]


def test_a_purge_of_a_record_with_nothing_enrolled_answers_an_empty_list(api: Api) -> None:
    row = build_row(RecordKind.PERSONS, person(id="PER-9", owner="FRA"))
    api.services.store.create(RecordKind.PERSONS, row, now=api.services.clock())
    before = events(api)
    answer = purge(api, {"record_id": "PER-9", "reason": "notice cancelled"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"record_id": "PER-9", "items": []}
    assert events(api) == before
    assert api.services.biometric_purge.removals.for_record("PER-9") == []


def test_the_profile_list_shows_the_records_profiles_without_alleles(api: Api) -> None:
    _people(api.services)
    bureau = api.headers("bureau", "FRA")
    ids = [
        api.client.post(
            "/v1/dna/profiles", json={"record_id": "PER-1", "loci": loci}, headers=bureau
        ).json()["id"]
        for loci in (BASE, profile(FGA=[20], TH01=None))
    ]
    api.client.post(
        "/v1/dna/profiles",
        json={"record_id": "PER-2", "loci": profile(vWA=[14])},
        headers=api.headers("bureau", "GBR"),
    )
    answer = api.client.get(
        "/v1/dna/profiles", params={"record_id": "PER-1"}, headers=api.headers()
    )
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert [item["id"] for item in items] == ids  # oldest first, PER-2's not among them
    assert items[0] == {
        "id": ids[0],
        "record_id": "PER-1",
        "owner": "FRA",
        "str_loci": 10,
        "enrolled_at": "2026-11-21T10:00:00Z",
        "enrolled_by": "bureau-FRA",
    }
    assert items[1]["str_loci"] == 9
    assert all("loci" not in item for item in items)
    assert "D3S1358" not in answer.text  # no locus named, no allele given
    assert "9.3" not in answer.text

    url = f"/v1/dna/profiles/{ids[0]}"
    removed = api.client.request("DELETE", url, json={"reason": "entered wrongly"}, headers=bureau)
    assert removed.status_code == 200, removed.text
    after = api.client.get("/v1/dna/profiles?record_id=PER-1", headers=api.headers()).json()
    assert [item["id"] for item in after["items"]] == [ids[1]]


def test_the_profile_list_needs_a_known_record_and_the_read_rule(api: Api) -> None:
    _people(api.services)
    empty = api.client.get("/v1/dna/profiles?record_id=PER-2", headers=api.headers())
    assert empty.status_code == 200
    assert empty.json() == {"items": []}
    cases = {
        "/v1/dna/profiles?record_id=PER-404": (api.headers(), 404, "not_found"),
        "/v1/dna/profiles": (api.headers(), 422, "invalid_input"),
        "/v1/dna/profiles?record_id=": (api.headers(), 422, "invalid_input"),
        "/v1/dna/profiles?record_id=PER-1": ({}, 401, "unauthorized"),
    }
    for url, (headers, status, code) in cases.items():
        answer = api.client.get(url, headers=headers)
        assert answer.status_code == status, (url, answer.text)
        assert answer.json()["error"]["code"] == code, url
