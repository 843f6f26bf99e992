"""Removing DNA profiles: the index drops a row as if built without it (pure), and through
the use case, on SQLite and PostgreSQL, a removed profile never matches again (here, in
another process, even before it refreshes), the row is deleted, the owner bureau or an
admin alone removes, and the audit keeps the removal without a locus."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sqlalchemy import func, select

from frontline.biometrics.dna import parse_profile
from frontline.biometrics.dna_index import DnaIndex
from frontline.biometrics.dna_service import SearchLimits
from frontline.domain.records import RecordKind
from frontline.domain.removals import BiometricKind
from frontline.errors import InvalidInput, NotFound, PermissionDenied
from frontline.records.kinds import build_row
from frontline.services import Services, open_services
from frontline.store.reference_tables import dna_profiles
from tests.dna.test_profiles import BASE, profile
from tests.factories import ADMIN, OFFICER, person, principal

FRA = principal("bureau", "FRA", "bureau-fra")
NEAR = profile(FGA=[20, 22])  # one locus off BASE
OTHER = profile(D3S1358=[14, 17], vWA=[15, 19], FGA=[24, 25], D8S1179=[10, 12])
ONE_OFF = SearchLimits(max_mismatches=1)


def built(*profiles: dict[str, object]) -> DnaIndex:
    index = DnaIndex(capacity=16)
    index.add([parse_profile(raw) for raw in profiles])
    return index


def test_an_index_without_a_removed_row_is_the_index_built_without_it() -> None:
    index = built(BASE, NEAR, OTHER, profile(TH01=["6", "7"]))
    index.remove([1, 3])
    fresh = built(BASE, OTHER)
    assert index.size == fresh.size == 2
    assert np.array_equal(index.allele_counts, fresh.allele_counts)
    assert np.array_equal(index.typed, fresh.typed)
    assert np.array_equal(index.masks[: index.size], fresh.masks[: fresh.size])
    for probe in (BASE, NEAR, OTHER):
        found = index.search(parse_profile(probe), max_mismatches=4, min_loci=6, limit=5)
        expected = fresh.search(parse_profile(probe), max_mismatches=4, min_loci=6, limit=5)
        assert found == expected
    near = index.search(parse_profile(NEAR), max_mismatches=0, min_loci=8, limit=5)
    assert near == []  # the removed NEAR no longer matches itself
    index.remove([])
    index.remove([0, 1])
    assert index.size == 0
    assert not index.allele_counts.any()
    assert index.search(parse_profile(BASE), max_mismatches=0, min_loci=8, limit=5) == []
    index.add([parse_profile(NEAR)])  # and it grows again
    assert [
        c.row for c in index.search(parse_profile(NEAR), max_mismatches=0, min_loci=8, limit=5)
    ] == [0]


@pytest.fixture
def enrolled(services: Services) -> dict[str, str]:
    """PER-1 (FRA) with BASE, PER-2 (GBR) with NEAR: profile id by record id."""
    rows = [person(id="PER-1", owner="FRA"), person("John Smith", id="PER-2", owner="GBR")]
    built_rows = [build_row(RecordKind.PERSONS, row) for row in rows]
    services.store.upsert(RecordKind.PERSONS, built_rows, now=services.clock())
    first = services.dna.enrol(principal=FRA, record_id="PER-1", raw=BASE)
    second = services.dna.enrol(principal=ADMIN, record_id="PER-2", raw=NEAR)
    return {"PER-1": first.id, "PER-2": second.id}


def matched(services: Services, probe: dict[str, object] = BASE) -> list[str]:
    found = services.dna.search(principal=OFFICER, raw=probe, limits=ONE_OFF)
    return [hit.record_id for hit in found.hits]


def stored(services: Services, profile_id: str) -> int:
    query = select(func.count()).select_from(dna_profiles).where(dna_profiles.c.id == profile_id)
    with services.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def test_a_removed_profile_no_longer_matches_and_its_row_is_deleted(
    services: Services, enrolled: dict[str, str]
) -> None:
    assert matched(services) == ["PER-1", "PER-2"]
    removal = services.dna.remove(
        principal=FRA, profile_id=enrolled["PER-1"], reason="entered wrongly"
    )
    assert (removal.kind, removal.record_id, removal.owner) == (BiometricKind.DNA, "PER-1", "FRA")
    assert services.dna.refresh().size == 1  # dropped at once, before any search
    assert matched(services) == ["PER-2"]
    assert stored(services, enrolled["PER-1"]) == 0
    with pytest.raises(NotFound):
        services.dna.get(principal=OFFICER, profile_id=enrolled["PER-1"])
    with pytest.raises(NotFound):  # twice
        services.dna.remove(principal=FRA, profile_id=enrolled["PER-1"], reason="again")


def test_another_process_never_matches_a_removed_profile(
    services: Services, enrolled: dict[str, str]
) -> None:
    settings = services.settings
    slow = open_services(
        settings.model_copy(update={"index_refresh_seconds": 3600}),
        use_index=False,
        clock=services.clock,
    )
    eager = open_services(settings, use_index=False, clock=services.clock)
    try:
        assert matched(slow) == matched(eager) == ["PER-1", "PER-2"]
        services.dna.remove(principal=ADMIN, profile_id=enrolled["PER-2"], reason="purged")
        assert eager.dna.refresh().size == 1  # read the removal at its refresh
        assert matched(eager) == ["PER-1"]
        assert matched(slow) == ["PER-1"]  # not refreshed: the row is gone, so the hit is
        assert slow.dna.refresh().size == 1
    finally:
        slow.close()
        eager.close()


def test_only_the_owners_bureau_or_an_admin_removes(
    services: Services, enrolled: dict[str, str]
) -> None:
    profile_id = enrolled["PER-2"]  # owned by GBR
    with pytest.raises(PermissionDenied):
        services.dna.remove(principal=OFFICER, profile_id=profile_id, reason="x")
    with pytest.raises(PermissionDenied, match="owned by GBR"):
        services.dna.remove(principal=FRA, profile_id=profile_id, reason="x")
    with pytest.raises(NotFound, match="no DNA profile dna_none"):
        services.dna.remove(principal=ADMIN, profile_id="dna_none", reason="x")
    with pytest.raises(InvalidInput, match="reason"):
        services.dna.remove(principal=ADMIN, profile_id=profile_id, reason=" ")
    assert stored(services, profile_id) == 1
    assert matched(services) == ["PER-1", "PER-2"]
    services.dna.remove(principal=principal("bureau", "GBR"), profile_id=profile_id, reason="ok")
    assert matched(services) == ["PER-1"]


def test_the_removal_is_audited_without_a_locus(
    services: Services, enrolled: dict[str, str]
) -> None:
    removal = services.dna.remove(
        principal=FRA, profile_id=enrolled["PER-1"], reason="notice cancelled"
    )
    entry = services.audit.list(limit=1)[0]
    assert (entry.event, entry.user_name) == ("dna_remove", "bureau-fra")
    assert entry.query == {
        "type": "DNA removal",
        "record_id": "PER-1",
        "item_id": enrolled["PER-1"],
        "reason": "notice cancelled",
    }
    assert entry.result == {"removal_id": removal.id}
    kept = services.biometric_purge.removals.for_record("PER-1")
    text = json.dumps([entry.as_dict(), *(item.as_dict() for item in kept)])
    assert "D3S1358" not in text
    assert "9.3" not in text
    assert "15.3" not in text
