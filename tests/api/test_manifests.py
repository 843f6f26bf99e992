"""/v1/manifests: PAXLST, JSON lines and CSV screened traveller by traveller, one audited
event; bad input refused whole; re-screening raises only new hits, before arrival only."""

from __future__ import annotations

from typing import Any

import orjson

from frontline.domain.records import RecordKind
from tests.api.conftest import Api
from tests.conftest import SHARED_DATA
from tests.factories import ADMIN, document, person
from tests.manifests.test_paxlst import interchange, message, traveller

GUIDE = SHARED_DATA / "paxlst" / "WCO_IATA_guide_example_DOE_JOHN_WAYNE.edi"
# Two travellers on XX100 CDG-JFK arriving 2026-12-02 13:00 (the clock stands at 2026-11-21).
FLIGHT = interchange(
    message(
        travellers=traveller("DOE", "JANE", "X1234567") + traveller("ROE", "RICK", "R7"), count=2
    )
)


def _post(api: Api, body: bytes | str, country: str = "FRA", **params: str) -> dict[str, Any]:
    data = body.encode() if isinstance(body, str) else body
    answer = api.client.post(
        "/v1/manifests", content=data, params=params, headers=api.headers("officer", country)
    )
    return {"status": answer.status_code, **answer.json()}


def _stolen(api: Api, number: str, country: str = "FRA", record_id: str = "DOC-1") -> None:
    api.services.records.create(
        principal=ADMIN,
        kind=RecordKind.DOCUMENTS,
        raw=document(number, country=country, id=record_id),
    )


def test_a_paxlst_manifest_gives_each_traveller_with_flight_and_result(api: Api) -> None:
    _stolen(api, "MB140241", country="CAN", record_id="DOC-CAN")
    body = _post(api, GUIDE.read_bytes())
    assert body["status"] == 200
    (line,) = body["results"]
    assert line["traveller"]["family_name"] == "DOE"
    assert line["traveller"]["documents"][0]["number"] == "MB140241"
    assert line["flight"]["flight"] == "UA123"
    assert [leg["flight"] for leg in line["flight"]["legs"]] == ["UA123", "UA124"]
    assert line["verdict"] == "hit"
    assert line["hits"][0]["record_id"] == "DOC-CAN"
    summary = body["summary"]
    assert (summary["travellers"], summary["hits"], summary["possible_matches"]) == (1, 1, 0)
    assert summary["format"] == "paxlst"


def test_a_manifest_is_one_audited_event_with_an_entry_a_traveller(api: Api) -> None:
    body = _post(api, FLIGHT)
    entries = api.services.audit.list(limit=10)
    assert len(entries) == 2
    assert {entry.event for entry in entries} == {"manifest"}
    assert len({entry.at for entry in entries}) == 1  # one write
    assert {entry.query["manifest_id"] for entry in entries} == {body["manifest_id"]}
    assert sorted(entry.query["position"] for entry in entries) == [1, 2]


def test_a_person_under_notice_is_found_on_a_manifest(api: Api) -> None:
    api.services.records.create(
        principal=ADMIN,
        kind=RecordKind.PERSONS,
        raw=person("Jane Doe", id="PER-1", birth_date="1985-03-15", sex="F", owner="FRA"),
    )
    body = _post(api, FLIGHT)
    verdicts = [line["verdict"] for line in body["results"]]
    assert verdicts[0] in ("hit", "possible_match")
    assert verdicts[1] == "no_hit"


def test_json_lines_and_csv_are_manifests_too(api: Api) -> None:
    _stolen(api, "X1234567")
    rows = [
        {"id": "A", "name": "Ann Lee", "document_number": "X1234567", "issuing_country": "FRA"},
        {"id": "B", "document_number": "Q1", "issuing_country": "FRA"},
    ]
    lines = b"\n".join(orjson.dumps(row) for row in rows)
    jsonl = _post(api, lines)
    assert [line["verdict"] for line in jsonl["results"]] == ["hit", "no_hit"]
    assert (jsonl["summary"]["format"], jsonl["results"][0]["flight"]) == ("jsonl", None)
    csv = "id,document_number,issuing_country\nA,X1234567,FRA\nB,Q1,FRA\n"
    assert [line["verdict"] for line in _post(api, csv)["results"]] == ["hit", "no_hit"]


