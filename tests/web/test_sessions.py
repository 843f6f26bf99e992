"""The idle timeout and the session's greatest age; an ended session keeps the typed MRZ."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.services import Services, open_services
from frontline.settings import Settings
from tests.conftest import FrozenClock
from tests.web.conftest import PASSWORD, Console

MRZ = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


def test_a_session_idle_longer_than_the_setting_returns_to_login(
    console: Console, clock: FrozenClock
) -> None:
    browser = console.browser("officer")
    clock.advance(minutes=16)  # the default is 15
    response = browser.client.get("/records", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/records&expired=1"
    assert "Your session has ended" in browser.get(response.headers["location"]).text


def test_each_request_restarts_the_idle_timer(console: Console, clock: FrozenClock) -> None:
    browser = console.browser("officer")
    for _ in range(4):
        clock.advance(minutes=10)
        assert browser.client.get("/check", follow_redirects=False).status_code == 200


def test_a_session_ends_at_its_greatest_age_however_busy(
    console: Console, clock: FrozenClock
) -> None:
    browser = console.browser("officer")
    for _ in range(12 * 6):
        clock.advance(minutes=10)
        browser.client.get("/check", follow_redirects=False)
    clock.advance(minutes=10)
    assert browser.client.get("/check", follow_redirects=False).status_code == 303


@pytest.fixture
def quick_services(tmp_path: Path, clock: FrozenClock) -> Services:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'quick.db'}",
        data_dir=tmp_path / "quick",
        session_idle_minutes=1,
        index_refresh_seconds=0,
    )
    return open_services(settings, clock=clock)


def test_the_idle_timeout_is_a_setting(quick_services: Services, clock: FrozenClock) -> None:
    console = Console(quick_services)
    browser = console.browser("officer")
    clock.advance(seconds=50)
    assert browser.client.get("/check", follow_redirects=False).status_code == 200
    clock.advance(seconds=70)
    assert browser.client.get("/check", follow_redirects=False).status_code == 303
    quick_services.close()


def test_an_mrz_typed_into_an_ended_session_survives_the_login(
    console: Console, clock: FrozenClock
) -> None:
    browser = console.browser("officer")
    browser.get("/check")
    clock.advance(minutes=20)
    response = browser.post("/check", {"mrz": MRZ})
    assert response.status_code == 401
    assert "The MRZ you typed will be back in the box" in response.text
    assert 'name="password"' in response.text
    login_csrf = response.text.split('name="csrf_token" value="')[1].split('"')[0]
    page = browser.client.post(
        "/login",
        data={"csrf_token": login_csrf, "name": "officer-fra", "password": PASSWORD},
    )
    assert page.status_code == 200
    assert "L898902C36UTO7408122F1204159ZE184226B&lt;&lt;&lt;&lt;&lt;10</textarea>" in page.text
    again = browser.get("/check")  # given back once
    assert "L898902C36UTO" not in again.text


def test_an_ended_session_does_not_keep_an_mrz_sent_without_its_csrf_token(
    console: Console, clock: FrozenClock
) -> None:
    browser = console.browser("officer")
    clock.advance(minutes=20)
    response = browser.client.post("/check", data={"mrz": MRZ})
    assert response.status_code == 403


def test_the_json_twin_of_an_ended_session_is_a_401(console: Console, clock: FrozenClock) -> None:
    browser = console.browser("officer")
    browser.get("/check")
    clock.advance(minutes=20)
    response = browser.post("/check.json", {"mrz": MRZ})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
