"""Training metadata in the live database: spaces, exercises, decisions and courses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Table, delete, insert, select
from sqlalchemy.exc import IntegrityError

from frontline.domain.training import CaseType, Decision, ExerciseCase, TraineeDecision
from frontline.errors import Conflict, NotFound
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction
from frontline.store.training_tables import (
    training_course_trainees,
    training_courses,
    training_decisions,
    training_exercises,
    training_spaces,
)

__all__ = ["Course", "Exercise", "Space", "TrainingStore"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Space:
    """A training space: where its database is and the synthetic world it was seeded with."""

    name: str
    location: str
    world_seed: int
    world_size: int
    world_today: dt.date
    country: str
    created_by: str
    created_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "world": {
                "seed": self.world_seed,
                "size": self.world_size,
                "today": self.world_today.isoformat(),
            },
            "country": self.country,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Exercise:
    id: str
    space: str
    template: str
    course_id: str | None
    trainees: tuple[str, ...]
    cases: tuple[ExerciseCase, ...]
    created_by: str
    created_at: dt.datetime

    def case(self, number: int) -> ExerciseCase:
        if not 1 <= number <= len(self.cases):
            raise NotFound(f"exercise {self.id} has no case {number}")
        return self.cases[number - 1]

    def as_dict(self, *, with_truth: bool) -> dict[str, Any]:
        return {
            "id": self.id,
            "space": self.space,
            "template": self.template,
            "course_id": self.course_id,
            "trainees": list(self.trainees),
            "travellers": len(self.cases),
            "cases": [case.as_dict(with_truth=with_truth) for case in self.cases],
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Course:
    id: str
    topic: str
    place: str
    starts_on: dt.date
    ends_on: dt.date
    trainer: str
    trainees: tuple[str, ...]
    created_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "place": self.place,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat(),
            "trainer": self.trainer,
            "trainees": list(self.trainees),
            "created_at": self.created_at.isoformat(),
        }


class TrainingStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add_space(self, space: Space) -> None:
        row = {
            "name": space.name,
            "location": space.location,
            "world_seed": space.world_seed,
            "world_size": space.world_size,
            "world_today": space.world_today,
            "country": space.country,
            "created_by": space.created_by,
            "created_at": naive_utc(space.created_at),
        }
        self._insert_once(training_spaces, row, f"a training space named {space.name!r} exists")

    def _insert_once(self, table: Table, row: dict[str, Any], taken: str) -> None:
        """Insert ``row``; a row with its key already there is a ``Conflict`` saying ``taken``."""
        try:
            with write_transaction(self.engine) as connection:
                connection.execute(insert(table), [row])
        except IntegrityError:
            raise Conflict(taken) from None

    def space(self, name: str) -> Space:
        with self.engine.connect() as connection:
            row = connection.execute(
                select(training_spaces).where(training_spaces.c.name == name)
            ).first()
        if row is None:
            raise NotFound(f"no training space {name!r}")
        return _space(row)

    def spaces(self) -> list[Space]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(training_spaces).order_by(training_spaces.c.name))
            return [_space(row) for row in rows]

    def delete_space(self, name: str) -> None:
        """Forget the space; its exercises and their scores stay (course records)."""
        with write_transaction(self.engine) as connection:
            connection.execute(delete(training_spaces).where(training_spaces.c.name == name))

    def add_exercise(self, exercise: Exercise) -> None:
        row = {
            "id": exercise.id,
            "space": exercise.space,
            "template": exercise.template,
            "course_id": exercise.course_id,
            "trainees": list(exercise.trainees),
            "cases": [case.as_dict() for case in exercise.cases],
            "created_by": exercise.created_by,
            "created_at": naive_utc(exercise.created_at),
        }
        with write_transaction(self.engine) as connection:
            connection.execute(insert(training_exercises), [row])

    def exercise(self, exercise_id: str) -> Exercise:
        table = training_exercises
        with self.engine.connect() as connection:
            row = connection.execute(select(table).where(table.c.id == exercise_id)).first()
        if row is None:
            raise NotFound(f"no training exercise {exercise_id!r}")
        return _exercise(row)

    def exercises(
        self, *, space: str | None = None, course_id: str | None = None
    ) -> list[Exercise]:
        table = training_exercises
        query = select(table).order_by(table.c.created_at.desc(), table.c.id)
        if space is not None:
            query = query.where(table.c.space == space)
        if course_id is not None:
            query = query.where(table.c.course_id == course_id)
        with self.engine.connect() as connection:
            return [_exercise(row) for row in connection.execute(query)]

    def add_decision(
        self, exercise_id: str, decision: TraineeDecision, *, verdict: str | None, at: dt.datetime
    ) -> None:
        """Keep a trainee's decision on a case; a second one on the same case is refused
        (the ground truth is shown after the first)."""
        row = {
            "exercise_id": exercise_id,
            "trainee": decision.trainee,
            "case_number": decision.case_number,
            "case_type": decision.case_type.value,
            "decision": decision.decision.value,
            "expected": decision.expected.value,
            "verdict": verdict,
            "decided_at": naive_utc(at),
        }
        self._insert_once(
            training_decisions, row, f"case {decision.case_number} is already decided"
        )

    def decisions(self, exercise_ids: Sequence[str]) -> dict[str, list[TraineeDecision]]:
        """The decisions of each exercise, by trainee and case."""
        table = training_decisions
        found: dict[str, list[TraineeDecision]] = {key: [] for key in exercise_ids}
        query = (
            select(table)
            .where(table.c.exercise_id.in_(list(exercise_ids)))
            .order_by(table.c.trainee, table.c.case_number)
        )
        with self.engine.connect() as connection:
            for row in connection.execute(query):
                found[row.exercise_id].append(
                    TraineeDecision(
                        trainee=row.trainee,
                        case_number=row.case_number,
                        case_type=CaseType(row.case_type),
                        decision=Decision(row.decision),
                        expected=Decision(row.expected),
                    )
                )
        return found

    def add_course(self, course: Course) -> None:
        row = {
            "id": course.id,
            "topic": course.topic,
            "place": course.place,
            "starts_on": course.starts_on,
            "ends_on": course.ends_on,
            "trainer": course.trainer,
            "created_at": naive_utc(course.created_at),
        }
        members = [{"course_id": course.id, "trainee": name} for name in course.trainees]
        with write_transaction(self.engine) as connection:
            connection.execute(insert(training_courses), [row])
            if members:
                connection.execute(insert(training_course_trainees), members)

    def course(self, course_id: str) -> Course:
        found = self._courses(training_courses.c.id == course_id)
        if not found:
            raise NotFound(f"no course {course_id!r}")
        return found[0]

    def courses(self) -> list[Course]:
        return self._courses(None)

    def _courses(self, where: Any) -> list[Course]:
        query = select(training_courses).order_by(training_courses.c.starts_on.desc())
        if where is not None:
            query = query.where(where)
        members = select(training_course_trainees).order_by(training_course_trainees.c.trainee)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
            trainees: dict[str, list[str]] = {}
            for member in connection.execute(members):
                trainees.setdefault(member.course_id, []).append(member.trainee)
        return [
            Course(
                id=row.id,
                topic=row.topic,
                place=row.place,
                starts_on=row.starts_on,
                ends_on=row.ends_on,
                trainer=row.trainer,
                trainees=tuple(trainees.get(row.id, ())),
                created_at=_aware(row.created_at),
            )
            for row in rows
        ]


def _aware(moment: dt.datetime) -> dt.datetime:
    aware = utc(moment)
    assert aware is not None
    return aware


def _space(row: Any) -> Space:
    return Space(
        name=row.name,
        location=row.location,
        world_seed=row.world_seed,
        world_size=row.world_size,
        world_today=row.world_today,
        country=row.country,
        created_by=row.created_by,
        created_at=_aware(row.created_at),
    )


def _exercise(row: Any) -> Exercise:
    return Exercise(
        id=row.id,
        space=row.space,
        template=row.template,
        course_id=row.course_id,
        trainees=tuple(row.trainees),
        cases=tuple(ExerciseCase.from_dict(item) for item in row.cases),
        created_by=row.created_by,
        created_at=_aware(row.created_at),
    )
