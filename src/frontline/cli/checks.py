"""``frontline check ...`` and ``frontline mrz``: one check, printed for a person or as JSON."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer
from rich.table import Table

from frontline.cli.common import console, guarded, local_operator, print_json, services_for
from frontline.domain.checks import CheckResult, Verdict, result_as_dict
from frontline.domain.operations import check_context
from frontline.identifiers.mrz import parse_mrz
from frontline.screening.requests import parse_check_request

check_app = typer.Typer(
    help="Check a document, a person, an MRZ, a vehicle, a vessel or a firearm.",
    no_args_is_help=True,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
OperationOption = Annotated[
    str | None,
    typer.Option("--operation", help="The operation (op_...) the check belongs to."),
]
BorderPointOption = Annotated[
    str | None, typer.Option("--border-point", help="The operation's border point code.")
]


def _run(
    raw: dict[str, Any], as_json: bool, operation: str | None, border_point: str | None
) -> None:
    context = guarded(lambda: check_context(operation, border_point))
    with services_for(use_index=False) as services:
        today = services.clock().date()
        request = guarded(lambda: parse_check_request(raw, today=today))
        result = guarded(
            lambda: services.screening.check(
                principal=local_operator(), request=request, context=context
            )
        )
    if as_json:
        print_json(result_as_dict(result))
    else:
        _show(result)
    raise typer.Exit(0)


_COLOURS = {Verdict.NO_HIT: "green", Verdict.HIT: "bold red", Verdict.POSSIBLE_MATCH: "yellow"}


def _show(result: CheckResult) -> None:
    words = result.verdict.value.replace("_", " ").upper()
    console.print(f"[{_COLOURS[result.verdict]}]{words}[/]  ({result.check_id})")
    for hit in result.hits:
        console.print(
            f"  {hit.database.value} {hit.record_id}: {hit.status}, owner {hit.owner}, "
            f"score {hit.score:.2f}{' (possible)' if hit.is_possible else ''}",
            highlight=False,
        )
        for reason in hit.reasons:
            console.print(f"    - {reason.detail}", highlight=False, markup=False)
        if hit.action:
            console.print(f"    action: {hit.action}", highlight=False, markup=False)
    for warning in result.warnings:
        console.print(f"  [yellow]warning[/] {warning.field}: {warning.message}", highlight=False)


@check_app.command("document")
def check_document(
    number: Annotated[str, typer.Option("--number", help="Document number.")],
    country: Annotated[str, typer.Option("--country", help="Issuing country (alpha-3).")],
    doc_type: Annotated[str | None, typer.Option("--type", help="passport, id_card, ...")] = None,
    as_json: JsonOption = False,
    operation: OperationOption = None,
    border_point: BorderPointOption = None,
) -> None:
    """Check a travel document by number and issuing country."""
    document = {"number": number, "country": country}
    if doc_type:
        document["type"] = doc_type
    _run({"document": document}, as_json, operation, border_point)


@check_app.command("person")
def check_person(
    name: Annotated[str, typer.Option("--name", help="The name, in any script or MRZ form.")],
    birth_date: Annotated[
        str | None, typer.Option("--birth-date", help="YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    sex: Annotated[str | None, typer.Option("--sex", help="M, F, X or U.")] = None,
    nationality: Annotated[str | None, typer.Option("--nationality", help="Alpha-3.")] = None,
    number: Annotated[str | None, typer.Option("--document-number")] = None,
    country: Annotated[str | None, typer.Option("--document-country")] = None,
    as_json: JsonOption = False,
    operation: OperationOption = None,
    border_point: BorderPointOption = None,
) -> None:
    """Screen a traveller against notices by name and dates (and a document, if given)."""
    person = {"name": name, "birth_date": birth_date, "sex": sex, "nationality": nationality}
    raw: dict[str, Any] = {"person": {key: value for key, value in person.items() if value}}
    if number or country:
        raw["document"] = {"number": number, "country": country}
    _run(raw, as_json, operation, border_point)


@check_app.command("mrz")
def check_mrz(
    lines: Annotated[list[str], typer.Argument(help="The 2 or 3 MRZ lines.")],
    as_json: JsonOption = False,
    operation: OperationOption = None,
    border_point: BorderPointOption = None,
) -> None:
    """Read an MRZ, then check its document and its holder's name; MRZ warnings come with
    the result."""
    _run({"mrz": lines}, as_json, operation, border_point)


@check_app.command("vehicle")
def check_vehicle(
    vin: Annotated[str | None, typer.Option("--vin")] = None,
    plate: Annotated[str | None, typer.Option("--plate")] = None,
    plate_country: Annotated[str | None, typer.Option("--plate-country")] = None,
    as_json: JsonOption = False,
    operation: OperationOption = None,
    border_point: BorderPointOption = None,
) -> None:
    """Check a vehicle by VIN, or by plate and plate country."""
    vehicle = {"vin": vin, "plate": plate, "plate_country": plate_country}
    _run(
        {"vehicle": {key: value for key, value in vehicle.items() if value}},
        as_json,
        operation,
        border_point,
    )


@check_app.command("vessel")
def check_vessel(
    imo: Annotated[str | None, typer.Option("--imo")] = None,
    hull_id: Annotated[str | None, typer.Option("--hull-id")] = None,
    as_json: JsonOption = False,
    operation: OperationOption = None,
    border_point: BorderPointOption = None,
) -> None:
    """Check a vessel by IMO number or hull identification number."""
    vessel = {"imo": imo, "hull_id": hull_id}
    _run(
        {"vessel": {key: value for key, value in vessel.items() if value}},
        as_json,
        operation,
        border_point,
    )


@check_app.command("firearm")
def check_firearm(
    serial: Annotated[str, typer.Option("--serial")],
    make: Annotated[str | None, typer.Option("--make")] = None,
    as_json: JsonOption = False,
    operation: OperationOption = None,
    border_point: BorderPointOption = None,
) -> None:
    """Check a firearm by serial number (and make: serials repeat across makers)."""
    firearm = {"serial": serial, **({"make": make} if make else {})}
    _run({"firearm": firearm}, as_json, operation, border_point)


def mrz_command(
    lines: Annotated[list[str], typer.Argument(help="The 2 or 3 MRZ lines.")],
    as_json: JsonOption = False,
) -> None:
    """Parse an MRZ and verify its check digits (no database needed)."""
    parsed = guarded(lambda: parse_mrz(lines, today=dt.date.today()))
    data = parsed.as_dict()
    if as_json:
        print_json(data)
        return
    table = Table(show_header=False)
    for key, value in data.items():
        if key not in ("checks", "warnings"):
            table.add_row(key, str(value))
    console.print(table)
    for check in parsed.checks:
        mark = "ok" if check.is_valid else f"FAILED (computed {check.expected})"
        console.print(f"  check digit {check.field}: {check.found} {mark}", highlight=False)
    for warning in parsed.warnings:
        console.print(f"  [yellow]warning[/] {warning.field}: {warning.message}", highlight=False)
    console.print("[green]valid[/]" if parsed.valid else "[red]not valid[/]")
