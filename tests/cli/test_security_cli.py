"""``frontline audit verify|purge`` and ``frontline records restrict|unrestrict``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import update
from typer.testing import CliRunner

from frontline.cli import app
from frontline.services import open_services
from frontline.settings import Settings
from frontline.store import tables
from tests.factories import ADMIN


def _seed(database_url: str, tmp_path: Path) -> None:
    services = open_services(
        Settings(database_url=database_url, data_dir=tmp_path / "data"), use_index=False
    )
    now = dt.datetime.now(dt.UTC)
    for at in (now - dt.timedelta(days=2000), now - dt.timedelta(days=1500), now):
        services.audit.append(principal=ADMIN, event="check", at=at, entries=[{"check_id": "c"}])
    services.close()


def test_verify_then_purge_then_a_tampered_entry_fails_verify(
    cli: CliRunner, database_url: str, tmp_path: Path
) -> None:
    _seed(database_url, tmp_path)
    first = cli.invoke(app, ["audit", "verify"])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("intact: 3 entries")

    purged = cli.invoke(app, ["audit", "purge", "--json"])
    assert purged.exit_code == 0, purged.output
    assert json.loads(purged.stdout)["removed"] == 2
    report = json.loads(cli.invoke(app, ["audit", "verify", "--json"]).stdout)
    assert report["intact"] is True
    assert report["entries"] == 1

    services = open_services(
        Settings(database_url=database_url, data_dir=tmp_path / "data"), use_index=False
    )
    with services.engine.begin() as connection:
        connection.execute(update(tables.audit).values(verdict="no_hit"))
    services.close()
    broken = cli.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 1
    assert "\tedited\t" in broken.stdout


def test_records_restrict_then_unrestrict_from_the_command_line(cli: CliRunner) -> None:
    imported = cli.invoke(app, ["import", "documents", "docs/examples/documents.jsonl"])
    assert imported.exit_code == 0, imported.output
    record_id = json.loads(Path("docs/examples/documents.jsonl").read_text().splitlines()[0])["id"]
    restricted = cli.invoke(
        app, ["records", "restrict", "documents", record_id, "--only", "DEU,AUT", "--json"]
    )
    assert restricted.exit_code == 0, restricted.output
    assert json.loads(restricted.stdout)["countries"] == ["AUT", "DEU"]
    both = cli.invoke(
        app, ["records", "restrict", "documents", record_id, "--only", "DEU", "--hidden-from", "X"]
    )
    assert both.exit_code == 2
    assert cli.invoke(app, ["records", "unrestrict", "documents", record_id]).exit_code == 0
    again = cli.invoke(app, ["records", "unrestrict", "documents", record_id])
    assert again.exit_code == 2
    assert "has no restriction" in again.output
