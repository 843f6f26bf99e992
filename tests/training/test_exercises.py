"""Exercise templates: every case has ground truth, and the same seed gives the same exercise."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.domain.records import NoticeType
from frontline.domain.training import (
    NOTICE_DECISIONS,
    CaseType,
    Decision,
    TraineeDecision,
    score_lines,
)
from frontline.errors import InvalidInput
from frontline.identifiers.mrz import parse_mrz
from frontline.synth import generate_world
from frontline.training.exercises import DEFAULT_CASES, TEMPLATES, build_exercise

TODAY = dt.date(2026, 11, 21)
WORLD = generate_world(size=1000, seed=5, today=TODAY)


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_template_gives_its_usual_number_of_cases_each_with_a_decision_and_a_reason(
    template: str,
) -> None:
    cases = build_exercise(WORLD, template=template, seed=1)
    assert [case.number for case in cases] == list(range(1, DEFAULT_CASES[template] + 1))
    for case in cases:
        assert case.explanation
        assert case.presented
        assert case.as_dict(with_truth=False).keys() == {"number", "presented"}


def test_the_same_seed_gives_the_same_exercise_and_another_seed_another() -> None:
    first = build_exercise(WORLD, template="border-queue", seed=42, cases=20)
    assert build_exercise(WORLD, template="border-queue", seed=42, cases=20) == first
    assert build_exercise(WORLD, template="border-queue", seed=43, cases=20) != first


def test_a_border_queue_of_twenty_is_mostly_clean_with_a_few_planted_cases() -> None:
    cases = build_exercise(WORLD, template="border-queue", seed=7, cases=20)
    planted = [case for case in cases if case.case_type is not CaseType.CLEAN]
    assert len(planted) == 4
    assert all(case.expected is not Decision.RELEASE for case in planted)
    assert all(case.expected is Decision.RELEASE for case in cases if case not in planted)
    assert all("mrz" in case.presented and "data_page" in case.presented for case in cases)


def test_document_fraud_cases_show_what_gives_them_away() -> None:
    cases = {
        case.case_type: case for case in build_exercise(WORLD, template="document-fraud", seed=3)
    }
    broken = parse_mrz(cases[CaseType.MRZ_CHECK_DIGIT].presented["mrz"], today=TODAY)
    assert [w.code for w in broken.warnings] == ["mrz_check_digit"]
    mismatch = cases[CaseType.DATA_PAGE_MISMATCH].presented
    read = parse_mrz(mismatch["mrz"], today=TODAY)
    assert read.warnings == ()
    assert read.valid
    assert str(read.birth_date) != mismatch["data_page"]["birth_date"]
    series = cases[CaseType.NONEXISTENT_SERIES]
    assert series.presented["data_page"]["document_type"] == "id_card"
    assert series.presented["data_page"]["issuing_country"] in series.explanation
    assert cases[CaseType.STOLEN_BLANK].expected is Decision.SEIZE_DOCUMENT


def test_notice_cases_ask_for_what_each_notice_type_asks() -> None:
    cases = build_exercise(WORLD, template="notices", seed=2, cases=8)
    persons = {person.id: person for person in WORLD.persons}
    kinds = {persons[case.record_id or ""].type for case in cases}
    assert len(kinds) >= 5
    for case in cases:
        assert case.expected is NOTICE_DECISIONS[persons[case.record_id or ""].type]
    assert NOTICE_DECISIONS[NoticeType.RED] is Decision.HOLD_CONTACT_BUREAU
    assert NOTICE_DECISIONS[NoticeType.BLUE] is Decision.REFER_SECOND_LINE


def test_nominal_cases_spell_the_name_otherwise_and_give_a_partial_date() -> None:
    cases = build_exercise(WORLD, template="nominal", seed=4, cases=8)
    persons = {person.id: person for person in WORLD.persons}
    listed = [case for case in cases if case.case_type is CaseType.NOMINAL]
    assert listed
    for case in listed:
        person = persons[case.record_id or ""]
        shown = case.presented["person"]
        assert shown["name"] != person.name
        assert len(shown["birth_date"]) in (4, 7)


def test_an_unknown_template_or_a_bad_size_is_refused() -> None:
    with pytest.raises(InvalidInput, match="unknown template"):
        build_exercise(WORLD, template="karaoke", seed=1)
    with pytest.raises(InvalidInput, match="between 1 and"):
        build_exercise(WORLD, template="border-queue", seed=1, cases=0)


def test_scores_count_right_decisions_per_trainee_and_per_case_type() -> None:
    def made(trainee: str, number: int, kind: CaseType, decided: Decision) -> TraineeDecision:
        expected = Decision.RELEASE if kind is CaseType.CLEAN else Decision.SEIZE_DOCUMENT
        return TraineeDecision(
            trainee=trainee, case_number=number, case_type=kind, decision=decided, expected=expected
        )

    lines = score_lines(
        [
            made("ben", 1, CaseType.CLEAN, Decision.RELEASE),
            made("ben", 2, CaseType.STOLEN_BLANK, Decision.RELEASE),
            made("ana", 1, CaseType.CLEAN, Decision.RELEASE),
            made("ana", 2, CaseType.STOLEN_BLANK, Decision.SEIZE_DOCUMENT),
        ]
    )
    assert [(line.trainee, line.correct, line.decided) for line in lines] == [
        ("ana", 2, 2),
        ("ben", 1, 2),
    ]
    assert lines[1].by_type == {"clean": [1, 1], "stolen_blank": [0, 1]}
    assert lines[1].percent == 50.0


def test_a_small_world_still_gives_a_border_queue_of_what_it_holds() -> None:
    small = generate_world(size=40, seed=1, today=TODAY)
    assert not [d for d in small.documents if d.number is None]  # no stolen blank batch
    cases = build_exercise(small, template="border-queue", seed=1, cases=20)
    assert len(cases) == 20
    assert CaseType.STOLEN_BLANK not in {case.case_type for case in cases}
    assert sum(case.case_type is not CaseType.CLEAN for case in cases) == 4


def test_every_vehicle_case_shows_a_vin_or_a_plate_to_check() -> None:
    # A clean car is shown without its plate; a generated car without a VIN once left a
    # case with nothing to check (a refused check in the space).
    for seed in range(200):
        for case in build_exercise(WORLD, template="vehicles", seed=seed):
            vehicle = case.presented["vehicle"]
            assert vehicle.get("vin") or (vehicle.get("plate") and vehicle.get("plate_country"))
