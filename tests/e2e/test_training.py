"""Training in a real browser: a trainer makes a space and a 20-traveller border queue for a
class, a trainee checks and decides a traveller, the trainer reads the score; the live
audit trail does not move.

Screenshots land in tests/e2e/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.conftest import SCREENSHOTS, Server


def _log_in(page: Any, user: str, password: str, lands: str) -> None:
    page.goto("/login")
    page.wait_for_selector("input:focus")  # typing before the autofocus lands loses keys
    page.get_by_label("User name").fill(user)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(rf"^[^?]*{lands}$"))


def _log_out(page: Any) -> None:
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(re.compile(r"/login$"))


def test_a_trainer_runs_a_border_queue_and_reads_the_score(page: Any, server: Server) -> None:
    password = server.add_login("trainer-e2e", "trainer", "FRA")
    _log_in(page, "trainer-e2e", password, "/training")
    assert "TRAINING" in page.inner_text("#training-banner")
    page.get_by_label(re.compile("^New space name")).fill("e2e-class")
    page.get_by_label("Documents in its synthetic world").fill("400")
    page.get_by_role("button", name="Create space").click()
    page.wait_for_url(re.compile(r"/training/spaces/e2e-class$"), timeout=60_000)
    page.get_by_label(re.compile("^Travellers")).fill("20")
    page.get_by_label(re.compile("^Class")).fill("demo-officer")
    page.get_by_role("button", name="Create exercise").click()
    page.wait_for_url(re.compile(r"/training/exercises/ex_\w+$"))
    exercise = page.url
    _log_out(page)

    _log_in(page, "demo-officer", server.logins()["demo-officer"], "/check")
    live_audit = server.api("/v1/audit")
    page.get_by_role("link", name="Training").click()
    page.get_by_role("link", name=re.compile(r"^ex_")).click()
    page.get_by_role("link", name=re.compile(r"^Traveller 1:")).click()
    page.get_by_role("button", name="Check", exact=True).click()
    page.wait_for_selector("#verdict")
    assert "space e2e-class" in page.inner_text("#verdict")
    page.get_by_role("button", name="Release").click()
    page.wait_for_selector("#outcome")
    page.screenshot(path=str(SCREENSHOTS / "training-case-1920.png"), full_page=True)
    assert server.api("/v1/audit") == live_audit  # the check was audited in the space only
    _log_out(page)

    _log_in(page, "trainer-e2e", password, "/training")
    page.goto(exercise)
    row = page.locator("table.scores tr", has=page.get_by_text("demo-officer")).first
    assert "1 of 20" in row.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "training-scores-1920.png"), full_page=True)
