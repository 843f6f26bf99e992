"""``frontline node ...``: the offline node (docs/offline.md), and ``frontline sync ...``:
its server side (the signing key, compaction)."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from frontline.cli.common import console, guarded, load_settings, print_json
from frontline.sync.checking import NodeChecker
from frontline.sync.client import init_node, sync_node, upload_queue
from frontline.sync.node import Node
from frontline.sync.queue import UploadQueue

__all__ = ["node_app", "sync_app"]

node_app = typer.Typer(help="An offline node: sync a signed copy, check without a network.")
node_check_app = typer.Typer(help="Check on the node's copy (queued for upload).")
node_app.add_typer(node_check_app, name="check")
sync_app = typer.Typer(help="The server side of offline nodes.")

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


def _say(message: str) -> None:
    console.print(message, highlight=False, markup=False)


@node_app.command("init")
def init(
    server: Annotated[str, typer.Option("--server", help="The server's URL.")],
    token: Annotated[str, typer.Option("--token", help="An officer's API token.")],
    fingerprint: Annotated[
        str | None,
        typer.Option("--fingerprint", help="Refuse a server key with another fingerprint."),
    ] = None,
    kinds: Annotated[
        str | None, typer.Option("--kinds", help="Only these record kinds, comma-separated.")
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option("--owner", help="Only these owners' records: FRA, or a region FRA,DEU,BEL."),
    ] = None,
    operation: Annotated[
        str | None,
        typer.Option("--operation", help="Only what this operation opens (a participant's)."),
    ] = None,
    border_point: Annotated[
        str | None,
        typer.Option("--border-point", help="The operation's border point the node works at."),
    ] = None,
) -> None:
    """Pin the server's signing key and seal the token under the node's key (from
    FRONTLINE_NODE_PASSPHRASE, FRONTLINE_NODE_KEY, or asked)."""
    node = Node(load_settings())
    passphrase = os.environ.get("FRONTLINE_NODE_PASSPHRASE")
    key_text = os.environ.get("FRONTLINE_NODE_KEY")
    if not passphrase and not key_text:
        passphrase = typer.prompt("new node passphrase", hide_input=True, confirmation_prompt=True)
    state = guarded(
        lambda: init_node(
            node,
            server=server,
            token=token,
            passphrase=passphrase,
            key_text=key_text,
            expected_fingerprint=fingerprint,
            kinds=kinds.split(",") if kinds else None,
            owner=owner,
            operation=operation,
            border_point=border_point,
        )
    )
    _say(f"node {state['node_id']} in {node.folder}")
    if state["scope"].get("operation"):
        _say(f"for operation {state['scope']['operation']}")
    _say(f"pinned server key, fingerprint {state['fingerprint']}")
    _say("compare it with `frontline sync public-key` on the server before the first sync")


@node_app.command("sync")
def sync(as_json: JsonOption = False) -> None:
    """Upload queued checks, then download, verify and apply what changed on the server."""
    node = Node(load_settings())
    summary = guarded(lambda: sync_node(node, say=(lambda _: None) if as_json else _say))
    if as_json:
        print_json(summary)
    else:
        _say(f"copy at version {summary['version']}, data as of {summary['data_as_of']}")


@node_app.command("upload")
def upload(as_json: JsonOption = False) -> None:
    """Upload the queued checks only."""
    counts = guarded(lambda: upload_queue(Node(load_settings())))
    if as_json:
        print_json(counts)
    else:
        _say(f"{counts['accepted']} uploaded, {counts['duplicates']} already known")


@node_app.command("status")
def status(as_json: JsonOption = False) -> None:
    """The pinned key, the copy's version and age, the queue."""
    node = Node(load_settings())
    state = guarded(node.state)
    key = guarded(lambda: node.key(state))
    copy = state.get("copy") or {}
    summary = {
        "node_id": state["node_id"],
        "server": state["server"],
        "fingerprint": state["fingerprint"],
        "scope": state["scope"],
        "version": copy.get("version"),
        "data_as_of": copy.get("data_as_of"),
        **UploadQueue(node, key).counts(),
    }
    if as_json:
        print_json(summary)
    else:
        for name, value in summary.items():
            _say(f"{name}: {value}")


@node_app.command("serve")
def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8700,
) -> None:
    """Serve POST /v1/checks on 127.0.0.1 over the node's copy, for a local console or
    reader (loopback only: it has no logins of its own)."""
    import uvicorn

    from frontline.sync.serving import node_app as make_app

    checker = guarded(
        lambda: NodeChecker(Node(load_settings()), use_index=True, in_background=True)
    )
    guarded(checker.services)
    try:
        uvicorn.run(make_app(checker), host="127.0.0.1", port=port, access_log=False)
    finally:
        checker.close()


