"""An owner's restriction holds at the face doors, on SQLite and PostgreSQL: a person record
hidden from a country is no face candidate there (the search still fills its ``limit`` with
others), the owner, allowed countries and admins still get it, the audit names the candidate
withheld, and the record's enrolments read as an unknown record's (404 over HTTP)."""

from __future__ import annotations

import pytest

from frontline.biometrics.model import FaceModel
from frontline.domain.checks import Verdict
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal
from frontline.errors import NotFound
from frontline.services import Services
from frontline.store.cases import CaseFilter
from tests.api.conftest import Api, api
from tests.biometrics.photos import photo
from tests.biometrics.test_faces import BUREAU, enrolled
from tests.factories import ADMIN, principal

ITA = principal("officer", "ITA", "officer-ita")
DEU = principal("officer", "DEU", "officer-deu")
RUS = principal("officer", "RUS", "officer-rus")  # the owner's country
__all__ = ["api"]  # the API client fixture of tests/api

JPEG = {"Content-Type": "image/jpeg"}


def restrict(services: Services, **rule: list[str]) -> None:
    services.records.restrict(
        principal=BUREAU, kind=RecordKind.PERSONS, record_id="PER-OBAMA", **rule
    )


@pytest.fixture
def gallery(remembered_faces: None, model: FaceModel, services: Services) -> Services:
    """Obama and Biden enrolled (owned by RUS); Obama's record hidden from Italy."""
    enrolled(services, {"PER-OBAMA": "obama.jpg", "PER-BIDEN": "biden.jpg"})
    restrict(services, hidden_from=["ITA"])
    return services


def candidates(services: Services, caller: Principal, limit: int = 5) -> list[str]:
    found = services.faces.search(principal=caller, photo=photo("obama2.jpg"), limit=limit)
    return [candidate.record_id for candidate in found.candidates]


def test_a_face_hidden_from_a_country_does_not_come_back_there(gallery: Services) -> None:
    found = gallery.faces.search(principal=ITA, photo=photo("obama2.jpg"))
    assert found.result.verdict is Verdict.NO_HIT
    assert found.result.hits == ()
    assert [candidate.record_id for candidate in found.candidates] == ["PER-BIDEN"]
    assert "PER-OBAMA" not in repr(found.as_dict())
    for caller in (DEU, RUS, ADMIN):
        shown = gallery.faces.search(principal=caller, photo=photo("obama2.jpg"))
        assert [hit.record_id for hit in shown.result.hits] == ["PER-OBAMA"], caller
        assert shown.result.verdict is Verdict.HIT


def test_shown_only_to_listed_countries_it_is_withheld_from_the_rest(gallery: Services) -> None:
    restrict(gallery, only=["DEU"])
    assert candidates(gallery, DEU) == ["PER-OBAMA", "PER-BIDEN"]
    assert candidates(gallery, RUS) == ["PER-OBAMA", "PER-BIDEN"]
    assert candidates(gallery, ITA) == ["PER-BIDEN"]
    assert candidates(gallery, principal("officer", "GBR", "officer-gbr")) == ["PER-BIDEN"]


def test_a_withheld_candidate_leaves_room_for_the_next_one(gallery: Services) -> None:
    assert candidates(gallery, DEU, limit=1) == ["PER-OBAMA"]
    assert candidates(gallery, ITA, limit=1) == ["PER-BIDEN"]


def test_the_audit_names_the_withheld_candidate_and_no_case_opens(gallery: Services) -> None:
    found = gallery.faces.search(principal=ITA, photo=photo("obama2.jpg"))
    entry = next(item for item in gallery.audit.list(limit=5) if item.event == "face_search")
    assert entry.check_id == found.result.check_id
    assert (entry.verdict, entry.record_ids, entry.result["hits"]) == ("no_hit", [], [])
    (withheld,) = entry.result["withheld"]
    assert withheld["record_id"] == "PER-OBAMA"
    assert withheld["decision"] == "hit"
    assert withheld["score"] >= 0.5
    assert gallery.cases.find(principal=ADMIN, where=CaseFilter()) == []
    gallery.faces.search(principal=DEU, photo=photo("obama2.jpg"))
    shown = next(item for item in gallery.audit.list(limit=5) if item.event == "face_search")
    assert shown.record_ids == ["PER-OBAMA"]
    assert "withheld" not in shown.result


def test_the_enrolments_of_a_hidden_record_read_as_an_unknown_records(gallery: Services) -> None:
    with pytest.raises(NotFound, match=r"^no persons record PER-OBAMA$"):
        gallery.faces.enrolments(principal=ITA, record_id="PER-OBAMA")
    for caller in (DEU, RUS, ADMIN):
        assert len(gallery.faces.enrolments(principal=caller, record_id="PER-OBAMA")) == 1
    assert len(gallery.faces.enrolments(principal=ITA, record_id="PER-BIDEN")) == 1


def test_over_http_italy_gets_neither_the_candidate_nor_the_enrolments(
    gallery: Services, api: Api
) -> None:
    def search(country: str) -> list[str]:
        answer = api.client.post(
            "/v1/faces/search",
            content=photo("obama2.jpg"),
            headers={**api.headers("officer", country), **JPEG},
        )
        assert answer.status_code == 200, answer.text
        return [candidate["record_id"] for candidate in answer.json()["candidates"]]

    assert search("ITA") == ["PER-BIDEN"]
    assert search("DEU") == ["PER-OBAMA", "PER-BIDEN"]
    hidden = api.client.get("/v1/faces/enrolments/PER-OBAMA", headers=api.headers("officer", "ITA"))
    unknown = api.client.get("/v1/faces/enrolments/PER-NONE", headers=api.headers("officer", "ITA"))
    assert (hidden.status_code, unknown.status_code) == (404, 404)
    assert hidden.json()["error"]["message"] == "no persons record PER-OBAMA"
    assert unknown.json()["error"]["message"] == "no persons record PER-NONE"
    shown = api.client.get("/v1/faces/enrolments/PER-OBAMA", headers=api.headers("officer", "DEU"))
    assert shown.status_code == 200
    assert len(shown.json()["items"]) == 1
