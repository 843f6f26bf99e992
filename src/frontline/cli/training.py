"""``frontline training ...``: spaces, exercises, scores and courses, as a trainer runs them.

Every answer printed with ``--json`` carries ``"training": true``; nothing here touches the
live records (a space is a database of its own, see ``frontline.training.spaces``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from frontline.cli.common import console, fail, guarded, local_operator, print_json, services_for

__all__ = ["training_app"]

training_app = typer.Typer(
    help="Training spaces on synthetic data: exercises, scores, courses.", no_args_is_help=True
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")]
TraineesOption = Annotated[
    str, typer.Option("--trainees", help="User names of the class, comma-separated.")
]


def _emit(data: dict[str, Any], as_json: bool, summary: str) -> None:
    if as_json:
        print_json({"training": True, **data})
    else:
        console.print(summary, highlight=False, markup=False)


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


@training_app.command("create")
def create_command(
    name: Annotated[str, typer.Option("--name", help="The space's name: a-z, 0-9, hyphens.")],
    size: Annotated[int, typer.Option("--size", help="Documents in its synthetic world.")] = 1000,
    seed: Annotated[int | None, typer.Option("--seed", help="The world's seed.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Where trainees check (alpha-3).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Create a training space, its own database seeded from the demo generator."""
    with services_for(use_index=False) as services:
        space = guarded(
            lambda: services.training.create_space(
                principal=local_operator(), name=name, size=size, seed=seed, country=country
            )
        )
    _emit({"space": space.as_dict()}, as_json, f"training space {space.name} created")


@training_app.command("list")
def list_command(as_json: JsonOption = False) -> None:
    """The training spaces."""
    with services_for(use_index=False) as services:
        spaces = guarded(lambda: services.training.spaces(principal=local_operator()))
    lines = "\n".join(f"{s.name}  {s.world_size} documents  {s.country}" for s in spaces)
    _emit({"spaces": [space.as_dict() for space in spaces]}, as_json, lines or "no spaces")


@training_app.command("delete")
def delete_command(name: Annotated[str, typer.Argument(help="The space to delete.")]) -> None:
    """Delete a space and its database (its exercises' scores stay)."""
    with services_for(use_index=False) as services:
        guarded(lambda: services.training.delete_space(principal=local_operator(), name=name))
    console.print(f"training space {name} deleted", highlight=False)


@training_app.command("exercise")
def exercise_command(
    space: Annotated[str, typer.Option("--space", help="The training space.")],
    template: Annotated[
        str,
        typer.Option(
            "--template",
            help="document-fraud, notices, nominal, tdawn, vehicles or border-queue.",
        ),
    ],
    travellers: Annotated[
        int | None, typer.Option("--travellers", help="Cases (default per template).")
    ] = None,
    trainees: TraineesOption = "",
    course: Annotated[
        str | None, typer.Option("--course", help="A course id: its trainees join the class.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Create an exercise from a template; prints it with its cases and their ground truth."""
    with services_for(use_index=False) as services:
        exercise = guarded(
            lambda: services.training.create_exercise(
                principal=local_operator(),
                space=space,
                template=template,
                travellers=travellers,
                trainees=_names(trainees),
                course_id=course,
            )
        )
    summary = f"exercise {exercise.id}: {len(exercise.cases)} cases in {space}"
    _emit(exercise.as_dict(with_truth=True), as_json, summary)


@training_app.command("scores")
def scores_command(
    exercise_id: Annotated[str, typer.Argument(help="The exercise.")],
    as_csv: Annotated[bool, typer.Option("--csv", help="The table as CSV.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Scores per trainee and case type."""
    operator = local_operator()
    with services_for(use_index=False) as services:
        training = services.training
        if as_csv:
            text = guarded(lambda: training.scores_csv(principal=operator, exercise_id=exercise_id))
            typer.get_text_stream("stdout").write(text)
            return
        exercise = guarded(lambda: training.exercise(principal=operator, exercise_id=exercise_id))
        lines = guarded(lambda: training.scores(principal=operator, exercise_id=exercise_id))
    rows = [line.as_dict(len(exercise.cases)) for line in lines]
    table = "\n".join(
        f"{r['trainee']}  {r['correct']}/{r['decided']}  {r['percent']}%" for r in rows
    )
    _emit({"exercise": exercise.id, "scores": rows}, as_json, table or "no trainees")


@training_app.command("course")
def course_command(
    topic: Annotated[str, typer.Option("--topic", help="What the course teaches.")],
    place: Annotated[str, typer.Option("--place", help="Where it is held.")],
    starts: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.")],
    ends: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.")],
    trainees: TraineesOption = "",
    trainer: Annotated[str | None, typer.Option("--trainer", help="Who teaches it.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Record a course (topic, dates, place, trainer, trainees)."""
    try:
        first, last = dt.date.fromisoformat(starts), dt.date.fromisoformat(ends)
    except ValueError:
        fail("--from and --to: dates as YYYY-MM-DD")
    with services_for(use_index=False) as services:
        course = guarded(
            lambda: services.training.create_course(
                principal=local_operator(),
                topic=topic,
                place=place,
                starts_on=first,
                ends_on=last,
                trainees=_names(trainees),
                trainer=trainer,
            )
        )
    _emit({"course": course.as_dict()}, as_json, f"course {course.id} recorded")


@training_app.command("courses")
def courses_command(
    course_id: Annotated[str | None, typer.Argument(help="One course: its record.")] = None,
    as_json: JsonOption = False,
) -> None:
    """The courses, or one course with who completed which exercise with what score."""
    operator = local_operator()
    with services_for(use_index=False) as services:
        training = services.training
        if course_id is None:
            courses = guarded(lambda: training.courses(principal=operator))
            lines = "\n".join(f"{c.id}  {c.starts_on}  {c.topic}" for c in courses)
            _emit({"courses": [c.as_dict() for c in courses]}, as_json, lines or "no courses")
            return
        record = guarded(lambda: training.course_record(principal=operator, course_id=course_id))
    _emit(record.as_dict(), as_json, f"{record.course.topic}: {len(record.exercises)} exercises")
