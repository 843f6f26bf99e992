"""The ``frontline`` command: exit codes, --json output, messages instead of tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
from typer.testing import CliRunner

from frontline.cli import app
from tests.factories import document, vehicle

SPECIMEN = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def test_mrz_prints_every_field_as_json(cli: CliRunner) -> None:
    result = cli.invoke(app, ["mrz", *SPECIMEN, "--json"])
    assert result.exit_code == 0, result.output
    parsed = json.loads(result.stdout)
    assert parsed["valid"] is True
    assert parsed["surname"] == "ERIKSSON"


def test_a_malformed_mrz_exits_2_with_a_message(cli: CliRunner) -> None:
    result = cli.invoke(app, ["mrz", "P<UTO", "--json"])
    assert result.exit_code == 2
    assert "error" in result.stderr
    assert "Traceback" not in result.output


def test_import_then_check_a_stolen_document(cli: CliRunner, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "docs.jsonl", [document("X1234567", id="DOC-1")])
    imported = cli.invoke(app, ["import", "documents", str(path), "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["written"] == 1
    checked = cli.invoke(
        app, ["check", "document", "--number", "X1234567", "--country", "FRA", "--json"]
    )
    assert checked.exit_code == 0, checked.output
    body = json.loads(checked.stdout)
    assert body["verdict"] == "hit"
    assert body["hits"][0]["record_id"] == "DOC-1"
    clean = cli.invoke(
        app, ["check", "document", "--number", "X7654321", "--country", "FRA", "--json"]
    )
    assert json.loads(clean.stdout)["verdict"] == "no_hit"


def test_a_refused_import_exits_2_and_names_the_line(cli: CliRunner, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "docs.jsonl", [document("X1"), document("X2", country="ZZZ")])
    result = cli.invoke(app, ["import", "documents", str(path)])
    assert result.exit_code == 2
    assert "line 2" in result.stderr
    assert "Traceback" not in result.output


def test_check_vehicle_reports_a_vin_check_digit_warning(cli: CliRunner, tmp_path: Path) -> None:
    cli.invoke(
        app,
        ["import", "vehicles", str(_jsonl(tmp_path / "v.jsonl", [vehicle("1M8GDM9A1KP042788")]))],
    )
    result = cli.invoke(app, ["check", "vehicle", "--vin", "1M8GDM9A1KP042788", "--json"])
    body = json.loads(result.stdout)
    assert body["verdict"] == "hit"
    assert [warning["code"] for warning in body["warnings"]] == ["vin_check_digit"]


def test_bad_check_input_exits_2(cli: CliRunner) -> None:
    result = cli.invoke(app, ["check", "document", "--number", "X1", "--country", "ZZZ"])
    assert result.exit_code == 2
    assert "country" in result.stderr


def test_users_add_prints_the_token_last_and_stores_only_its_hash(
    cli: CliRunner, database_url: str
) -> None:
    result = cli.invoke(app, ["users", "add", "alice", "--role", "officer", "--country", "FRA"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1].split()[-1]
    assert token.startswith("fl_")
    from sqlalchemy import text

    from frontline.store.database import make_engine

    engine = make_engine(database_url)
    with engine.connect() as connection:
        stored = [row[0] for row in connection.execute(text("SELECT token_hash FROM users"))]
    engine.dispose()
    assert token not in stored
    assert len(stored[0]) == 64


def test_users_add_refuses_an_unknown_role(cli: CliRunner) -> None:
    result = cli.invoke(app, ["users", "add", "bob", "--role", "king", "--country", "FRA"])
    assert result.exit_code == 2


def test_audit_list_shows_cli_checks(cli: CliRunner) -> None:
    cli.invoke(app, ["check", "document", "--number", "X1", "--country", "FRA"])
    result = cli.invoke(app, ["audit", "list", "--json"])
    entries = json.loads(result.stdout)
    assert entries[0]["query"] == {"document": {"number": "X1", "country": "FRA"}}
    assert entries[0]["user"].startswith("cli:")


def test_the_demo_world_loads_and_its_sample_mrzs_give_their_expected_verdicts(
    cli: CliRunner,
) -> None:
    seeded = cli.invoke(app, ["demo-data", "--size", "1500", "--json"])
    assert seeded.exit_code == 0, seeded.output
    summary = json.loads(seeded.stdout)
    assert summary["records"]["documents"] == 1500
    assert set(summary["demo_tokens"]) == {"demo-officer", "demo-bureau", "demo-admin"}
    samples = summary["sample_mrzs"]
    assert {sample["expected"] for sample in samples} >= {"no_hit", "hit"}
    for sample in samples:
        result = cli.invoke(app, ["check", "mrz", *sample["mrz"], "--json"])
        assert json.loads(result.stdout)["verdict"] == sample["expected"], sample["label"]


def test_demo_data_can_be_written_as_import_files(cli: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "world"
    result = cli.invoke(app, ["demo-data", "--size", "100", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 100
    imported = cli.invoke(app, ["import", "persons", str(out / "persons.jsonl"), "--json"])
    assert imported.exit_code == 0, imported.output
    assert json.loads(imported.stdout)["written"] == 10
