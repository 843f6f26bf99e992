"""The person-matching algorithm, declared as data: a versioned name, the name tunables,
the weights of the other features, and the two thresholds.

Every result names the algorithm and version that produced it, so a score stored with a
hit can be reproduced later with the same algorithm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from frontline.domain.dates import PartialDate
from frontline.matching.features import (
    Feature,
    NameWeights,
    PartPair,
    birth_date_agreement,
    name_similarity,
    nationality_agreement,
    sex_agreement,
)
from frontline.matching.names import PreparedName, prepare_name

__all__ = [
    "ALGORITHM",
    "Algorithm",
    "Match",
    "Outcome",
    "Subject",
    "compare_subjects",
    "subject",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Algorithm:
    """What decides a person match, and how."""

    name: str
    version: str
    names: NameWeights
    birth_date_support: float
    """Score added per unit of an agreeing birth date (0 .. 1 exact)."""
    birth_date_conflict: float
    """Score taken per unit of a disagreeing birth date (0 .. -1 a different person): a
    namesake born decades apart is someone else, however alike the names."""
    sex_weight: float
    nationality_weight: float
    hit_threshold: float
    """At or above: a hit (confirm with the owner)."""
    possible_threshold: float
    """At or above, below ``hit_threshold``: a possible match (the officer looks closer)."""
    name_floor: float
    """Names less alike than this are no match, whatever the dates say."""

    @property
    def label(self) -> str:
        return f"{self.name}/{self.version}"


ALGORITHM = Algorithm(
    name="frontline-person",
    version="1.0",
    names=NameWeights(
        skeleton_share=0.4,
        loose_skeleton_share=0.7,
        part_floor=0.55,
        short_skeleton_cap=0.85,
        abjad_vowel_share=0.4,
        loose_vowel_share=0.2,
        unmatched_query=0.6,
        unmatched_record=0.3,
        joined_discount=0.95,
    ),
    birth_date_support=0.08,
    birth_date_conflict=0.35,
    sex_weight=0.08,
    nationality_weight=0.03,
    hit_threshold=0.92,
    possible_threshold=0.85,
    name_floor=0.75,
)


class Outcome:
    HIT = "hit"
    POSSIBLE = "possible_match"
    NO_MATCH = "no_match"


@dataclass(frozen=True, slots=True)
class Subject:
    """A person as the matcher sees one: prepared names, birth date, sex, nationalities."""

    names: tuple[PreparedName, ...]
    birth_date: PartialDate | None = None
    sex: str | None = None
    nationalities: tuple[str, ...] = ()


def subject(
    names: Iterable[str],
    *,
    birth_date: PartialDate | None = None,
    sex: str | None = None,
    nationalities: Iterable[str] = (),
    truncated: bool = False,
) -> Subject:
    """Prepare a subject from its names (the first is the main name)."""
    prepared = tuple(prepare_name(name, truncated=truncated) for name in names if name.strip())
    return Subject(prepared, birth_date, sex, tuple(nationalities))


@dataclass(frozen=True, slots=True)
class Match:
    """How a record compares with a query: score, outcome and the features behind it."""

    score: float
    outcome: str
    name_score: float
    query_name: PreparedName | None
    record_name: PreparedName | None
    pairs: tuple[PartPair, ...]
    features: tuple[Feature, ...] = field(default=())
    algorithm: str = ALGORITHM.label


def compare_subjects(query: Subject, record: Subject, algorithm: Algorithm = ALGORITHM) -> Match:
    """Compare a query with a record on every name pair, then on dates, sex, nationality."""
    best: tuple[float, PreparedName | None, PreparedName | None, tuple[PartPair, ...], str]
    best = (0.0, None, None, (), "empty")
    for one in query.names:
        for other in record.names:
            score, pairs, method = name_similarity(one, other, weights=algorithm.names)
            if score > best[0]:
                best = (score, one, other, pairs, method)
    name_score, query_name, record_name, pairs, _method = best
    features = (
        birth_date_agreement(query.birth_date, record.birth_date),
        sex_agreement(query.sex, record.sex),
        nationality_agreement(query.nationalities, record.nationalities),
    )
    if name_score < algorithm.name_floor:
        return Match(name_score, Outcome.NO_MATCH, name_score, query_name, record_name, pairs)
    birth, sex, nationality = features
    score = (
        name_score
        + (algorithm.birth_date_support if birth.value > 0 else algorithm.birth_date_conflict)
        * birth.value
        + algorithm.sex_weight * min(sex.value, 0.0)
        + algorithm.nationality_weight * nationality.value
    )
    score = max(0.0, min(1.0, score))
    if score >= algorithm.hit_threshold:
        outcome = Outcome.HIT
    elif score >= algorithm.possible_threshold:
        outcome = Outcome.POSSIBLE
    else:
        outcome = Outcome.NO_MATCH
    return Match(
        round(score, 4),
        outcome,
        round(name_score, 4),
        query_name,
        record_name,
        pairs,
        features,
        algorithm.label,
    )
