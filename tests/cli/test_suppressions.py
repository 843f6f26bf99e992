"""``frontline suppressions``: add, list, reverse, audited as the local operator."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from tests.factories import person


@pytest.fixture
def cli(cli: CliRunner, tmp_path: Path) -> CliRunner:
    runner = cli
    notice = person("Анна Петрова", owner="RUS", id="PER-ANNA", birth_date="1974-08-12")
    path = tmp_path / "persons.jsonl"
    path.write_bytes(orjson.dumps(notice) + b"\n")
    imported = runner.invoke(app, ["import", "persons", str(path), "--json"])
    assert imported.exit_code == 0, imported.output
    return runner


ADD = ["suppressions", "add", "--record-kind", "persons", "--record-id", "PER-ANNA"]


def test_add_list_reverse_and_the_audit_names_the_operator(cli: CliRunner) -> None:
    added = cli.invoke(
        app,
        [
            *ADD,
            "--name",
            "PETROVA<<ANNA",
            "--birth-date",
            "1974-08-12",
            "--reason",
            "Prints differ",
            "--as-user",
            "j.ivanova",
            "--json",
        ],
    )
    assert added.exit_code == 0, added.output
    made = json.loads(added.stdout)
    assert made["subject_key"] == "name:anna petrova|1974-08-12"
    assert made["created_by"] == "cli:j.ivanova"

    reversed_ = cli.invoke(
        app, ["suppressions", "reverse", made["id"], "--reason", "Mixed up", "--json"]
    )
    assert reversed_.exit_code == 0, reversed_.output
    assert json.loads(reversed_.stdout)["reversed_reason"] == "Mixed up"

    listed = cli.invoke(app, ["suppressions", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    [item] = json.loads(listed.stdout)
    assert (item["id"], item["active"]) == (made["id"], False)
    active = cli.invoke(app, ["suppressions", "list", "--active", "--json"])
    assert json.loads(active.stdout) == []

    audit = json.loads(cli.invoke(app, ["audit", "list", "--json"]).stdout)
    events = {entry["event"]: entry["user"] for entry in audit}
    assert events["suppression_created"] == "cli:j.ivanova"
    assert events["suppression_reversed"].startswith("cli:")


def test_a_document_subject_is_keyed_by_the_document(cli: CliRunner) -> None:
    added = cli.invoke(
        app,
        [
            *ADD,
            "--document-number",
            "X1234567",
            "--document-country",
            "FRA",
            "--reason",
            "Other passport holder",
            "--json",
        ],
    )
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["subject_key"] == "doc:FRA|X1234567"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--subject-key", "name:anna petrova|", "--reason", "  "], "reason"),
        (["--subject-key", "name:anna petrova|", "--name", "Anna", "--reason", "x"], "either"),
        (["--reason", "x"], "either"),
        (["--document-number", "X1", "--reason", "x"], "country"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    cli: CliRunner, arguments: list[str], message: str
) -> None:
    result = cli.invoke(app, [*ADD, *arguments])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_record_or_suppression_exits_2(cli: CliRunner) -> None:
    missing = cli.invoke(
        app,
        [
            "suppressions",
            "add",
            "--record-kind",
            "persons",
            "--record-id",
            "PER-NOBODY",
            "--name",
            "Anna Petrova",
            "--reason",
            "x",
        ],
    )
    assert missing.exit_code == 2
    assert "PER-NOBODY" in missing.stderr
    unknown = cli.invoke(app, ["suppressions", "reverse", "sup_nothing", "--reason", "x"])
    assert unknown.exit_code == 2
    assert "sup_nothing" in unknown.stderr
