"""Valid documents and demo MRZs: they read back, verify, and never hit a listed number."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.domain.checks import Verdict
from frontline.domain.records import DocumentStatus, DocumentType, Sex
from frontline.identifiers.docnumbers import fold_confusables
from frontline.identifiers.mrz import parse_mrz
from frontline.synth import DemoDocument, World, generate_world, mrz_for_document, range_contains
from frontline.synth.names import CULTURES, RESERVED_SURNAMES

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(size=5000, seed=21, today=TODAY)


def assert_reads_back(document: DemoDocument) -> None:
    mrz = parse_mrz(document.mrz, today=TODAY)
    assert mrz.valid, (document, mrz.checks)
    assert mrz.warnings == ()
    assert mrz.document_number == document.document_number
    assert mrz.birth_date is not None
    assert mrz.birth_date.isoformat() == document.birth_date.isoformat()
    assert mrz.expiry_date == document.expiry_date
    assert mrz.document_type is document.document_type


def test_clean_traveller_mrzs_are_valid(world: World) -> None:
    assert len(world.clean_travellers) == 50
    for traveller in world.clean_travellers:
        assert traveller.document_type is DocumentType.PASSPORT
        assert traveller.person_id is None
        assert_reads_back(traveller)


def test_linked_document_mrzs_are_valid(world: World) -> None:
    assert world.linked_documents
    assert {d.document_type for d in world.linked_documents} >= {DocumentType.PASSPORT}
    for document in world.linked_documents:
        assert_reads_back(document)


def test_linked_documents_are_those_of_the_persons(world: World) -> None:
    persons = {person.id: person for person in world.persons}
    for document in world.linked_documents:
        assert document.person_id is not None
        person = persons[document.person_id]
        linked = {(d.number, d.issuing_country, d.type) for d in person.documents}
        assert (
            document.document_number,
            document.issuing_country,
            document.document_type,
        ) in linked
        assert document.name == person.name
    assert sum(len(p.documents) for p in world.persons) == len(world.linked_documents)


def test_no_valid_document_is_listed(world: World) -> None:
    listed = {(d.issuing_country, fold_confusables(d.number)) for d in world.documents if d.number}
    batches = [d for d in world.documents if d.status is DocumentStatus.STOLEN_BLANK]
    valid = [*world.linked_documents, *world.clean_travellers]
    numbers = [(d.issuing_country, d.document_number) for d in valid]
    assert len(set(numbers)) == len(numbers)
    for country, number in numbers:
        assert (country, fold_confusables(number)) not in listed
        assert not any(range_contains(b, number) for b in batches if b.issuing_country == country)


def test_clean_travellers_carry_reserved_surnames(world: World) -> None:
    reserved = {
        part.native
        for culture in CULTURES
        for table in (culture.surnames, culture.female_surnames)
        for part in table[-RESERVED_SURNAMES:]
    }
    for traveller in world.clean_travellers:
        assert any(surname in traveller.name for surname in reserved), traveller.name


def test_the_clean_sample_reads_as_valid(world: World) -> None:
    sample = next(s for s in world.sample_mrzs if s.expected_verdict is Verdict.NO_HIT)
    assert parse_mrz(sample.text, today=TODAY).valid


def test_the_stolen_sample_carries_the_listed_number(world: World) -> None:
    sample = next(s for s in world.sample_mrzs if s.label.startswith("stolen"))
    document = next(d for d in world.documents if d.id == sample.record_id)
    assert document.status is DocumentStatus.STOLEN
    mrz = parse_mrz(sample.lines, today=TODAY)
    assert mrz.valid
    assert mrz.document_number == document.number


def test_the_tdawn_sample_carries_a_linked_number(world: World) -> None:
    sample = next(s for s in world.sample_mrzs if s.label.startswith("passport linked"))
    person = next(p for p in world.persons if p.id == sample.record_id)
    mrz = parse_mrz(sample.lines, today=TODAY)
    assert mrz.valid
    assert mrz.document_number in {d.number for d in person.documents}


def test_the_broken_sample_fails_only_its_number_check(world: World) -> None:
    sample = next(s for s in world.sample_mrzs if s.expected_warning == "mrz_check_digit")
    mrz = parse_mrz(sample.lines, today=TODAY)
    assert [check.field for check in mrz.checks if not check.is_valid] == ["document_number"]
    assert [w.code for w in mrz.warnings] == ["mrz_check_digit"]


def test_german_documents_print_d(world: World) -> None:
    german = next(d for d in world.documents if d.issuing_country == "DEU" and d.number)
    lines = mrz_for_document(
        german,
        surname="Mueller",
        given_names="Juergen",
        birth_date=dt.date(1970, 1, 2),
        sex=Sex.MALE,
        expiry=dt.date(2030, 1, 1),
    )
    assert parse_mrz(lines).valid
    assert lines[0][2:5] == "D<<"


def test_a_blank_batch_has_no_mrz(world: World) -> None:
    batch = next(d for d in world.documents if d.number is None)
    with pytest.raises(ValueError, match="blank batch"):
        mrz_for_document(
            batch,
            surname="X",
            given_names="Y",
            birth_date=dt.date(1970, 1, 1),
            sex=Sex.FEMALE,
            expiry=dt.date(2030, 1, 1),
        )


@pytest.mark.parametrize("document_type", list(DocumentType)[:4])
def test_every_listed_document_type_has_an_mrz(world: World, document_type: DocumentType) -> None:
    document = next(d for d in world.documents if d.type is document_type and d.number)
    lines = mrz_for_document(
        document,
        surname="Whitfield",
        given_names="Mary",
        birth_date=dt.date(1980, 5, 6),
        sex=Sex.FEMALE,
        expiry=dt.date(2031, 2, 3),
    )
    mrz = parse_mrz(lines)
    assert mrz.valid
    assert mrz.document_number == document.number
