"""``frontline operations ...`` and ``frontline access ...``: operations, their statistics and
reports, and each country's standing access."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import orjson
import typer

from frontline.cli.common import (
    console,
    fail,
    guarded,
    load_settings,
    local_operator,
    print_json,
    services_for,
)
from frontline.domain.operations import Operation, parse_moment
from frontline.errors import InvalidInput

operations_app = typer.Typer(
    help="Operations: time-boxed deployments with temporary access.", no_args_is_help=True
)
access_app = typer.Typer(help="Each country's standing database access.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _border_point(text: str) -> dict[str, str]:
    """CODE:TYPE[:NAME], e.g. MNL:air:Manila NAIA or PHMNL:sea:Port of Manila."""
    code, _, rest = text.partition(":")
    kind, _, name = rest.partition(":")
    if not kind:
        raise InvalidInput.for_field("--border-point", f"{text!r}: write CODE:TYPE[:NAME]")
    return {"code": code, "type": kind, "name": name or code}


@operations_app.command("create")
def create_operation(
    name: Annotated[str, typer.Option("--name")],
    host_country: Annotated[str, typer.Option("--host-country", help="Alpha-3.")],
    starts: Annotated[str, typer.Option("--starts", help="ISO time, e.g. 2026-03-01T06:00Z.")],
    ends: Annotated[str, typer.Option("--ends", help="ISO time, after --starts.")],
    border_points: Annotated[
        list[str],
        typer.Option(
            "--border-point", help="CODE:TYPE[:NAME] (air: IATA/ICAO; sea, land: UN/LOCODE)."
        ),
    ],
    databases: Annotated[str, typer.Option("--databases", help="Opened: SLTD,TDAWN,NOMINAL,...")],
    crime_areas: Annotated[list[str] | None, typer.Option("--crime-area")] = None,
    officers: Annotated[list[str] | None, typer.Option("--officer", help="A user name.")] = None,
    devices: Annotated[list[str] | None, typer.Option("--device", help="A device id.")] = None,
    description: Annotated[str, typer.Option("--description")] = "",
    as_json: JsonOption = False,
) -> None:
    """Create an operation; its participants may check the opened databases during it."""

    def create() -> Operation:
        with services_for(use_index=False) as services:
            return services.operations.create(
                principal=local_operator(),
                name=name,
                host_country=host_country,
                starts_at=parse_moment(starts, field_name="--starts"),
                ends_at=parse_moment(ends, field_name="--ends"),
                border_points=[_border_point(text) for text in border_points],
                databases=databases.split(","),
                crime_areas=crime_areas or [],
                officers=officers or [],
                devices=devices or [],
                description=description,
            )

    operation = guarded(create)
    _show(operation, as_json)


@operations_app.command("list")
def list_operations(
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 100,
    as_json: JsonOption = False,
) -> None:
    """Operations, newest first."""
    with services_for(use_index=False) as services:
        now = services.clock()
        items = services.operations.list_operations(principal=local_operator(), limit=limit)
    if as_json:
        print_json([item.as_dict(now) for item in items])
        return
    for item in items:
        points = ",".join(point.code for point in item.border_points)
        print(
            f"{item.id}\t{item.state(now)}\t{item.name}\t{item.host_country}\t"
            f"{item.starts_at:%Y-%m-%d %H:%M}\t{item.ends_at:%Y-%m-%d %H:%M}\t{points}"
        )


@operations_app.command("show")
def show_operation(
    operation_id: Annotated[str, typer.Argument()], as_json: JsonOption = False
) -> None:
    """One operation: window, border points, databases, participants."""
    with services_for(use_index=False) as services:
        operation = guarded(
            lambda: services.operations.get(principal=local_operator(), operation_id=operation_id)
        )
    _show(operation, as_json)


@operations_app.command("participants")
def set_participants(
    operation_id: Annotated[str, typer.Argument()],
    officers: Annotated[
        list[str] | None, typer.Option("--officer", help="Replaces the officers.")
    ] = None,
    devices: Annotated[
        list[str] | None, typer.Option("--device", help="Replaces the devices.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Replace the officers and/or devices of an operation."""
    with services_for(use_index=False) as services:
        operation = guarded(
            lambda: services.operations.set_participants(
                principal=local_operator(),
                operation_id=operation_id,
                officers=officers,
                devices=devices,
            )
        )
    _show(operation, as_json)


@operations_app.command("close")
def close_operation(
    operation_id: Annotated[str, typer.Argument()], as_json: JsonOption = False
) -> None:
    """Close an operation: its temporary access ends at once."""
    with services_for(use_index=False) as services:
        operation = guarded(
            lambda: services.operations.close(principal=local_operator(), operation_id=operation_id)
        )
    _show(operation, as_json)


