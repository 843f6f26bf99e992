"""The training use cases: spaces, exercises, a trainee's checks and decisions, scores and
courses.

A trainee checks inside the exercise's space, as an officer of the space's country: the
check runs on the space's own ``Services`` (its records, its audit), never the live ones.
What the live database keeps is metadata only (spaces, exercises, decisions, courses).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from frontline.access import Action, require
from frontline.domain.checks import result_as_dict
from frontline.domain.training import Decision, ScoreLine, TraineeDecision, score_lines
from frontline.domain.users import Principal, Role
from frontline.errors import InvalidInput, PermissionDenied
from frontline.identifiers.countries import canonical_country
from frontline.ids import new_id
from frontline.screening.requests import parse_check_request
from frontline.settings import Settings
from frontline.store.training import Course, Exercise, Space, TrainingStore
from frontline.synth import generate_world
from frontline.training.exercises import build_exercise
from frontline.training.spaces import SpaceDatabases

__all__ = ["MAX_SPACE_SIZE", "Training"]

MAX_SPACE_SIZE = 20_000
DEFAULT_SPACE_SIZE = 1_000
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True, slots=True)
class CourseRecord:
    """A course and who completed which of its exercises with what score."""

    course: Course
    exercises: list[Exercise]
    scores: dict[str, list[ScoreLine]]  # exercise id -> one line per trainee

    def as_dict(self) -> dict[str, Any]:
        return {
            "course": self.course.as_dict(),
            "exercises": [
                {
                    "id": exercise.id,
                    "template": exercise.template,
                    "space": exercise.space,
                    "scores": [
                        line.as_dict(len(exercise.cases)) for line in self.scores[exercise.id]
                    ],
                }
                for exercise in self.exercises
            ],
        }


class Training:
    def __init__(
        self,
        *,
        store: TrainingStore,
        settings: Settings,
        engine: Engine,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.store = store
        self.databases = SpaceDatabases(settings, engine, clock)
        self.clock = clock

    def close(self) -> None:
        self.databases.close()

    # spaces

    def create_space(
        self,
        *,
        principal: Principal,
        name: str,
        size: int = DEFAULT_SPACE_SIZE,
        seed: int | None = None,
        country: str | None = None,
    ) -> Space:
        """A new space, its own database seeded with a synthetic world of ``size`` documents."""
        require(principal, Action.MANAGE_TRAINING)
        if not _NAME.match(name):
            raise InvalidInput.for_field("name", "1-40 lower-case letters, digits and hyphens")
        if not 10 <= size <= MAX_SPACE_SIZE:
            raise InvalidInput.for_field("size", f"must be between 10 and {MAX_SPACE_SIZE}")
        home = canonical_country(country or principal.country, field="country")
        if home in ("XXX", "XXA"):
            home = "FRA"
        now = self.clock()
        space = Space(
            name=name,
            location=self.databases.new_location(name),
            world_seed=seed if seed is not None else int(now.timestamp()) % 100_000,
            world_size=size,
            world_today=now.date(),
            country=home,
            created_by=principal.name,
            created_at=now,
        )
        self.store.add_space(space)  # first: a second space of that name is refused here
        try:
            self.databases.prepare(space.location)
            self._seed(space)
        except BaseException:
            self.store.delete_space(space.name)
            self.databases.drop(space.location)
            raise
        return space

    def _seed(self, space: Space) -> None:
        from frontline.demo import load_world  # demo imports services, which wires this in

        services = self.databases.open(space.location)
        load_world(services, size=space.world_size, seed=space.world_seed, today=space.world_today)

    def spaces(self, *, principal: Principal) -> list[Space]:
        require(principal, Action.MANAGE_TRAINING)
        return self.store.spaces()

    def space(self, *, principal: Principal, name: str) -> Space:
        require(principal, Action.MANAGE_TRAINING)
        return self.store.space(name)

    def delete_space(self, *, principal: Principal, name: str) -> None:
        """Drop the space's database; its exercises' scores stay in the course records."""
        require(principal, Action.MANAGE_TRAINING)
        space = self.store.space(name)
        self.store.delete_space(name)
        self.databases.drop(space.location)

    # exercises

    def create_exercise(
        self,
        *,
        principal: Principal,
        space: str,
        template: str,
        travellers: int | None = None,
        trainees: Sequence[str] = (),
        course_id: str | None = None,
    ) -> Exercise:
        require(principal, Action.MANAGE_TRAINING)
        where = self.store.space(space)
        names = list(dict.fromkeys(name.strip() for name in trainees if name.strip()))
        if course_id:
            names = list(dict.fromkeys([*names, *self.store.course(course_id).trainees]))
        world = generate_world(
            size=where.world_size, seed=where.world_seed, today=where.world_today
        )
        exercise_id = new_id("ex")
        cases = build_exercise(
            world, template=template, seed=_seed_of(exercise_id), cases=travellers
        )
        exercise = Exercise(
            id=exercise_id,
            space=space,
            template=template,
            course_id=course_id or None,
            trainees=tuple(names),
            cases=tuple(cases),
            created_by=principal.name,
            created_at=self.clock(),
        )
        self.store.add_exercise(exercise)
        return exercise

    def exercises(self, *, principal: Principal) -> list[Exercise]:
        """All exercises for a trainer; a trainee's own otherwise."""
        require(principal, Action.TRAIN)
        found = self.store.exercises()
        if _is_trainer(principal):
            return found
        return [exercise for exercise in found if principal.name in exercise.trainees]

    def exercise(self, *, principal: Principal, exercise_id: str) -> Exercise:
        require(principal, Action.TRAIN)
        exercise = self.store.exercise(exercise_id)
        if not _is_trainer(principal) and principal.name not in exercise.trainees:
            raise PermissionDenied(f"{principal.name} is not in the class of {exercise_id}")
        return exercise

    def space_of(self, exercise: Exercise) -> Space:
        return self.store.space(exercise.space)

    def check_case(
        self, *, principal: Principal, exercise_id: str, number: int, raw: dict[str, Any]
    ) -> dict[str, Any]:
        """The trainee's check of a case, run inside the exercise's space."""
        exercise = self.exercise(principal=principal, exercise_id=exercise_id)
        exercise.case(number)
        space = self.store.space(exercise.space)
        services = self.databases.open(space.location)
        request = parse_check_request(raw, today=services.clock().date())
        officer = Principal(principal.user_id, principal.name, Role.OFFICER, space.country)
        result = services.screening.check(principal=officer, request=request)
        return result_as_dict(result) | {"training": True, "space": space.name}

    def decide(
        self,
        *,
        principal: Principal,
        exercise_id: str,
        number: int,
        decision: str,
        verdict: str | None = None,
    ) -> TraineeDecision:
        """Record the trainee's decision on a case (once); the ground truth comes back."""
        exercise = self.exercise(principal=principal, exercise_id=exercise_id)
        if principal.name not in exercise.trainees:
            raise PermissionDenied(f"{principal.name} is not in the class of {exercise_id}")
        case = exercise.case(number)
        try:
            chosen = Decision(decision)
        except ValueError:
            known = ", ".join(item.value for item in Decision)
            raise InvalidInput.for_field("decision", f"one of {known}") from None
        made = TraineeDecision(
            trainee=principal.name,
            case_number=number,
            case_type=case.case_type,
            decision=chosen,
            expected=case.expected,
        )
        kept_verdict = verdict if verdict in ("no_hit", "hit", "possible_match") else None
        self.store.add_decision(exercise_id, made, verdict=kept_verdict, at=self.clock())
        return made

    def decisions(self, *, principal: Principal, exercise_id: str) -> list[TraineeDecision]:
        """The caller's own decisions in an exercise (a trainer: everyone's)."""
        exercise = self.exercise(principal=principal, exercise_id=exercise_id)
        found = self.store.decisions([exercise.id])[exercise.id]
        if _is_trainer(principal):
            return found
        return [item for item in found if item.trainee == principal.name]

    def scores(self, *, principal: Principal, exercise_id: str) -> list[ScoreLine]:
        """One line per trainee of the class (those who decided nothing score 0 of 0)."""
        require(principal, Action.MANAGE_TRAINING)
        exercise = self.store.exercise(exercise_id)
        return _class_scores(exercise, self.store.decisions([exercise.id])[exercise.id])

    def scores_csv(self, *, principal: Principal, exercise_id: str) -> str:
        """The score table as CSV: one row per trainee and case type, then the total."""
        require(principal, Action.MANAGE_TRAINING)  # before the lookup: no id probing
        exercise = self.store.exercise(exercise_id)
        lines = self.scores(principal=principal, exercise_id=exercise_id)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["exercise", "trainee", "case_type", "correct", "decided", "cases"])
        for line in lines:
            for kind, (right, seen) in sorted(line.by_type.items()):
                writer.writerow([exercise.id, line.trainee, kind, right, seen, ""])
            writer.writerow(
                [exercise.id, line.trainee, "all", line.correct, line.decided, len(exercise.cases)]
            )
        return out.getvalue()

    # courses

    def create_course(
        self,
        *,
        principal: Principal,
        topic: str,
        place: str,
        starts_on: dt.date,
        ends_on: dt.date,
        trainees: Sequence[str],
        trainer: str | None = None,
    ) -> Course:
        require(principal, Action.MANAGE_TRAINING)
        if not topic.strip():
            raise InvalidInput.for_field("topic", "a course needs a topic")
        if ends_on < starts_on:
            raise InvalidInput.for_field("ends_on", "a course cannot end before it starts")
        course = Course(
            id=new_id("crs"),
            topic=topic.strip()[:500],
            place=place.strip()[:200],
            starts_on=starts_on,
            ends_on=ends_on,
            trainer=(trainer or principal.name).strip()[:80],
            trainees=tuple(dict.fromkeys(n.strip() for n in trainees if n.strip())),
            created_at=self.clock(),
        )
        self.store.add_course(course)
        return course

    def courses(self, *, principal: Principal) -> list[Course]:
        require(principal, Action.MANAGE_TRAINING)
        return self.store.courses()

    def course_record(self, *, principal: Principal, course_id: str) -> CourseRecord:
        require(principal, Action.MANAGE_TRAINING)
        course = self.store.course(course_id)
        exercises = self.store.exercises(course_id=course_id)
        decided = self.store.decisions([exercise.id for exercise in exercises])
        return CourseRecord(
            course=course,
            exercises=exercises,
            scores={e.id: _class_scores(e, decided[e.id]) for e in exercises},
        )


def _class_scores(exercise: Exercise, decisions: list[TraineeDecision]) -> list[ScoreLine]:
    lines = {line.trainee: line for line in score_lines(decisions)}
    for name in exercise.trainees:
        lines.setdefault(name, ScoreLine(name))
    return [lines[name] for name in sorted(lines)]


def _is_trainer(principal: Principal) -> bool:
    return principal.role in (Role.TRAINER, Role.ADMIN)


def _seed_of(exercise_id: str) -> int:
    return int(exercise_id.rsplit("_", 1)[1][-8:], 16)
