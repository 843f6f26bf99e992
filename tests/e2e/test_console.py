"""The console in a real browser: log in, check passports and a person, cancel records.

Screenshots land in tests/e2e/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import SCREENSHOTS, Server

CHECK_PAGE = re.compile(r"^[^?]*/check$")


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _log_in(page: Any, server: Server, user: str = "demo-officer") -> None:
    page.goto("/login")
    page.get_by_label("User name").fill(user)
    page.get_by_label("Password").fill(server.logins()[user])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(CHECK_PAGE)


def _sample(server: Server, label: str) -> list[str]:
    lines = server.output.read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if f"sample MRZ, {label}" in line)
    return [lines[start + 1].strip(), lines[start + 2].strip()]


def _scan(page: Any, mrz: list[str]) -> None:
    """Type the MRZ as a document reader does: each line, then Enter."""
    box = page.get_by_label(re.compile("^MRZ"))
    box.click()
    for line in mrz:
        page.keyboard.type(line)
        page.keyboard.press("Enter")
    page.wait_for_selector("#verdict")


def test_the_serve_output_names_the_console_and_a_demo_login(server: Server) -> None:
    output = server.output.read_text()
    assert f"officer console: {server.url}/login" in output
    password = server.logins()["demo-officer"]
    assert f"demo login: user demo-officer  password {password}" in output


def test_log_in_and_check_a_clean_passport_with_the_keyboard_alone(
    page: Any, server: Server
) -> None:
    page.goto("/check")
    page.wait_for_url(re.compile(r"/login\?next="))
    page.wait_for_selector("input:focus")  # typing before the autofocus lands loses keys
    page.keyboard.type("demo-officer")  # the name field has focus on load
    page.keyboard.press("Tab")
    page.keyboard.type(server.logins()["demo-officer"])
    page.keyboard.press("Enter")
    page.wait_for_url(CHECK_PAGE)
    page.wait_for_selector("#mrz:focus")  # the MRZ box takes the focus on load
    assert page.evaluate("document.activeElement.id") == "mrz"
    page.keyboard.type(_sample(server, "clean passport")[0])
    page.keyboard.press("Enter")
    page.keyboard.type(_sample(server, "clean passport")[1])
    page.keyboard.press("Enter")  # the last line sends it
    page.wait_for_selector("#verdict")
    assert "NO HIT" in page.inner_text("#verdict")
    assert page.evaluate("document.activeElement.id") == "mrz"  # ready for the next one
    _shot(page, "check-clean-1920")


def test_a_stolen_passport_shows_its_hit_card(page: Any, server: Server) -> None:
    _log_in(page, server)
    _scan(page, _sample(server, "stolen passport (SLTD)"))
    assert "HIT" in page.inner_text("#verdict")
    card = page.locator(".hit-card").first
    assert "SLTD" in card.inner_text()
    assert "Action:" in card.inner_text()
    assert "Owner" in card.inner_text()
    _shot(page, "check-stolen-1920")
    page.set_viewport_size({"width": 768, "height": 1024})
    assert page.evaluate("document.documentElement.scrollWidth") <= 768
    _shot(page, "check-stolen-768")


def test_a_person_under_a_red_notice(page: Any, server: Server) -> None:
    persons = server.api("/records.json?kind=persons&state=active")["items"]
    wanted = next(p for p in persons if p["type"] == "red" and p["aliases"] and p["birth_date"])
    _log_in(page, server)
    page.get_by_text("Person", exact=True).click()
    page.get_by_label("Name").fill(wanted["aliases"][0])
    page.get_by_label("Birth date").fill(wanted["birth_date"])
    page.get_by_role("button", name="Check person").click()
    page.wait_for_selector("#verdict")
    badge = page.locator(".badge.notice-red").first
    assert badge.inner_text() == "RED notice"
    assert wanted["id"] in page.inner_text(".result")
    _shot(page, "check-red-notice-1920")


def test_a_malformed_mrz_is_marked_where_it_is_wrong(page: Any, server: Server) -> None:
    _log_in(page, server)
    first, second = _sample(server, "clean passport")
    page.get_by_label(re.compile("^MRZ")).fill(f"{first}\n{second[:20]}$${second[22:]}")
    page.get_by_role("button", name="Check MRZ").click()
    page.wait_for_selector("#mrz-problem")
    assert page.inner_text("#mrz-problem mark") == "$"
    assert "position 21" in page.inner_text("#mrz-problem")
    _shot(page, "check-malformed-1920")


@pytest.fixture
def records(server: Server) -> dict[str, str]:
    documents = server.api("/records.json?kind=documents&state=active")["items"]
    own = next(d["id"] for d in documents if d["owner"] == "FRA")
    other = next(d["id"] for d in documents if d["owner"] != "FRA")
    return {"own": own, "other": other}


def test_a_bureau_cancels_its_own_record(
    page: Any, server: Server, records: dict[str, str]
) -> None:
    _log_in(page, server, "demo-bureau")
    page.get_by_role("link", name="Records").click()
    page.get_by_label("Record id").fill(records["own"])
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=records["own"]).click()
    page.get_by_role("button", name="Cancel this record").click()
    page.wait_for_url(re.compile(r"cancelled=1"))
    assert "Record cancelled" in page.inner_text("main")
    assert "cancelled" in page.inner_text("h1")
    _shot(page, "record-cancelled-1920")


def test_a_bureau_cannot_cancel_another_bureaus_record(
    page: Any, server: Server, records: dict[str, str]
) -> None:
    _log_in(page, server, "demo-bureau")
    page.goto(f"/records/documents/{records['other']}")
    assert page.get_by_role("button", name="Cancel this record").count() == 0
    assert "bureau can cancel this record" in page.inner_text("main")
    # A hand-made post with this session's own CSRF token is refused by the use case too.
    token = page.evaluate("document.querySelector('input[name=csrf_token]').value")
    response = page.request.post(
        f"/records/documents/{records['other']}/cancel.json", form={"csrf_token": token}
    )
    assert response.status == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert server.api(f"/records/documents/{records['other']}.json")["state"] == "active"
    _shot(page, "record-not-owner-1920")


def test_a_three_line_id_card_is_sent_on_its_third_line(page: Any, server: Server) -> None:
    _log_in(page, server)
    _scan(
        page,
        [
            "I<UTOD231458907<<<<<<<<<<<<<<<",
            "7408122F1204159UTO<<<<<<<<<<<6",
            "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
        ],
    )
    assert "NO HIT" in page.inner_text("#verdict")
    assert "ERIKSSON, ANNA MARIA" in page.inner_text(".mrz-read summary")
