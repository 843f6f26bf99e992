"""Temporary access: during the operation, and only then, its participants may check the
databases it opened; every other case is a clear refusal."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.domain.operations import Operation
from frontline.domain.queries import CheckContext
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal
from frontline.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from frontline.screening.requests import parse_check_request
from frontline.services import Services
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document, principal
from tests.operations.conftest import START, make_operation

OFFICER_1 = principal("officer", "FRA", "officer-1")
OFFICER_2 = principal("officer", "FRA", "officer-2")
PERSON = {"person": {"name": "Maria Santos", "birth_date": "1980-01-01"}}
DOCUMENT = {"document": {"number": "P1234567", "country": "FRA"}}


def _check(services: Services, who: Principal, raw: dict[str, object], **context: str) -> str:
    request = parse_check_request(raw, today=services.clock().date())
    result = services.screening.check(
        principal=who,
        request=request,
        context=CheckContext(**context),
    )
    return result.verdict.value


@pytest.fixture
def restricted(services: Services) -> None:
    """France normally checks documents only."""
    services.operations.set_standing_access(
        principal=ADMIN, country="FRA", databases=["SLTD", "TDAWN"]
    )


@pytest.mark.usefixtures("restricted")
def test_standing_access_refuses_an_unopened_database_outside_operations(
    services: Services,
) -> None:
    assert _check(services, OFFICER_1, DOCUMENT) == "no_hit"
    with pytest.raises(PermissionDenied, match="NOMINAL"):
        _check(services, OFFICER_1, PERSON)


@pytest.mark.usefixtures("restricted")
def test_a_participant_checks_the_opened_databases_inside_the_window(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START + dt.timedelta(hours=1)
    assert _check(services, OFFICER_1, PERSON, operation_id=operation.id, border_point="MNL")
    # standing access stays: documents too
    assert _check(services, OFFICER_1, DOCUMENT, operation_id=operation.id, border_point="MNL")


@pytest.mark.usefixtures("restricted")
def test_access_is_refused_before_the_start_and_after_the_end(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START - dt.timedelta(minutes=1)
    with pytest.raises(Conflict, match="not open yet"):
        _check(services, OFFICER_1, PERSON, operation_id=operation.id)
    clock.now = operation.ends_at
    with pytest.raises(Conflict, match="ended"):
        _check(services, OFFICER_1, PERSON, operation_id=operation.id)
    # and without the operation, the standing access alone
    with pytest.raises(PermissionDenied):
        _check(services, OFFICER_1, PERSON)


@pytest.mark.usefixtures("restricted")
def test_a_database_the_operation_did_not_open_is_refused(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START + dt.timedelta(hours=1)
    vessel = {"vessel": {"imo": "9074729"}}
    with pytest.raises(PermissionDenied, match="VESSELS"):
        _check(services, OFFICER_1, vessel, operation_id=operation.id, border_point="PHMNL")


def test_a_non_participant_is_refused(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START + dt.timedelta(hours=1)
    with pytest.raises(PermissionDenied, match="officer-2 is not a participant"):
        _check(services, OFFICER_2, DOCUMENT, operation_id=operation.id)
    coordinator_elsewhere = principal("coordinator", "FRA", "coord-fra")
    with pytest.raises(PermissionDenied):
        _check(services, coordinator_elsewhere, DOCUMENT, operation_id=operation.id)
    # the host country's coordinator runs the operation and may check in it
    assert _check(
        services, principal("coordinator", "PHL", "coord-phl"), DOCUMENT, operation_id=operation.id
    )


def test_a_border_point_outside_the_operation_is_refused(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START + dt.timedelta(hours=1)
    with pytest.raises(InvalidInput, match="CDG is not a border point"):
        _check(services, OFFICER_1, DOCUMENT, operation_id=operation.id, border_point="CDG")


def test_an_unknown_operation_is_not_found(services: Services) -> None:
    with pytest.raises(NotFound, match="op_missing"):
        _check(services, OFFICER_1, DOCUMENT, operation_id="op_missing")


def test_a_closed_operation_gives_no_access_and_cannot_change(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START + dt.timedelta(hours=1)
    services.operations.close(principal=ADMIN, operation_id=operation.id)
    with pytest.raises(Conflict, match="closed"):
        _check(services, OFFICER_1, DOCUMENT, operation_id=operation.id)
    with pytest.raises(Conflict):
        services.operations.close(principal=ADMIN, operation_id=operation.id)
    with pytest.raises(Conflict):
        services.operations.set_participants(
            principal=ADMIN, operation_id=operation.id, officers=["officer-2"]
        )


def test_participants_can_be_replaced(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    clock.now = START + dt.timedelta(hours=1)
    updated = services.operations.set_participants(
        principal=ADMIN, operation_id=operation.id, officers=["officer-2"]
    )
    assert updated.officers == ("officer-2",)
    assert updated.devices == ("tablet-7",)
    assert _check(services, OFFICER_2, DOCUMENT, operation_id=operation.id)
    with pytest.raises(PermissionDenied):
        _check(services, OFFICER_1, DOCUMENT, operation_id=operation.id)


def test_checks_are_audited_with_their_operation_and_border_point(
    services: Services, operation: Operation, clock: FrozenClock
) -> None:
    services.records.create(
        principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("P1234567", id="DOC-OP")
    )
    clock.now = START + dt.timedelta(hours=1)
    assert _check(services, OFFICER_1, DOCUMENT, operation_id=operation.id, border_point="MNL")
    entries = services.audit.list(operation_id=operation.id)
    assert [(entry.border_point, entry.record_ids) for entry in entries] == [("MNL", ["DOC-OP"])]


def test_creation_refuses_unknown_officers_and_bad_windows(services: Services) -> None:
    with pytest.raises(InvalidInput, match="no user named ghost"):
        make_operation(services, officers=["ghost"])
    with pytest.raises(InvalidInput, match="after starts_at"):
        make_operation(services, ends_at=START)
    with pytest.raises(InvalidInput, match="not a database"):
        make_operation(services, databases=["SLTD", "INTERPOL"])
    with pytest.raises(PermissionDenied):
        make_operation(services, principal=principal("officer", "PHL", "officer-1"))
    with pytest.raises(PermissionDenied, match="PHL's coordinators"):
        make_operation(services, principal=principal("coordinator", "FRA", "c"))


def test_the_cached_scope_sees_writes_made_through_it(services: Services) -> None:
    services.operations.set_standing_access(principal=ADMIN, country="FRA", databases=["SLTD"])
    with pytest.raises(PermissionDenied):
        _check(services, OFFICER_1, PERSON)
    services.operations.set_standing_access(principal=ADMIN, country="FRA", databases=None)
    assert _check(services, OFFICER_1, PERSON) == "no_hit"
