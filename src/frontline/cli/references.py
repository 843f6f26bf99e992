"""``frontline dna ...``, ``frontline specimens ...``, ``frontline alerts ...``: DNA
profiles, genuine-document specimens and counterfeit alerts for second-line inspection."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import orjson
import typer

from frontline.biometrics.dna_service import SearchLimits
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
from frontline.domain.specimens import alert_as_dict, specimen_as_dict

dna_app = typer.Typer(
    help="DNA STR profiles: enrol to person records, search, remove.", no_args_is_help=True
)
specimens_app = typer.Typer(help="Specimens of genuine documents.", no_args_is_help=True)
alerts_app = typer.Typer(help="Alerts on counterfeit documents.", no_args_is_help=True)

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ProfileFile = Annotated[
    str,
    typer.Argument(
        help='A JSON file of {"loci": {locus: alleles}} (or the loci alone); - reads stdin.'
    ),
]
Country = Annotated[str | None, typer.Option("--country", help="Issuing country (ISO 3166).")]
DocType = Annotated[str | None, typer.Option("--type", help="passport, id_card, visa, ...")]


def _read_json(path: str) -> Any:
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        fail(f"{path}: cannot be read ({error.strerror})")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        fail(f"{path}: not JSON: {error}")


def _loci(path: str) -> Any:
    raw = _read_json(path)
    return raw["loci"] if isinstance(raw, dict) and "loci" in raw else raw


@dna_app.command("enrol")
def enrol_profile(
    record_id: Annotated[str, typer.Argument(help="The person record's id.")],
    profile: ProfileFile,
    as_json: AsJson = False,
) -> None:
    """Enrol a DNA profile to a person record (audited as "DNA enrolment")."""
    loci = _loci(profile)
    with services_for(use_index=False) as services:
        stored = guarded(
            lambda: services.dna.enrol(principal=local_operator(), record_id=record_id, raw=loci)
        )
    if as_json:
        print_json(stored.as_dict())
        return
    console.print(
        f"enrolled {stored.id} to {stored.record_id} ({len(stored.loci)} loci)",
        highlight=False,
        markup=False,
    )


@dna_app.command("search")
def search_profiles(
    profile: ProfileFile,
    max_mismatches: Annotated[
        int, typer.Option("--max-mismatches", help="Loci that may disagree.")
    ] = 0,
    min_loci: Annotated[int, typer.Option("--min-loci", help="Loci that must be compared.")] = 8,
    limit: Annotated[int, typer.Option("--limit", help="Hits at most.")] = 20,
    as_json: AsJson = False,
) -> None:
    """Search a probe profile over every enrolled profile, best first (audited as "DNA search")."""
    loci = _loci(profile)
    limits = SearchLimits(max_mismatches=max_mismatches, min_loci=min_loci, limit=limit)
    with services_for(use_index=False) as services:
        found = guarded(
            lambda: services.dna.search(principal=local_operator(), raw=loci, limits=limits)
        )
    result = found.as_dict()
    if as_json:
        print_json(result)
        return
    print(
        f"{len(found.hits)} hit(s) among {found.profiles_searched} profiles "
        f"({found.probe_loci} probe loci, at most {limits.max_mismatches} mismatching)"
    )
    for hit in result["hits"]:
        print(
            f"{hit['record_id']}\t{hit['loci_agreeing']}/{hit['loci_compared']} loci agree\t"
            f"log10 LR {hit['log10_lr']}\tdisagree: {', '.join(hit['disagreeing']) or '-'}"
        )


@dna_app.command("remove")
def remove_profile(
    profile_id: Annotated[str, typer.Option("--profile", help="The profile's id (dna_...).")],
    reason: Reason,
    as_json: AsJson = False,
) -> None:
    """Remove a DNA profile: it is deleted, the removal audited (as "DNA removal")."""
    with services_for(use_index=False) as services:
        removal = guarded(
            lambda: services.dna.remove(
                principal=local_operator(), profile_id=profile_id, reason=reason
            )
        )
    if as_json:
        print_json(removal.as_dict())
    else:
        show_removals([removal])


def _import(kind: Literal["specimens", "alerts"], path: Path, as_json: bool) -> None:
    try:
        lines = path.read_bytes().splitlines()
    except OSError as error:
        fail(f"{path}: cannot be read ({error.strerror})")
    with services_for(use_index=False) as services:
        written = guarded(
            lambda: services.references.load_lines(
                principal=local_operator(), kind=kind, lines=lines
            )
        )
    if as_json:
        print_json({"written": written})
        return
    console.print(f"{kind}: {written} written", highlight=False)


ImportFile = Annotated[
    Path, typer.Argument(help="JSON lines, one item a line (docs/biometrics.md).")
]


@specimens_app.command("import")
def import_specimens(path: ImportFile, as_json: AsJson = False) -> None:
    """Load specimens from JSON lines, all or nothing."""
    _import("specimens", path, as_json)


@specimens_app.command("list")
def list_specimens(
    country: Country = None, document_type: DocType = None, as_json: AsJson = False
) -> None:
    """Specimens on file, by country and type."""
    with services_for(use_index=False) as services:
        found = guarded(
            lambda: services.references.specimens(
                principal=local_operator(), country=country, document_type=document_type
            )
        )
    items = [specimen_as_dict(item, with_images=False) for item in found]
    if as_json:
        print_json(items)
        return
    for item in items:
        print(
            f"{item['id']}\t{item['country']}\t{item['document_type']}\t{item['series']}\t"
            f"{item['valid_from']} to {item['valid_to'] or 'now'}\t{item['number_format']}"
        )


@specimens_app.command("show")
def show_specimen(specimen_id: Annotated[str, typer.Argument()], as_json: AsJson = False) -> None:
    """One specimen and the counterfeit alerts on its series."""
    with services_for(use_index=False) as services:
        specimen, alerts = guarded(
            lambda: services.references.specimen(
                principal=local_operator(), specimen_id=specimen_id
            )
        )
    data = {**specimen_as_dict(specimen), "alerts": [alert_as_dict(alert) for alert in alerts]}
    if as_json:
        print_json(data)
        return
    print(f"{data['id']}: {data['country']} {data['document_type']} series {data['series']}")
    print(
        f"  issued {data['valid_from']} to {data['valid_to'] or 'now'}; "
        f"numbers {data['number_format']}"
    )
    print(f"  validity: {data['validity']}")
    for feature in data["security_features"]:
        print(f"  - {feature}")
    for alert in data["alerts"]:
        print(f"  ALERT {alert['issued_on']} {alert['title']}: {alert['look_for']}")


@alerts_app.command("import")
def import_alerts(path: ImportFile, as_json: AsJson = False) -> None:
    """Load counterfeit alerts from JSON lines, all or nothing."""
    _import("alerts", path, as_json)


@alerts_app.command("list")
def list_alerts(
    country: Country = None, document_type: DocType = None, as_json: AsJson = False
) -> None:
    """Counterfeit alerts, newest first."""
    with services_for(use_index=False) as services:
        found = guarded(
            lambda: services.references.alerts(
                principal=local_operator(), country=country, document_type=document_type
            )
        )
    items = [alert_as_dict(alert) for alert in found]
    if as_json:
        print_json(items)
        return
    for item in items:
        series = ", ".join(item["series"]) or "every series"
        print(
            f"{item['id']}\t{item['issued_on']}\t{item['country']} {item['document_type']} "
            f"({series})\t{item['title']}"
        )
