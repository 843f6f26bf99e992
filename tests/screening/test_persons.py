"""Person screening through the check use case: names across scripts, dates, MRZ, TDAWN.

Every test runs against the memory index and against the naive SQL scan (conftest), on
SQLite and PostgreSQL: both must give the same answers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.domain.checks import Database, Verdict
from frontline.domain.suppressions import document_subject_key
from frontline.errors import InvalidInput
from frontline.identifiers.mrz_build import build_td3
from frontline.screening.requests import parse_check_request
from frontline.services import Services
from tests.factories import ADMIN, person
from tests.screening.conftest import Add, Check


def nominal(result: object) -> list[str]:
    hits = getattr(result, "hits", ())
    return [hit.record_id for hit in hits if hit.database is Database.NOMINAL]


def test_a_cyrillic_notice_is_found_from_a_latin_name(add: Add, check: Check) -> None:
    add("persons", person("Мухаммад Аль-Хашими", id="PER-1", birth_date="1974-08-12", sex="M"))
    result = check(person={"name": "Mohammed Al Hashimi", "birth_date": "1974-08-12"})
    assert nominal(result) == ["PER-1"]
    assert result.verdict is Verdict.HIT
    hit = result.hits[0]
    assert hit.status == "red"
    assert hit.action  # the notice type's standing action when the record gives none
    features = {reason.feature for reason in hit.reasons}
    assert {"name", "birth_date_exact", "notice", "algorithm"} <= features


def test_the_arabic_name_is_found_from_a_latin_query(add: Add, check: Check) -> None:
    add("persons", person("محمد الهاشمي", id="PER-2", birth_date="1974"))
    assert nominal(check(person={"name": "Mohamed Al-Hashimi", "birth_date": "1974-08-12"})) == [
        "PER-2"
    ]


def test_an_innocent_namesake_born_decades_apart_is_not_stopped(add: Add, check: Check) -> None:
    add("persons", person("Maria Garcia", type="yellow", id="PER-3", birth_date="1951-03-04"))
    result = check(person={"name": "Maria Garcia", "birth_date": "1990-06-01"})
    assert result.verdict is Verdict.NO_HIT


def test_the_same_name_without_a_date_is_at_least_a_possible_match(add: Add, check: Check) -> None:
    add("persons", person("Maria Garcia", type="yellow", id="PER-4", birth_date="1951-03-04"))
    assert nominal(check(person={"name": "GARCIA, Maria"})) == ["PER-4"]


def test_day_and_month_swapped_is_said_in_words(add: Add, check: Check) -> None:
    add("persons", person("Ivan Petrov", id="PER-5", birth_date="1974-08-12"))
    result = check(person={"name": "Ivan Petrov", "birth_date": "1974-12-08"})
    details = [reason.detail for hit in result.hits for reason in hit.reasons]
    assert any("day and month swapped" in detail for detail in details)


def test_a_cancelled_notice_no_longer_hits(add: Add, check: Check) -> None:
    add("persons", person("Ivan Petrov", id="PER-6", state="cancelled"))
    assert check(person={"name": "Ivan Petrov"}).verdict is Verdict.NO_HIT


def test_an_mrz_checks_the_document_and_the_name(add: Add, check: Check) -> None:
    add("persons", person("Anna Petrova", id="PER-7", birth_date="1974-08-12", sex="F"))
    lines = build_td3(
        issuing_country="RUS",
        surname="PETROVA",
        given_names="ANNA",
        document_number="X9000001",
        nationality="RUS",
        birth_date=dt.date(1974, 8, 12),
        sex="F",
        expiry_date=dt.date(2030, 12, 31),
    )
    result = check(mrz=list(lines))
    assert nominal(result) == ["PER-7"]


def test_a_tdawn_person_is_not_repeated_as_a_name_hit(add: Add, check: Check) -> None:
    linked = [{"number": "P1234567", "issuing_country": "RUS", "type": "passport"}]
    add("persons", person("Anna Petrova", id="PER-8", documents=linked))
    result = check(
        document={"number": "P1234567", "country": "RUS"}, person={"name": "Anna Petrova"}
    )
    assert [hit.database for hit in result.hits] == [Database.TDAWN]


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"person": {}}, "person.name"),
        ({"person": {"name": "1234"}}, "person.name"),
        ({"person": {"name": "Ivan", "birth_date": "1974-13-01"}}, "person.birth_date"),
        ({"person": {"name": "Ivan", "sex": "Q"}}, "person.sex"),
        ({"person": {"name": "Ivan", "nationality": "ZZZ"}}, "person.nationality"),
        ({"person": {"name": "Ivan", "alias": "x"}}, "person.alias"),
    ],
)
def test_bad_person_queries_name_the_field(raw: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_check_request(raw, today=dt.date(2026, 12, 1))
    assert field in [error.field for error in caught.value.errors]


def test_a_hit_decided_false_is_not_shown_again_to_that_traveller_only(
    add: Add, check: Check, screening_services: Services
) -> None:
    add("persons", person("Ivan Petrov", id="PER-9", birth_date="1974-08-12"))
    traveller = {"name": "Ivan Petrov", "birth_date": "1974-08-12"}
    passport = {"number": "K7000001", "country": "FRA"}
    assert nominal(check(person=traveller, document=passport)) == ["PER-9"]
    decision = screening_services.suppressions.suppress_hit(
        principal=ADMIN,
        subject_key=document_subject_key(country="FRA", number="K7000001"),
        record_kind="persons",
        record_id="PER-9",
        reason="Holder of K7000001 is not the subject: fingerprints differ",
    )
    again = check(person=traveller, document=passport)
    assert nominal(again) == []
    assert [warning.code for warning in again.warnings] == ["hit_suppressed"]
    assert decision.id in again.warnings[0].message
    other = {"number": "K7000002", "country": "FRA"}
    assert nominal(check(person=traveller, document=other)) == ["PER-9"]
    screening_services.suppressions.reverse_suppression(
        principal=ADMIN, suppression_id=decision.id, reason="decided in error"
    )
    assert nominal(check(person=traveller, document=passport)) == ["PER-9"]
