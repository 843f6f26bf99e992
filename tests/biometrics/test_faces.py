"""Enrol and search through the use case, on SQLite and PostgreSQL: the right person first,
nobody for a stranger, owners alone enrol, and the audit says "face search" and no more."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from frontline.biometrics.decision import FaceDecision
from frontline.biometrics.model import FaceModel
from frontline.domain.checks import Verdict
from frontline.domain.records import RecordKind
from frontline.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from frontline.records.kinds import build_row
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store import tables
from frontline.store.cases import CaseFilter
from tests.biometrics.photos import photo
from tests.conftest import FrozenClock
from tests.factories import ADMIN, OFFICER, person, principal

BUREAU = principal("bureau", "RUS", "bureau-rus")


def enrolled(services: Services, photos: dict[str, str]) -> None:
    """A person record (owned by RUS) per id, each enrolled from its photo."""
    for record_id, name in photos.items():
        services.store.create(
            RecordKind.PERSONS,
            build_row(RecordKind.PERSONS, person(id=record_id)),
            now=services.clock(),
        )
        services.faces.enrol(principal=BUREAU, record_id=record_id, photo=photo(name))


@pytest.fixture
def gallery(remembered_faces: None, model: FaceModel, services: Services) -> Services:
    enrolled(services, {"PER-OBAMA": "obama.jpg", "PER-BIDEN": "biden.jpg"})
    return services


def test_another_photo_of_an_enrolled_person_hits_them_first(gallery: Services) -> None:
    found = gallery.faces.search(principal=OFFICER, photo=photo("obama2.jpg"))
    assert found.result.verdict is Verdict.HIT
    assert [hit.record_id for hit in found.result.hits] == ["PER-OBAMA"]
    hit = found.result.hits[0]
    assert hit.kind == "persons"
    assert not hit.is_possible
    assert hit.owner == "RUS"
    assert hit.action == "Arrest provisionally; contact the requesting bureau."
    assert [reason.feature for reason in hit.reasons] == ["face", "algorithm", "notice"]
    assert [candidate.record_id for candidate in found.candidates] == ["PER-OBAMA", "PER-BIDEN"]
    assert [candidate.decision for candidate in found.candidates] == [
        FaceDecision.HIT,
        FaceDecision.NO_HIT,
    ]


def test_a_face_hit_opens_a_case_for_the_owner_bureau(gallery: Services) -> None:
    found = gallery.faces.search(principal=OFFICER, photo=photo("obama_small.jpg"))
    cases = [case for _, case in gallery.cases.find(principal=ADMIN, where=CaseFilter())]
    assert [(case.record_id, case.record_owner, case.check_id) for case in cases] == [
        ("PER-OBAMA", "RUS", found.result.check_id)
    ]
    assert cases[0].subject == {"type": "face search"}
    gallery.faces.search(principal=OFFICER, photo=photo("rose_leslie_img2.jpg"))  # no hit
    assert len(gallery.cases.find(principal=ADMIN, where=CaseFilter())) == 1


def test_a_person_never_enrolled_gets_no_hit(gallery: Services) -> None:
    found = gallery.faces.search(principal=OFFICER, photo=photo("rose_leslie_img1.jpg"))
    assert found.result.verdict is Verdict.NO_HIT
    assert found.result.hits == ()
    assert {candidate.decision for candidate in found.candidates} == {FaceDecision.NO_HIT}


def test_the_audit_names_the_query_type_and_the_hits_never_the_face(gallery: Services) -> None:
    found = gallery.faces.search(principal=OFFICER, photo=photo("biden_biden2.jpg"))
    entries = gallery.audit.list(limit=10)
    search = next(entry for entry in entries if entry.event == "face_search")
    assert search.query == {"type": "face search"}
    assert search.check_id == found.result.check_id
    assert search.record_ids == ["PER-BIDEN"]
    enrol = [entry for entry in entries if entry.event == "face_enrol"]
    assert [entry.query for entry in enrol] == [
        {"type": "face enrol", "record_id": "PER-BIDEN"},
        {"type": "face enrol", "record_id": "PER-OBAMA"},
    ]
    assert all(len(repr(entry.as_dict())) < 2_000 for entry in entries)  # no 128 numbers


def test_a_cancelled_record_no_longer_comes_back(gallery: Services) -> None:
    gallery.records.cancel(principal=ADMIN, kind=RecordKind.PERSONS, record_id="PER-OBAMA")
    found = gallery.faces.search(principal=OFFICER, photo=photo("obama2.jpg"))
    assert found.result.verdict is Verdict.NO_HIT
    assert [candidate.record_id for candidate in found.candidates] == ["PER-BIDEN"]


def test_only_the_owners_bureau_or_an_admin_enrols(gallery: Services) -> None:
    with pytest.raises(PermissionDenied):
        gallery.faces.enrol(principal=OFFICER, record_id="PER-OBAMA", photo=b"")
    with pytest.raises(PermissionDenied, match="owned by RUS"):
        gallery.faces.enrol(principal=principal("bureau", "FRA"), record_id="PER-OBAMA", photo=b"")
    with pytest.raises(NotFound):
        gallery.faces.enrol(principal=ADMIN, record_id="PER-NOBODY", photo=b"")


def test_the_same_photo_twice_is_refused_and_a_bad_one_writes_nothing(gallery: Services) -> None:
    with pytest.raises(Conflict, match="already enrolled to person record PER-BIDEN"):
        gallery.faces.enrol(principal=ADMIN, record_id="PER-BIDEN", photo=photo("biden.jpg"))
    with pytest.raises(InvalidInput, match="2 faces"):
        gallery.faces.enrol(principal=ADMIN, record_id="PER-BIDEN", photo=photo("two_people.jpg"))
    assert gallery.faces.store.count() == 2
    assert [item.id for item in gallery.faces.enrolments(principal=OFFICER, record_id="PER-BIDEN")]


def test_another_process_sees_an_enrolment_at_its_next_search(
    gallery: Services, settings: Settings, clock: FrozenClock
) -> None:
    other = open_services(settings, clock=clock)
    try:
        assert other.faces.search(principal=OFFICER, photo=photo("obama2.jpg")).result.hits
        enrolled(gallery, {"PER-ALEX": "alex_lacamoire1.jpg"})
        found = other.faces.search(principal=OFFICER, photo=photo("alex_lacamoire_img1.jpg"))
        assert [hit.record_id for hit in found.result.hits] == ["PER-ALEX"]
    finally:
        other.close()


def test_a_search_asks_for_a_sane_number_of_candidates(gallery: Services) -> None:
    with pytest.raises(InvalidInput, match="limit: must be 1 to 50"):
        gallery.faces.search(principal=OFFICER, photo=photo("obama2.jpg"), limit=0)


def test_the_migration_creates_the_face_table_as_declared(services: Services) -> None:
    with services.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    assert [item for item in differences if "face_enrolments" in repr(item)] == []
