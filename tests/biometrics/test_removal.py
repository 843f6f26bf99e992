"""Removing face enrolments and purging a record's biometrics, through the use cases, on
SQLite and PostgreSQL: a removed face never comes back from a search (in this process, in
another, even before that one refreshes), the descriptor is gone from the table, only the
owner bureau or an admin removes, and the audit keeps who, when and why, nothing biometric."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Table, func, select

from frontline.biometrics.model import FaceModel
from frontline.domain.checks import Verdict
from frontline.domain.records import RecordKind
from frontline.domain.removals import BiometricKind
from frontline.errors import InvalidInput, NotFound, PermissionDenied
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store import tables
from frontline.store.face_tables import face_enrolments
from frontline.store.reference_tables import dna_profiles
from frontline.store.removal_tables import biometric_removals
from tests.biometrics.photos import photo
from tests.biometrics.test_faces import BUREAU, enrolled
from tests.conftest import FrozenClock
from tests.dna.test_profiles import BASE, profile
from tests.factories import ADMIN, OFFICER, principal


@pytest.fixture
def gallery(remembered_faces: None, model: FaceModel, services: Services) -> Services:
    enrolled(services, {"PER-OBAMA": "obama.jpg", "PER-BIDEN": "biden.jpg"})
    return services


def enrolment_of(services: Services, record_id: str) -> str:
    (enrolment,) = services.faces.enrolments(principal=ADMIN, record_id=record_id)
    return enrolment.id


def searched(services: Services, name: str) -> list[str]:
    """The record ids of every candidate a search of the photo returns, best first."""
    found = services.faces.search(principal=OFFICER, photo=photo(name))
    return [candidate.record_id for candidate in found.candidates]


def stored_rows(services: Services, table: Table, item_id: str) -> int:
    query = select(func.count()).select_from(table).where(table.c.id == item_id)
    with services.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def test_a_removed_face_no_longer_comes_back_from_a_search(gallery: Services) -> None:
    assert gallery.faces.search(principal=OFFICER, photo=photo("obama2.jpg")).result.hits
    enrolment_id = enrolment_of(gallery, "PER-OBAMA")
    removal = gallery.faces.remove(
        principal=BUREAU, record_id="PER-OBAMA", enrolment_id=enrolment_id, reason="wrong person"
    )
    assert (removal.kind, removal.item_id, removal.record_id) == (
        BiometricKind.FACE,
        enrolment_id,
        "PER-OBAMA",
    )
    assert len(gallery.faces.refresh()) == 1  # dropped at once, before any search
    found = gallery.faces.search(principal=OFFICER, photo=photo("obama2.jpg"))
    assert found.result.verdict is Verdict.NO_HIT
    assert [candidate.record_id for candidate in found.candidates] == ["PER-BIDEN"]
    assert gallery.faces.enrolments(principal=OFFICER, record_id="PER-OBAMA") == []
    assert stored_rows(gallery, face_enrolments, enrolment_id) == 0
    assert gallery.faces.store.count() == 1


def test_another_process_drops_a_removed_face_at_once_and_from_its_gallery(
    gallery: Services, settings: Settings, clock: FrozenClock
) -> None:
    # A process that would not refresh for an hour: the search itself sees that the
    # descriptor is no longer stored.
    other = open_services(settings.model_copy(update={"index_refresh_seconds": 3600}), clock=clock)
    try:
        assert "PER-OBAMA" in searched(other, "obama2.jpg")
        gallery.faces.remove(
            principal=ADMIN,
            record_id="PER-OBAMA",
            enrolment_id=enrolment_of(gallery, "PER-OBAMA"),
            reason="enrolled to the wrong record",
        )
        assert searched(other, "obama2.jpg") == ["PER-BIDEN"]
        assert len(other.faces.refresh()) == 1
    finally:
        other.close()
    # A process refreshing on every search reads the removal before it searches.
    third = open_services(settings, clock=clock)
    try:
        assert len(third.faces.refresh()) == 1
        enrolled(gallery, {"PER-ALEX": "alex_lacamoire1.jpg"})
        assert "PER-ALEX" in searched(third, "alex_lacamoire_img1.jpg")
        gallery.faces.remove(
            principal=ADMIN,
            record_id="PER-ALEX",
            enrolment_id=enrolment_of(gallery, "PER-ALEX"),
            reason="entered wrongly",
        )
        assert len(third.faces.refresh(force=True)) == 1
        assert "PER-ALEX" not in searched(third, "alex_lacamoire_img1.jpg")
    finally:
        third.close()


def test_only_the_owners_bureau_or_an_admin_removes_and_unknown_ids_are_not_found(
    gallery: Services,
) -> None:
    enrolment_id = enrolment_of(gallery, "PER-OBAMA")
    remove = gallery.faces.remove
    with pytest.raises(PermissionDenied):
        remove(principal=OFFICER, record_id="PER-OBAMA", enrolment_id=enrolment_id, reason="x")
    with pytest.raises(PermissionDenied, match="owned by RUS"):
        remove(
            principal=principal("bureau", "FRA"),
            record_id="PER-OBAMA",
            enrolment_id=enrolment_id,
            reason="x",
        )
    with pytest.raises(NotFound):
        remove(principal=ADMIN, record_id="PER-NOBODY", enrolment_id=enrolment_id, reason="x")
    with pytest.raises(NotFound, match="no face enrolment fac_none"):
        remove(principal=ADMIN, record_id="PER-OBAMA", enrolment_id="fac_none", reason="x")
    with pytest.raises(NotFound, match="on person record PER-BIDEN"):  # another record's
        remove(principal=ADMIN, record_id="PER-BIDEN", enrolment_id=enrolment_id, reason="x")
    for reason in ("", "   ", None, "x" * 501):
        with pytest.raises(InvalidInput, match="reason"):
            remove(principal=ADMIN, record_id="PER-OBAMA", enrolment_id=enrolment_id, reason=reason)
    assert gallery.faces.store.count() == 2
    assert [entry.event for entry in gallery.audit.list() if "remove" in entry.event] == []
    remove(principal=ADMIN, record_id="PER-OBAMA", enrolment_id=enrolment_id, reason="gone")
    with pytest.raises(NotFound):  # twice
        remove(principal=ADMIN, record_id="PER-OBAMA", enrolment_id=enrolment_id, reason="x")


def test_the_audit_keeps_who_when_which_and_why_and_nothing_biometric(
    gallery: Services, clock: FrozenClock
) -> None:
    enrolment_id = enrolment_of(gallery, "PER-BIDEN")
    clock.advance(hours=1)
    removal = gallery.faces.remove(
        principal=BUREAU,
        record_id="PER-BIDEN",
        enrolment_id=enrolment_id,
        reason="  photo of   the wrong man ",
    )
    entry = gallery.audit.list(limit=1)[0]
    assert (entry.event, entry.user_name, entry.at) == ("face_remove", "bureau-rus", clock.now)
    assert entry.query == {
        "type": "face removal",
        "record_id": "PER-BIDEN",
        "item_id": enrolment_id,
        "reason": "photo of the wrong man",
    }
    assert entry.record_ids == ["PER-BIDEN"]
    assert entry.result == {"removal_id": removal.id}
    assert len(json.dumps(entry.as_dict())) < 600  # no 128 numbers, no 512 bytes
    assert gallery.audit.verify().is_intact
    (kept,) = gallery.biometric_purge.removals.for_record("PER-BIDEN")
    assert kept == removal
    assert kept.removed_by == "bureau-rus"
    assert kept.removed_at == clock.now
    with gallery.engine.connect() as connection:
        row = connection.execute(select(biometric_removals)).one()
    assert set(row._mapping) == {
        "seq",
        "id",
        "kind",
        "item_id",
        "record_id",
        "owner",
        "removed_at",
        "removed_by",
        "reason",
    }


def test_a_purge_removes_every_face_and_dna_profile_of_the_record(gallery: Services) -> None:
    gallery.faces.enrol(principal=BUREAU, record_id="PER-OBAMA", photo=photo("obama_small.jpg"))
    dna = gallery.dna.enrol(principal=BUREAU, record_id="PER-OBAMA", raw=BASE)
    kept_dna = gallery.dna.enrol(principal=BUREAU, record_id="PER-BIDEN", raw=profile(FGA=[20]))
    gallery.records.cancel(principal=BUREAU, kind=RecordKind.PERSONS, record_id="PER-OBAMA")
    with pytest.raises(PermissionDenied):
        gallery.biometric_purge.purge(
            principal=principal("bureau", "FRA"), record_id="PER-OBAMA", reason="cancelled"
        )
    with pytest.raises(NotFound):
        gallery.biometric_purge.purge(principal=ADMIN, record_id="PER-NOBODY", reason="x")
    removed = gallery.biometric_purge.purge(
        principal=BUREAU, record_id="PER-OBAMA", reason="notice cancelled"
    )
    assert [removal.kind for removal in removed] == [
        BiometricKind.FACE,
        BiometricKind.FACE,
        BiometricKind.DNA,
    ]
    assert removed[-1].item_id == dna.id
    assert gallery.faces.enrolments(principal=ADMIN, record_id="PER-OBAMA") == []
    assert stored_rows(gallery, dna_profiles, dna.id) == 0
    assert stored_rows(gallery, dna_profiles, kept_dna.id) == 1
    assert gallery.faces.store.count() == 1
    assert len(gallery.faces.refresh()) == 1
    events = [entry.event for entry in gallery.audit.list(limit=3)]
    assert sorted(events) == ["dna_remove", "face_remove", "face_remove"]
    assert gallery.biometric_purge.purge(principal=BUREAU, record_id="PER-OBAMA", reason="x") == []


def test_the_migration_creates_the_removals_table_as_declared(services: Services) -> None:
    assert biometric_removals.name in tables.metadata.tables
    with services.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    assert [item for item in differences if "biometric_removals" in repr(item)] == []
