"""Every page answers HTML with its security headers, and JSON when asked."""

from __future__ import annotations

import pytest

from tests.web.conftest import Console

PAGES = [
    "/check",
    "/faces",
    "/hits",
    "/records",
    "/records?kind=vessels",
    "/records/persons/new",
    "/audit",
    "/training",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_for_an_admin_with_its_security_headers(
    console: Console, path: str
) -> None:
    response = console.browser("admin").get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert '<html lang="en">' in response.text
    assert '<a class="skip" href="#main">' in response.text


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin_by_suffix_and_by_accept(console: Console, path: str) -> None:
    browser = console.browser("admin")
    base, _, query = path.partition("?")
    suffixed = browser.get(f"{base}.json" + (f"?{query}" if query else ""))
    accepted = browser.get(path, headers={"Accept": "application/json"})
    assert suffixed.headers["content-type"] == "application/json"
    assert suffixed.json() == accepted.json() or base == "/check"


def test_an_unknown_page_is_a_404_page_and_its_twin_the_error_shape(console: Console) -> None:
    browser = console.browser("officer")
    page = browser.get("/records/documents/x/y/z")
    assert page.status_code == 404
    assert "<html" in page.text
    assert browser.get("/checkz").json()["error"]["code"] == "not_found"


def test_the_api_and_its_openapi_are_untouched_by_the_console(console: Console) -> None:
    browser = console.browser(None)
    assert browser.get("/openapi.json").json()["info"]["title"] == "Frontline"
    assert browser.get("/v1/audit").json()["error"]["code"] == "unauthorized"
    assert "/check" not in browser.get("/openapi.json").json()["paths"]


def test_the_static_files_are_served(console: Console) -> None:
    browser = console.browser(None)
    assert "verdict-no_hit" in browser.get("/static/console.css").text
    assert "requestSubmit" in browser.get("/static/console.js").text


def test_an_unexpected_error_is_a_plain_500_page_never_a_traceback(
    console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = console.browser("officer")
    browser.get("/check")

    def broken(**_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(console.services.screening, "check", broken)
    page = browser.post("/check", {"document.number": "X1", "document.country": "FRA"})
    assert page.status_code == 500
    assert "Something went wrong" in page.text
    assert "disk on fire" not in page.text
    assert "Traceback" not in page.text
    twin = browser.post("/check.json", {"document.number": "X1", "document.country": "FRA"})
    assert twin.json()["error"]["code"] == "internal"


def test_an_error_page_keeps_the_navigation_and_the_logout(console: Console) -> None:
    page = console.browser("officer").get("/audit")
    assert page.status_code == 403
    assert "officer-fra · officer · FRA" in page.text
    assert 'action="/logout"' in page.text
