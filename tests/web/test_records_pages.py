"""Records pages: search, read, create (as the bureau's own country), cancel (owner only)."""

from __future__ import annotations

import pytest

from frontline.domain.records import RecordKind, RecordState
from tests.factories import document, person
from tests.web.conftest import Console


@pytest.fixture
def world(console: Console) -> Console:
    console.load(
        RecordKind.DOCUMENTS,
        document("X1234567", id="DOC-FRA", owner="FRA"),
        document("D7654321", id="DOC-DEU", country="DEU", owner="DEU"),
    )
    console.load(RecordKind.PERSONS, person("Анна Петрова", id="PER-1", birth_date="1974-08-12"))
    return console


def test_the_records_page_lists_a_kind_and_filters_by_owner(world: Console) -> None:
    browser = world.browser("officer")
    page = browser.get("/records?kind=documents").text
    assert 'href="/records/documents/DOC-FRA"' in page
    assert 'href="/records/documents/DOC-DEU"' in page
    only_deu = browser.get("/records?kind=documents&owner=DEU&state=").text
    assert "DOC-FRA" not in only_deu
    assert "DOC-DEU" in only_deu


def test_a_search_by_id_finds_the_record_or_says_none(world: Console) -> None:
    browser = world.browser("officer")
    assert 'href="/records/persons/PER-1"' in browser.get("/records?kind=persons&q=PER-1").text
    assert "No record found." in browser.get("/records?kind=persons&q=PER-404").text


def test_a_bad_filter_is_a_clear_error_page(world: Console) -> None:
    browser = world.browser("officer")
    response = browser.get("/records?kind=documents&state=lost")
    assert response.status_code == 422
    assert "must be active or cancelled" in response.text
    assert browser.get("/records?kind=planes").status_code == 422


def test_a_record_page_shows_its_fields(world: Console) -> None:
    page = world.browser("officer").get("/records/persons/PER-1").text
    assert "Анна Петрова" in page
    assert "1974-08-12" in page
    assert "Cancel this record" not in page  # an officer writes nothing


def test_a_missing_record_is_a_404_page(world: Console) -> None:
    response = world.browser("officer").get("/records/documents/NOPE")
    assert response.status_code == 404
    assert "Not found" in response.text


def test_the_owner_bureau_cancels_its_record_and_it_stops_hitting(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    page = browser.get("/records/documents/DOC-FRA").text
    assert "Cancel this record" in page
    response = browser.post("/records/documents/DOC-FRA/cancel", {})
    assert response.status_code == 200
    assert str(response.url).endswith("/records/documents/DOC-FRA?cancelled=1")
    assert "Record cancelled: it no longer hits." in response.text
    assert world.services.store.get(RecordKind.DOCUMENTS, "DOC-FRA").state is RecordState.CANCELLED
    check = browser.check(document_number="X1234567", document_country="FRA").text
    assert "NO HIT" in check


def test_another_bureau_may_not_cancel_a_record(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    page = browser.get("/records/documents/DOC-DEU").text
    assert "Cancel this record" not in page
    assert "Only DEU's bureau can cancel this record." in page
    response = browser.post("/records/documents/DOC-DEU/cancel", {})
    assert response.status_code == 403
    assert "can be changed only by DEU" in response.text
    assert world.services.store.get(RecordKind.DOCUMENTS, "DOC-DEU").state is RecordState.ACTIVE


def test_cancelling_needs_the_csrf_token(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    assert browser.client.post("/records/documents/DOC-FRA/cancel").status_code == 403
    assert world.services.store.get(RecordKind.DOCUMENTS, "DOC-FRA").state is RecordState.ACTIVE


def test_cancelling_twice_is_a_conflict_page(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    browser.get("/records/documents/DOC-FRA")
    browser.post("/records/documents/DOC-FRA/cancel", {})
    again = browser.post("/records/documents/DOC-FRA/cancel", {})
    assert again.status_code == 409
    assert "already cancelled" in again.text


def test_a_bureau_creates_a_record_owned_by_its_country(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    form = browser.get("/records/documents/new").text
    assert '<label for="f-number">' in form
    fields = {
        "id": "DOC-NEW",
        "number": "N1112223",
        "issuing_country": "FRA",
        "type": "passport",
        "status": "lost",
        "owner": "DEU",  # ignored: a bureau writes as its own country
    }
    response = browser.post("/records/documents", fields)
    assert response.status_code == 200
    assert str(response.url).endswith("/records/documents/DOC-NEW?created=1")
    assert world.services.store.get(RecordKind.DOCUMENTS, "DOC-NEW").owner == "FRA"
    assert "HIT" in browser.check(document_number="N1112223", document_country="FRA").text


def test_a_bad_record_form_comes_back_with_each_problem_named(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    browser.get("/records/persons/new")
    response = browser.post("/records/persons", {"id": "PER-BAD", "type": "pink", "name": ""})
    assert response.status_code == 422
    assert "Not saved" in response.text
    assert "<code>type</code>" in response.text
    assert 'value="PER-BAD"' in response.text


def test_an_officer_may_not_create_records(world: Console) -> None:
    browser = world.browser("officer")
    assert browser.get("/records/documents/new").status_code == 403
    browser.get("/records")
    response = browser.post("/records/documents", {"id": "DOC-X", "number": "X1"})
    assert response.status_code == 403


def test_the_json_twins_of_the_records_pages(world: Console) -> None:
    browser = world.browser("bureau", "FRA")
    listing = browser.get("/records.json?kind=documents").json()
    assert [item["id"] for item in listing["items"]] == ["DOC-DEU", "DOC-FRA"]
    record = browser.get("/records/documents/DOC-FRA.json").json()
    assert record["owner"] == "FRA"
    assert record["state"] == "active"
    browser.get("/records/documents/DOC-FRA")
    cancelled = browser.post("/records/documents/DOC-FRA/cancel.json", {})
    assert cancelled.json()["state"] == "cancelled"
    refused = browser.post("/records/documents/DOC-DEU/cancel.json", {})
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    made = browser.post(
        "/records/firearms.json", {"id": "FAR-9", "serial": "S9", "status": "stolen"}
    )
    assert made.status_code == 201
    assert made.json()["owner"] == "FRA"


def test_an_admin_may_create_a_record_for_any_owner(world: Console) -> None:
    browser = world.browser("admin", "FRA")
    assert '<label for="f-owner">' in browser.get("/records/vehicles/new").text
    fields = {"id": "VEH-DEU", "vin": "WVWZZZ1JZXW000001", "status": "stolen", "owner": "DEU"}
    response = browser.post("/records/vehicles", fields)
    assert response.status_code == 200
    assert world.services.store.get(RecordKind.VEHICLES, "VEH-DEU").owner == "DEU"


def test_a_script_creates_a_record_through_the_twin_with_a_bearer_token(world: Console) -> None:
    token = world.tokens[world.user("bureau", "ESP")]
    response = world.browser(None).client.post(
        "/records/documents.json",
        data={
            "id": "DOC-ESP",
            "number": "E1",
            "issuing_country": "ESP",
            "type": "passport",
            "status": "lost",
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201
    assert response.json()["owner"] == "ESP"


def test_the_records_page_links_to_the_bureaus_own_records(world: Console) -> None:
    page = world.browser("bureau", "FRA").get("/records?kind=persons").text
    assert 'href="/records?kind=persons&amp;owner=FRA"' in page
