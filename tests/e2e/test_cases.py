"""A hit's case in a real browser, with the keyboard alone: a French officer's check hits
another country's stolen passport; that country's bureau takes the case and confirms the
hit; the officer closes it with the document seized.

Screenshots land in tests/e2e/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.conftest import SCREENSHOTS, Server

CHECK_PAGE = re.compile(r"^[^?]*/check$")


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _log_in(page: Any, user: str, password: str) -> None:
    page.goto("/login")
    page.wait_for_selector("input:focus")  # typing before the autofocus lands loses keys
    page.keyboard.type(user)  # the name field has focus on load
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(CHECK_PAGE)


def _log_out(page: Any) -> None:
    _press(page.get_by_role("button", name="Log out"))
    page.wait_for_url(re.compile(r"/login$"))


def _press(locator: Any, key: str = "Enter") -> None:
    locator.focus()
    locator.press(key)


def _foreign_stolen_passport(server: Server) -> dict[str, Any]:
    documents = server.api("/records.json?kind=documents&state=active")["items"]
    return next(
        document
        for document in documents
        if document["owner"] != "FRA"
        and document["status"] == "stolen"
        and document["type"] == "passport"
        and document["number"]
    )


def test_a_hit_is_confirmed_by_the_owner_and_closed_by_the_officer(
    page: Any, server: Server
) -> None:
    passport = _foreign_stolen_passport(server)
    owner = passport["owner"]
    bureau = f"bureau-{owner.lower()}"
    bureau_password = server.add_login(bureau, "bureau", owner)

    # The French officer checks the passport by hand, from the keyboard.
    _log_in(page, "demo-officer", server.logins()["demo-officer"])
    _press(page.get_by_text("Document", exact=True))
    page.get_by_label("Document number").focus()
    page.keyboard.type(passport["number"])
    page.keyboard.press("Tab")
    page.keyboard.type(passport["issuing_country"])
    page.keyboard.press("Enter")
    page.wait_for_selector("#verdict")
    assert "HIT" in page.inner_text("#verdict")
    _log_out(page)

    # The owner's bureau finds the case in its queue, takes it and confirms the hit.
    _log_in(page, bureau, bureau_password)
    _press(page.get_by_role("link", name="Hits"))
    page.wait_for_url(re.compile(r"/hits$"))
    row = page.locator("tr", has=page.get_by_role("link", name=passport["id"])).first
    assert "Potential: not taken yet" in row.inner_text()
    assert "demo-officer (FRA)" in row.inner_text()
    _shot(page, "cases-queue-bureau-1920")
    _press(row.get_by_role("link", name=re.compile(r"^case_")))
    page.wait_for_url(re.compile(r"/hits/case_\w+$"))
    case_id = page.url.rsplit("/", 1)[1]
    assert passport["number"] in page.inner_text(".subject")
    _press(page.get_by_role("button", name="Take it"))
    page.wait_for_url(re.compile(r"moved=confirming"))
    page.get_by_label(re.compile("^Reason")).focus()
    page.keyboard.type("reported stolen, still wanted: seize it")
    page.keyboard.press("Tab")  # to "Confirm the hit"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"moved=confirmed"))
    assert "Confirmed by owner" in page.inner_text("h1")
    _shot(page, "case-confirmed-1920")
    _log_out(page)

    # The officer closes the case with what was done.
    _log_in(page, "demo-officer", server.logins()["demo-officer"])
    page.goto("/hits?side=checked&state=confirmed")
    _press(page.get_by_role("link", name=case_id))
    page.wait_for_url(re.compile(rf"/hits/{case_id}$"))
    assert page.get_by_label("false hit").count() == 0  # no false hit after a confirmation
    _press(page.get_by_label("document seized"), " ")
    page.get_by_label(re.compile("^Reason")).focus()
    page.keyboard.type("passport seized, traveller referred to the border police")
    page.keyboard.press("Tab")  # to "Close the case"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"moved=closed"))
    assert "Closed: document seized" in page.inner_text("h1")
    assert page.locator("table.history tbody tr").count() == 4
    _shot(page, "case-closed-1920")

    case = server.api(f"/v1/cases/{case_id}")
    assert (case["state"], case["outcome"]) == ("closed", "document_seized")
    assert [event["actor"] for event in case["history"]] == [
        "demo-officer",
        bureau,
        bureau,
        "demo-officer",
    ]
