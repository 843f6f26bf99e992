"""The case queue (/hits) and the case page (/hits/{id}): who sees which cases, the
filters and pages, the forms each side is offered, every move and every refusal."""

from __future__ import annotations

import html

import httpx
import pytest

from frontline.domain.records import RecordKind
from frontline.store.cases import CaseFilter
from frontline.web.routes import hits as hits_routes
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document
from tests.web.conftest import Browser, Console


@pytest.fixture
def checked(console: Console) -> Console:
    """A Spanish officer hit a French and a German stolen passport; a French officer hit
    the German one."""
    console.load(
        RecordKind.DOCUMENTS,
        document("X1234567", id="DOC-FRA", owner="FRA"),
        document("D7654321", id="DOC-DEU", country="DEU", owner="DEU"),
    )
    spanish = console.browser("officer", "ESP")
    spanish.check(document_number="X1234567", document_country="FRA")
    spanish.check(document_number="D7654321", document_country="DEU")
    spanish.check(document_number="C0000000", document_country="FRA")
    console.browser("officer", "FRA").check(document_number="D7654321", document_country="DEU")
    return console


def case_of(console: Console, record_id: str, checking_country: str = "ESP") -> str:
    found = console.services.cases.find(principal=ADMIN, where=CaseFilter())
    return next(
        case.id
        for _, case in found
        if case.record_id == record_id and case.checking_country == checking_country
    )


def queue(browser: Browser, query: str = "") -> list[tuple[str, str]]:
    items = browser.get(f"/hits.json{query}").json()["items"]
    return [(item["record_id"], item["checking_country"]) for item in items]


def move(browser: Browser, case_id: str, **fields: str) -> httpx.Response:
    browser.get(f"/hits/{case_id}")
    return browser.post(f"/hits/{case_id}/move", fields, follow_redirects=False)


# -- the queue ------------------------------------------------------------------------------


def test_a_bureau_sees_the_cases_on_its_records_and_from_its_checks(checked: Console) -> None:
    browser = checked.browser("bureau", "FRA")
    assert queue(browser) == [("DOC-DEU", "FRA"), ("DOC-FRA", "ESP")]
    assert queue(browser, "?side=owned") == [("DOC-FRA", "ESP")]
    assert queue(browser, "?side=checked") == [("DOC-DEU", "FRA")]


def test_an_officer_sees_the_cases_from_its_countrys_checks(checked: Console) -> None:
    browser = checked.browser("officer", "ESP")
    assert queue(browser) == [("DOC-DEU", "ESP"), ("DOC-FRA", "ESP")]
    assert queue(browser, "?side=owned") == []
    page = browser.get("/hits")
    assert page.status_code == 200
    assert 'href="/hits" aria-current="page"' in page.text


def test_an_admin_sees_every_case(checked: Console) -> None:
    assert len(queue(checked.browser("admin"))) == 3


def test_each_row_names_when_what_who_the_state_and_the_due_time(checked: Console) -> None:
    page = checked.browser("bureau", "FRA").get("/hits?side=owned").text
    case_id = case_of(checked, "DOC-FRA")
    assert f'href="/hits/{case_id}"' in page
    assert 'href="/records/documents/DOC-FRA"' in page
    assert "2026-11-21 10:00" in page  # when
    assert "2026-11-21 22:00" in page  # due: 12 hours later
    assert '<span class="badge status">stolen</span>' in page
    assert "officer-esp (ESP)" in page
    assert '<span class="case-state case-potential">Potential: not taken yet</span>' in page
    assert "overdue" not in page


def test_an_open_case_past_its_deadline_is_marked_overdue_then_escalated(
    checked: Console, clock: FrozenClock
) -> None:
    clock.advance(hours=13)
    browser = checked.browser("bureau", "FRA")
    assert '<span class="mark overdue">overdue</span>' in browser.get("/hits?side=owned").text
    checked.services.cases.escalate_overdue()
    page = browser.get("/hits?side=owned").text
    assert '<span class="mark escalated">escalated 2026-11-21 23:00</span>' in page
    [item] = browser.get("/hits.json?side=owned").json()["items"]
    assert item["is_overdue"] is True
    assert item["escalated_at"].startswith("2026-11-21T23:00")


def test_the_queue_filters_by_state(checked: Console) -> None:
    bureau = checked.browser("bureau", "DEU")
    move(bureau, case_of(checked, "DOC-DEU"), to="confirming", reason="on it")
    assert queue(bureau, "?state=confirming") == [("DOC-DEU", "ESP")]
    assert queue(bureau, "?state=potential") == [("DOC-DEU", "FRA")]
    assert queue(bureau, "?state=closed&side=owned") == []