def test_bad_input_is_refused_whole_and_nothing_is_screened(api: Api) -> None:
    bad = [
        FLIGHT[:-40],  # truncated
        "UNA:+.? '" + FLIGHT.replace("+", "*"),  # separators not the declared ones
        FLIGHT.replace("LOC+91+FRA", "LOC+91+ZZZ"),  # a bad issuing country
        interchange(message(travellers="NAD+FL+++'")),  # a traveller with nothing to check
    ]
    for body in bad:
        answer = _post(api, body)
        assert answer["status"] == 422, answer
        assert set(answer["error"]) == {"code", "message", "details"}
    assert api.services.audit.list(limit=10) == []


def test_skip_invalid_screens_the_rest_and_says_what_was_not(api: Api) -> None:
    text = interchange(
        message(travellers=traveller(number="A1") + traveller(number="B2").replace("FRA", "ZZZ"))
    )
    body = _post(api, text, skip_invalid="true")
    assert body["status"] == 200
    first, second = body["results"]
    assert first["verdict"] == "no_hit"
    assert "ZZZ" in str(second["error"]) or second["error"]["code"] == "invalid_input"
    assert (body["summary"]["screened"], body["summary"]["invalid"]) == (1, 1)


def test_warnings_of_the_manifest_come_with_the_summary(api: Api) -> None:
    body = _post(api, interchange(message(count=5)))
    assert [w["code"] for w in body["summary"]["warnings"]] == ["control_count"]


def test_a_rescreen_before_arrival_raises_only_new_hits(api: Api) -> None:
    first = _post(api, FLIGHT)
    assert [line["verdict"] for line in first["results"]] == ["no_hit", "no_hit"]
    manifest_id = first["manifest_id"]
    _stolen(api, "X1234567")  # a new stolen document: Jane's
    path = f"/v1/manifests/{manifest_id}/rescreen"
    again = api.client.post(path, headers=api.headers("officer", "FRA")).json()
    assert [line["verdict"] for line in again["results"]] == ["hit", "no_hit"]
    assert again["summary"]["rescreen"] is True
    once_more = api.client.post(path, headers=api.headers("officer", "FRA")).json()
    assert [line["verdict"] for line in once_more["results"]] == ["no_hit", "no_hit"]
    cases = api.client.get("/v1/cases", headers=api.headers("bureau", "FRA")).json()["items"]
    assert len(cases) == 1
    events = {entry.event for entry in api.services.audit.list(limit=20)}
    assert events == {"manifest", "manifest_rescreen"}
    kept = api.client.get(f"/v1/manifests/{manifest_id}", headers=api.headers()).json()
    assert (kept["travellers"], kept["flight"]["flight"]) == (2, "XX100")
    assert kept["rescreened_at"] is not None


def test_a_rescreen_after_arrival_is_409_and_another_country_sees_nothing(api: Api) -> None:
    arrived = _post(api, GUIDE.read_bytes())["manifest_id"]
    answer = api.client.post(f"/v1/manifests/{arrived}/rescreen", headers=api.headers())
    assert answer.status_code == 409
    assert "only flights not yet arrived" in answer.json()["error"]["message"]
    flight = _post(api, FLIGHT)["manifest_id"]
    other = api.client.post(
        f"/v1/manifests/{flight}/rescreen", headers=api.headers("officer", "ITA")
    )
    assert other.status_code == 404
    rows = _post(api, b'{"document_number": "Q1", "issuing_country": "FRA"}')["manifest_id"]
    assert (
        api.client.post(f"/v1/manifests/{rows}/rescreen", headers=api.headers()).status_code == 409
    )
