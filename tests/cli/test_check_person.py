"""``frontline check person`` and the person half of ``frontline check mrz``."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
from typer.testing import CliRunner

from frontline.cli import app
from tests.factories import person


def _import_persons(runner: CliRunner, path: Path, rows: list[dict[str, object]]) -> None:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    result = runner.invoke(app, ["import", "persons", str(path), "--json"])
    assert result.exit_code == 0, result.output


def test_a_latin_query_finds_a_cyrillic_notice(cli: CliRunner, tmp_path: Path) -> None:
    listed = person("Евгений Смирнов", id="PER-1", birth_date="1980-02-03", sex="M")
    _import_persons(cli, tmp_path / "persons.jsonl", [listed])
    args = ["check", "person", "--name", "Yevgeniy Smirnov", "--birth-date", "1980-02-03"]
    result = cli.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["verdict"] == "hit"
    assert body["hits"][0]["database"] == "NOMINAL"
    assert body["hits"][0]["record_id"] == "PER-1"
    words = cli.invoke(app, args)
    assert "NOMINAL PER-1" in words.output
    clean = cli.invoke(app, ["check", "person", "--name", "Olga Ivanova", "--json"])
    assert json.loads(clean.stdout)["verdict"] == "no_hit"


def test_a_bad_birth_date_exits_2_naming_the_field(cli: CliRunner) -> None:
    result = cli.invoke(app, ["check", "person", "--name", "Ivan", "--birth-date", "1980-13"])
    assert result.exit_code == 2
    assert "person.birth_date" in result.stderr
