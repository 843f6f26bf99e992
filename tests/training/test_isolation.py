"""Training never touches live data: a whole exercise leaves every live table as it was.

Runs on SQLite (a space is a folder of its own) and PostgreSQL (a schema of its own).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

import frontline.demo
from frontline.demo import load_world
from frontline.domain.records import RecordKind
from frontline.domain.training import CaseType, Decision
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, PermissionDenied, StorageFailed
from frontline.services import Services
from frontline.store import tables
from frontline.store.training_tables import training_spaces
from tests.training.common import TRAINER, check_body

ANA = Principal(902, "ana", Role.OFFICER, "FRA")
BEN = Principal(903, "ben", Role.BUREAU, "DEU")
# What a check must find for each planted case type (the clean ones must find nothing).
EXPECTED_DATABASE = {
    CaseType.STOLEN_DOCUMENT: "SLTD",
    CaseType.STOLEN_BLANK: "SLTD",
    CaseType.TDAWN: "TDAWN",
    CaseType.VEHICLE: "SMV",
}


@pytest.fixture(autouse=True)
def _drop_spaces_after(services: Services) -> Iterator[None]:
    """A PostgreSQL space is a schema beside the test's own: drop what a test left."""
    yield
    for space in services.training.store.spaces():
        services.training.databases.drop(space.location)


def _live_snapshot(services: Services) -> dict[str, list[tuple[str, ...]]]:
    """Every row of every live table but the training metadata, in a stable order."""
    with services.engine.connect() as connection:
        names = inspect(connection).get_table_names()
        return {
            name: sorted(
                tuple(str(value) for value in row)
                for row in connection.execute(text(f'SELECT * FROM "{name}"'))
            )
            for name in names
            if not name.startswith("training_") and name != "alembic_version"
        }


def _count(services: Services, table: str) -> int:
    with services.engine.connect() as connection:
        return int(connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())


def test_a_whole_border_queue_exercise_leaves_every_live_table_unchanged(
    services: Services,
) -> None:
    load_world(services, size=200, seed=3, today=services.clock().date())
    before = _live_snapshot(services)
    assert before["documents"]
    assert before["audit"] == []
    training = services.training
    space = training.create_space(principal=TRAINER, name="queue-a", size=1000, seed=11)
    exercise = training.create_exercise(
        principal=TRAINER,
        space=space.name,
        template="border-queue",
        travellers=20,
        trainees=["ana", "ben"],
    )
    assert len(exercise.cases) == 20
    for case in exercise.cases:
        result = training.check_case(
            principal=ANA,
            exercise_id=exercise.id,
            number=case.number,
            raw=check_body(case.presented),
        )
        assert result["training"] is True
        found = {(hit["database"], hit["record_id"]) for hit in result["hits"]}
        if case.case_type in EXPECTED_DATABASE:
            assert (EXPECTED_DATABASE[case.case_type], case.record_id) in found, case
        elif case.case_type is CaseType.MRZ_CHECK_DIGIT:
            assert "mrz_check_digit" in {w["code"] for w in result["warnings"]}
        else:
            assert result["verdict"] == "no_hit", case
        training.decide(
            principal=ANA,
            exercise_id=exercise.id,
            number=case.number,
            decision=case.expected.value,
            verdict=result["verdict"],
        )
        training.decide(
            principal=BEN, exercise_id=exercise.id, number=case.number, decision="release"
        )

    assert _live_snapshot(services) == before
    inside = training.databases.open(space.location)
    assert _count(inside, "audit") == 20  # the checks were audited, in the space
    assert _count(inside, "cases") >= 3  # its hits opened cases there, not live
    assert _count(inside, "outbox") >= 3  # and queued their notifications there, unsent
    scores = {
        line.trainee: line for line in training.scores(principal=TRAINER, exercise_id=exercise.id)
    }
    clean = sum(case.expected is Decision.RELEASE for case in exercise.cases)
    assert (scores["ana"].correct, scores["ana"].decided) == (20, 20)
    assert (scores["ben"].correct, scores["ben"].decided) == (clean, 20)
    assert 3 <= 20 - clean <= 6

    training.delete_space(principal=TRAINER, name=space.name)
    assert _live_snapshot(services) == before
    _assert_gone(services, space.location)
    assert training.scores(principal=TRAINER, exercise_id=exercise.id)[0].decided == 20


def _assert_gone(services: Services, location: str) -> None:
    if location.startswith("schema:"):
        with services.engine.connect() as connection:
            assert location[7:] not in inspect(connection).get_schema_names()
    else:
        from pathlib import Path

        assert not Path(location).exists()


def test_only_trainers_and_admins_make_spaces_and_a_trainer_still_may_not_check_live(
    services: Services,
) -> None:
    with pytest.raises(PermissionDenied):
        services.training.create_space(principal=ANA, name="nope", size=10)
    from frontline.screening.requests import parse_check_request

    request = parse_check_request(
        {"document": {"number": "X1", "country": "FRA"}}, today=services.clock().date()
    )
    with pytest.raises(PermissionDenied):
        services.screening.check(principal=TRAINER, request=request)


def test_the_migration_creates_the_training_tables_as_declared(services: Services) -> None:
    assert training_spaces.name in tables.metadata.tables
    with services.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    assert [item for item in differences if "training_" in repr(item)] == []


def _training_places(services: Services) -> set[str]:
    """The spaces' schemas (PostgreSQL) or folders (SQLite) that exist now."""
    with services.engine.connect() as connection:
        if services.engine.dialect.name == "postgresql":
            names = inspect(connection).get_schema_names()
            return {name for name in names if name.startswith("training_")}
    folder = services.settings.data_dir / "training"
    return {path.name for path in folder.iterdir()} if folder.exists() else set()


def test_a_second_space_of_a_name_is_refused_and_a_failed_one_leaves_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    training = services.training
    first = training.create_space(principal=TRAINER, name="twice", size=10, seed=1)
    places = _training_places(services)
    with pytest.raises(Conflict):
        training.create_space(principal=TRAINER, name="twice", size=10)
    assert training.databases.open(first.location).store.count(RecordKind.DOCUMENTS) == 10

    def broken(*_: object, **__: object) -> None:
        raise StorageFailed("the disk is full")

    monkeypatch.setattr(frontline.demo, "load_world", broken)
    with pytest.raises(StorageFailed):
        training.create_space(principal=TRAINER, name="broken", size=10)
    assert [space.name for space in training.spaces(principal=TRAINER)] == ["twice"]
    assert _training_places(services) == places
