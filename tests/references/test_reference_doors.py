"""Specimens and alerts through the API, the CLI and the console; a document check gives
the specimen, its alerts and the consistency warnings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import orjson
from typer.testing import CliRunner

from frontline.cli import app
from frontline.synth.specimens import demo_alerts, demo_specimens
from tests.api.conftest import Api

SPECIMEN: dict[str, Any] = {
    "id": "SPC-FRA-P-2016",
    "country": "FRA",
    "document_type": "passport",
    "series": "2016",
    "valid_from": "2016-01-01",
    "number_format": "[0-9]{2}[A-Z]{2}[0-9]{5}",
    "validity": {"adult_years": 10, "minor_years": 5},
    "security_features": ["Laser-engraved portrait"],
    "images": [{"caption": "Data page", "data": "data:image/png;base64,iVBORw0KGgo="}],
}
ALERT: dict[str, Any] = {
    "id": "ALR-FRA-1",
    "country": "FRA",
    "document_type": "passport",
    "series": ["2016"],
    "issued_on": "2026-10-01",
    "title": "Printed portraits",
    "look_for": "Dots under a loupe",
}


def test_a_bureau_loads_specimens_and_alerts_and_a_check_shows_them(api: Api) -> None:
    bureau = api.headers("bureau", "FRA")
    assert api.client.post("/v1/specimens", json=SPECIMEN, headers=bureau).status_code == 201
    assert api.client.post("/v1/alerts", json=[ALERT], headers=bureau).status_code == 201
    body = {
        "document": {
            "number": "19AB12345",
            "country": "FRA",
            "type": "passport",
            "issue_date": "2015-03-01",
            "expiry_date": "2020-03-01",
        },
        "person": {"name": "Jean Dupont", "birth_date": "1980-05-01"},
    }
    result = api.client.post("/v1/checks", json=body, headers=api.headers()).json()
    [reference] = result["references"]
    assert reference["specimen"]["id"] == "SPC-FRA-P-2016"
    assert reference["specimen"]["images"] == [{"caption": "Data page"}]  # no data in a check
    assert [alert["id"] for alert in reference["alerts"]] == ["ALR-FRA-1"]
    codes = [warning["code"] for warning in result["warnings"]]
    assert codes == ["issued_before_series", "validity_period"]
    shown = api.client.get("/v1/specimens/SPC-FRA-P-2016", headers=api.headers()).json()
    assert shown["images"][0]["data"].startswith("data:image/png")
    assert [alert["id"] for alert in shown["alerts"]] == ["ALR-FRA-1"]
    listed = api.client.get("/v1/specimens?country=fra", headers=api.headers()).json()
    assert [item["id"] for item in listed["items"]] == ["SPC-FRA-P-2016"]
    plain = {"document": {"number": "19AB12345", "country": "DEU"}}
    assert "references" not in api.client.post("/v1/checks", json=plain, headers=bureau).json()


def test_bad_items_refuse_the_whole_load_and_only_the_owner_replaces(api: Api) -> None:
    bureau = api.headers("bureau", "FRA")
    bad = {**SPECIMEN, "id": "SPC-2", "valid_from": "yesterday"}
    refused = api.client.post("/v1/specimens", json=[SPECIMEN, bad], headers=bureau)
    assert refused.status_code == 422
    assert refused.json()["error"]["details"][0] == {
        "field": "valid_from",
        "message": "is not a date YYYY-MM-DD: 'yesterday'",
        "line": 2,
    }
    assert api.client.get("/v1/specimens", headers=bureau).json()["items"] == []
    assert api.client.post("/v1/specimens", json=SPECIMEN, headers=bureau).status_code == 201
    other = api.client.post("/v1/specimens", json=SPECIMEN, headers=api.headers("bureau", "DEU"))
    assert other.status_code == 403
    officer = api.client.post("/v1/alerts", json=ALERT, headers=api.headers())
    assert officer.status_code == 403
    corrupt = api.client.post(
        "/v1/alerts", content=b"[{", headers={**bureau, "content-type": "application/json"}
    )
    assert corrupt.status_code == 422


def test_the_cli_imports_lists_and_shows_and_a_bad_line_exits_2(
    cli: CliRunner, tmp_path: Path
) -> None:
    specimens = tmp_path / "specimens.jsonl"
    specimens.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in demo_specimens()))
    alerts = tmp_path / "alerts.jsonl"
    rows = demo_alerts(dt.date(2026, 11, 21))
    alerts.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    assert cli.invoke(app, ["specimens", "import", str(specimens)]).exit_code == 0
    assert cli.invoke(app, ["alerts", "import", str(alerts)]).exit_code == 0
    listed = cli.invoke(app, ["specimens", "list", "--country", "FRA", "--json"])
    ids = [item["id"] for item in json.loads(listed.stdout)]
    assert ids == ["SPC-FRA-IDCARD-2019", "SPC-FRA-PASSPORT-2006", "SPC-FRA-PASSPORT-2016"]
    shown = cli.invoke(app, ["specimens", "show", "SPC-FRA-PASSPORT-2016", "--json"])
    assert [alert["id"] for alert in json.loads(shown.stdout)["alerts"]] == ["ALR-FRA-001"]
    text = cli.invoke(app, ["alerts", "list", "--country", "DEU"]).stdout
    assert "ALR-DEU-002" in text
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(orjson.dumps(demo_specimens()[0]) + b"\n{not json\n")
    refused = cli.invoke(app, ["specimens", "import", str(broken)])
    assert refused.exit_code == 2
    assert "line 2" in refused.output
    missing = cli.invoke(app, ["specimens", "show", "SPC-NONE"])
    assert missing.exit_code == 2
