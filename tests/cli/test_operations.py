"""A simulated operation end to end through the CLI: its statistics are the audit log's
numbers, and its report comes out in every format."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from typing import Any

import pytest
from typer.testing import CliRunner

from frontline.cli import app


def _run(cli: CliRunner, *args: str) -> Any:
    result = cli.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def simulated(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, Any]]:
    monkeypatch.setenv("FRONTLINE_DEMO_SIZE", "400")
    result = _run(cli, "operations", "simulate", "--checks", "300", "--days", "3", "--json")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return summary["operation_id"], summary


def _from_audit(lines: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Checks and hits recounted from the audit entries alone."""
    counts: dict[str, Counter[str]] = {
        name: Counter()
        for name in (
            "checks_point",
            "checks_day",
            "hits_point",
            "hits_day",
            "hits_database",
            "hits_type",
        )
    }
    for entry in lines:
        assert entry["event"] == "check"
        day = entry["at"][:10]
        counts["checks_point"][entry["border_point"]] += 1
        counts["checks_day"][day] += 1
        for hit in entry["result"].get("hits", []):
            counts["hits_point"][entry["border_point"]] += 1
            counts["hits_day"][day] += 1
            counts["hits_database"][hit["database"]] += 1
            counts["hits_type"][hit["status"]] += 1
    return counts


def test_statistics_and_report_are_the_audit_logs_numbers(
    cli: CliRunner, simulated: tuple[str, dict[str, Any]]
) -> None:
    operation_id, summary = simulated
    assert summary["checks"] == 300
    assert 0 < summary["hits"] < 60  # a few percent
    audit = _run(cli, "audit", "list", "--operation", operation_id, "--json")
    lines = [json.loads(line) for line in audit.stdout.splitlines()]
    assert len(lines) == 300
    assert {line["operation_id"] for line in lines} == {operation_id}
    recount = _from_audit(lines)
    stats = json.loads(_run(cli, "operations", "stats", operation_id, "--json").stdout)
    assert stats["totals"]["checks"] == len(lines)
    assert stats["totals"]["hits"] == sum(recount["hits_database"].values()) == summary["hits"]
    by = {
        "point": {row["border_point"]: row for row in stats["by_border_point"]},
        "day": {row["day"]: row for row in stats["by_day"]},
        "database": {row["database"]: row for row in stats["by_database"]},
        "type": {row["notice_type"]: row for row in stats["by_notice_type"]},
    }
    assert {key: row["checks"] for key, row in by["point"].items()} == recount["checks_point"]
    assert {key: row["checks"] for key, row in by["day"].items()} == recount["checks_day"]
    assert {k: r["hits"] for k, r in by["point"].items() if r["hits"]} == recount["hits_point"]
    assert {k: r["hits"] for k, r in by["day"].items() if r["hits"]} == recount["hits_day"]
    assert {k: r["hits"] for k, r in by["database"].items()} == recount["hits_database"]
    assert {k: r["hits"] for k, r in by["type"].items()} == recount["hits_type"]
    # owners answered most cases and officers closed them
    assert 0 < stats["totals"]["confirmed"] <= stats["totals"]["hits"]
    assert sum(stats["totals"]["outcomes"].values()) > 0
    assert len(by["point"]) == 5
    assert {row["type"] for row in stats["by_border_point"]} == {"air", "sea", "land"}
    _report_matches(cli, operation_id, recount)


def _report_matches(cli: CliRunner, operation_id: str, recount: dict[str, Counter[str]]) -> None:
    """The report in every format, with the audit's numbers."""
    pdf = _run(cli, "operations", "report", operation_id, "--format", "pdf").stdout_bytes
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1  # one page
    html = _run(cli, "operations", "report", operation_id, "--format", "html").stdout
    for chart in ("chart-by-database", "chart-by-border-point", "chart-by-day"):
        assert f'id="{chart}"><svg' in html.replace("\n", "")
    hits = sum(recount["hits_database"].values())
    assert f"{hits:,} hits in 300 checks" in html
    report = _run(cli, "operations", "report", operation_id, "--format", "csv").stdout
    figures = {
        (row["section"], row["key"], row["metric"]): int(row["value"])
        for row in csv.DictReader(io.StringIO(report))
        if row["section"] != "operation"
    }
    assert figures[("totals", "all", "checks")] == 300
    assert figures[("totals", "all", "hits")] == hits
    for section, name in (("border_point", "point"), ("day", "day")):
        checks = {k: v for (s, k, m), v in figures.items() if s == section and m == "checks"}
        assert checks == recount[f"checks_{name}"]
        found = {k: v for (s, k, m), v in figures.items() if s == section and m == "hits" and v}
        assert found == recount[f"hits_{name}"]
    databases = {k: v for (s, k, m), v in figures.items() if s == "database" and m == "hits"}
    assert databases == recount["hits_database"]


def test_bad_input_exits_2_with_a_clear_message(cli: CliRunner) -> None:
    def refused(*args: str) -> str:
        result = cli.invoke(app, list(args))
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        return result.stderr

    base = [
        "operations",
        "create",
        "--name",
        "Op",
        "--host-country",
        "PHL",
        "--starts",
        "2030-03-01T06:00Z",
        "--ends",
        "2030-03-05T06:00Z",
        "--databases",
        "SLTD",
    ]
    assert "UN/LOCODE" in refused(*base, "--border-point", "MANILA:sea")
    assert "IATA" in refused(*base, "--border-point", "MN:air")
    assert "air, land or sea" in refused(*base, "--border-point", "MNL:rail")
    assert "ISO 8601" in refused(
        *base[:-4], "--ends", "soon", "--databases", "SLTD", "--border-point", "MNL:air"
    )
    assert "not a database" in refused(*base[:-1], "SLTD,XYZ", "--border-point", "MNL:air")
    assert "no operation op_nothing" in refused("operations", "show", "op_nothing")
    assert "no operation op_nothing" in refused("audit", "list", "--operation", "op_nothing")
    assert "no operation op_nothing" in refused(
        "check", "document", "--number", "X1", "--country", "FRA", "--operation", "op_nothing"
    )
    assert "--databases or --all" in refused("access", "set", "FRA")
    created = cli.invoke(app, [*base, "--border-point", "MNL:air", "--json"])
    assert created.exit_code == 0, created.output
    operation_id = json.loads(created.stdout)["id"]
    assert "html, pdf or csv" in refused("operations", "report", operation_id, "--format", "doc")
    assert "not open yet" in refused(
        "check",
        "document",
        "--number",
        "X1",
        "--country",
        "FRA",
        "--operation",
        operation_id,
        "--border-point",
        "MNL",
    )
    closed = cli.invoke(app, ["operations", "close", operation_id])
    assert closed.exit_code == 0, closed.output
    assert "is closed" in refused("operations", "close", operation_id)


def test_standing_access_is_set_and_shown(cli: CliRunner) -> None:
    _run(cli, "access", "set", "PHL", "--databases", "SLTD,NOMINAL")
    shown = json.loads(_run(cli, "access", "show", "--json").stdout)
    assert shown["restricted"] == {"PHL": ["NOMINAL", "SLTD"]}
    _run(cli, "access", "set", "PHL", "--all")
    assert json.loads(_run(cli, "access", "show", "--json").stdout)["restricted"] == {}
