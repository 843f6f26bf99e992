"""``frontline users ...`` and ``frontline audit ...``: accounts, tokens, the audit trail."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Annotated

import orjson
import typer

from frontline.cli.common import console, guarded, local_operator, print_json, services_for
from frontline.store.audit import AuditEntry

users_app = typer.Typer(help="User accounts and their tokens.", no_args_is_help=True)
audit_app = typer.Typer(help="Read the audit trail.", no_args_is_help=True)


@users_app.command("add")
def add_user(
    name: Annotated[str, typer.Argument(help="Login name, e.g. j.dupont")],
    role: Annotated[
        str, typer.Option("--role", help="officer, bureau, coordinator, partner, admin, trainer")
    ],
    country: Annotated[str, typer.Option("--country", help="Country the user acts for (alpha-3).")],
    expires_days: Annotated[int | None, typer.Option("--expires-days", min=1)] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Make a user and print its token once; only the token's hash is stored."""
    with services_for(use_index=False) as services:
        now = services.clock()
        expires = now + dt.timedelta(days=expires_days) if expires_days else None
        new = guarded(
            lambda: services.users.add(
                name=name, role=role, country=country, now=now, expires_at=expires
            )
        )
    principal = new.principal
    if as_json:
        print_json(
            {
                "name": principal.name,
                "role": principal.role.value,
                "country": principal.country,
                "token": new.token,
            }
        )
        return
    console.print(
        f"user {principal.name} ({principal.role.value}, {principal.country}) created; "
        "the token is shown once, keep it safe:",
        highlight=False,
    )
    print(f"token: {new.token}")


@users_app.command("list")
def list_users(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List users (never their tokens)."""
    with services_for(use_index=False) as services:
        users = services.users.list()
    if as_json:
        print_json(users)
        return
    for user in users:
        state = " (revoked)" if user["revoked"] else ""
        print(f"{user['name']}\t{user['role']}\t{user['country']}{state}")


@users_app.command("password")
def set_password(
    name: Annotated[str, typer.Argument()],
    password: Annotated[
        str,
        typer.Option(
            "--password",
            prompt=True,
            confirmation_prompt=True,
            hide_input=True,
            help="Asked for when not given (better: not in the shell's history).",
        ),
    ],
) -> None:
    """Set a user's console password (12+ characters); only its argon2id hash is stored."""
    with services_for(use_index=False) as services:
        guarded(lambda: services.users.set_password(name, password))
    console.print(f"console password of {name} set", highlight=False)


@users_app.command("revoke")
def revoke_user(name: Annotated[str, typer.Argument()]) -> None:
    """Revoke a user's token at once."""
    with services_for(use_index=False) as services:
        guarded(lambda: services.users.revoke(name, now=services.clock()))
    console.print(f"revoked the token of {name}", highlight=False)


@audit_app.command("list")
def list_audit(
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=1, help="At most this many (default 50; every one with --operation)."
        ),
    ] = None,
    user: Annotated[str | None, typer.Option("--user")] = None,
    check_id: Annotated[str | None, typer.Option("--check-id")] = None,
    operation: Annotated[
        str | None, typer.Option("--operation", help="Only the checks of this operation.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The newest audit entries: who checked what, when, and what came back.

    With --operation and --json: one JSON line per audited check of that operation."""
    if operation is not None:
        _list_operation_audit(operation, limit=limit, user=user, as_json=as_json)
        return
    with services_for(use_index=False) as services:
        entries = services.audit.list(limit=limit or 50, user=user, check_id=check_id)
    if as_json:
        print_json([entry.as_dict() for entry in entries])
        return
    _print_entries(entries)


def _list_operation_audit(
    operation: str, *, limit: int | None, user: str | None, as_json: bool
) -> None:
    """Every entry of the operation (or ``limit``), newest first, read a page at a time."""
    with services_for(use_index=False) as services:
        guarded(lambda: services.operations.get(principal=local_operator(), operation_id=operation))
        left, before = limit, None
        while left is None or left > 0:
            page_size = _AUDIT_PAGE if left is None else min(left, _AUDIT_PAGE)
            entries = services.audit.list(
                limit=page_size, before=before, user=user, operation_id=operation
            )
            if as_json:
                sys.stdout.write(
                    "".join(orjson.dumps(entry.as_dict()).decode() + "\n" for entry in entries)
                )
            else:
                _print_entries(entries)
            if len(entries) < page_size:
                break
            before = entries[-1].seq
            left = None if left is None else left - len(entries)


_AUDIT_PAGE = 5000


def _print_entries(entries: list[AuditEntry]) -> None:
    for entry in entries:
        hits = ",".join(entry.record_ids) or "-"
        print(
            f"{entry.seq}\t{entry.at.isoformat()}\t{entry.user_name}\t{entry.role}\t"
            f"{entry.country}\t{entry.event}\t{entry.verdict}\t{hits}"
        )


@audit_app.command("verify")
def verify_audit(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Walk the audit trail's hash chain: exit 0 when intact, 1 with every edited, deleted or
    reordered entry (its seq and what is wrong) otherwise. Record the head hash it prints
    somewhere else: a trail rewritten whole would end on another one."""
    with services_for(use_index=False) as services:
        report = services.audit.verify()
    if as_json:
        print_json(report.as_dict())
    else:
        state = "intact" if report.is_intact else f"BROKEN ({len(report.problems)} problems)"
        print(f"{state}: {report.entries} entries, head {report.head_hash}")
        for problem in report.problems[:1000]:
            where = f"entry {problem.seq}" if problem.seq is not None else "chain head"
            print(f"{where}\t{problem.problem}\t{problem.detail}")
    if not report.is_intact:
        raise typer.Exit(1)


@audit_app.command("purge")
def purge_audit(
    older_than_days: Annotated[
        int | None,
        typer.Option(
            "--older-than-days", min=1, help="Default: FRONTLINE_AUDIT_RETENTION_DAYS (1096)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Remove the audit entries older than the retention period, oldest first; the chain
    stays verifiable from the hash of the last one removed."""
    with services_for(use_index=False) as services:
        days = older_than_days or services.settings.audit_retention_days
        cutoff = services.clock() - dt.timedelta(days=days)
        removed = services.audit.purge(cutoff=cutoff)
    if as_json:
        print_json({"removed": removed, "cutoff": cutoff.isoformat()})
        return
    console.print(f"removed {removed} entries older than {cutoff.isoformat()}", highlight=False)
