"""``frontline training``: the interfaces other checks rely on (create, exercise --json)."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from frontline.cli import app


def _json(cli: CliRunner, *args: str) -> Any:
    result = cli.invoke(app, ["training", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_create_a_space_then_a_border_queue_exercise_with_its_cases(cli: CliRunner) -> None:
    made = _json(cli, "create", "--name", "cli-space", "--size", "600", "--seed", "9", "--json")
    assert made["training"] is True
    assert made["space"]["name"] == "cli-space"
    exercise = _json(
        cli,
        "exercise",
        "--space",
        "cli-space",
        "--template",
        "border-queue",
        "--travellers",
        "12",
        "--trainees",
        "ana,ben",
        "--json",
    )
    assert exercise["training"] is True
    assert len(exercise["cases"]) == 12
    assert {"presented", "expected", "case_type", "explanation"} <= exercise["cases"][0].keys()
    assert exercise["trainees"] == ["ana", "ben"]
    scores = _json(cli, "scores", exercise["id"], "--json")["scores"]
    assert [(line["trainee"], line["decided"]) for line in scores] == [("ana", 0), ("ben", 0)]
    course = _json(
        cli,
        "course",
        "--topic",
        "Notices",
        "--place",
        "Lyon",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-21",
        "--trainees",
        "cleo",
        "--json",
    )["course"]
    taught = _json(
        cli,
        "exercise",
        "--space",
        "cli-space",
        "--template",
        "notices",
        "--course",
        course["id"],
        "--json",
    )
    assert taught["trainees"] == ["cleo"]
    record = _json(cli, "courses", course["id"], "--json")
    assert record["course"]["topic"] == "Notices"
    assert [line["trainee"] for line in record["exercises"][0]["scores"]] == ["cleo"]
    listed = _json(cli, "list", "--json")["spaces"]
    assert [space["name"] for space in listed] == ["cli-space"]
    assert cli.invoke(app, ["training", "delete", "cli-space"]).exit_code == 0
    assert _json(cli, "list", "--json")["spaces"] == []


def test_bad_input_is_a_message_and_exit_code_2(cli: CliRunner) -> None:
    bad_name = cli.invoke(app, ["training", "create", "--name", "Not OK", "--json"])
    assert bad_name.exit_code == 2
    assert "lower-case" in bad_name.output
    assert "Traceback" not in bad_name.output
    no_space = cli.invoke(
        app, ["training", "exercise", "--space", "nowhere", "--template", "tdawn", "--json"]
    )
    assert no_space.exit_code == 2
    assert "no training space" in no_space.output
    course = cli.invoke(
        app,
        ["training", "course", "--topic", "x", "--place", "y", "--from", "2026-13-01", "--to", "z"],
    )
    assert course.exit_code == 2