def test_the_queue_pages_newest_first(checked: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hits_routes, "PAGE", 2)
    browser = checked.browser("admin")
    first = browser.get("/hits.json").json()
    assert [item["record_id"] for item in first["items"]] == ["DOC-DEU", "DOC-DEU"]
    assert f'before={first["next_before"]}">Older cases' in browser.get("/hits").text
    second = browser.get(f"/hits.json?before={first['next_before']}").json()
    assert ([item["record_id"] for item in second["items"]], second["next_before"]) == (
        ["DOC-FRA"],
        None,
    )


@pytest.mark.parametrize(("query", "field"), [("?state=lost", "state"), ("?side=both", "side")])
def test_an_unknown_filter_is_refused(checked: Console, query: str, field: str) -> None:
    response = checked.browser("bureau", "FRA").get(f"/hits.json{query}")
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == field


@pytest.mark.parametrize("role", ["partner", "trainer"])
def test_partners_and_trainers_have_no_case_queue(checked: Console, role: str) -> None:
    browser = checked.browser(None)
    browser.log_in(checked.user(role, "FRA"))
    page = browser.get("/hits")
    assert page.status_code == 403
    assert 'href="/hits"' not in page.text  # the error page keeps the navigation, without it
    assert browser.get("/hits.json").json()["error"]["code"] == "forbidden"


# -- one case -------------------------------------------------------------------------------


