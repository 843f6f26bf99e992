"""/training: spaces, exercises, a trainee's cases (check, then decide), scores, courses.

Every page here carries the training banner, every JSON twin ``"training": true``, and
every answer the ``X-Frontline-Training`` header. A trainee's check runs in the exercise's
space (its own database), never on live records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontline.access import ALLOWED, Action
from frontline.domain.training import Decision, TraineeDecision
from frontline.errors import InvalidInput
from frontline.store.training import Exercise
from frontline.training.exercises import TEMPLATES
from frontline.web.console import FormDep, Visit, VisitDep, check_csrf, redirect, respond
from frontline.web.forms import check_request

router = APIRouter(include_in_schema=False)

HEADER = "X-Frontline-Training"


class TrainingHeader:
    """Marks every answer under /training, error pages and redirects included, with
    ``X-Frontline-Training: true``, so a client can tell training from live by headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "") if scope["type"] == "http" else ""
        if not (path == "/training" or path.startswith(("/training/", "/training."))):
            await self.app(scope, receive, send)
            return

        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)[HEADER] = "true"
            await send(message)

        await self.app(scope, receive, marked)


def _page(visit: Visit, template: str, data: dict[str, Any], **context: Any) -> Response:
    return respond(visit, visit.request, template, {"training": True, **data}, **context)


def _go(visit: Visit, to: str) -> Response:
    return redirect(visit.request, to, session=visit.session)


def _is_trainer(visit: Visit) -> bool:
    return visit.principal.role in ALLOWED[Action.MANAGE_TRAINING]


def _csrf(visit: Visit, form: dict[str, str]) -> None:
    """A form sent with a session cookie must carry its CSRF token (a bearer token needs none)."""
    if visit.session is not None:
        check_csrf(visit.session, form, visit.request)


@router.get("/training")
def training_home(visit: VisitDep) -> Response:
    training = visit.services.training
    exercises = training.exercises(principal=visit.principal)
    spaces = training.spaces(principal=visit.principal) if _is_trainer(visit) else []
    data = {
        "spaces": [space.as_dict() for space in spaces],
        "exercises": [_summary(exercise) for exercise in exercises],
    }
    return _page(visit, "training.html", data, is_trainer=_is_trainer(visit), templates=TEMPLATES)


@router.post("/training/spaces")
def create_space(visit: VisitDep, form: FormDep) -> Response:
    _csrf(visit, form)
    space = visit.services.training.create_space(
        principal=visit.principal,
        name=form.get("name", ""),
        size=_number(form, "size", 1000),
        country=form.get("country") or None,
    )
    return _go(visit, f"/training/spaces/{space.name}")


@router.get("/training/spaces/{name}")
def space_page(name: str, visit: VisitDep) -> Response:
    training = visit.services.training
    space = training.space(principal=visit.principal, name=name)
    exercises = [e for e in training.exercises(principal=visit.principal) if e.space == name]
    courses = training.courses(principal=visit.principal)
    data = {
        "space": space.as_dict(),
        "exercises": [_summary(exercise) for exercise in exercises],
        "courses": [course.as_dict() for course in courses],
    }
    return _page(visit, "training_space.html", data, templates=TEMPLATES)


@router.post("/training/spaces/{name}/delete")
def delete_space(name: str, visit: VisitDep, form: FormDep) -> Response:
    _csrf(visit, form)
    visit.services.training.delete_space(principal=visit.principal, name=name)
    return _go(visit, "/training")


@router.post("/training/spaces/{name}/exercises")
def create_exercise(name: str, visit: VisitDep, form: FormDep) -> Response:
    _csrf(visit, form)
    travellers = form.get("travellers", "")
    exercise = visit.services.training.create_exercise(
        principal=visit.principal,
        space=name,
        template=form.get("template", ""),
        travellers=_number(form, "travellers", 0) if travellers else None,
        trainees=form.get("trainees", "").split(","),
        course_id=form.get("course") or None,
    )
    return _go(visit, f"/training/exercises/{exercise.id}")


@router.get("/training/exercises/{exercise_id}")
def exercise_page(exercise_id: str, visit: VisitDep) -> Response:
    training = visit.services.training
    exercise = training.exercise(principal=visit.principal, exercise_id=exercise_id)
    mine = {
        item.case_number: item
        for item in training.decisions(principal=visit.principal, exercise_id=exercise_id)
        if item.trainee == visit.principal.name
    }
    is_trainer = _is_trainer(visit)
    data: dict[str, Any] = {
        "exercise": _summary(exercise),
        "cases": [_case_line(exercise, number, mine.get(number)) for number in _numbers(exercise)],
        "scores": None,
        "mine": {
            "decided": len(mine),
            "correct": sum(item.is_correct for item in mine.values()),
        },
    }
    if is_trainer:
        lines = training.scores(principal=visit.principal, exercise_id=exercise_id)
        data["scores"] = [line.as_dict(len(exercise.cases)) for line in lines]
    return _page(visit, "training_exercise.html", data, is_trainer=is_trainer)


