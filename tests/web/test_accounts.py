"""Console passwords: hashed with argon2id, set from the command line, made for demo users."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from frontline.cli.app import app
from frontline.demo import demo_logins, seed_world
from frontline.errors import AuthenticationFailed, InvalidInput, NotFound
from frontline.services import Services
from tests.web.conftest import PASSWORD


def _stored_hash(services: Services, name: str) -> str:
    with services.engine.connect() as connection:
        query = text("SELECT password_hash FROM users WHERE name = :name")
        return str(connection.execute(query, {"name": name}).scalar_one())


def test_only_an_argon2id_hash_of_the_password_is_stored(services: Services) -> None:
    now = services.clock()
    services.users.add(name="alice", role="officer", country="FRA", now=now)
    services.users.set_password("alice", PASSWORD)
    stored = _stored_hash(services, "alice")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORD not in stored
    assert services.users.login("alice", PASSWORD, now=now).name == "alice"
    with pytest.raises(AuthenticationFailed, match="unknown user name or wrong password"):
        services.users.login("alice", PASSWORD.upper(), now=now)


def test_a_short_password_is_refused(services: Services) -> None:
    services.users.add(name="bob", role="officer", country="FRA", now=services.clock())
    with pytest.raises(InvalidInput, match="at least 12 characters"):
        services.users.set_password("bob", "short")


def test_a_password_for_nobody_is_refused(services: Services) -> None:
    with pytest.raises(NotFound):
        services.users.set_password("nobody", PASSWORD)


def test_an_expired_account_cannot_log_in(services: Services) -> None:
    now = services.clock()
    later = now + dt.timedelta(days=1)
    services.users.add(name="temp", role="officer", country="FRA", now=now, expires_at=later)
    services.users.set_password("temp", PASSWORD)
    with pytest.raises(AuthenticationFailed, match="expired"):
        services.users.login("temp", PASSWORD, now=later + dt.timedelta(seconds=1))


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", database_url)
    monkeypatch.setenv("FRONTLINE_DATA_DIR", str(tmp_path / "data"))
    return CliRunner()


def test_users_password_sets_a_console_password(cli: CliRunner, services: Services) -> None:
    services.users.add(name="carol", role="bureau", country="DEU", now=services.clock())
    result = cli.invoke(app, ["users", "password", "carol"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "console password of carol set" in result.stdout + result.stderr
    assert services.users.login("carol", PASSWORD, now=services.clock()).country == "DEU"
    short = cli.invoke(app, ["users", "password", "carol", "--password", "tiny"])
    assert short.exit_code == 2


def test_the_demo_users_get_random_console_logins_kept_in_the_data_folder(
    services: Services,
) -> None:
    seeded = seed_world(services, size=50, seed=7, today=dt.date(2026, 11, 21))
    logins = seeded["demo_logins"]
    assert set(logins) == {"demo-officer", "demo-bureau", "demo-admin"}
    assert len(set(logins.values())) == 3
    assert demo_logins(services.settings.data_dir) == logins
    path = services.settings.data_dir / "demo-logins.txt"
    assert path.stat().st_mode & 0o777 == 0o600
    for name, password in logins.items():
        assert services.users.login(name, password, now=services.clock()).name == name


def test_the_session_key_is_made_once_and_kept_owner_only(services: Services) -> None:
    from frontline.web.sessions import session_key

    first = session_key(services.settings)
    assert session_key(services.settings) == first
    assert len(first) >= 48
    path = services.settings.data_dir / "session-secret"
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_weak_session_secret_is_refused_at_start_up() -> None:
    from pydantic import ValidationError

    from frontline.settings import Settings

    with pytest.raises(ValidationError, match="32 random characters"):
        Settings(session_secret="changeme")
    with pytest.raises(ValidationError, match="32 random characters"):
        Settings(session_secret="x" * 40)
    assert Settings(session_secret="k2J9-vQ7x_Lm4pT8zR1nW6yB3cF5hD0s").session_secret
