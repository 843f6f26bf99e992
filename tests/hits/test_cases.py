"""Every hit becomes a case; only allowed moves by the right party; history, audit, deadline
and escalation; every step notifies the right bureau (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError

from frontline.domain.cases import CaseState, Outcome
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal
from frontline.errors import AuditUnavailable, Conflict, InvalidInput, NotFound, PermissionDenied
from frontline.screening.requests import parse_check_request
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store import cases as case_store
from frontline.store.cases import CaseFilter
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document, person, principal

GERMAN_OFFICER = principal("officer", "DEU", "officer-DEU")
GERMAN_BUREAU = principal("bureau", "DEU", "bureau-DEU")
FRENCH_BUREAU = principal("bureau", "FRA", "bureau-FRA")
ITALIAN_BUREAU = principal("bureau", "ITA", "bureau-ITA")


@pytest.fixture
def stolen(services: Services) -> str:
    """A French passport reported stolen, owned by France."""
    services.records.create(
        principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("X1234567", id="DOC-1")
    )
    return "DOC-1"


def _check(services: Services, who: Principal = GERMAN_OFFICER, **raw: object) -> str:
    """Check at a German border; the check's id."""
    query = raw or {"document": {"number": "X1234567", "country": "FRA"}}
    request = parse_check_request(query, today=services.clock().date())
    return services.screening.check(principal=who, request=request).check_id


def _only_case(services: Services) -> str:
    found = services.cases.find(principal=ADMIN, where=CaseFilter())
    assert len(found) == 1
    return found[0][1].id


def test_a_hit_opens_one_potential_case_for_the_owner_and_a_clean_check_none(
    services: Services, stolen: str, clock: FrozenClock
) -> None:
    _check(services, **{"document": {"number": "Y0000000", "country": "FRA"}})
    assert services.cases.find(principal=ADMIN, where=CaseFilter()) == []
    check_id = _check(services)
    case = services.cases.get(principal=FRENCH_BUREAU, case_id=_only_case(services))
    assert (case.state, case.check_id, case.record_id) == (CaseState.POTENTIAL, check_id, stolen)
    assert (case.record_owner, case.checking_country, case.checked_by) == (
        "FRA",
        "DEU",
        "officer-DEU",
    )
    assert (case.database, case.status, case.is_possible) == ("SLTD", "stolen", False)
    assert case.due_at == clock() + dt.timedelta(hours=12)
    assert case.subject == {"document": {"number": "X1234567", "country": "FRA"}}
    assert case.hit["action"].startswith("Seize")
    [opened] = services.outbox.events(receiver="FRA")
    assert (opened.event_type, opened.case_id) == ("case.opened", case.id)
    assert opened.payload["case"]["record_id"] == stolen


def test_the_whole_lifecycle_records_who_when_and_why_and_tells_each_side(
    services: Services, stolen: str, clock: FrozenClock
) -> None:
    _check(services)
    case_id = _only_case(services)
    cases = services.cases
    clock.advance(minutes=5)
    cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="confirming", reason="on it")
    clock.advance(minutes=30)
    cases.transition(
        principal=FRENCH_BUREAU,
        case_id=case_id,
        to=CaseState.CONFIRMED,
        reason="passport stolen in Lyon, theft report 2026/118",
    )
    clock.advance(minutes=10)
    closed = cases.transition(
        principal=GERMAN_OFFICER,
        case_id=case_id,
        to="closed",
        reason="document taken from the traveller",
        outcome=Outcome.DOCUMENT_SEIZED,
    )
    assert (closed.state, closed.outcome, closed.closed_at) == (
        CaseState.CLOSED,
        Outcome.DOCUMENT_SEIZED,
        clock(),
    )
    history = cases.history(principal=GERMAN_OFFICER, case_id=case_id)
    assert [(event.from_state, event.to_state, event.actor) for event in history] == [
        (None, CaseState.POTENTIAL, "officer-DEU"),
        (CaseState.POTENTIAL, CaseState.CONFIRMING, "bureau-FRA"),
        (CaseState.CONFIRMING, CaseState.CONFIRMED, "bureau-FRA"),
        (CaseState.CONFIRMED, CaseState.CLOSED, "officer-DEU"),
    ]
    assert history[2].reason == "passport stolen in Lyon, theft report 2026/118"
    assert history[3].outcome is Outcome.DOCUMENT_SEIZED
    told = [(event.receiver, event.event_type) for event in services.outbox.events()]
    assert told == [
        ("FRA", "case.opened"),
        ("DEU", "case.confirming"),
        ("DEU", "case.confirmed"),
        ("FRA", "case.closed"),
    ]
    audited = [entry.event for entry in services.audit.list(limit=10)]
    assert audited[:3] == ["case_moved"] * 3


def test_only_the_owner_bureau_answers_and_only_the_checking_side_closes(
    services: Services, stolen: str
) -> None:
    _check(services)
    case_id = _only_case(services)
    cases = services.cases
    for outsider in (GERMAN_OFFICER, GERMAN_BUREAU, principal("officer", "FRA", "officer-FRA")):
        with pytest.raises(PermissionDenied, match="only FRA's bureau"):
            cases.transition(principal=outsider, case_id=case_id, to="confirming", reason="x")
    cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="confirming", reason="x")
    cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="not_confirmed", reason="x")
    with pytest.raises(PermissionDenied, match="closed by DEU"):
        cases.transition(
            principal=FRENCH_BUREAU, case_id=case_id, to="closed", reason="x", outcome="released"
        )
    with pytest.raises(NotFound):  # another country does not even learn the case exists
        cases.get(principal=ITALIAN_BUREAU, case_id=case_id)
    with pytest.raises(PermissionDenied):
        cases.get(principal=principal("partner", "DEU", "airline"), case_id=case_id)


