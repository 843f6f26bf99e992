"""``frontline cases|webhooks|outbox``: the workflow from a shell, bad input exits 2."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
from typer.testing import CliRunner

from frontline.cli import app
from tests.factories import document


def _hit(cli: CliRunner, tmp_path: Path) -> str:
    path = tmp_path / "documents.jsonl"
    path.write_bytes(orjson.dumps(document("X1234567", id="DOC-1")) + b"\n")
    assert cli.invoke(app, ["import", "documents", str(path)]).exit_code == 0
    checked = cli.invoke(
        app, ["check", "document", "--number", "X1234567", "--country", "FRA", "--json"]
    )
    assert json.loads(checked.stdout)["verdict"] == "hit", checked.output
    listed = cli.invoke(app, ["cases", "list", "--owner", "FRA", "--json"])
    [case] = json.loads(listed.stdout)
    return str(case["id"])


def test_a_case_is_moved_shown_and_a_wrong_move_exits_2(cli: CliRunner, tmp_path: Path) -> None:
    case_id = _hit(cli, tmp_path)
    wrong = cli.invoke(app, ["cases", "move", case_id, "--to", "confirmed", "--reason", "x"])
    assert wrong.exit_code == 2
    assert "may move to confirming" in wrong.output
    for step in ("confirming", "confirmed"):
        moved = cli.invoke(app, ["cases", "move", case_id, "--to", step, "--reason", "phoned"])
        assert moved.exit_code == 0, moved.output
    closed = cli.invoke(
        app,
        ["cases", "move", case_id, "--to", "closed", "--reason", "kept", "--outcome", "detained"],
    )
    assert closed.exit_code == 0, closed.output
    shown = json.loads(cli.invoke(app, ["cases", "show", case_id, "--json"]).stdout)
    assert [step["to"] for step in shown["history"]][-1] == "closed"
    assert shown["outcome"] == "detained"


def test_webhook_set_refuses_clear_text_and_outbox_lists_counts(
    cli: CliRunner, tmp_path: Path
) -> None:
    _hit(cli, tmp_path)
    refused = cli.invoke(app, ["webhooks", "set", "FRA", "http://bureau.example/h"])
    assert refused.exit_code == 2
    assert "https" in refused.output
    made = cli.invoke(app, ["webhooks", "set", "FRA", "http://127.0.0.1:9/h", "--json"])
    assert made.exit_code == 0, made.output
    assert json.loads(made.stdout)["secret"].startswith("whsec_")
    listed = json.loads(cli.invoke(app, ["outbox", "list", "--state", "pending", "--json"]).stdout)
    assert [item["type"] for item in listed["items"]] == ["case.opened"]
    assert listed["counts"]["pending"] == 1