def _check(raw: dict[str, Any], as_json: bool) -> None:
    checker = guarded(lambda: NodeChecker(Node(load_settings()), use_index=False))
    try:
        shown = guarded(lambda: checker.check(raw))
    finally:
        checker.close()
    if as_json:
        print_json(shown)
    else:
        _show(shown)
    raise typer.Exit(0)


def _show(shown: dict[str, Any]) -> None:
    words = str(shown["verdict"]).replace("_", " ").upper()
    _say(f"{words}  ({shown['check_id']}, data as of {shown['data_as_of']})")
    for hit in shown["hits"]:
        _say(f"  {hit['database']} {hit['record_id']}: {hit['status']}, owner {hit['owner']}")
        if hit["action"]:
            _say(f"    action: {hit['action']}")
    for warning in shown["warnings"]:
        _say(f"  warning {warning['field']}: {warning['message']}")


def _given(**values: str | None) -> dict[str, str]:
    return {name: value for name, value in values.items() if value}


@node_check_app.command("document")
def check_document(
    number: Annotated[str, typer.Option("--number")],
    country: Annotated[str, typer.Option("--country")],
    doc_type: Annotated[str | None, typer.Option("--type")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a travel document by number and issuing country."""
    _check({"document": _given(number=number, country=country, type=doc_type)}, as_json)


@node_check_app.command("person")
def check_person(
    name: Annotated[str, typer.Option("--name")],
    birth_date: Annotated[str | None, typer.Option("--birth-date")] = None,
    sex: Annotated[str | None, typer.Option("--sex")] = None,
    nationality: Annotated[str | None, typer.Option("--nationality")] = None,
    as_json: JsonOption = False,
) -> None:
    """Screen a traveller against notices by name and dates."""
    person = _given(name=name, birth_date=birth_date, sex=sex, nationality=nationality)
    _check({"person": person}, as_json)


@node_check_app.command("mrz")
def check_mrz(
    lines: Annotated[list[str], typer.Argument(help="The 2 or 3 MRZ lines.")],
    as_json: JsonOption = False,
) -> None:
    """Read an MRZ, then check its document and its holder."""
    _check({"mrz": lines}, as_json)


@node_check_app.command("vehicle")
def check_vehicle(
    vin: Annotated[str | None, typer.Option("--vin")] = None,
    plate: Annotated[str | None, typer.Option("--plate")] = None,
    plate_country: Annotated[str | None, typer.Option("--plate-country")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a vehicle by VIN, or by plate and plate country."""
    _check({"vehicle": _given(vin=vin, plate=plate, plate_country=plate_country)}, as_json)


@node_check_app.command("vessel")
def check_vessel(
    imo: Annotated[str | None, typer.Option("--imo")] = None,
    hull_id: Annotated[str | None, typer.Option("--hull-id")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a vessel by IMO number or hull identification number."""
    _check({"vessel": _given(imo=imo, hull_id=hull_id)}, as_json)


@node_check_app.command("firearm")
def check_firearm(
    serial: Annotated[str, typer.Option("--serial")],
    make: Annotated[str | None, typer.Option("--make")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a firearm by serial number (and make)."""
    _check({"firearm": _given(serial=serial, make=make)}, as_json)


@sync_app.command("public-key")
def public_key(as_json: JsonOption = False) -> None:
    """The server's sync signing key (made on first use) and its fingerprint."""
    from frontline.sync.signing import ServerKey

    key = ServerKey.in_folder(load_settings().data_dir)
    if as_json:
        print_json({"public_key": key.public_text, "fingerprint": key.fingerprint})
    else:
        _say(f"public key {key.public_text}")
        _say(f"fingerprint {key.fingerprint}")


@sync_app.command("compact")
def compact(
    kinds: Annotated[str | None, typer.Option("--kinds")] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    operation: Annotated[
        str | None, typer.Option("--operation", help="The copy an operation's nodes take.")
    ] = None,
) -> None:
    """Cut a new snapshot of a scope now and delete its older snapshot and deltas."""
    from frontline.cli.common import local_operator, services_for
    from frontline.sync.feed import Scope, open_feed
    from frontline.sync.scopes import resolve_scope

    guarded(lambda: Scope.parse(kinds, owner))  # a bad owner list: refused before any work
    with services_for(use_index=False) as services:
        scope, _ = guarded(
            lambda: resolve_scope(
                operations=services.operations.store,
                principal=local_operator(),
                kinds=kinds,
                owner=owner,
                operation_id=operation,
                now=services.clock(),
            )
        )
        feed = open_feed(services.settings, store=services.store, clock=services.clock)
        entry = guarded(lambda: feed.compact(scope))
    _say(f"{entry['name']}: {entry['records']} records, {entry['size']} bytes")
