"""An owner's restriction holds at the DNA doors, over HTTP on SQLite and PostgreSQL: a
person record hidden from a country is no DNA hit there (the search still fills its
``limit`` with others), the owner, allowed countries and admins still get it, the audit
names the hit withheld, and its profiles read as unknown (404, the unknown one's message)."""

from __future__ import annotations

from typing import Any

from frontline.domain.records import RecordKind
from tests.api.conftest import Api
from tests.dna.test_profiles import BASE, profile
from tests.dna.test_removal_doors import _people
from tests.factories import ADMIN

NEAR = profile(FGA=[20, 22])  # one locus off BASE


def _seed(api: Api, **rule: list[str]) -> str:
    """PER-1 (FRA) holds BASE, PER-2 (GBR) a profile one locus off; PER-1 restricted by
    ``rule``. The id of PER-1's profile."""
    services = api.services
    _people(services)
    fra = services.dna.enrol(principal=ADMIN, record_id="PER-1", raw=BASE)
    services.dna.enrol(principal=ADMIN, record_id="PER-2", raw=NEAR)
    services.records.restrict(principal=ADMIN, kind=RecordKind.PERSONS, record_id="PER-1", **rule)
    return fra.id


def search(api: Api, country: str, **limits: int) -> list[str]:
    """The record ids of the hits a DNA search of BASE gives an officer of ``country``."""
    body: dict[str, Any] = {"loci": BASE, "max_mismatches": 1, **limits}
    found = api.client.post("/v1/dna/search", json=body, headers=api.headers("officer", country))
    assert found.status_code == 200, found.text
    return [hit["record_id"] for hit in found.json()["hits"]]


def test_a_profile_hidden_from_a_country_is_no_hit_there(api: Api) -> None:
    _seed(api, hidden_from=["ITA"])
    assert search(api, "ITA") == ["PER-2"]
    for country in ("DEU", "FRA", "GBR"):
        assert search(api, country) == ["PER-1", "PER-2"], country
    admin = api.client.post(
        "/v1/dna/search", json={"loci": BASE}, headers=api.headers("admin", "ITA")
    )
    assert [hit["record_id"] for hit in admin.json()["hits"]] == ["PER-1"]
    exact = api.client.post(
        "/v1/dna/search", json={"loci": BASE}, headers=api.headers("officer", "ITA")
    )
    assert exact.json()["verdict"] == "no_hit"
    assert "PER-1" not in exact.text


def test_shown_only_to_listed_countries_it_is_withheld_from_the_rest(api: Api) -> None:
    _seed(api, only=["DEU"])
    assert search(api, "DEU") == ["PER-1", "PER-2"]
    assert search(api, "FRA") == ["PER-1", "PER-2"]  # the owner
    assert search(api, "ITA") == ["PER-2"]
    assert search(api, "GBR") == ["PER-2"]


def test_a_withheld_hit_leaves_room_for_the_next_one(api: Api) -> None:
    _seed(api, hidden_from=["ITA"])
    assert search(api, "DEU", limit=1) == ["PER-1"]
    assert search(api, "ITA", limit=1) == ["PER-2"]


def test_the_audit_names_the_withheld_hit(api: Api) -> None:
    _seed(api, hidden_from=["ITA"])
    search(api, "ITA", limit=1)
    entry = next(item for item in api.services.audit.list(limit=5) if item.event == "dna_search")
    assert (entry.user_name, entry.record_ids, entry.result["hits"]) == (
        "officer-ITA",
        ["PER-2"],
        1,
    )
    (withheld,) = entry.result["withheld"]
    assert withheld["record_id"] == "PER-1"
    assert withheld["score"] > 0
    search(api, "DEU")
    shown = next(item for item in api.services.audit.list(limit=5) if item.event == "dna_search")
    assert shown.record_ids == ["PER-1", "PER-2"]
    assert "withheld" not in shown.result


def test_the_profiles_of_a_hidden_record_read_as_unknown(api: Api) -> None:
    profile_id = _seed(api, hidden_from=["ITA"])
    italy, germany = api.headers("officer", "ITA"), api.headers("officer", "DEU")
    one = api.client.get(f"/v1/dna/profiles/{profile_id}", headers=italy)
    assert one.status_code == 404
    assert one.json()["error"]["message"] == f"no DNA profile {profile_id}"
    unknown = api.client.get("/v1/dna/profiles/dna_none", headers=italy)
    assert unknown.json()["error"]["message"] == "no DNA profile dna_none"
    listed = api.client.get("/v1/dna/profiles?record_id=PER-1", headers=italy)
    assert listed.status_code == 404
    assert listed.json()["error"]["message"] == "no persons record PER-1"
    assert api.client.get(f"/v1/dna/profiles/{profile_id}", headers=germany).status_code == 200
    shown = api.client.get("/v1/dna/profiles?record_id=PER-1", headers=germany)
    assert [item["id"] for item in shown.json()["items"]] == [profile_id]
    assert api.client.get("/v1/dna/profiles?record_id=PER-2", headers=italy).status_code == 200
