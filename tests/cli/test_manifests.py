"""``frontline screen PAXLST --json``: one JSON line a traveller on stdout, the summary on
stderr or in --summary FILE; ``manifests rescreen``; ``partners limits``; exit 2 on bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from tests.conftest import SHARED_DATA
from tests.factories import document
from tests.manifests.test_paxlst import interchange, message, traveller

SAMPLES = SHARED_DATA / "paxlst"


@pytest.fixture
def cli(cli: CliRunner, tmp_path: Path) -> CliRunner:
    rows = [document("178556534", country="USA", id="DOC-US"), document("R7", id="DOC-R7")]
    path = tmp_path / "documents.jsonl"
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    assert cli.invoke(app, ["import", "documents", str(path)]).exit_code == 0
    return cli


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_a_paxlst_file_gives_a_json_line_a_traveller_and_the_summary_on_stderr(
    cli: CliRunner,
) -> None:
    result = cli.invoke(app, ["screen", str(SAMPLES / "GTAS_airline2.edi"), "--json"])
    assert result.exit_code == 0, result.output
    lines = _lines(result.stdout)
    assert len(lines) == 10
    first = lines[0]
    assert (first["traveller"]["family_name"], first["traveller"]["given_names"]) == (
        "BETTON",
        "DAVID",
    )
    assert first["traveller"]["documents"][0]["number"] == "178556534"
    assert first["traveller"]["name"] == "DAVID BETTON"
    assert first["traveller"]["document"]["number"] == "178556534"
    assert first["traveller"]["document"]["issuing_country"] == "USA"
    assert first["flight"]["flight"] == "TN506"
    assert (first["verdict"], first["hits"][0]["record_id"]) == ("hit", "DOC-US")
    assert {line["verdict"] for line in lines[1:]} == {"no_hit"}
    summary = json.loads(result.stderr.strip().splitlines()[-1])
    assert (summary["travellers"], summary["hits"], summary["possible_matches"]) == (10, 1, 0)
    assert "control_count" in {warning["code"] for warning in summary["warnings"]}


def test_every_shared_sample_screens(cli: CliRunner, tmp_path: Path) -> None:
    counts = {}
    for path in sorted(SAMPLES.iterdir()):
        out = tmp_path / f"{path.name}.summary.json"
        result = cli.invoke(app, ["screen", str(path), "--json", "--summary", str(out)])
        assert result.exit_code == 0, (path.name, result.output)
        assert len(_lines(result.stdout)) == json.loads(out.read_text())["travellers"]
        counts[path.name] = json.loads(out.read_text())["screened"]
    assert counts == {
        "GTAS_Test1.txt": 8,
        "GTAS_Test3.txt": 260,
        "GTAS_UNedifactTest_bags_FENNER.edi": 1,
        "GTAS_airline2.edi": 10,
        "GTAS_apisMessage.txt": 2,
        "GTAS_multiple_flight_leg_apis.txt": 2,
        "WCO_IATA_guide_example_DOE_JOHN_WAYNE.edi": 1,
    }


def test_bad_paxlst_exits_2_and_screens_nothing(cli: CliRunner, tmp_path: Path) -> None:
    good = interchange(message())
    for name, text in {
        "cut.edi": good[:-30],
        "seps.edi": "UNA:+.? '" + good.replace("+", "*"),
    }.items():
        path = tmp_path / name
        path.write_text(text)
        result = cli.invoke(app, ["screen", str(path), "--json"])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "error" in result.stderr
    audit = json.loads(cli.invoke(app, ["audit", "list", "--json"]).stdout)
    assert [entry for entry in audit if entry["event"] == "manifest"] == []


def test_rescreen_raises_only_new_hits(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "flight.edi"
    path.write_text(
        interchange(message(travellers=traveller(number="N1") + traveller(number="R7"), count=2))
    )
    summary = tmp_path / "summary.json"
    first = cli.invoke(app, ["screen", str(path), "--summary", str(summary)])
    assert first.exit_code == 0, first.output
    assert [line["verdict"] for line in _lines(first.stdout)] == ["no_hit", "hit"]
    manifest_id = json.loads(summary.read_text())["manifest_id"]
    new = tmp_path / "new.jsonl"
    new.write_bytes(orjson.dumps(document("N1", id="DOC-N1")) + b"\n")
    assert cli.invoke(app, ["import", "documents", str(new)]).exit_code == 0
    again = cli.invoke(app, ["manifests", "rescreen", manifest_id, "--json"])
    assert again.exit_code == 0, again.output
    assert [line["verdict"] for line in _lines(again.stdout)] == ["hit", "no_hit"]
    shown = json.loads(cli.invoke(app, ["manifests", "show", manifest_id]).stdout)
    assert shown["rescreened_at"] is not None
    assert cli.invoke(app, ["manifests", "rescreen", "man_nope"]).exit_code == 2


def test_partner_limits_are_shown_and_set(cli: CliRunner) -> None:
    assert (
        cli.invoke(
            app, ["users", "add", "air-1", "--role", "partner", "--country", "DEU"]
        ).exit_code
        == 0
    )
    result = cli.invoke(app, ["partners", "limits", "air-1", "--daily-quota", "50"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert (shown["daily_quota"], shown["used"], shown["max_batch"]) == (50, 0, 1000)
    assert cli.invoke(app, ["partners", "limits", "nobody", "--per-minute", "5"]).exit_code == 2
