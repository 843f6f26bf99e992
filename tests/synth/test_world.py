"""The demo world: deterministic, sized as promised, every record well formed."""

from __future__ import annotations

import datetime as dt

import pytest

import frontline.synth
from frontline.domain.checks import Database, Verdict
from frontline.domain.records import RecordKind, RecordState
from frontline.identifiers.countries import is_known_country
from frontline.synth import World, generate_world

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(size=3000, seed=42, today=TODAY)


def test_the_public_api_is_pinned() -> None:
    assert sorted(frontline.synth.__all__) == [
        "DemoDocument",
        "DemoMRZ",
        "Row",
        "World",
        "build_mrz",
        "document_rows",
        "generate_world",
        "imo_check_digit",
        "iter_documents",
        "mrz_for_document",
        "range_contains",
        "to_row",
        "vin_check_digit",
        "world_rows",
    ]


def test_the_same_seed_gives_the_same_world(world: World) -> None:
    assert generate_world(size=3000, seed=42, today=TODAY) == world


def test_another_seed_gives_another_world(world: World) -> None:
    other = generate_world(size=3000, seed=43, today=TODAY)
    assert other.documents != world.documents
    assert other.persons != world.persons


def test_sizes_follow_the_number_of_documents(world: World) -> None:
    counts = {kind: len(world.records(kind)) for kind in RecordKind}
    assert counts == {
        RecordKind.DOCUMENTS: 3000,
        RecordKind.PERSONS: 300,
        RecordKind.VEHICLES: 600,
        RecordKind.VESSELS: 60,
        RecordKind.FIREARMS: 300,
    }


@pytest.mark.parametrize("size", [10, 11, 49])
def test_a_small_world_has_at_least_one_record_of_each_kind(size: int) -> None:
    small = generate_world(size=size, seed=1, today=TODAY)
    assert all(len(small.records(kind)) >= 1 for kind in RecordKind)


def test_an_empty_world_still_has_clean_travellers() -> None:
    empty = generate_world(size=0, seed=1, today=TODAY)
    assert all(empty.records(kind) == () for kind in RecordKind)
    assert len(empty.clean_travellers) >= 1


def test_a_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        generate_world(size=-1, seed=1, today=TODAY)


@pytest.mark.parametrize(
    ("kind", "prefix"),
    [
        (RecordKind.DOCUMENTS, "DOC"),
        (RecordKind.PERSONS, "PER"),
        (RecordKind.VEHICLES, "VEH"),
        (RecordKind.VESSELS, "VSL"),
        (RecordKind.FIREARMS, "FAR"),
    ],
)
def test_records_are_numbered_from_one(world: World, kind: RecordKind, prefix: str) -> None:
    ids = [record.id for record in world.records(kind)]
    assert ids[:2] == [f"{prefix}-000001", f"{prefix}-000002"]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("kind", list(RecordKind))
def test_every_record_is_active_owned_and_says_what_to_do(world: World, kind: RecordKind) -> None:
    for record in world.records(kind):
        assert record.state is RecordState.ACTIVE
        assert is_known_country(record.owner), record
        assert record.action.endswith("."), record


def test_owners_are_spread_over_many_bureaus(world: World) -> None:
    owners = {record.owner for kind in RecordKind for record in world.records(kind)}
    assert len(owners) >= 30
    assert {"FRA", "DEU", "RUS", "CHN", "NGA", "BRA", "IND", "USA"} <= owners


def test_samples_cover_each_verdict(world: World) -> None:
    samples = {sample.label: sample for sample in world.sample_mrzs}
    assert samples["clean passport"].expected_verdict is Verdict.NO_HIT
    stolen = samples["stolen passport (SLTD)"]
    assert (stolen.expected_verdict, stolen.database) == (Verdict.HIT, Database.SLTD)
    tdawn = samples["passport linked to a notice (TDAWN)"]
    assert (tdawn.expected_verdict, tdawn.database) == (Verdict.HIT, Database.TDAWN)
    broken = samples["passport with a broken check digit"]
    assert broken.expected_warning == "mrz_check_digit"
    assert all(sample.text == "\n".join(sample.lines) for sample in world.sample_mrzs)


def test_sample_records_exist(world: World) -> None:
    ids = {record.id for kind in RecordKind for record in world.records(kind)}
    for sample in world.sample_mrzs:
        assert sample.record_id is None or sample.record_id in ids
