"""``frontline records restrict|unrestrict``: an owner's restriction on one record."""

from __future__ import annotations

from typing import Annotated

import typer

from frontline.cli.common import console, fail, guarded, local_operator, print_json, services_for
from frontline.domain.records import RecordKind

records_app = typer.Typer(help="Restrict single records to some countries.", no_args_is_help=True)


def _countries(text: str | None) -> list[str] | None:
    return None if text is None else [code.strip() for code in text.split(",") if code.strip()]


@records_app.command("restrict")
def restrict_record(
    kind: Annotated[RecordKind, typer.Argument(help="documents, persons, vehicles, ...")],
    record_id: Annotated[str, typer.Argument()],
    only: Annotated[
        str | None, typer.Option("--only", help="Show it only to these countries: A,B.")
    ] = None,
    hidden_from: Annotated[
        str | None, typer.Option("--hidden-from", help="Hide it from these countries: A,B.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show a record only to listed countries, or hide it from listed ones: their checks,
    reads and offline copies leave it out (its owner always sees it)."""
    if (only is None) == (hidden_from is None):
        fail("give either --only or --hidden-from")
    with services_for(use_index=False) as services:
        restriction = guarded(
            lambda: services.records.restrict(
                principal=local_operator(),
                kind=kind,
                record_id=record_id,
                only=_countries(only),
                hidden_from=_countries(hidden_from),
            )
        )
    if as_json:
        print_json(restriction.as_dict())
        return
    verb = "only to" if restriction.mode.value == "only" else "hidden from"
    listed = ", ".join(sorted(restriction.countries))
    console.print(f"{kind.value} {record_id}: shown {verb} {listed}", highlight=False)


@records_app.command("unrestrict")
def unrestrict_record(
    kind: Annotated[RecordKind, typer.Argument()],
    record_id: Annotated[str, typer.Argument()],
) -> None:
    """Lift a record's restriction."""
    with services_for(use_index=False) as services:
        guarded(
            lambda: services.records.unrestrict(
                principal=local_operator(), kind=kind, record_id=record_id
            )
        )
    console.print(f"{kind.value} {record_id}: no restriction", highlight=False)
