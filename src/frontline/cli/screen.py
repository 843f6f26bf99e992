"""``frontline screen FILE``: screen a file of subjects (travellers, documents, MRZs) at once.

Every row is validated before anything is screened, so a refused file leaves no audit entry;
the rows are then screened in chunks, each chunk one audited batch with one entry a subject.
Results go to stdout in input order, one JSON line each (``--json``: one document); the
summary table goes to the terminal (stderr), so the JSON lines can be piped on untouched.
A PAXLST manifest goes to ``cli.manifests``: one JSON line a traveller, always, and the
summary on stderr (``--json``: as JSON) or in ``--summary FILE``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from frontline.cli.common import console, fail, guarded, local_operator, print_json, services_for
from frontline.cli.manifests import screen_paxlst
from frontline.domain.checks import CheckResult, Verdict, result_as_dict
from frontline.domain.queries import CheckRequest
from frontline.errors import FieldError, InvalidInput
from frontline.manifests.paxlst import looks_like_paxlst
from frontline.records.importer import BrokenRow, read_rows
from frontline.screening.requests import parse_check_request
from frontline.screening.subjects import subject_field, subject_id, subject_request
from frontline.services import Services

CHUNK = 1000
# A few subjects are cheaper asked of SQL; a long file pays once for the memory index.
INDEX_FROM = 1000
_TABLE_ROWS = 50


@dataclass(slots=True)
class _Subject:
    line: int
    input_id: str | int | None
    request: CheckRequest | None = None
    errors: list[FieldError] = field(default_factory=list)

    def head(self) -> dict[str, Any]:
        return {"input_id": self.input_id, "line": self.line}


@dataclass(slots=True)
class _Tally:
    counts: dict[Verdict, int] = field(default_factory=lambda: dict.fromkeys(Verdict, 0))
    invalid: int = 0
    flagged: list[tuple[_Subject, CheckResult]] = field(default_factory=list)

    def add(self, subject: _Subject, result: CheckResult) -> None:
        self.counts[result.verdict] += 1
        if result.verdict is not Verdict.NO_HIT:
            self.flagged.append((subject, result))

    def as_dict(self) -> dict[str, int]:
        return {
            "subjects": sum(self.counts.values()) + self.invalid,
            "hits": self.counts[Verdict.HIT],
            "possible_matches": self.counts[Verdict.POSSIBLE_MATCH],
            "no_hits": self.counts[Verdict.NO_HIT],
            "invalid": self.invalid,
        }


def screen_command(
    path: Annotated[Path, typer.Argument(help="Subjects as .jsonl/.ndjson/.json lines or .csv.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON document with results and summary.")
    ] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Screen the good rows, report the bad inline.")
    ] = False,
    summary: Annotated[
        Path | None,
        typer.Option("--summary", help="PAXLST: write the summary (JSON) here, not to stderr."),
    ] = None,
) -> None:
    """Screen every subject in a file (JSON lines, CSV, or a UN/EDIFACT PAXLST manifest,
    told by its content): all rows valid or nothing screened (exit 2)."""
    if not path.is_file():
        fail(f"no such file: {path}")
    with path.open("rb") as handle:
        is_paxlst = looks_like_paxlst(handle.read(64))
    if is_paxlst:
        screen_paxlst(path, as_json=as_json, summary=summary, skip_invalid=skip_invalid)
        return
    rows = guarded(lambda: list(read_rows(path)))
    if not rows:
        fail(f"no subjects in {path}")
    with services_for(use_index=len(rows) >= INDEX_FROM) as services:
        subjects = [_subject(line, row, services) for line, row in rows]
        bad = [error for subject in subjects for error in subject.errors]
        if bad and not skip_invalid:
            fail(
                f"{len(bad)} bad field(s) in {path.name}; nothing was screened",
                [error.as_dict() for error in bad],
            )
        tally, results = _screen(services, subjects, as_json)
    if as_json:
        print_json({"results": results, "summary": tally.as_dict()})
    else:
        _show(tally)


def _screen(
    services: Services, subjects: list[_Subject], as_json: bool
) -> tuple[_Tally, list[dict[str, Any]]]:
    tally, kept = _Tally(), []
    with _progress(quiet=as_json) as progress:
        task = progress.add_task("screening", total=len(subjects))
        for start in range(0, len(subjects), CHUNK):
            chunk = subjects[start : start + CHUNK]
            for item in _screen_chunk(services, chunk, tally):
                if as_json:
                    kept.append(item)
                else:
                    sys.stdout.write(orjson.dumps(item).decode() + "\n")
            progress.update(task, advance=len(chunk))
    return tally, kept


def _screen_chunk(
    services: Services, chunk: list[_Subject], tally: _Tally
) -> Iterator[dict[str, Any]]:
    good = [subject for subject in chunk if subject.request is not None]
    requests = [subject.request for subject in good if subject.request is not None]
    operator = local_operator()
    batch = services.screening.check_batch
    results = guarded(lambda: batch(principal=operator, requests=requests)) if requests else []
    by_line = dict(zip((subject.line for subject in good), results, strict=True))
    for subject in chunk:
        result = by_line.get(subject.line)
        if result is None:
            tally.invalid += 1
            yield {**subject.head(), "error": _error(subject.errors)}
        else:
            tally.add(subject, result)
            yield {**subject.head(), **result_as_dict(result)}


def _subject(line: int, row: Any, services: Services) -> _Subject:
    if isinstance(row, BrokenRow):
        return _Subject(line, None, errors=[FieldError("(row)", row.message, line)])
    subject = _Subject(line, None)
    try:
        subject.input_id = subject_id(row) if isinstance(row, dict) else None
        raw = subject_request(row)
        subject.request = parse_check_request(raw, today=services.clock().date())
    except InvalidInput as error:
        found = error.errors or [FieldError("(row)", error.message)]
        subject.errors = [FieldError(subject_field(e.field), e.message, line) for e in found]
    return subject


def _error(errors: list[FieldError]) -> dict[str, Any]:
    first = errors[0]
    return {
        "code": InvalidInput.code,
        "message": f"{first.field}: {first.message}",
        "details": [error.as_dict() for error in errors],
    }


def _progress(*, quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
        transient=True,
    )


_COLOURS = {Verdict.HIT: "bold red", Verdict.POSSIBLE_MATCH: "yellow"}


def _show(tally: _Tally) -> None:
    if tally.flagged:
        table = Table("line", "id", "verdict", "hits", title="subjects to look at")
        for subject, result in tally.flagged[:_TABLE_ROWS]:
            hits = "; ".join(
                f"{hit.database.value} {hit.record_id} ({hit.score:.2f})" for hit in result.hits
            )
            verdict = f"[{_COLOURS[result.verdict]}]{result.verdict.value}[/]"
            table.add_row(str(subject.line), str(subject.input_id or ""), verdict, hits)
        console.print(table)
        if len(tally.flagged) > _TABLE_ROWS:
            console.print(f"... and {len(tally.flagged) - _TABLE_ROWS} more in the JSON lines")
    summary = tally.as_dict()
    console.print(
        f"screened {summary['subjects'] - summary['invalid']} subject(s): "
        f"{summary['hits']} hit, {summary['possible_matches']} possible match, "
        f"{summary['no_hits']} no hit; {summary['invalid']} bad row(s) skipped",
        highlight=False,
    )