@pytest.mark.parametrize(
    ("steps", "to", "outcome"),
    [
        ([], "confirmed", None),  # the owner must be asked first
        ([], "closed", "released"),
        (["confirming"], "closed", "released"),  # no answer yet
        (["confirming", "confirmed", "closed"], "confirmed", None),  # closed is final
        (["confirming", "confirmed"], "not_confirmed", None),
    ],
)
def test_a_move_out_of_order_is_a_conflict(
    services: Services, stolen: str, steps: list[str], to: str, outcome: str | None
) -> None:
    _check(services)
    case_id = _only_case(services)
    for step in steps:
        who = GERMAN_OFFICER if step == "closed" else FRENCH_BUREAU
        extra = {"outcome": "released"} if step == "closed" else {}
        services.cases.transition(principal=who, case_id=case_id, to=step, reason="x", **extra)
    with pytest.raises(Conflict, match="may move to"):
        services.cases.transition(
            principal=ADMIN, case_id=case_id, to=to, reason="x", outcome=outcome
        )


def test_outcomes_must_fit_the_owners_answer_and_a_reason_is_required(
    services: Services, stolen: str
) -> None:
    _check(services)
    case_id = _only_case(services)
    cases = services.cases
    with pytest.raises(InvalidInput, match="reason"):
        cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="confirming", reason="  ")
    with pytest.raises(InvalidInput, match="to: must be one of"):
        cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="approved", reason="x")
    cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="confirming", reason="x")
    cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="not_confirmed", reason="x")
    for wrong in (None, "detained", "document_seized"):  # no grounds: the owner said no
        with pytest.raises(InvalidInput, match="outcome"):
            cases.transition(
                principal=GERMAN_OFFICER, case_id=case_id, to="closed", reason="x", outcome=wrong
            )
    done = cases.transition(
        principal=GERMAN_OFFICER, case_id=case_id, to="closed", reason="x", outcome="false_hit"
    )
    assert done.outcome is Outcome.FALSE_HIT


def test_a_case_unanswered_past_its_deadline_is_escalated_once_to_both_sides(
    services: Services, stolen: str, clock: FrozenClock
) -> None:
    _check(services)
    case_id = _only_case(services)
    clock.advance(hours=11, minutes=59)
    assert services.cases.escalate_overdue() == []
    clock.advance(minutes=1)
    [escalated] = services.cases.escalate_overdue()
    assert (escalated.id, escalated.state, escalated.escalated_at) == (
        case_id,
        CaseState.POTENTIAL,
        clock(),
    )
    clock.advance(hours=1)
    assert services.cases.escalate_overdue() == []  # once
    told = [(event.receiver, event.event_type) for event in services.outbox.events()]
    assert told[1:] == [("FRA", "case.escalated"), ("DEU", "case.escalated")]
    last = services.cases.history(principal=ADMIN, case_id=case_id)[-1]
    assert last.reason == "escalated: no answer from FRA within 12 h"
    # An escalated case is still answered the usual way.
    services.cases.transition(principal=FRENCH_BUREAU, case_id=case_id, to="confirming", reason="x")


def test_deadlines_follow_the_notice_type(settings: Settings, clock: FrozenClock) -> None:
    custom = settings.model_copy(update={"case_deadlines": {"red": 2.0}})
    services = open_services(custom, clock=clock)
    try:
        raw = person("Анна Петрова", owner="RUS", id="PER-1", birth_date="1974-08-12")
        services.records.create(principal=ADMIN, kind=RecordKind.PERSONS, raw=raw)
        _check(services, person={"name": "Anna Petrova", "birth_date": "1974-08-12"})
        [(_, case)] = services.cases.find(principal=ADMIN, where=CaseFilter())
        assert (case.status, case.due_at - case.created_at) == (
            "red",
            dt.timedelta(hours=2),
        )
    finally:
        services.close()


def test_listing_shows_a_country_only_its_own_cases(services: Services, stolen: str) -> None:
    _check(services)
    mine = services.cases.find(principal=FRENCH_BUREAU, where=CaseFilter(owner="FRA"))
    assert len(mine) == 1
    assert services.cases.find(principal=ITALIAN_BUREAU, where=CaseFilter()) == []
    with pytest.raises(PermissionDenied):
        services.cases.find(principal=ITALIAN_BUREAU, where=CaseFilter(owner="FRA"))
    assert (
        services.cases.find(principal=GERMAN_OFFICER, where=CaseFilter(state=CaseState.CLOSED))
        == []
    )


def test_a_check_whose_cases_cannot_be_written_is_not_answered_and_leaves_nothing(
    services: Services, stolen: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(case_store, "enqueue", broken)
    with pytest.raises(AuditUnavailable):
        _check(services)
    assert services.audit.list() == []
    assert services.cases.find(principal=ADMIN, where=CaseFilter()) == []
