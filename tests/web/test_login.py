"""Login, logout, the session cookie's flags, CSRF on the login form, who reaches what."""

from __future__ import annotations

import pytest

from tests.conftest import FrozenClock
from tests.web.conftest import PASSWORD, Browser, Console


def test_healthz_answers_without_a_token_or_a_session(console: Console) -> None:
    response = console.browser(None).get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


@pytest.mark.parametrize("path", ["/", "/check", "/hits", "/records", "/audit"])
def test_a_page_without_a_session_sends_the_browser_to_login(console: Console, path: str) -> None:
    response = console.browser(None).get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"/login?next={path}"


@pytest.mark.parametrize("path", ["/check.json", "/records.json", "/audit.json"])
def test_a_json_twin_without_a_session_is_refused_in_the_one_error_shape(
    console: Console, path: str
) -> None:
    response = console.browser(None).get(path)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_logging_in_opens_the_check_page_with_the_user_named(console: Console) -> None:
    browser = console.browser(None)
    response = browser.log_in(console.user("officer"))
    assert response.status_code == 200
    assert str(response.url).endswith("/check")
    assert "officer-fra · officer · FRA" in response.text
    assert 'id="mrz"' in response.text


def test_the_session_cookie_is_httponly_and_samesite_and_not_secure_on_http(
    console: Console,
) -> None:
    cookie = console.browser(None).get("/login").headers["set-cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie


def test_the_session_cookie_is_secure_on_https(console: Console) -> None:
    cookie = Browser(console.app, base_url="https://testserver").get("/login").headers["set-cookie"]
    assert "Secure" in cookie


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(console: Console) -> None:
    name = console.user("officer")
    wrong = console.browser(None).log_in(name, "not the password")
    unknown = console.browser(None).log_in("nobody-here", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert "unknown user name or wrong password" in wrong.text
    assert "unknown user name or wrong password" in unknown.text
    assert 'value="officer-fra"' in wrong.text  # the name is kept, the password is not


def test_a_login_form_without_its_csrf_token_is_refused(console: Console) -> None:
    browser = console.browser(None)
    browser.get("/login")
    response = browser.client.post(
        "/login", data={"name": console.user("officer"), "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "CSRF" in response.text


def test_login_never_redirects_off_the_server(console: Console) -> None:
    browser = console.browser(None)
    browser.get("/login")
    response = browser.post(
        "/login",
        {"name": console.user("officer"), "password": PASSWORD, "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/check"


def test_login_goes_back_to_the_page_asked_for(console: Console) -> None:
    browser = console.browser(None)
    browser.get("/login?next=/records")
    response = browser.post(
        "/login",
        {"name": console.user("bureau"), "password": PASSWORD, "next": "/records"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/records"


def test_logging_in_gives_a_new_csrf_token(console: Console) -> None:
    browser = console.browser(None)
    before = (browser.get("/login"), browser.csrf)[1]
    browser.post("/login", {"name": console.user("officer"), "password": PASSWORD})
    browser.get("/check")
    assert browser.csrf
    assert browser.csrf != before


def test_logout_ends_the_session(console: Console) -> None:
    browser = console.browser("officer")
    browser.get("/check")
    response = browser.post("/logout", {}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login"
    assert browser.client.get("/check", follow_redirects=False).status_code == 303


def test_logout_needs_the_csrf_token(console: Console) -> None:
    browser = console.browser("officer")
    assert browser.client.post("/logout").status_code == 403
    assert browser.get("/check").status_code == 200


def test_a_revoked_user_is_logged_out_at_the_next_request(console: Console) -> None:
    browser = console.browser("officer")
    console.services.users.revoke("officer-fra", now=console.services.clock())
    response = browser.client.get("/check", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


def test_a_forged_session_cookie_is_not_a_session(console: Console) -> None:
    browser = console.browser("officer")
    value = browser.client.cookies["frontline_session"]
    body, signature = value.split(".")
    browser.client.cookies.clear()
    browser.client.cookies.set("frontline_session", f"{body}x.{signature}")
    assert browser.client.get("/check", follow_redirects=False).status_code == 303


def test_a_user_without_a_console_password_cannot_log_in(console: Console) -> None:
    now = console.services.clock()
    console.services.users.add(name="token-only", role="officer", country="FRA", now=now)
    assert console.browser(None).log_in("token-only", "").status_code == 401


def test_the_json_twin_of_login(console: Console) -> None:
    browser = console.browser(None)
    browser.get("/login")
    response = browser.post("/login.json", {"name": console.user("admin"), "password": PASSWORD})
    assert response.json() == {"user": "admin-fra", "role": "admin", "next": "/check"}
    assert browser.client.get("/audit.json").status_code == 200


def test_five_wrong_passwords_lock_the_name_for_fifteen_minutes(
    console: Console, clock: FrozenClock
) -> None:
    name = console.user("officer")
    browser = console.browser(None)
    for _ in range(5):
        assert browser.log_in(name, "wrong password!").status_code == 401
    locked = browser.log_in(name)  # even the right password
    assert locked.status_code == 429
    assert "too many failed logins for officer-fra; try again in 15 minute(s)" in locked.text
    browser.get("/login")
    twin = browser.post("/login.json", {"name": name, "password": PASSWORD})
    assert twin.json()["error"]["code"] == "too_many_attempts"
    other = console.browser(None).log_in(console.user("bureau"))
    assert other.status_code == 200  # other names are not locked
    clock.advance(minutes=15, seconds=1)
    assert browser.log_in(name).status_code == 200


def test_a_good_login_clears_the_failures(console: Console) -> None:
    name = console.user("officer")
    browser = console.browser(None)
    for _ in range(4):
        browser.log_in(name, "wrong password!")
    assert browser.log_in(name).status_code == 200
    for _ in range(4):
        assert console.browser(None).log_in(name, "wrong password!").status_code == 401
