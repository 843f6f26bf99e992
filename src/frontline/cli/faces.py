"""``frontline faces enrol|search|list|remove``: the face gallery from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from frontline.biometrics.faces import MAX_CANDIDATES, FaceSearch
from frontline.cli.common import (
    Reason,
    console,
    fail,
    guarded,
    local_operator,
    print_json,
    services_for,
    show_removals,
)

faces_app = typer.Typer(
    help="Enrol face photos to person records; search a photo against them (1:N); remove one.",
    no_args_is_help=True,
)

PhotoArgument = Annotated[Path, typer.Argument(help="A photo file (JPEG, PNG, WebP, ...).")]


def _read(photo: Path) -> bytes:
    try:
        return photo.read_bytes()
    except OSError as error:
        fail(f"cannot read {photo}: {error.strerror or error}")


@faces_app.command("enrol")
def enrol(
    record_id: Annotated[str, typer.Argument(help="The person record's id.")],
    photo: PhotoArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print the enrolment as JSON.")] = False,
) -> None:
    """Add the face in PHOTO (exactly one) to person record RECORD_ID."""
    data = _read(photo)
    with services_for(use_index=False) as services:
        enrolment = guarded(
            lambda: services.faces.enrol(
                principal=local_operator(), record_id=record_id, photo=data
            )
        )
    if as_json:
        print_json(enrolment.as_dict())
    else:
        console.print(f"enrolled {enrolment.id} to {record_id}", highlight=False)


@faces_app.command("search")
def search(
    photo: PhotoArgument,
    limit: Annotated[int, typer.Option("--limit", min=1, max=MAX_CANDIDATES)] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """The persons whose enrolled faces are closest to the face in PHOTO, best first."""
    data = _read(photo)
    with services_for(use_index=False) as services:
        found = guarded(
            lambda: services.faces.search(principal=local_operator(), photo=data, limit=limit)
        )
    if as_json:
        print_json(found.as_dict())
    else:
        _show(found)


@faces_app.command("list")
def list_enrolments(
    record_id: Annotated[str, typer.Argument(help="The person record's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """The photos enrolled to a person record (who and when)."""
    with services_for(use_index=False) as services:
        found = guarded(
            lambda: services.faces.enrolments(principal=local_operator(), record_id=record_id)
        )
    if as_json:
        print_json({"items": [enrolment.as_dict() for enrolment in found]})
        return
    for enrolment in found:
        console.print(
            f"{enrolment.id}  {enrolment.enrolled_at:%Y-%m-%d %H:%M}  by {enrolment.enrolled_by}",
            highlight=False,
        )


@faces_app.command("remove")
def remove(
    record_id: Annotated[str, typer.Option("--record", help="The person record's id.")],
    enrolment_id: Annotated[
        str, typer.Option("--enrolment", help="The enrolment's id (fac_..., faces list).")
    ],
    reason: Reason,
    as_json: Annotated[bool, typer.Option("--json", help="Print the removal as JSON.")] = False,
) -> None:
    """Remove one enrolled photo: its descriptor is deleted, the removal audited."""
    with services_for(use_index=False) as services:
        removal = guarded(
            lambda: services.faces.remove(
                principal=local_operator(),
                record_id=record_id,
                enrolment_id=enrolment_id,
                reason=reason,
            )
        )
    if as_json:
        print_json(removal.as_dict())
    else:
        show_removals([removal])


def _show(found: FaceSearch) -> None:
    result = found.result
    console.print(f"{result.verdict.value.replace('_', ' ').upper()}  ({result.check_id})")
    for candidate in found.candidates:
        console.print(
            f"  {candidate.record_id}: similarity {candidate.similarity:.3f}, "
            f"{candidate.decision.value.replace('_', ' ')}",
            highlight=False,
        )
    if not found.candidates:
        console.print("  no enrolled face to compare with", highlight=False)
