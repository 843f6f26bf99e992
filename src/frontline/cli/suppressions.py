"""``frontline suppressions ...``: record, list and reverse decided false hits."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from frontline.cli.common import console, fail, guarded, local_operator, print_json, services_for
from frontline.domain.suppressions import Suppression, subject_key_for
from frontline.domain.users import Principal

suppressions_app = typer.Typer(
    help="Decided false hits: a traveller who is not the subject of a record.",
    no_args_is_help=True,
)

AsUser = Annotated[
    str | None,
    typer.Option(
        "--as-user",
        help="Who decided (audited as cli:NAME); default: the local login.",
    ),
]
AsJson = Annotated[bool, typer.Option("--json")]


@suppressions_app.command("add")
def add_suppression(
    record_kind: Annotated[str, typer.Option("--record-kind", help="persons, documents, ...")],
    record_id: Annotated[str, typer.Option("--record-id")],
    reason: Annotated[str, typer.Option("--reason", help="Why the hit was false.")],
    subject_key: Annotated[str | None, typer.Option("--subject-key")] = None,
    name: Annotated[str | None, typer.Option("--name")] = None,
    birth_date: Annotated[str | None, typer.Option("--birth-date", help="YYYY[-MM[-DD]]")] = None,
    document_number: Annotated[str | None, typer.Option("--document-number")] = None,
    document_country: Annotated[str | None, typer.Option("--document-country")] = None,
    as_user: AsUser = None,
    as_json: AsJson = False,
) -> None:
    """Stop a record from stopping one traveller (by document if given, else by name)."""
    by_subject = any((name, birth_date, document_number, document_country))
    if (subject_key is None) == (not by_subject):
        fail("give either --subject-key or the subject (--name / --document-number ...)")
    with services_for(use_index=False) as services:
        suppression = guarded(
            lambda: services.suppressions.suppress_hit(
                principal=_operator(as_user),
                subject_key=subject_key
                or subject_key_for(
                    name=name,
                    birth_date=birth_date,
                    document_number=document_number,
                    document_country=document_country,
                ),
                record_kind=record_kind,
                record_id=record_id,
                reason=reason,
            )
        )
    _show(suppression, as_json, verb="suppressed")


@suppressions_app.command("list")
def list_suppressions(
    record_id: Annotated[str | None, typer.Option("--record-id")] = None,
    active: Annotated[bool, typer.Option("--active", help="Only those in force.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000)] = 100,
    as_json: AsJson = False,
) -> None:
    """Suppressions newest first, reversed ones included unless --active."""
    with services_for(use_index=False) as services:
        items = guarded(
            lambda: services.suppressions.list_suppressions(
                principal=local_operator(),
                active=True if active else None,
                record_id=record_id,
                limit=limit,
            )
        )
    if as_json:
        print_json([item.as_dict() for item in items])
        return
    for item in items:
        state = "active" if item.is_active else f"reversed by {item.reversed_by}"
        print(
            f"{item.id}\t{item.record_kind.value}/{item.record_id}\t{item.subject_key}\t"
            f"{state}\t{item.created_by}\t{item.reason}"
        )


@suppressions_app.command("reverse")
def reverse_suppression(
    suppression_id: Annotated[str, typer.Argument(help="sup_...")],
    reason: Annotated[str, typer.Option("--reason", help="Why the decision is taken back.")],
    as_user: AsUser = None,
    as_json: AsJson = False,
) -> None:
    """Take a suppression back: the record stops this traveller again (history is kept)."""
    with services_for(use_index=False) as services:
        suppression = guarded(
            lambda: services.suppressions.reverse_suppression(
                principal=_operator(as_user), suppression_id=suppression_id, reason=reason
            )
        )
    _show(suppression, as_json, verb="reversed")


def _operator(as_user: str | None) -> Principal:
    operator = local_operator()
    if as_user is None:
        return operator
    name = as_user.strip()
    if not 0 < len(name) <= 76:
        fail("--as-user: give a name of 1 to 76 characters")
    return dataclasses.replace(operator, name=f"cli:{name}")


def _show(suppression: Suppression, as_json: bool, *, verb: str) -> None:
    if as_json:
        print_json(suppression.as_dict())
        return
    console.print(
        f"{verb} {suppression.id}: {suppression.subject_key} on "
        f"{suppression.record_kind.value} record {suppression.record_id}",
        highlight=False,
        markup=False,
    )
