"""Shared fixtures: every storage test runs on SQLite and on PostgreSQL.

PostgreSQL is the server named by FRONTLINE_TEST_POSTGRES_URL (default: the local one on
127.0.0.1:5432, database ``test``); each test gets a schema of its own, dropped after it.
Where no server answers, the PostgreSQL half of the suite skips and says why.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from frontline.services import Services, open_services
from frontline.settings import Settings

POSTGRES_URL = os.environ.get(
    "FRONTLINE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

_postgres_problem: list[str] = []


def _postgres_unavailable() -> str | None:
    if not _postgres_problem:
        try:
            engine = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            engine.dispose()
            _postgres_problem.append("")
        except OperationalError as error:
            first_line = str(error).splitlines()[0]
            _postgres_problem.append(f"no PostgreSQL at {POSTGRES_URL}: {first_line}")
    return _postgres_problem[0] or None


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'frontline.db'}"
        return
    problem = _postgres_unavailable()
    if problem:
        pytest.skip(problem)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


class FrozenClock:
    """A clock tests move by hand; starts at 2026-11-21 10:00 UTC."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 21, 10, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(database_url=database_url, data_dir=tmp_path / "data", index_refresh_seconds=0)


@pytest.fixture
def services(settings: Settings, clock: FrozenClock) -> Iterator[Services]:
    """Services over a fresh database, with the memory index."""
    opened = open_services(settings, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def sql_services(settings: Settings, clock: FrozenClock) -> Iterator[Services]:
    """Services over a fresh database that answer checks from SQL, with no memory index."""
    opened = open_services(settings, clock=clock, use_index=False)
    yield opened
    opened.close()
