"""The second-line pages: specimens and alerts, a check's genuine reference, DNA search."""

from __future__ import annotations

import datetime as dt

from frontline.demo import seed_world
from tests.web.conftest import Console


def test_the_console_shows_specimens_alerts_a_checks_reference_and_searches_dna(
    console: Console,
) -> None:
    seed_world(console.services, size=50, seed=7, today=dt.date(2026, 11, 21))
    browser = console.browser("officer")
    listing = browser.get("/specimens?country=FRA")
    assert "SPC-FRA-PASSPORT-2016" in listing.text
    assert "Counterfeit data pages" in listing.text
    page = browser.get("/specimens/SPC-FRA-PASSPORT-2016")
    assert "laser-engraved" in page.text
    assert "Counterfeit data pages with a printed portrait" in page.text
    twin = browser.get("/specimens/SPC-FRA-PASSPORT-2016.json").json()
    assert twin["series"] == "2016"
    checked = browser.check(document_number="19AB12345", document_country="FRA")
    assert "Genuine document" in checked.text
    assert "/specimens/SPC-FRA-PASSPORT-2016" in checked.text
    dated = browser.check(
        document_number="19AB12345", document_country="FRA", document_issue_date="2004-02-01"
    )
    assert "issued before series" in dated.text
    assert "before series 2006 existed" in dated.text
    browser.get("/dna")
    bad = browser.post("/dna", {"profile": "D3S1358: 15, 16\nXX9: 1", "min_loci": "1"})
    assert bad.status_code == 422
    assert "XX9" in bad.text
    searched = browser.post("/dna", {"profile": "D3S1358: 15, 16\nTH01: 9.3", "min_loci": "2"})
    assert searched.status_code == 200
    assert "NO CANDIDATE" in searched.text
    forged = console.browser("officer").post("/dna", {"profile": "TH01: 6"})
    assert forged.status_code == 403