def test_the_case_page_shows_the_hit_card_the_subject_and_the_history(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    page = checked.browser("bureau", "FRA").get(f"/hits/{case_id}").text
    assert 'class="hit-card"' in page
    assert 'SLTD <span class="meaning">document not valid</span>' in page
    assert "certain match · score 1.00" in page
    assert "<strong>Action:</strong> Seize" in page
    assert "<dt>document number</dt><dd>X1234567</dd>" in page
    assert "officer-esp (ESP)" in page
    assert "SLTD hit on DOC-FRA" in page  # the history's first row


def test_the_owner_bureau_is_offered_only_to_take_a_new_case(checked: Console) -> None:
    page = checked.browser("bureau", "FRA").get(f"/hits/{case_of(checked, 'DOC-FRA')}").text
    assert 'value="confirming"' in page
    assert "Take it" in page
    assert "Confirm the hit" not in page
    assert "Close the case" not in page


def test_the_checking_officer_waits_while_the_owner_answers(checked: Console) -> None:
    page = checked.browser("officer", "ESP").get(f"/hits/{case_of(checked, 'DOC-FRA')}").text
    assert '<form method="post" action="/hits/' not in page
    assert "Waiting for FRA's bureau to answer." in page


def test_a_country_on_neither_side_does_not_learn_the_case_exists(checked: Console) -> None:
    browser = checked.browser("bureau", "ITA")
    assert browser.get(f"/hits/{case_of(checked, 'DOC-FRA')}").status_code == 404
    assert browser.get("/hits/case-nonesuch").status_code == 404


def test_the_whole_lifecycle_through_the_forms(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    bureau, officer = checked.browser("bureau", "FRA"), checked.browser("officer", "ESP")

    taken = move(bureau, case_id, to="confirming", reason="taken from the case queue")
    assert taken.status_code == 303
    assert taken.headers["location"] == f"/hits/{case_id}?moved=confirming"
    page = bureau.get(taken.headers["location"]).text
    assert "You took the case" in page
    assert "Confirm the hit" in page
    assert "Not confirmed" in page
    assert "Take it" not in page

    answered = move(bureau, case_id, to="confirmed", reason="reported stolen in Lyon")
    assert answered.headers["location"] == f"/hits/{case_id}?moved=confirmed"
    assert '<form method="post" action="/hits/' not in bureau.get(f"/hits/{case_id}").text

    page = officer.get(f"/hits/{case_id}").text
    assert "Close the case" in page
    offered = officer.get(f"/hits/{case_id}.json").json()["moves"]
    assert offered == [
        {
            "to": "closed",
            "outcomes": ["released", "referred", "detained", "document_seized", "vehicle_seized"],
        }
    ]
    closed = move(officer, case_id, to="closed", outcome="document_seized", reason="seized")
    assert closed.headers["location"] == f"/hits/{case_id}?moved=closed"

    case = officer.get(f"/hits/{case_id}.json").json()
    assert (case["state"], case["outcome"], case["moves"]) == ("closed", "document_seized", [])
    assert [(e["from"], e["to"], e["actor"]) for e in case["history"]] == [
        (None, "potential", "officer-esp"),
        ("potential", "confirming", "bureau-fra"),
        ("confirming", "confirmed", "bureau-fra"),
        ("confirmed", "closed", "officer-esp"),
    ]
    page = officer.get(f"/hits/{case_id}").text
    assert '<span class="case-state case-closed">Closed: document seized</span>' in page
    assert "reported stolen in Lyon" in page


def test_a_hit_not_confirmed_may_close_as_a_false_hit(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    bureau = checked.browser("bureau", "FRA")
    move(bureau, case_id, to="confirming", reason="on it")
    move(bureau, case_id, to="not_confirmed", reason="another passport of that number")
    officer = checked.browser("officer", "ESP")
    page = officer.get(f"/hits/{case_id}").text
    assert 'value="false_hit"' in page
    assert 'value="detained"' not in page
    move(officer, case_id, to="closed", outcome="false_hit", reason="released at once")
    assert officer.get(f"/hits/{case_id}.json").json()["outcome"] == "false_hit"


# -- refusals -------------------------------------------------------------------------------


def test_a_move_out_of_order_is_409_on_the_page(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    response = move(checked.browser("bureau", "FRA"), case_id, to="confirmed", reason="yes")
    assert response.status_code == 409
    assert "Not possible now" in response.text
    assert "it may move to confirming" in response.text
    assert "Take it" in response.text  # the case page, with what is possible
    assert response.text.count('id="move-error"') == 1


def test_the_wrong_party_is_403_on_the_page(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    response = move(checked.browser("officer", "ESP"), case_id, to="confirming", reason="me")
    assert response.status_code == 403
    assert "Not allowed" in response.text
    assert "only FRA&#39;s bureau" in response.text
    assert checked.services.cases.get(principal=ADMIN, case_id=case_id).state == "potential"


def test_the_owner_cannot_close_what_another_country_checked(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    bureau = checked.browser("bureau", "FRA")
    move(bureau, case_id, to="confirming", reason="on it")
    move(bureau, case_id, to="confirmed", reason="yes")
    response = move(bureau, case_id, to="closed", outcome="released", reason="done")
    assert response.status_code == 403
    assert "closed by ESP" in response.text


def test_a_move_without_a_reason_is_422_and_keeps_the_form(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    bureau = checked.browser("bureau", "FRA")
    move(bureau, case_id, to="confirming", reason="on it")
    response = move(bureau, case_id, to="confirmed", reason="  ")
    assert response.status_code == 422
    assert "Not saved" in response.text
    assert "<code>reason</code>" in response.text
    assert 'aria-invalid="true"' in response.text


def test_an_outcome_that_does_not_fit_is_422_and_keeps_the_reason(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    bureau = checked.browser("bureau", "FRA")
    move(bureau, case_id, to="confirming", reason="on it")
    move(bureau, case_id, to="confirmed", reason="yes")
    response = move(
        checked.browser("officer", "ESP"), case_id, to="closed", outcome="false_hit", reason="x1"
    )
    assert response.status_code == 422
    assert "<code>outcome</code>" in response.text
    assert ">x1</textarea>" in response.text


def test_a_move_without_the_csrf_token_is_refused(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    bureau = checked.browser("bureau", "FRA")
    bureau.get(f"/hits/{case_id}")
    response = bureau.client.post(
        f"/hits/{case_id}/move", data={"to": "confirming", "reason": "forged"}
    )
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert checked.services.cases.get(principal=ADMIN, case_id=case_id).state == "potential"


# -- JSON twins -----------------------------------------------------------------------------


def test_the_case_twin_holds_the_case_its_history_and_the_moves_offered(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    case = checked.browser("bureau", "FRA").get(f"/hits/{case_id}.json").json()
    assert (case["id"], case["state"], case["record_owner"]) == (case_id, "potential", "FRA")
    assert case["hit"]["database"] == "SLTD"
    assert case["subject"] == {"document": {"number": "X1234567", "country": "FRA"}}
    assert [event["to"] for event in case["history"]] == ["potential"]
    assert case["moves"] == [{"to": "confirming", "outcomes": []}]


def test_a_script_moves_a_case_with_a_bearer_token_and_no_csrf(checked: Console) -> None:
    case_id = case_of(checked, "DOC-FRA")
    client = Browser(checked.app).client
    headers = {"Authorization": f"Bearer {checked.tokens[checked.user('bureau', 'FRA')]}"}
    answer = client.post(
        f"/hits/{case_id}/move.json", data={"to": "confirming", "reason": "on it"}, headers=headers
    )
    assert (answer.status_code, answer.json()["state"]) == (200, "confirming")
    refused = client.post(
        f"/hits/{case_id}/move.json", data={"to": "closed", "reason": "x"}, headers=headers
    )
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "conflict")


def test_a_case_from_a_scanned_mrz_shows_the_lines_as_read(console: Console) -> None:
    specimen = [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ]
    console.load(
        RecordKind.DOCUMENTS, document("L898902C3", id="DOC-UTO", country="UTO", owner="UTO")
    )
    console.browser("officer", "ESP").check(mrz="\n".join(specimen))
    page = console.browser("bureau", "UTO").get(f"/hits/{case_of(console, 'DOC-UTO')}").text
    lines = html.escape("\n".join(specimen))
    assert f'<pre class="mrz-lines">{lines}</pre>' in page
