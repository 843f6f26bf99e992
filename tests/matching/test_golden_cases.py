"""The golden cases: what a careful officer and the bureau expect of the person matcher.

``cases.yaml`` holds one query, one record and the expected outcome per case (see the
comment at its top). Each case is one test, named by its id; a failure prints the score,
the name parts that paired and the features, so the cause can be read without a debugger.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from frontline.domain.dates import PartialDate
from frontline.matching.algorithm import Match, Outcome, Subject, compare_subjects, subject

CASES_FILE = Path(__file__).with_name("cases.yaml")

EXPECTED = {
    "hit": {Outcome.HIT},
    "possible_match": {Outcome.POSSIBLE},
    "no_match": {Outcome.NO_MATCH},
    "match": {Outcome.HIT, Outcome.POSSIBLE},
}
CASE_KEYS = {"id", "query", "record", "expect", "why"}
OPTIONAL_KEYS = {"known_failure"}
"""A case the matcher still fails says why in ``known_failure``: it runs as a strict xfail,
so the day it passes the test fails until the note is removed."""
QUERY_KEYS = {"name", "birth_date", "sex", "nationality", "truncated"}
RECORD_KEYS = {"name", "aliases", "birth_date", "sex", "nationalities"}


def load_cases(path: Path = CASES_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    assert isinstance(cases, list), f"{path.name} must hold a list of cases"
    return cases


CASES = load_cases()


def born(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(str(value))


def query_subject(query: dict[str, Any]) -> Subject:
    nationality = query.get("nationality")
    return subject(
        [query["name"]],
        birth_date=born(query.get("birth_date")),
        sex=query.get("sex"),
        nationalities=[nationality] if nationality else [],
        truncated=bool(query.get("truncated", False)),
    )


def record_subject(record: dict[str, Any]) -> Subject:
    return subject(
        [record["name"], *record.get("aliases", [])],
        birth_date=born(record.get("birth_date")),
        sex=record.get("sex"),
        nationalities=record.get("nationalities", []),
    )


def explain(case: dict[str, Any], match: Match) -> str:
    """What an engineer needs to see when a case fails."""
    pairs = ", ".join(
        f"{pair.query.latin}~{pair.record.latin} {pair.similarity:.2f} ({pair.how})"
        for pair in match.pairs
    )
    features = "; ".join(
        f"{feature.name} {feature.value:+.2f} ({feature.detail})" for feature in match.features
    )
    query_name = match.query_name.latin if match.query_name else "-"
    record_name = match.record_name.latin if match.record_name else "-"
    return (
        f"\n  case:     {case['id']} ({case['why']})"
        f"\n  query:    {case['query']}"
        f"\n  record:   {case['record']}"
        f"\n  expected: {case['expect']}, got: {match.outcome}"
        f"\n  score:    {match.score} (names {match.name_score}; {match.algorithm})"
        f"\n  names:    {query_name!r} vs {record_name!r}"
        f"\n  pairs:    {pairs or 'none'}"
        f"\n  features: {features or 'none (name below the floor)'}"
    )


def _param(case: dict[str, Any]) -> Any:
    known = case.get("known_failure")
    marks = [pytest.mark.xfail(strict=True, reason=str(known))] if known else []
    return pytest.param(case, id=str(case.get("id")), marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_golden_case(case: dict[str, Any]) -> None:
    match = compare_subjects(query_subject(case["query"]), record_subject(case["record"]))
    assert match.outcome in EXPECTED[case["expect"]], explain(case, match)


def test_case_ids_are_unique() -> None:
    ids = [str(case.get("id")) for case in CASES]
    repeated = sorted({case_id for case_id in ids if ids.count(case_id) > 1})
    assert not repeated


def test_every_case_says_why() -> None:
    silent = [case.get("id") for case in CASES if not str(case.get("why") or "").strip()]
    assert not silent


def test_cases_are_well_formed() -> None:
    problems = []
    for case in CASES:
        case_id = case.get("id")
        if not CASE_KEYS <= set(case) <= CASE_KEYS | OPTIONAL_KEYS:
            problems.append(f"{case_id}: keys {sorted(set(case) ^ CASE_KEYS)}")
            continue
        if case["expect"] not in EXPECTED:
            problems.append(f"{case_id}: expect {case['expect']!r}")
        for side, allowed in (("query", QUERY_KEYS), ("record", RECORD_KEYS)):
            fields = case[side]
            if not isinstance(fields.get("name"), str) or not set(fields) <= allowed:
                problems.append(f"{case_id}: {side} {fields}")
            if fields.get("sex") not in (None, "M", "F"):
                problems.append(f"{case_id}: {side} sex {fields['sex']!r}")
            try:
                born(fields.get("birth_date"))
            except ValueError as error:
                problems.append(f"{case_id}: {side} {error}")
    assert not problems


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 300
