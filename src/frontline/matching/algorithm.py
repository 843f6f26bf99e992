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
    birth_date_feature,
    birth_date_relation,
    name_similarity,
    nationality_agreement,
    sex_agreement,
    spelling_usualness,
)
from frontline.matching.names import PreparedName, prepare_name
from frontline.matching.scripts import Script, extra_readings

__all__ = [
    "ALGORITHM",
    "Algorithm",
    "Match",
    "Memo",
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
    spelling_weight: float
    """Score per unit of the spelling-usualness log-probability, above ``spelling_par``."""
    spelling_par: float
    """The log-probability per letter of an ordinary romanisation: no score either way."""
    spelling_bounds: tuple[float, float]
    """Least and most the spelling feature adds."""
    hit_threshold: float
    """At or above: a hit (confirm with the owner)."""
    possible_threshold: float
    """At or above, below ``hit_threshold``: a possible match (the officer looks closer)."""
    name_floor: float
    """Names less alike than this are no match, whatever the dates say."""
    names_only_threshold: float
    """``possible_threshold`` when no birth date can be compared: the name is all there is,
    and a possible match asks the officer to look closer, not to stop anyone."""

    @property
    def label(self) -> str:
        return f"{self.name}/{self.version}"


ALGORITHM = Algorithm(
    name="frontline-person",
    version="1.0",
    names=NameWeights(
        skeleton_share=0.2,
        loose_skeleton_share=0.7,
        part_floor=0.55,
        short_skeleton_cap=0.85,
        abjad_vowel_share=0.4,
        loose_vowel_share=0.2,
        unmatched_query=0.3,
        unmatched_record=0.3,
        joined_discount=0.95,
        both_romanised_penalty=0.15,
        gendered_form=0.6,
        short_form=0.8,
        sound_alike=0.93,
        alphabet_floor=0.7,
        single_part_penalty=0.1,
        abjad_trust=0.9,
        spelling_knee=(0.8, 4.0),
        short_knee=0.85,
        one_edit=(0.75, 0.8, 0.85),
        alphabet_spelling_slope=0.25,
        conflicting_parts_penalty=0.1,
        usual_spelling=(0.97, -1.0, 0.2),
        korean_syllable_apart=0.6,
        hangul_spelling_slope=0.12,
        abjad_spelling_slope=0.12,
    ),
    birth_date_support=0.12,
    birth_date_conflict=0.35,
    sex_weight=0.2,
    nationality_weight=0.03,
    spelling_weight=0.05,
    spelling_par=-1.5,
    spelling_bounds=(-0.25, 0.03),
    hit_threshold=0.9,
    possible_threshold=0.88,
    name_floor=0.75,
    names_only_threshold=0.78,
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
    written = [name for name in names if name.strip()]
    # A name its script lets be read two ways (kanji as Japanese or Chinese, Wade-Giles
    # as pinyin) is listed under each reading, as another name of the same person.
    readings = [reading for name in written for reading in extra_readings(name)]
    prepared: dict[tuple[str, ...], PreparedName] = {}
    for name in dict.fromkeys([*written, *readings]):
        one = prepare_name(name, truncated=truncated)
        # "José Luis" and "Jose Luis" read alike: compare each distinct reading once.
        prepared.setdefault(tuple(part.latin for part in one.parts), one)
    return Subject(tuple(prepared.values()), birth_date, sex, tuple(nationalities))


def _name_pairs(
    queries: tuple[PreparedName, ...], records: tuple[PreparedName, ...]
) -> list[tuple[PreparedName, PreparedName]]:
    """The pairs of names to compare: each with the other's, and with the form of a
    hyphenated name run together ("Yong-Kyu" as one given name). Two hyphenated names, or
    one against a Korean name in Hangul, compare only run together: a hyphenated given
    name is one name, its syllables in their order (Hyung-ju is not Ju-hyung, Jong-ok
    not Jong)."""
    pairs: list[tuple[PreparedName, PreparedName]] = []
    for one in queries:
        for other in records:
            if _is_hyphenated(one) and (_is_hyphenated(other) or _is_korean(other)):
                mine = [one.merged]
            else:
                mine = [one, one.merged]
            if _is_hyphenated(other) and (_is_hyphenated(one) or _is_korean(one)):
                theirs = [other.merged]
            else:
                theirs = [other, other.merged]
            pairs.extend((a, b) for a in mine if a for b in theirs if b)
    return pairs


def _is_hyphenated(name: PreparedName) -> bool:
    """A name with a hyphenated part of two names (not a particle: El-Naggar)."""
    merged = name.merged
    return (
        merged is not None
        and name.script is not Script.HANGUL
        and len(merged.parts) < len(name.parts)
    )


def _is_korean(name: PreparedName) -> bool:
    return any(part.korean for part in name.parts)


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


NameKey = tuple[int, str, bool, int]
"""A query name (by identity) and a record name by what determines it: the text, whether
it was cut at the MRZ length, and how many parts it was read into."""


@dataclass(slots=True)
class Memo:
    """What the comparisons of one query share: part similarities, and whole-name results,
    since a long list holds the same name (an alias, a common name) many times over."""

    parts: dict[tuple[int, int], tuple[float, str]] = field(default_factory=dict)
    names: dict[NameKey, tuple[float, tuple[PartPair, ...], str]] = field(default_factory=dict)


def compare_subjects(
    query: Subject,
    record: Subject,
    algorithm: Algorithm = ALGORITHM,
    memo: Memo | None = None,
) -> Match:
    """Compare a query with a record: dates, sex and nationality first (a namesake born
    decades apart is settled without reading a name), then every pair of their names.

    ``memo`` carries what one query's comparisons share (only within one algorithm).
    """
    born, born_value = birth_date_relation(query.birth_date, record.birth_date)
    possible = (
        algorithm.names_only_threshold
        if born == "birth_date_unknown"
        else algorithm.possible_threshold
    )
    # Settled by the date alone (a namesake born decades apart), even with the same
    # nationality and the best spelling: the commonest comparison, so it builds no words.
    hopeful = _others_score(algorithm, born_value, 0.0, 1.0)
    if 1.0 + algorithm.spelling_bounds[1] + hopeful < possible:
        return Match(0.0, Outcome.NO_MATCH, 0.0, None, None, ())
    birth = birth_date_feature(born, born_value, query.birth_date, record.birth_date)
    sex = sex_agreement(query.sex, record.sex)
    nationality = nationality_agreement(query.nationalities, record.nationalities)
    others = _others_score(algorithm, birth.value, sex.value, nationality.value)
    if 1.0 + algorithm.spelling_bounds[1] + others < possible:
        return Match(0.0, Outcome.NO_MATCH, 0.0, None, None, (), (birth, sex, nationality))
    best: tuple[float, PreparedName | None, PreparedName | None, tuple[PartPair, ...], str]
    best = (0.0, None, None, (), "empty")
    memo = memo if memo is not None else Memo()
    for one, other in _name_pairs(query.names, record.names):
        key = (id(one), other.original, other.truncated, len(other.parts))
        found = memo.names.get(key)
        if found is None:
            found = name_similarity(one, other, weights=algorithm.names, memo=memo.parts)
            memo.names[key] = found
        score, pairs, method = found
        if score > best[0]:
            best = (score, one, other, pairs, method)
    name_score, query_name, record_name, pairs, _method = best
    if name_score < min(algorithm.name_floor, possible):
        return Match(name_score, Outcome.NO_MATCH, name_score, query_name, record_name, pairs)
    spelling = spelling_usualness(pairs)
    features = (birth, sex, nationality, spelling)
    low, high = algorithm.spelling_bounds
    spelling_score = 0.0
    if spelling.name == "spelling_usualness":
        adjust = algorithm.spelling_weight * (spelling.value - algorithm.spelling_par)
        spelling_score = max(low, min(high, adjust))
    score = max(0.0, min(1.0, name_score + spelling_score + others))
    if score >= algorithm.hit_threshold:
        outcome = Outcome.HIT
    elif score >= possible:
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


def _others_score(algorithm: Algorithm, birth: float, sex: float, nationality: float) -> float:
    """What birth date, sex and nationality (their feature values) add to (or take from)
    the name score."""
    birth_weight = algorithm.birth_date_support if birth > 0 else algorithm.birth_date_conflict
    return (
        birth_weight * birth
        + algorithm.sex_weight * min(sex, 0.0)
        + algorithm.nationality_weight * nationality
    )
