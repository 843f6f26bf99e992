"""``frontline screen FILE``: a file of subjects screened in order, all rows valid or none."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from frontline.cli import app
from frontline.identifiers.mrz_build import build_td3
from tests.factories import document, person

MRZ = list(
    build_td3(
        issuing_country="DEU",
        surname="SIDOROV",
        given_names="IVAN",
        document_number="C7654321",
        nationality="DEU",
        birth_date=dt.date(1980, 2, 3),
        sex="M",
        expiry_date=dt.date(2099, 12, 31),
    )
)
SUBJECTS: list[dict[str, Any]] = [
    {"id": "T-1", "name": "Anna Petrova", "birth_date": "1974-08-12", "sex": "F"},
    {"id": "T-2", "document_number": "X1234567", "issuing_country": "FRA"},
    {"id": "T-3", "mrz": MRZ},
    {"id": "T-4", "name": "John Smith", "document_number": "X0000001", "issuing_country": "FRA"},
]


@pytest.fixture
def cli(cli: CliRunner, tmp_path: Path) -> CliRunner:
    runner = cli
    records = {
        "persons": [person("Анна Петрова", id="PER-1", birth_date="1974-08-12", sex="F")],
        "documents": [
            document("X1234567", id="DOC-1"),
            document("C7654321", country="DEU", id="DOC-2"),
        ],
    }
    for kind, rows in records.items():
        path = _jsonl(tmp_path / f"{kind}.jsonl", rows)
        assert runner.invoke(app, ["import", kind, str(path)]).exit_code == 0
    return runner


def _jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def _csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=["id", *sorted({k for r in rows for k in r} - {"id"})]
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "\n".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return path


def _lines(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _audited(cli: CliRunner) -> list[dict[str, Any]]:
    listed = cli.invoke(app, ["audit", "list", "--json", "--limit", "100"])
    return [entry for entry in json.loads(listed.stdout) if entry["event"] == "check"]


def _verdicts(results: list[dict[str, Any]]) -> list[tuple[Any, str, list[str]]]:
    return [
        (r["input_id"], r["verdict"], [f"{h['database']} {h['record_id']}" for h in r["hits"]])
        for r in results
    ]


EXPECTED = [
    ("T-1", "hit", ["NOMINAL PER-1"]),
    ("T-2", "hit", ["SLTD DOC-1"]),
    ("T-3", "hit", ["SLTD DOC-2"]),
    ("T-4", "no_hit", []),
]


@pytest.mark.parametrize("writer", [_jsonl, _csv], ids=["jsonl", "csv"])
def test_every_subject_is_screened_in_order_with_its_id(
    cli: CliRunner, tmp_path: Path, writer: Any
) -> None:
    suffix = ".jsonl" if writer is _jsonl else ".csv"
    result = cli.invoke(app, ["screen", str(writer(tmp_path / f"subjects{suffix}", SUBJECTS))])
    assert result.exit_code == 0, result.output
    results = _lines(result.stdout)
    assert _verdicts(results) == EXPECTED
    assert [r["line"] for r in results] == ([1, 2, 3, 4] if suffix == ".jsonl" else [2, 3, 5, 6])
    assert "T-1" in result.stderr  # the summary table names the subjects to look at
    assert len(_audited(cli)) == 4


def test_json_gives_one_document_with_a_summary(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["screen", str(_jsonl(tmp_path / "s.ndjson", SUBJECTS)), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert _verdicts(body["results"]) == EXPECTED
    assert body["summary"] == {
        "subjects": 4,
        "hits": 3,
        "possible_matches": 0,
        "no_hits": 1,
        "invalid": 0,
    }


BAD = [
    *SUBJECTS[:2],
    {"id": "B-1", "name": "Ivan", "birth_date": "1974-13-01"},
    {"id": "B-2", "passport": "X1"},
    {"id": "B-3"},
]


def test_a_bad_row_refuses_the_file_and_nothing_is_audited(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["screen", str(_jsonl(tmp_path / "s.jsonl", BAD))])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "line 3: birth_date" in result.stderr
    assert "line 4: passport" in result.stderr
    assert "line 5: (row)" in result.stderr
    assert "Traceback" not in result.output
    assert _audited(cli) == []


def test_skip_invalid_screens_the_good_and_reports_the_bad_inline(
    cli: CliRunner, tmp_path: Path
) -> None:
    path = _jsonl(tmp_path / "s.jsonl", BAD)
    result = cli.invoke(app, ["screen", str(path), "--skip-invalid", "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    results = body["results"]
    assert [r["input_id"] for r in results] == ["T-1", "T-2", "B-1", "B-2", "B-3"]
    assert [r.get("verdict") for r in results[:2]] == ["hit", "hit"]
    errors = [r["error"]["details"][0] for r in results[2:]]
    assert errors == [
        {"field": "birth_date", "message": errors[0]["message"], "line": 3},
        {"field": "passport", "message": "is not a known field", "line": 4},
        {"field": "(row)", "message": errors[2]["message"], "line": 5},
    ]
    assert body["summary"]["invalid"] == 3
    assert len(_audited(cli)) == 2


def test_a_file_of_another_kind_is_refused(cli: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("X1\n")
    result = cli.invoke(app, ["screen", str(path)])
    assert result.exit_code == 2
    assert "must end in" in result.stderr


def test_chunks_through_the_memory_index_give_the_same_answers(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frontline.cli import screen

    monkeypatch.setattr(screen, "CHUNK", 3)
    monkeypatch.setattr(screen, "INDEX_FROM", 1)
    result = cli.invoke(app, ["screen", str(_jsonl(tmp_path / "s.jsonl", SUBJECTS))])
    assert result.exit_code == 0, result.output
    assert _verdicts(_lines(result.stdout)) == EXPECTED
    assert len(_audited(cli)) == 4
