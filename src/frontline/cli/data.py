"""``frontline import`` and ``frontline demo-data``: load records, make a synthetic world."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from frontline.cli.common import console, fail, guarded, print_json, services_for
from frontline.demo import seed_world, write_world_files
from frontline.domain.records import NoticeType, RecordKind
from frontline.records.formats import SourceFormat, public_source
from frontline.records.importer import import_file


def import_command(
    kind: Annotated[
        RecordKind, typer.Argument(help="documents, persons, vehicles, vessels or firearms")
    ],
    path: Annotated[Path, typer.Argument(help="A .jsonl or .csv file (docs/formats.md).")],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Write the good rows, report the bad.")
    ] = False,
    source_format: Annotated[
        SourceFormat,
        typer.Option(
            "--format", help="Our rows, or persons as FollowTheMoney entities or notices API JSON."
        ),
    ] = SourceFormat.FRONTLINE,
    owner: Annotated[
        str | None, typer.Option("--owner", help="Owning bureau's country (ftm, interpol).")
    ] = None,
    notice_type: Annotated[
        NoticeType | None,
        typer.Option("--notice-type", help="Notice type of every record (else from the file)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Import records, all or nothing: a bad row stops the import and nothing is written."""
    if not path.is_file():
        fail(f"no such file: {path}")
    source = None
    if source_format is SourceFormat.FRONTLINE:
        if owner or notice_type:
            fail("--owner and --notice-type go with --format ftm or interpol")
    elif kind is not RecordKind.PERSONS:
        fail(f"--format {source_format} holds persons: import it as persons")
    else:
        source = guarded(lambda: public_source(source_format, owner=owner, notice_type=notice_type))
    total = _count_lines(path) if source is None else None
    with services_for(use_index=False) as services, _progress(as_json) as progress:
        task = progress.add_task(f"importing {kind.value}", total=total)
        report = guarded(
            lambda: import_file(
                store=services.store,
                kind=kind,
                path=path,
                now=services.clock(),
                skip_invalid=skip_invalid,
                progress=lambda done: progress.update(task, completed=done),
                source=source,
            )
        )
    if as_json:
        print_json(report.as_dict())
        return
    console.print(
        f"imported {report.written} {kind.value} of {report.read} read; "
        f"{report.skipped} bad row(s) skipped",
        highlight=False,
    )
    if report.ignored:
        reasons = ", ".join(f"{why}: {count}" for why, count in report.ignored.most_common())
        console.print(
            f"ignored {report.ignored.total()} entities that are not persons to import ({reasons})",
            markup=False,
            highlight=False,
        )
    for error in report.errors[:50]:
        console.print(
            f"  line {error.line}: {error.field}: {error.message}", markup=False, highlight=False
        )


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
        transient=False,
    )


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def demo_data_command(
    size: Annotated[
        int, typer.Option("--size", min=10, max=10_000_000, help="Number of documents.")
    ] = 2000,
    seed: Annotated[int, typer.Option("--seed")] = 7,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write JSON lines files here instead of loading them."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Make a synthetic world (no real person in it) and load it, or write it as files."""
    today = dt.date.today()
    if out is not None:
        counts = write_world_files(out, size=size, seed=seed, today=today)
        summary = {"written_to": str(out), **counts}
    else:
        with services_for(use_index=False) as services:
            seeded = guarded(lambda: seed_world(services, size=size, seed=seed, today=today))
        summary = seeded
    if as_json:
        print_json(summary)
    else:
        console.print(orjson.dumps(summary, option=orjson.OPT_INDENT_2).decode(), highlight=False)
