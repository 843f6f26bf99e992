"""Document checks: SLTD hits, confusables, ranges, TDAWN, cancellations, expiry."""

from __future__ import annotations

from frontline.domain.checks import Database, Verdict
from tests.factories import blank_range, document, person
from tests.screening.conftest import Add, Check


def test_a_clean_document_has_no_hit(add: Add, check: Check) -> None:
    add("documents", document("X1234567", country="FRA"))
    result = check(document={"number": "X7654321", "country": "FRA"})
    assert result.verdict is Verdict.NO_HIT
    assert result.hits == ()


def test_a_stolen_passport_hits_with_owner_status_and_action(add: Add, check: Check) -> None:
    add("documents", document("X1234567", country="FRA", id="DOC-A", action="Seize it."))
    result = check(document={"number": "x123 4567", "country": "fra"})
    assert result.verdict is Verdict.HIT
    (hit,) = result.hits
    assert (hit.database, hit.record_id, hit.status, hit.owner) == (
        Database.SLTD,
        "DOC-A",
        "stolen",
        "FRA",
    )
    assert hit.action == "Seize it."
    assert hit.score == 1.0
    assert hit.reasons[0].feature == "document_number"
    assert "exact" in hit.reasons[0].detail


def test_the_same_number_from_another_country_does_not_hit(add: Add, check: Check) -> None:
    add("documents", document("X1234567", country="FRA"))
    assert check(document={"number": "X1234567", "country": "DEU"}).verdict is Verdict.NO_HIT


def test_an_ocr_confusable_variant_is_a_possible_match_naming_the_variant(
    add: Add, check: Check
) -> None:
    add("documents", document("AB0123456", country="ITA"))
    result = check(document={"number": "ABO123456", "country": "ITA"})
    assert result.verdict is Verdict.POSSIBLE_MATCH
    (hit,) = result.hits
    assert hit.is_possible
    assert hit.score < 1.0
    assert hit.reasons[0].feature == "document_number_variant"
    assert "O" in hit.reasons[0].detail
    assert "0" in hit.reasons[0].detail


def test_a_number_inside_a_stolen_blank_range_hits(add: Add, check: Check) -> None:
    add("documents", blank_range("X1234500", "X1234999", country="ESP", id="DOC-RANGE"))
    inside = check(document={"number": "X1234777", "country": "ESP"})
    assert inside.verdict is Verdict.HIT
    assert inside.hits[0].record_id == "DOC-RANGE"
    assert inside.hits[0].status == "stolen_blank"
    assert inside.hits[0].reasons[0].feature == "number_range"
    assert check(document={"number": "X1235000", "country": "ESP"}).verdict is Verdict.NO_HIT
    assert check(document={"number": "Y1234777", "country": "ESP"}).verdict is Verdict.NO_HIT
    assert check(document={"number": "X1234777", "country": "PRT"}).verdict is Verdict.NO_HIT


def test_overlapping_ranges_both_hit(add: Add, check: Check) -> None:
    add("documents", blank_range("A100", "A900", country="ESP", id="R1"))
    add("documents", blank_range("A050", "A150", country="ESP", id="R2"))
    add("documents", blank_range("A120", "A130", country="ESP", id="R3"))
    result = check(document={"number": "A140", "country": "ESP"})
    assert sorted(hit.record_id for hit in result.hits) == ["R1", "R2"]


def test_a_valid_document_linked_to_a_notice_is_a_tdawn_hit(add: Add, check: Check) -> None:
    add(
        "persons",
        person(
            "Иван Петров",
            type="red",
            id="PER-1",
            documents=[{"number": "751234567", "issuing_country": "RUS"}],
        ),
    )
    result = check(document={"number": "751234567", "country": "RUS"})
    assert result.verdict is Verdict.HIT
    (hit,) = result.hits
    assert hit.database is Database.TDAWN
    assert hit.record_id == "PER-1"
    assert hit.status == "red"
    assert hit.summary["name"] == "Иван Петров"


def test_a_cancelled_record_stops_hitting_at_once(
    screening_services, add: Add, check: Check
) -> None:  # type: ignore[no-untyped-def]
    from frontline.domain.records import RecordKind
    from tests.factories import ADMIN

    add("documents", document("X1234567", id="DOC-C"))
    assert check(document={"number": "X1234567", "country": "FRA"}).verdict is Verdict.HIT
    screening_services.records.cancel(principal=ADMIN, kind=RecordKind.DOCUMENTS, record_id="DOC-C")
    assert check(document={"number": "X1234567", "country": "FRA"}).verdict is Verdict.NO_HIT


def test_an_expired_record_does_not_hit(add: Add, check: Check, clock) -> None:  # type: ignore[no-untyped-def]
    add("documents", document("X1234567", expires_at="2026-11-22T00:00:00Z"))
    assert check(document={"number": "X1234567", "country": "FRA"}).verdict is Verdict.HIT
    clock.advance(days=2)
    assert check(document={"number": "X1234567", "country": "FRA"}).verdict is Verdict.NO_HIT


def test_a_type_that_differs_from_the_record_is_a_possible_match(add: Add, check: Check) -> None:
    add("documents", document("X1234567", type="id_card"))
    result = check(document={"number": "X1234567", "country": "FRA", "type": "passport"})
    assert result.verdict is Verdict.POSSIBLE_MATCH
    assert any(reason.feature == "document_type" for reason in result.hits[0].reasons)


def test_germany_d_in_an_mrz_matches_a_record_entered_as_deu(add: Add, check: Check) -> None:
    add("documents", document("C01X00T47", country="DEU"))
    assert check(document={"number": "C01X00T47", "country": "D"}).verdict is Verdict.HIT