@operations_app.command("stats")
def operation_stats(
    operation_id: Annotated[str, typer.Argument()], as_json: JsonOption = False
) -> None:
    """Live counts: checks, hits, confirmed hits, outcomes; by border point, database,
    notice type and day."""
    with services_for(use_index=False) as services:
        stats = guarded(
            lambda: services.operations.statistics(
                principal=local_operator(), operation_id=operation_id
            )
        ).as_dict()
    if as_json:
        print_json(stats)
        return
    totals = stats["totals"]
    console.print(
        f"{stats['name']} ({stats['operation_id']}): {totals['checks']} checks, "
        f"{totals['hits']} hits, {totals['confirmed']} confirmed, outcomes {totals['outcomes']}",
        highlight=False,
    )
    for section, key in (
        ("by_border_point", "border_point"),
        ("by_database", "database"),
        ("by_notice_type", "notice_type"),
        ("by_day", "day"),
    ):
        for row in stats[section]:
            checks = f"{row['checks']} checks, " if "checks" in row else ""
            counts = f"{checks}{row['hits']} hits, {row['confirmed']} confirmed"
            print(f"{section[3:]}\t{row[key]}\t{counts}")


@operations_app.command("report")
def operation_report(
    operation_id: Annotated[str, typer.Argument()],
    format: Annotated[str, typer.Option("--format", help="html, pdf or csv.")] = "html",
) -> None:
    """Write the one-page report to standard output (PDF as bytes: redirect it)."""
    from frontline.operations.report import render_report

    with services_for(use_index=False) as services:
        stats = guarded(
            lambda: services.operations.statistics(
                principal=local_operator(), operation_id=operation_id
            )
        )
    body = guarded(lambda: render_report(stats, format.strip().lower()))
    sys.stdout.buffer.write(body)
    sys.stdout.flush()


def _show(operation: Operation, as_json: bool) -> None:
    data = operation.as_dict()
    if as_json:
        print_json(data)
        return
    console.print(f"[bold]{operation.name}[/] ({operation.id})", highlight=False)
    for key in ("host_country", "starts_at", "ends_at", "databases", "crime_areas", "closed_at"):
        print(f"  {key}: {_flat(data[key])}")
    for point in operation.border_points:
        print(f"  border point {point.code} ({point.type.value}): {point.name}")
    print(f"  officers: {_flat(list(operation.officers))}")
    print(f"  devices: {_flat(list(operation.devices))}")


def _flat(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "-"
    return "-" if value is None else str(value)


@access_app.command("set")
def set_access(
    country: Annotated[str, typer.Argument(help="Alpha-3.")],
    databases: Annotated[
        str | None, typer.Option("--databases", help="Comma-separated, e.g. SLTD,NOMINAL.")
    ] = None,
    every: Annotated[bool, typer.Option("--all", help="Lift the restriction.")] = False,
) -> None:
    """Restrict a country's standing access to some databases (or --all to lift it)."""
    if every == (databases is not None):
        fail("give either --databases or --all")
    names = None if every else [part for part in (databases or "").split(",") if part.strip()]
    with services_for(use_index=False) as services:
        allowed = guarded(
            lambda: services.operations.set_standing_access(
                principal=local_operator(), country=country, databases=names
            )
        )
    shown = "every database" if allowed is None else ", ".join(sorted(allowed)) or "nothing"
    console.print(f"{country.upper()} may check {shown} outside operations", highlight=False)


@access_app.command("show")
def show_access(as_json: JsonOption = False) -> None:
    """Countries with restricted standing access; every other country sees every database."""
    with services_for(use_index=False) as services:
        restricted = guarded(
            lambda: services.operations.standing_access(principal=local_operator())
        )
    if as_json:
        print_json({"restricted": restricted, "others": "every database"})
        return
    for country, names in restricted.items():
        print(f"{country}\t{','.join(names) or '-'}")
    console.print("every other country: every database", highlight=False)


@operations_app.command("simulate")
def simulate(
    checks: Annotated[int, typer.Option("--checks", min=1, max=1_000_000)] = 3000,
    days: Annotated[int, typer.Option("--days", min=1, max=60)] = 5,
    seed: Annotated[int, typer.Option("--seed")] = 7,
    hit_rate: Annotated[float, typer.Option("--hit-rate", min=0.0, max=1.0)] = 0.03,
    as_json: JsonOption = False,
) -> None:
    """Run a realistic operation over the demo world (seeded if the database is empty):
    checks at five border points over DAYS days, a few percent of them hits, cases answered
    by their owners and closed. With --json the last line is the summary, with operation_id."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from frontline.operations.simulate import simulate_operation

    bars = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console
    )
    tasks: dict[str, Any] = {}

    def report(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars:
        summary = guarded(
            lambda: simulate_operation(
                load_settings(),
                checks=checks,
                days=days,
                seed=seed,
                hit_rate=hit_rate,
                progress=report,
            )
        )
    if as_json:
        sys.stdout.write(orjson.dumps(summary).decode() + "\n")
        return
    console.print(
        f"{summary['name']} ({summary['operation_id']}): {summary['checks']} checks, "
        f"{summary['hits']} hits, {summary['confirmed']} confirmed, outcomes "
        f"{summary['outcomes']}",
        highlight=False,
    )
    print(summary["operation_id"])
