"""Statistics: checks and hits from the operation's audit rows, confirmed hits and outcomes
from its cases, per border point, database, notice type and day."""

from __future__ import annotations

import datetime as dt

from frontline.domain.cases import CaseState, Outcome
from frontline.domain.operations import Operation
from frontline.domain.queries import CheckContext
from frontline.domain.records import RecordKind
from frontline.screening.requests import parse_check_request
from frontline.services import Services
from frontline.store.cases import CaseFilter
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document, person, principal
from tests.operations.conftest import START

OFFICER_1 = principal("officer", "FRA", "officer-1")
BUREAU_FRA = principal("bureau", "FRA", "bureau-fra")
BUREAU_RUS = principal("bureau", "RUS", "bureau-rus")


def _check(services: Services, raw: dict[str, object], point: str, op: Operation) -> None:
    request = parse_check_request(raw, today=services.clock().date())
    services.screening.check(
        principal=OFFICER_1,
        request=request,
        context=CheckContext(operation_id=op.id, border_point=point),
    )


def _answer(
    services: Services, op: Operation, record_id: str, to: CaseState, outcome: Outcome
) -> None:
    found = services.cases.find(principal=ADMIN, where=CaseFilter(operation_id=op.id))
    case = next(case for _rid, case in found if case.record_id == record_id)
    owner = BUREAU_FRA if case.record_owner == "FRA" else BUREAU_RUS
    services.cases.transition(
        principal=owner, case_id=case.id, to=CaseState.CONFIRMING, reason="taken"
    )
    services.cases.transition(principal=owner, case_id=case.id, to=to, reason="answered")
    services.cases.transition(
        principal=OFFICER_1, case_id=case.id, to=CaseState.CLOSED, reason="done", outcome=outcome
    )


def test_counts_per_border_point_database_notice_type_and_day(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    records = services.records
    records.create(principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("P1", id="DOC-1"))
    records.create(principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("P2", id="DOC-2"))
    records.create(
        principal=ADMIN,
        kind=RecordKind.PERSONS,
        raw=person("Анна Петрова", id="PER-1", birth_date="1974-08-12"),
    )
    clock.now = START + dt.timedelta(hours=2)
    _check(services, {"document": {"number": "P1", "country": "FRA"}}, "MNL", operation)
    _check(services, {"document": {"number": "X9", "country": "FRA"}}, "MNL", operation)
    clock.now = START + dt.timedelta(days=1, hours=2)
    _check(services, {"document": {"number": "P2", "country": "FRA"}}, "PHMNL", operation)
    person_check = {"person": {"name": "Anna Petrova", "birth_date": "1974-08-12"}}
    _check(services, person_check, "PHCEB", operation)
    _check(services, {"document": {"number": "X8", "country": "FRA"}}, "PHCEB", operation)
    # a check outside the operation counts nowhere here
    services.screening.check(
        principal=OFFICER_1,
        request=parse_check_request(
            {"document": {"number": "P1", "country": "FRA"}}, today=clock.now.date()
        ),
    )
    _answer(services, operation, "DOC-1", CaseState.CONFIRMED, Outcome.DOCUMENT_SEIZED)
    _answer(services, operation, "DOC-2", CaseState.NOT_CONFIRMED, Outcome.RELEASED)

    stats = services.operations.statistics(principal=ADMIN, operation_id=operation.id).as_dict()

    totals = stats["totals"]
    assert (totals["checks"], totals["hits"], totals["confirmed"]) == (5, 3, 1)
    assert totals["outcomes"] == {"document_seized": 1, "released": 1}
    points = {row["border_point"]: row for row in stats["by_border_point"]}
    assert {code: (row["checks"], row["hits"]) for code, row in points.items()} == {
        "MNL": (2, 1),
        "PHMNL": (1, 1),
        "PHCEB": (2, 1),
    }
    assert points["PHMNL"]["type"] == "sea"
    assert points["MNL"]["confirmed"] == 1
    databases = {row["database"]: (row["hits"], row["confirmed"]) for row in stats["by_database"]}
    assert databases == {"SLTD": (2, 1), "NOMINAL": (1, 0)}
    types = {row["notice_type"]: row["hits"] for row in stats["by_notice_type"]}
    assert types == {"stolen": 2, "red": 1}
    days = {row["day"]: (row["checks"], row["hits"]) for row in stats["by_day"]}
    assert days == {"2026-11-22": (2, 1), "2026-11-23": (3, 2)}
