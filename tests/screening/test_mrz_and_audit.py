"""MRZ checks carry the parsed MRZ and its warnings; every check is audited."""

from __future__ import annotations

import pytest

from frontline.domain.checks import Verdict
from frontline.domain.records import RecordKind
from frontline.errors import AuditUnavailable, InvalidInput, PermissionDenied
from frontline.screening.requests import parse_check_request
from frontline.services import Services
from tests.factories import OFFICER, document, principal
from tests.screening.conftest import Add, Check

SPECIMEN = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


def test_an_mrz_check_reads_the_document_and_checks_it(add: Add, check: Check) -> None:
    add("documents", document("L898902C3", country="UTO", id="DOC-UTO"))
    result = check(mrz=SPECIMEN)
    assert result.verdict is Verdict.HIT
    assert result.hits[0].record_id == "DOC-UTO"
    assert result.parsed is not None
    assert result.parsed["surname"] == "ERIKSSON"
    codes = {warning.code for warning in result.warnings}
    assert "document_expired" in codes


def test_a_failed_mrz_check_digit_is_a_warning_not_a_refusal(check: Check) -> None:
    broken = [SPECIMEN[0], SPECIMEN[1][:9] + "7" + SPECIMEN[1][10:]]
    result = check(mrz=broken)
    assert result.verdict is Verdict.NO_HIT
    assert any(
        w.code == "mrz_check_digit" and w.field == "document_number" for w in result.warnings
    )


def test_a_malformed_mrz_is_refused_naming_the_field(check: Check) -> None:
    with pytest.raises(InvalidInput) as raised:
        check(mrz=["P<UTO", "SHORT"])
    assert raised.value.errors[0].field == "mrz"


def test_every_check_is_audited_hit_or_not(
    screening_services: Services, add: Add, check: Check
) -> None:
    add("documents", document("X1234567", id="DOC-1"))
    clean = check(document={"number": "X0000001", "country": "FRA"})
    hit = check(document={"number": "X1234567", "country": "FRA"})
    entries = screening_services.audit.list(limit=10)
    assert [entry.check_id for entry in entries] == [hit.check_id, clean.check_id]
    assert entries[0].record_ids == ["DOC-1"]
    assert entries[0].verdict == "hit"
    assert entries[0].user_name == OFFICER.name
    assert entries[0].query == {"document": {"number": "X1234567", "country": "FRA"}}
    assert entries[1].verdict == "no_hit"


def test_a_check_fails_when_its_audit_cannot_be_written(
    screening_services: Services, clock
) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with screening_services.engine.begin() as connection:
        connection.execute(text("DROP TABLE audit"))
    request = parse_check_request(
        {"document": {"number": "X1", "country": "FRA"}}, today=clock().date()
    )
    with pytest.raises(AuditUnavailable):
        screening_services.screening.check(principal=OFFICER, request=request)


@pytest.mark.parametrize("role", ["partner", "trainer"])
def test_partners_and_trainers_may_not_run_live_checks(
    screening_services: Services, clock, role: str
) -> None:  # type: ignore[no-untyped-def]
    request = parse_check_request(
        {"document": {"number": "X1", "country": "FRA"}}, today=clock().date()
    )
    with pytest.raises(PermissionDenied):
        screening_services.screening.check(principal=principal(role), request=request)


def test_a_batch_is_audited_one_entry_per_check(screening_services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    requests = [
        parse_check_request(
            {"document": {"number": f"X{n}", "country": "FRA"}}, today=clock().date()
        )
        for n in range(5)
    ]
    results = screening_services.screening.check_batch(principal=OFFICER, requests=requests)
    assert len(screening_services.audit.list(limit=100)) == 5
    assert {result.verdict for result in results} == {Verdict.NO_HIT}


def test_records_of_every_kind_can_be_read_back(screening_services: Services, add: Add) -> None:
    add("documents", document("X1234567", id="DOC-RB"))
    record = screening_services.store.get(RecordKind.DOCUMENTS, "DOC-RB")
    assert record.owner == "FRA"
