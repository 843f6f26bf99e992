"""Manifests on the command line: ``screen FILE`` for a PAXLST file (told by its content),
``manifests show|rescreen ID`` for one kept, ``partners limits NAME`` for a partner's quotas.

A manifest's results go to stdout as one JSON line per traveller (the check result with the
traveller and the flight added); the summary goes to stderr (``--json``: as JSON), or to a
file with ``--summary FILE``, so that stdout holds only the travellers' lines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from frontline.cli.common import console, fail, guarded, local_operator, print_json, services_for
from frontline.manifests.paxlst import parse_paxlst
from frontline.manifests.service import ScreenedManifest
from frontline.manifests.subjects import paxlst_source
from frontline.store.partners import PartnerLimits

__all__ = ["manifests_app", "partners_app", "screen_paxlst"]

INDEX_FROM = 1000  # as ``screen``: a short manifest is cheaper asked of SQL

manifests_app = typer.Typer(help="Manifests kept for re-screening.", no_args_is_help=True)
partners_app = typer.Typer(help="Partners' quotas and rates.", no_args_is_help=True)

SummaryOption = Annotated[
    Path | None, typer.Option("--summary", help="Write the summary (JSON) to this file.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="The summary as JSON on stderr.")]


def screen_paxlst(path: Path, *, as_json: bool, summary: Path | None, skip_invalid: bool) -> None:
    """Screen a PAXLST file: every traveller, all valid or nothing screened (exit 2)."""
    manifest = guarded(lambda: parse_paxlst(path.read_bytes()))
    source = paxlst_source(manifest)
    with services_for(use_index=len(source.items) >= INDEX_FROM) as services:
        screened = guarded(
            lambda: services.manifests.screen(
                principal=local_operator(), source=source, skip_invalid=skip_invalid
            )
        )
    _emit(screened, as_json=as_json, summary=summary)


def _emit(screened: ScreenedManifest, *, as_json: bool, summary: Path | None) -> None:
    out = typer.get_text_stream("stdout")
    for line in screened.lines():
        out.write(orjson.dumps(line).decode() + "\n")
    out.flush()
    totals = screened.summary()
    if summary is not None:
        summary.write_bytes(orjson.dumps(totals, option=orjson.OPT_INDENT_2) + b"\n")
    elif as_json:
        typer.get_text_stream("stderr").write(orjson.dumps(totals).decode() + "\n")
    else:
        _show(totals)


def _show(totals: dict[str, Any]) -> None:
    for warning in totals["warnings"]:
        console.print(
            f"[yellow]warning[/] {warning['where']}: {warning['message']}", highlight=False
        )
    verb = "re-screened" if totals.get("rescreen") else "screened"
    console.print(
        f"manifest {totals['manifest_id']} (flight {totals['flight'] or '-'}): {verb} "
        f"{totals['screened']} of {totals['travellers']} traveller(s): {totals['hits']} hit, "
        f"{totals['possible_matches']} possible match, {totals['no_hits']} no hit; "
        f"{totals['invalid']} not screened",
        highlight=False,
    )


@manifests_app.command("rescreen")
def rescreen_command(
    manifest_id: Annotated[str, typer.Argument(help="The manifest_id of a screening.")],
    as_json: JsonOption = False,
    summary: SummaryOption = None,
) -> None:
    """Screen a kept manifest again (flight not yet arrived): only new hits are raised."""
    with services_for(use_index=False) as services:
        screened = guarded(
            lambda: services.manifests.rescreen(principal=local_operator(), manifest_id=manifest_id)
        )
    _emit(screened, as_json=as_json, summary=summary)


@manifests_app.command("show")
def show_command(
    manifest_id: Annotated[str, typer.Argument(help="The manifest_id of a screening.")],
) -> None:
    """A kept manifest: who sent it when, the flight, how many travellers."""
    with services_for(use_index=False) as services:
        kept = guarded(
            lambda: services.manifests.get(principal=local_operator(), manifest_id=manifest_id)
        )
    print_json(kept.as_dict())


@partners_app.command("limits")
def limits_command(
    name: Annotated[str, typer.Argument(help="The partner's user name.")],
    daily_quota: Annotated[int | None, typer.Option("--daily-quota", min=1)] = None,
    per_minute: Annotated[int | None, typer.Option("--per-minute", min=1)] = None,
    max_batch: Annotated[int | None, typer.Option("--max-batch", min=1)] = None,
) -> None:
    """Show a partner's limits and today's use; with options, set them (stored)."""
    operator = local_operator()
    with services_for(use_index=False) as services:
        partners = services.partners
        if daily_quota or per_minute or max_batch:
            now = partners.limits_for(name)
            wanted = PartnerLimits(
                daily_quota=daily_quota or now.daily_quota,
                per_minute=per_minute or now.per_minute,
                max_batch=max_batch or now.max_batch,
            )
            guarded(lambda: partners.set_limits(principal=operator, partner=name, limits=wanted))
        known = {user["name"]: user["role"] for user in services.users.list()}
        if known.get(name) != "partner":
            fail(f"no partner named {name}")
        day = services.clock().date()
        used = partners.store.used(name, day)
        print_json(
            {
                "partner": name,
                "day": day.isoformat(),
                "used": used,
                **partners.limits_for(name).as_dict(),
            }
        )