@router.get("/training/exercises/{exercise_id}/scores.csv")
def scores_csv(exercise_id: str, visit: VisitDep) -> Response:
    text = visit.services.training.scores_csv(principal=visit.principal, exercise_id=exercise_id)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{exercise_id}-scores.csv"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/training/exercises/{exercise_id}/cases/{number}")
def case_page(exercise_id: str, number: int, visit: VisitDep) -> Response:
    return _case_page(visit, exercise_id, number, result=None)


@router.post("/training/exercises/{exercise_id}/cases/{number}/check")
def check_case(exercise_id: str, number: int, visit: VisitDep, form: FormDep) -> Response:
    _csrf(visit, form)
    result = visit.services.training.check_case(
        principal=visit.principal, exercise_id=exercise_id, number=number, raw=check_request(form)
    )
    return _case_page(visit, exercise_id, number, result=result)


@router.post("/training/exercises/{exercise_id}/cases/{number}/decision")
def decide_case(exercise_id: str, number: int, visit: VisitDep, form: FormDep) -> Response:
    _csrf(visit, form)
    visit.services.training.decide(
        principal=visit.principal,
        exercise_id=exercise_id,
        number=number,
        decision=form.get("decision", ""),
        verdict=form.get("verdict") or None,
    )
    return _go(visit, f"/training/exercises/{exercise_id}/cases/{number}")


def _case_page(
    visit: Visit, exercise_id: str, number: int, *, result: dict[str, Any] | None
) -> Response:
    training = visit.services.training
    exercise = training.exercise(principal=visit.principal, exercise_id=exercise_id)
    case = exercise.case(number)
    decided = next(
        (
            item
            for item in training.decisions(principal=visit.principal, exercise_id=exercise_id)
            if item.trainee == visit.principal.name and item.case_number == number
        ),
        None,
    )
    shows_truth = decided is not None or _is_trainer(visit)
    data: dict[str, Any] = {
        "exercise": _summary(exercise),
        "case": case.as_dict(with_truth=shows_truth),
        "decision": decided.decision.value if decided else None,
        "is_correct": decided.is_correct if decided else None,
        "result": result,
        "next": number + 1 if number < len(exercise.cases) else None,
    }
    return _page(
        visit,
        "training_case.html",
        data,
        decisions=[(item.value, item.label) for item in Decision],
        in_class=visit.principal.name in exercise.trainees,
    )


@router.get("/training/courses")
def courses_page(visit: VisitDep) -> Response:
    courses = visit.services.training.courses(principal=visit.principal)
    return _page(visit, "training_courses.html", {"courses": [c.as_dict() for c in courses]})


@router.post("/training/courses")
def create_course(visit: VisitDep, form: FormDep) -> Response:
    _csrf(visit, form)
    course = visit.services.training.create_course(
        principal=visit.principal,
        topic=form.get("topic", ""),
        place=form.get("place", ""),
        starts_on=_date(form, "starts_on"),
        ends_on=_date(form, "ends_on"),
        trainees=form.get("trainees", "").split(","),
        trainer=form.get("trainer") or None,
    )
    return _go(visit, f"/training/courses/{course.id}")


@router.get("/training/courses/{course_id}")
def course_page(course_id: str, visit: VisitDep) -> Response:
    record = visit.services.training.course_record(principal=visit.principal, course_id=course_id)
    return _page(visit, "training_course.html", record.as_dict())


def _summary(exercise: Exercise) -> dict[str, Any]:
    return {
        "id": exercise.id,
        "space": exercise.space,
        "template": exercise.template,
        "course_id": exercise.course_id,
        "trainees": list(exercise.trainees),
        "travellers": len(exercise.cases),
        "created_at": exercise.created_at.isoformat(),
    }


def _numbers(exercise: Exercise) -> range:
    return range(1, len(exercise.cases) + 1)


def _case_line(exercise: Exercise, number: int, decided: TraineeDecision | None) -> dict[str, Any]:
    presented = exercise.case(number).presented
    page = presented.get("data_page") or {}
    person = presented.get("person") or {}
    who = f"{page.get('given_names', '')} {page.get('surname', '')}".strip() or person.get("name")
    return {
        "number": number,
        "traveller": who,
        "decision": decided.decision.value if decided else None,
        "is_correct": decided.is_correct if decided else None,
    }


def _number(form: dict[str, str], field: str, default: int) -> int:
    text = form.get(field, "").strip()
    if not text:
        return default
    if not text.isdigit():
        raise InvalidInput.for_field(field, "a whole number")
    return int(text)


def _date(form: dict[str, str], field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(form.get(field, ""))
    except ValueError:
        raise InvalidInput.for_field(field, "a date as YYYY-MM-DD") from None
