"""The check page in an operation: the officer picks a border point of a running operation
it takes part in, and every check it sends from the page carries it."""

from __future__ import annotations

import datetime as dt

from frontline.domain.records import RecordKind
from frontline.domain.users import Principal, Role
from tests.factories import document
from tests.web.conftest import Console

COORDINATOR_PHL = Principal(0, "coord", Role.COORDINATOR, "PHL")


def _operation(console: Console, officers: list[str]) -> str:
    starts = console.services.clock() - dt.timedelta(hours=1)
    return console.services.operations.create(
        principal=COORDINATOR_PHL,
        name="Operation Manila",
        host_country="PHL",
        starts_at=starts,
        ends_at=starts + dt.timedelta(days=2),
        border_points=[
            {"code": "MNL", "type": "air", "name": "Manila NAIA"},
            {"code": "PHMNL", "type": "sea", "name": "Port of Manila"},
        ],
        databases=["SLTD"],
        officers=officers,
    ).id


def test_a_participant_checks_at_a_border_point_of_the_operation(console: Console) -> None:
    console.load(RecordKind.DOCUMENTS, document("X1234567", id="DOC-STOLEN", owner="FRA"))
    name = console.user("officer")
    operation_id = _operation(console, [name])
    browser = console.browser("officer")
    page = browser.get("/check")
    assert f'<option value="{operation_id}|MNL">Operation Manila: MNL, Manila NAIA' in page.text
    where = f"{operation_id}|PHMNL"
    chosen = browser.get("/check", params={"where": where})
    assert f'name="where" value="{where}"' in chosen.text
    checked = browser.post(
        "/check",
        {"document.number": "X1234567", "document.country": "FRA", "where": where},
    )
    assert checked.status_code == 200
    assert 'class="verdict verdict-hit"' in checked.text
    entry = console.services.audit.list(limit=1)[0]
    assert (entry.operation_id, entry.border_point) == (operation_id, "PHMNL")
    outside = browser.post(
        "/check",
        {"document.number": "X1234567", "document.country": "FRA", "where": f"{operation_id}|CDG"},
    )
    assert outside.status_code == 422
    assert "CDG is not a border point" in outside.text


def test_an_officer_outside_the_operation_is_not_offered_it(console: Console) -> None:
    _operation(console, [])
    page = console.browser("officer").get("/check")
    assert "Checking at" not in page.text
