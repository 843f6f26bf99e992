"""The administrator's audit page, and who may see it (the case queue at /hits: test_case_pages)."""

from __future__ import annotations

import pytest

from frontline.domain.records import RecordKind
from tests.factories import document
from tests.web.conftest import Console


@pytest.fixture
def checked(console: Console) -> Console:
    console.load(
        RecordKind.DOCUMENTS,
        document("X1234567", id="DOC-FRA", owner="FRA"),
        document("D7654321", id="DOC-DEU", country="DEU", owner="DEU"),
    )
    officer = console.browser("officer", "ESP")
    officer.check(document_number="X1234567", document_country="FRA")
    officer.check(document_number="D7654321", document_country="DEU")
    officer.check(document_number="C0000000", document_country="FRA")
    return console


def test_the_audit_page_lists_every_check_for_an_admin(checked: Console) -> None:
    browser = checked.browser("admin")
    page = browser.get("/audit").text
    assert page.count("officer-esp (officer, ESP)") == 3
    assert "DOC-FRA" in page
    items = browser.get("/audit.json?user=officer-esp").json()["items"]
    assert [item["verdict"] for item in items] == ["no_hit", "hit", "hit"]


@pytest.mark.parametrize("role", ["officer", "bureau"])
def test_only_an_admin_reads_the_audit(checked: Console, role: str) -> None:
    browser = checked.browser(role)
    assert browser.get("/audit").status_code == 403
    assert browser.get("/audit.json").json()["error"]["code"] == "forbidden"
    assert 'href="/audit"' not in browser.get("/check").text
