"""The check page: verdicts in colour and words, hit cards, warnings, bad input, CSRF."""

from __future__ import annotations

import re

import pytest

from frontline.domain.records import RecordKind
from tests.factories import document, firearm, person, vehicle, vessel
from tests.web.conftest import Console

SPECIMEN = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


@pytest.fixture
def world(console: Console) -> Console:
    console.load(RecordKind.DOCUMENTS, document("X1234567", id="DOC-STOLEN", owner="FRA"))
    console.load(
        RecordKind.PERSONS,
        person("Иван Петров", id="PER-RED", birth_date="1974-08-12", aliases=["Ivan Petrov"]),
    )
    console.load(RecordKind.VEHICLES, vehicle(id="VEH-1"))
    console.load(RecordKind.VESSELS, vessel(id="VSL-1"))
    console.load(RecordKind.FIREARMS, firearm(id="FAR-1"))
    return console


def _verdict(page: str) -> str:
    found = re.search(r'class="verdict verdict-(\w+)".*?class="verdict-word">([^<]+)<', page, re.S)
    assert found, "no verdict on the page"
    return f"{found.group(1)}: {found.group(2)}"


def test_the_mrz_box_has_focus_a_label_and_the_reader_script(console: Console) -> None:
    page = console.browser().get("/check").text
    assert re.search(r'<textarea id="mrz" name="mrz"[^>]*autofocus', page)
    assert '<label for="mrz">' in page
    assert '<script src="/static/console.js" defer></script>' in page
    for field in ("document.number", "person.name", "vehicle.vin", "vessel.imo", "firearm.serial"):
        assert f'<label for="{field}">' in page


def test_a_clean_document_is_no_hit_in_colour_and_words(world: Console) -> None:
    response = world.browser().check(document_number="X0000001", document_country="FRA")
    assert response.status_code == 200
    assert _verdict(response.text) == "no_hit: ✓ NO HIT"
    assert "No record found" in response.text


def test_a_stolen_document_shows_a_hit_card_with_what_to_do(world: Console) -> None:
    page = world.browser().check(document_number="X1234567", document_country="FRA").text
    assert _verdict(page) == "hit: ✕ HIT"
    card = page[page.index('class="hit-card') :]
    assert "SLTD" in card
    assert "document not valid" in card
    assert '<span class="badge status">stolen</span>' in card
    assert "<dt>Owner</dt><dd>FRA</dd>" in card
    assert "Seize the document and contact the issuing bureau." in card
    assert 'href="/records/documents/DOC-STOLEN"' in card
    assert "exact after normalisation" in card


def test_a_person_under_a_red_notice_shows_the_notice_in_red_and_in_words(
    world: Console,
) -> None:
    page = world.browser().check(person_name="Ivan Petrov", person_birth_date="1974-08-12").text
    assert _verdict(page).startswith(("hit", "possible_match"))
    assert '<span class="badge notice-red">RED notice</span>' in page
    assert "NOMINAL" in page
    assert "person under notice" in page
    assert "Arrest provisionally" in page
    assert "<dt>Owner</dt><dd>RUS</dd>" in page


@pytest.mark.parametrize(
    ("fields", "database"),
    [
        ({"vehicle_vin": "1M8GDM9AXKP042788"}, "SMV"),
        ({"vessel_imo": "9074729"}, "VESSELS"),
        ({"firearm_serial": "ABC123", "firearm_make": "Glock"}, "FIREARMS"),
    ],
)
def test_vehicles_vessels_and_firearms_are_checked_from_their_forms(
    world: Console, fields: dict[str, str], database: str
) -> None:
    page = world.browser().check(**fields).text
    assert _verdict(page) == "hit: ✕ HIT"
    assert f'<h2 id="hit-1">{database} ' in page


def test_an_mrz_is_read_and_its_warnings_shown(world: Console) -> None:
    page = world.browser().check(mrz="\n".join(SPECIMEN)).text
    assert _verdict(page) == "no_hit: ✓ NO HIT"
    assert "ERIKSSON, ANNA MARIA" in page
    assert "expired" in page  # the ICAO specimen expired in 2012


def test_a_broken_check_digit_is_a_warning_that_names_the_field(world: Console) -> None:
    broken = [SPECIMEN[0], SPECIMEN[1][:9] + "7" + SPECIMEN[1][10:]]
    page = world.browser().check(mrz="\n".join(broken)).text
    assert "mrz check digit" in page
    assert "(document_number)" in page
    assert "<strong>wrong</strong> (reads 7, should be 6)" in page


