"""``frontline biometrics purge``: every face and DNA profile of a person record, removed."""

from __future__ import annotations

from typing import Annotated

import typer

from frontline.cli.common import (
    Reason,
    guarded,
    local_operator,
    print_json,
    services_for,
    show_removals,
)

biometrics_app = typer.Typer(
    help="A person record's biometrics together: purge its faces and DNA profiles.",
    no_args_is_help=True,
)


@biometrics_app.command("purge")
def purge(
    record_id: Annotated[str, typer.Option("--record", help="The person record's id.")],
    reason: Reason,
    as_json: Annotated[bool, typer.Option("--json", help="Print the removals as JSON.")] = False,
) -> None:
    """Remove every face enrolment and DNA profile of a person record (a cancelled notice's
    data, say), in one transaction, each removal audited."""
    with services_for(use_index=False) as services:
        removals = guarded(
            lambda: services.biometric_purge.purge(
                principal=local_operator(), record_id=record_id, reason=reason
            )
        )
    if as_json:
        print_json({"record_id": record_id, "items": [item.as_dict() for item in removals]})
    else:
        show_removals(removals)
