"""The Typer app: every ``frontline`` command, each a thin parse-call-render."""

from __future__ import annotations

import datetime as dt
import logging.config
from typing import Annotated

import typer

from frontline.cli.admin import audit_app, users_app
from frontline.cli.biometrics import biometrics_app
from frontline.cli.cases import cases_app, outbox_app, webhooks_app
from frontline.cli.checks import check_app, mrz_command
from frontline.cli.common import console, guarded, load_settings
from frontline.cli.data import demo_data_command, import_command
from frontline.cli.faces import faces_app
from frontline.cli.manifests import manifests_app, partners_app
from frontline.cli.node import node_app, sync_app
from frontline.cli.operations import access_app, operations_app
from frontline.cli.records import records_app
from frontline.cli.references import alerts_app, dna_app, specimens_app
from frontline.cli.screen import screen_command
from frontline.cli.suppressions import suppressions_app
from frontline.cli.training import training_app
from frontline.services import Services
from frontline.settings import Settings

app = typer.Typer(
    help="Frontline: border screening against stolen documents, objects and notices.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(check_app, name="check")
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
app.add_typer(suppressions_app, name="suppressions")
app.add_typer(training_app, name="training")
app.add_typer(cases_app, name="cases")
app.add_typer(webhooks_app, name="webhooks")
app.add_typer(outbox_app, name="outbox")
app.add_typer(operations_app, name="operations")
app.add_typer(access_app, name="access")
app.add_typer(records_app, name="records")
app.add_typer(node_app, name="node")
app.add_typer(sync_app, name="sync")
app.add_typer(manifests_app, name="manifests")
app.add_typer(partners_app, name="partners")
app.add_typer(dna_app, name="dna")
app.add_typer(specimens_app, name="specimens")
app.add_typer(alerts_app, name="alerts")
app.add_typer(faces_app, name="faces")
app.add_typer(biometrics_app, name="biometrics")
app.command("mrz")(mrz_command)
app.command("import")(import_command)
app.command("demo-data")(demo_data_command)
app.command("screen")(screen_command)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host", help="Address to bind.")] = None,
    port: Annotated[int | None, typer.Option("--port", min=1, max=65535)] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, max=64, help="Server processes.")
    ] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Seed the demo world if the database is empty.")
    ] = False,
) -> None:
    """Serve the HTTP API (OpenAPI at /openapi.json) on the configured database."""
    import uvicorn

    from frontline.api.app import create_app
    from frontline.api.logs import log_config
    from frontline.api.serving import serve_workers
    from frontline.services import open_services

    settings = load_settings()
    logging.config.dictConfig(log_config(settings.log_format))
    processes = workers or settings.workers
    services = open_services(settings, use_index=processes == 1)
    _seed_if_asked(services, settings, demo)
    bind_host, bind_port = host or settings.host, port or settings.port
    _announce_console(settings, bind_host, bind_port, demo)
    if processes > 1:
        services.close()
        serve_workers(
            host=bind_host, port=bind_port, workers=processes, log_format=settings.log_format
        )
        return
    try:
        uvicorn.run(
            create_app(services, deliver=settings.deliver_notifications),
            host=bind_host,
            port=bind_port,
            log_level="info",
            access_log=False,  # frontline.http logs each request, by route, with its id
            log_config=log_config(settings.log_format),
        )
    finally:
        services.close()


def _seed_if_asked(services: Services, settings: Settings, demo: bool) -> None:
    from frontline.demo import is_empty, seed_world

    if (demo or settings.seed_demo) and is_empty(services):
        console.print(f"seeding the demo world ({settings.demo_size} documents) ...")
        seeded = guarded(
            lambda: seed_world(services, size=settings.demo_size, seed=7, today=dt.date.today())
        )
        _announce_demo(seeded)


def _announce_demo(seeded: dict[str, object]) -> None:
    console.print(f"demo records: {seeded['records']}", highlight=False)
    tokens = seeded.get("demo_tokens") or {}
    assert isinstance(tokens, dict)
    for name, token in tokens.items():
        console.print(f"demo user {name}: token {token}", highlight=False)
    console.print("(tokens also saved in the data folder, demo-tokens.txt)")
    samples = seeded.get("sample_mrzs") or []
    assert isinstance(samples, list)
    for sample in samples:
        console.print(
            f"sample MRZ, {sample['label']} (expect {sample['expected']}):", highlight=False
        )
        for line in sample["mrz"]:
            console.print(f"  {line}", highlight=False, markup=False)


def _announce_console(settings: Settings, host: str, port: int, demo: bool) -> None:
    """The console's address and, on a demo server, the demo logins (kept in the data
    folder, so a restart prints them again)."""
    from frontline.demo import demo_logins

    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    console.print(f"officer console: http://{shown}:{port}/login", highlight=False)
    if not (demo or settings.seed_demo):
        return
    for name, password in demo_logins(settings.data_dir).items():
        console.print(
            f"demo login: user {name}  password {password}", highlight=False, markup=False
        )


def main() -> None:
    app()
