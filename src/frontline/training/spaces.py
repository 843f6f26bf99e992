"""Training spaces' own databases: made, opened and dropped.

Isolation is structural. A space is a database of its own (a SQLite file under
``<data_dir>/training/<name>/``, or on PostgreSQL a schema of its own reached through
``search_path``), migrated like any Frontline database and opened with its own
``Services``: its checks write its own audit, its hits open its own cases and queue its own
notifications, which no dispatcher ever sends (a space has no webhooks, and
``deliver_notifications`` is off). Live records, audit, cases and outbox are in tables that
a space's engine cannot name.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from frontline.settings import Settings

if TYPE_CHECKING:
    from frontline.services import Services

__all__ = ["SpaceDatabases"]

_SCHEMA = "schema:"
_SAFE_SCHEMA = re.compile(r"^training_[0-9a-f]{16}$")


class SpaceDatabases:
    """Where each space's database is, and its opened ``Services`` (one per space and
    process, opened on first use), keyed by the space's location."""

    def __init__(
        self, settings: Settings, engine: Engine, clock: Callable[[], dt.datetime]
    ) -> None:
        self.settings = settings
        self.engine = engine
        self.clock = clock
        self._open: dict[str, Services] = {}
        self._lock = threading.Lock()

    def new_location(self, name: str) -> str:
        """A place no space used before: a schema name on PostgreSQL, a folder on SQLite.

        Unique per space made, so a server process still holding a deleted space's database
        open never mistakes it for a new space of the same name."""
        token = uuid.uuid4().hex[:16]
        if self.engine.dialect.name == "postgresql":
            return f"{_SCHEMA}training_{token}"
        return str((self.settings.data_dir / "training" / f"{name}-{token[:8]}").resolve())

    def prepare(self, location: str) -> None:
        """Make the space's schema (PostgreSQL); a SQLite folder is made when opened."""
        if location.startswith(_SCHEMA):
            with self.engine.begin() as connection:
                connection.execute(text(f'CREATE SCHEMA "{_schema(location)}"'))

    def settings_for(self, location: str) -> Settings:
        """The space's settings: its own data folder and database, no deliveries."""
        if location.startswith(_SCHEMA):
            folder = self.settings.data_dir / "training" / _schema(location)
            url = _schema_url(self.settings.resolved_database_url(), _schema(location))
        else:
            folder, url = Path(location), None
        return self.settings.model_copy(
            update={"data_dir": folder, "database_url": url, "deliver_notifications": False}
        )

    def open(self, location: str) -> Services:
        """The space's ``Services``, opened (and migrated) on first use in this process."""
        from frontline.services import open_services  # services wires this module in

        with self._lock:
            if location not in self._open:
                settings = self.settings_for(location)
                self._open[location] = open_services(settings, use_index=True, clock=self.clock)
            return self._open[location]

    def drop(self, location: str) -> None:
        """Close the space's database and delete it, schema or folder."""
        with self._lock:
            opened = self._open.pop(location, None)
        if opened is not None:
            opened.close()
            opened.engine.dispose()
        if location.startswith(_SCHEMA):
            with self.engine.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{_schema(location)}" CASCADE'))
        else:
            shutil.rmtree(location, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            opened, self._open = list(self._open.values()), {}
        for services in opened:
            services.close()
            services.engine.dispose()


def _schema(location: str) -> str:
    schema = location.removeprefix(_SCHEMA)
    if not _SAFE_SCHEMA.match(schema):  # it goes into DDL: only names this module made
        raise ValueError(f"not a training schema: {schema}")
    return schema


def _schema_url(live_url: str, schema: str) -> str:
    """The live PostgreSQL URL with its ``search_path`` set to the space's schema only."""
    url = make_url(live_url)
    query = {key: value for key, value in url.query.items() if key != "options"}
    query["options"] = f"-csearch_path={schema}"
    return url.set(query=query).render_as_string(hide_password=False)