def test_a_malformed_mrz_marks_the_wrong_character_and_keeps_the_text(console: Console) -> None:
    bad = SPECIMEN[1][:35] + "$" + SPECIMEN[1][36:]
    response = console.browser().check(mrz=f"{SPECIMEN[0]}\n{bad}")
    assert response.status_code == 422
    page = response.text
    assert "Not checked: the MRZ cannot be read" in page
    assert "line 2: &#39;$&#39; at position 36" in page
    assert '<mark title="wrong character at position 36">$</mark>' in page
    assert 'class="mrz-line bad-line"><span class="line-no">2</span>' in page
    assert "ZE18422$B" in page.split("</textarea>")[0]  # still in the box to correct
    assert 'aria-invalid="true"' in page


def test_a_short_mrz_line_is_marked_with_its_length(console: Console) -> None:
    page = console.browser().check(mrz=f"P<UTOERIKSSON<<ANNA\n{SPECIMEN[1]}").text
    assert "line 1: 19 characters" in page
    assert '<span class="len">(19)</span>' in page


def test_a_bad_field_is_named_on_the_page(console: Console) -> None:
    response = console.browser().check(document_number="X1", document_country="NOWHERE")
    assert response.status_code == 422
    assert "<code>document.country</code>" in response.text
    assert "Traceback" not in response.text


def test_an_empty_check_says_what_to_fill(console: Console) -> None:
    response = console.browser().check()
    assert response.status_code == 422
    assert "give at least one of" in response.text


def test_a_check_form_without_its_csrf_token_is_refused(world: Console) -> None:
    browser = world.browser()
    page = browser.client.post("/check", data={"document.number": "X1234567"})
    assert page.status_code == 403
    assert "CSRF" in page.text
    assert "<html" in page.text
    twin = browser.client.post("/check.json", data={"document.number": "X1234567"})
    assert twin.status_code == 403
    assert twin.json() == {
        "error": {
            "code": "forbidden",
            "message": "this form has no valid CSRF token: reload the page and send it again",
            "details": [],
        }
    }
    assert world.services.audit.list() == []  # nothing was checked


def test_a_wrong_csrf_token_is_refused_too(world: Console) -> None:
    browser = world.browser()
    browser.csrf = "forged"
    assert browser.post("/check", {"document.number": "X1234567"}).status_code == 403


def test_the_json_twin_is_the_api_result(world: Console) -> None:
    browser = world.browser()
    browser.get("/check")
    fields = {"document.number": "X1234567", "document.country": "FRA"}
    twin = browser.post("/check.json", fields).json()
    by_accept = browser.post("/check", fields, headers={"Accept": "application/json"}).json()
    for result in (twin, by_accept):
        assert result["verdict"] == "hit"
        assert [hit["record_id"] for hit in result["hits"]] == ["DOC-STOLEN"]
        assert set(result) == {"check_id", "verdict", "hits", "warnings", "data_as_of"}


def test_the_json_twin_takes_a_bearer_token_and_needs_no_csrf(world: Console) -> None:
    token = world.tokens[world.user("officer")]
    response = world.browser(None).client.post(
        "/check.json",
        data={"document.number": "X1234567", "document.country": "FRA"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200
    assert response.json()["verdict"] == "hit"


def test_a_malformed_mrz_in_the_json_twin_is_the_one_error_shape(console: Console) -> None:
    browser = console.browser()
    browser.get("/check")
    response = browser.post("/check.json", {"mrz": "P<UTO\nL898"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"  # as POST /v1/checks answers it
    assert error["details"][0]["field"] == "mrz"


def test_one_check_is_one_audited_round_trip(world: Console) -> None:
    browser = world.browser()
    browser.get("/check")
    response = browser.post("/check", {"document.number": "X1234567", "document.country": "FRA"})
    assert response.status_code == 200
    entries = world.services.audit.list()
    assert len(entries) == 1
    assert entries[0].record_ids == ["DOC-STOLEN"]
    assert entries[0].check_id in response.text


def test_a_partner_may_not_check_from_the_console(console: Console) -> None:
    browser = console.browser(None)
    page = browser.log_in(console.user("partner"))
    assert page.status_code == 403
    assert "the partner role may not check" in page.text
    token = console.tokens["partner-fra"]
    twin = browser.client.post(
        "/check.json", data={"document.number": "X1"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert twin.status_code == 403
    assert twin.json()["error"]["code"] == "forbidden"


def test_a_three_line_id_card_mrz_is_read(console: Console) -> None:
    td1 = [
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ]
    page = console.browser().check(mrz="\r\n".join(td1) + "\r\n").text
    assert _verdict(page) == "no_hit: ✓ NO HIT"
    assert "ERIKSSON, ANNA MARIA · D23145890 · UTO" in page
