"""/operations: the list, one operation with its charts and figures, its report."""

from __future__ import annotations

import datetime as dt

from frontline.domain.users import Principal, Role
from frontline.services import Services
from tests.web.conftest import Console

COORDINATOR_PHL = Principal(0, "coord", Role.COORDINATOR, "PHL")


def _operation(services: Services) -> str:
    starts = services.clock() - dt.timedelta(days=1)
    operation = services.operations.create(
        principal=COORDINATOR_PHL,
        name="Operation Manila",
        host_country="PHL",
        starts_at=starts,
        ends_at=starts + dt.timedelta(days=3),
        border_points=[{"code": "MNL", "type": "air", "name": "Manila NAIA"}],
        databases=["SLTD"],
    )
    return operation.id


def test_an_officer_sees_the_operation_but_not_its_results(console: Console) -> None:
    operation_id = _operation(console.services)
    browser = console.browser("officer")
    listing = browser.get("/operations")
    assert listing.status_code == 200
    assert f'href="/operations/{operation_id}"' in listing.text
    assert ">running<" in listing.text
    page = browser.get(f"/operations/{operation_id}")
    assert "Manila NAIA" in page.text
    assert "Results so far" not in page.text
    assert browser.get(f"/operations/{operation_id}.json").json()["statistics"] is None
    assert browser.get(f"/operations/{operation_id}/report").status_code == 403


def test_an_admin_sees_the_charts_as_images_and_gets_the_report(console: Console) -> None:
    operation_id = _operation(console.services)
    browser = console.browser("admin")
    page = browser.get(f"/operations/{operation_id}")
    assert page.status_code == 200
    assert page.text.count('src="data:image/svg+xml;base64,') == 3  # no inline styles (CSP)
    assert "Results so far" in page.text
    twin = browser.get(f"/operations/{operation_id}", headers={"Accept": "application/json"})
    assert twin.json()["statistics"]["totals"]["checks"] == 0
    pdf = browser.get(f"/operations/{operation_id}/report?format=pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert browser.get("/operations/op_nothing").status_code == 404
    assert browser.get(f"/operations/{operation_id}/report?format=doc").status_code == 422
