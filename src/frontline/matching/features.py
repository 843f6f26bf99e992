"""Match features: small pure functions, each named after a fact, each with a detail an
officer reads under the hit ("born 1974-08-12 vs 1974-12-08: day and month swapped").

A feature returns a ``Feature`` whose ``value`` the algorithm weighs; the weights and
thresholds live in ``matching.algorithm``, not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import LCSseq, Levenshtein

from frontline.domain.dates import PartialDate
from frontline.matching.names import NamePart, PreparedName
from frontline.matching.nicknames import are_nicknames
from frontline.matching.scripts import Script

__all__ = [
    "Feature",
    "NameWeights",
    "PartPair",
    "birth_date_agreement",
    "name_similarity",
    "nationality_agreement",
    "part_similarity",
    "sex_agreement",
]

LOOSE_SCRIPTS = frozenset({Script.HANGUL, Script.KANA, Script.HAN, Script.THAI})
"""Scripts whose Latin reading adds or changes vowels: weigh consonants more."""


@dataclass(frozen=True, slots=True)
class Feature:
    """One fact about a query and a record: a value in [-1, 1] and what it means in words."""

    name: str
    value: float
    detail: str


@dataclass(frozen=True, slots=True, kw_only=True)
class NameWeights:
    """Tunables of the name comparison (see ``matching.algorithm`` for the values in use)."""

    skeleton_share: float
    """In alphabets with vowels, how much of a part's similarity its skeleton gives."""
    loose_skeleton_share: float
    """The same, where one name came through Hangul, kana, Chinese or Thai."""
    part_floor: float
    """Parts less similar than this do not pair up."""
    short_skeleton_cap: float
    """Most similarity a pair of one- or two-consonant skeletons can give in an abjad."""
    abjad_vowel_share: float
    """How much of an abjad pair's similarity rides on the written vowels agreeing."""
    loose_vowel_share: float
    """The same where a name came through Hangul, kana, Chinese or Thai."""
    unmatched_query: float
    """Weight, against a paired part, of a query part that found no partner."""
    unmatched_record: float
    """Weight of a record part that found no partner (records often hold fuller names)."""
    joined_discount: float
    """Factor on the similarity of the names run together (parts split differently)."""


@dataclass(frozen=True, slots=True)
class PartPair:
    query: NamePart
    record: NamePart
    similarity: float
    how: str


def part_similarity(
    query: NamePart,
    record: NamePart,
    *,
    mode: str,
    weights: NameWeights,
    last_truncated: bool = False,
) -> tuple[float, str]:
    """How alike two name parts are, 0..1, and how they agree ("same", "nickname" ...)."""
    if query.latin == record.latin:
        return 1.0, "same"
    if query.simple == record.simple:
        return 0.97, "spelling"
    if are_nicknames(query.simple, record.simple):
        return 0.9, "nickname"
    if len(query.latin) == 1 or len(record.latin) == 1:
        initial_agrees = query.latin[0] == record.latin[0]
        return (0.75, "initial") if initial_agrees else (0.0, "different")
    if last_truncated and len(query.latin) >= 3 and record.latin.startswith(query.latin):
        return 0.95, "truncated"
    if mode == "abjad":
        return _abjad_similarity(query, record, weights, weights.abjad_vowel_share), "consonants"
    if mode == "loose":
        spelling = Levenshtein.normalized_similarity(query.simple, record.simple)
        sound = _abjad_similarity(query, record, weights, weights.loose_vowel_share)
        return (sound, "sound") if sound > spelling else (spelling, "spelling")
    skeleton = max(
        _skeleton_similarity(first, second)
        for first in query.skeletons
        for second in record.skeletons
    )
    spelling = Levenshtein.normalized_similarity(query.simple, record.simple)
    share = weights.loose_skeleton_share if mode == "loose" else weights.skeleton_share
    blended = (1 - share) * spelling + share * skeleton
    if blended > spelling:
        return blended, "sound"
    return spelling, "spelling"


def _abjad_similarity(
    query: NamePart, record: NamePart, weights: NameWeights, vowel_share: float
) -> float:
    """Parts of which one (or both) lost or changed its vowels: the consonants must agree,
    the shorter the stricter, and the vowels one side wrote must be where the other has
    them. The best of each side's readings counts."""
    return max(
        _consonant_similarity(first, second, first_v, second_v, weights, vowel_share)
        for first, first_v in zip(query.skeletons, query.vowelleds, strict=False)
        for second, second_v in zip(record.skeletons, record.vowelleds, strict=False)
    )


def _consonant_similarity(
    first: str,
    second: str,
    first_vowelled: str,
    second_vowelled: str,
    weights: NameWeights,
    vowel_share: float,
) -> float:
    if not first or not second:
        return 0.0
    longest = max(len(first), len(second))
    distance = Levenshtein.distance(first, second)
    if distance == 0:
        base = 1.0 if longest >= 3 else weights.short_skeleton_cap
    elif longest <= 3:
        return 0.0
    else:
        base = max(0.0, 1.0 - distance / longest)
    shorter, longer = sorted((first_vowelled, second_vowelled), key=len)
    kept = LCSseq.similarity(shorter, longer) / len(shorter) if shorter else 0.0
    return base * (1.0 - vowel_share * (1.0 - kept))


def _skeleton_similarity(first: str, second: str) -> float:
    if not first or not second:
        return 0.0
    return Levenshtein.normalized_similarity(first, second)


def comparison_mode(query: PreparedName, record: PreparedName) -> str:
    """``abjad`` when either name lost its vowels, ``loose`` when either came through a
    syllabic or East Asian script, else ``alphabet``."""
    if query.is_abjad or record.is_abjad:
        return "abjad"
    if query.script in LOOSE_SCRIPTS or record.script in LOOSE_SCRIPTS:
        return "loose"
    return "alphabet"


def name_similarity(
    query: PreparedName, record: PreparedName, *, weights: NameWeights
) -> tuple[float, tuple[PartPair, ...], str]:
    """The similarity of two whole names, 0..1, the parts that paired, and the method.

    Parts pair up in any order (a name's order differs between cultures and documents),
    greedily from the most alike; unpaired parts count against the score, those of the
    record less than those of the query. The names run together are compared too, for
    parts that two scripts split differently.
    """
    if not query.parts or not record.parts:
        return 0.0, (), "empty"
    mode = comparison_mode(query, record)
    pairs = _pair_parts(query, record, mode, weights)
    paired_query = {id(pair.query) for pair in pairs}
    paired_record = {id(pair.record) for pair in pairs}
    matched = sum(_weight(pair.query) * pair.similarity for pair in pairs)
    total = sum(_weight(pair.query) for pair in pairs)
    total += weights.unmatched_query * sum(
        _weight(part) for part in query.parts if id(part) not in paired_query
    )
    total += weights.unmatched_record * sum(
        _weight(part) for part in record.parts if id(part) not in paired_record
    )
    by_parts = matched / total if total else 0.0
    if len(query.parts) == len(record.parts) and len(pairs) == len(query.parts):
        return by_parts, tuple(pairs), "parts"
    joined = _joined_similarity(query, record, mode) * weights.joined_discount
    if joined > by_parts:
        return joined, tuple(pairs), "joined"
    return by_parts, tuple(pairs), "parts"


def _weight(part: NamePart) -> float:
    # Longer parts say more about who someone is; very short ones ("li", "al") say little.
    return float(min(len(part.simple), 8) + 2)


def _pair_parts(
    query: PreparedName, record: PreparedName, mode: str, weights: NameWeights
) -> list[PartPair]:
    last = len(query.parts) - 1
    scored = []
    for index, q_part in enumerate(query.parts):
        truncated = query.truncated and index == last
        for r_index, r_part in enumerate(record.parts):
            similarity, how = part_similarity(
                q_part, r_part, mode=mode, weights=weights, last_truncated=truncated
            )
            if similarity >= weights.part_floor:
                scored.append((similarity, index, r_index, how))
    scored.sort(key=lambda item: -item[0])
    used_query: set[int] = set()
    used_record: set[int] = set()
    pairs = []
    for similarity, index, r_index, how in scored:
        if index in used_query or r_index in used_record:
            continue
        used_query.add(index)
        used_record.add(r_index)
        pairs.append(PartPair(query.parts[index], record.parts[r_index], similarity, how))
    return pairs


def _joined_similarity(query: PreparedName, record: PreparedName, mode: str) -> float:
    if mode == "abjad":
        return _skeleton_similarity(query.joined_skeleton, record.joined_skeleton)
    spelling = Levenshtein.normalized_similarity(query.joined, record.joined)
    if mode == "loose":
        skeleton = _skeleton_similarity(query.joined_skeleton, record.joined_skeleton)
        return max(spelling, 0.3 * spelling + 0.7 * skeleton)
    return spelling


def birth_date_agreement(query: PartialDate | None, record: PartialDate | None) -> Feature:
    """How two birth dates agree: exact, partial, day and month swapped, a year apart."""
    if query is None or record is None:
        return Feature("birth_date_unknown", 0.0, "no birth date to compare")
    shown = f"born {query} vs {record}"
    if query == record:
        if query.is_complete:
            return Feature("birth_date_exact", 1.0, f"born {query} in both")
        return Feature("birth_date_partial", 0.6, f"born {query} in both (partial date)")
    if query.year == record.year:
        if query.month is None or record.month is None:
            return Feature("birth_date_partial", 0.5, f"{shown}: the same year, one partial")
        if query.month == record.month and (query.day is None or record.day is None):
            return Feature("birth_date_partial", 0.7, f"{shown}: the same month, one partial")
        if query.day is not None and (query.month, query.day) == (record.day, record.month):
            return Feature("birth_date_transposed", 0.6, f"{shown}: day and month swapped")
        if query.month == record.month:
            return Feature("birth_date_day_differs", -0.3, f"{shown}: another day")
        return Feature("birth_date_differs", -0.6, f"{shown}: another month")
    if abs(query.year - record.year) == 1 and (query.month, query.day) == (
        record.month,
        record.day,
    ):
        return Feature("birth_year_off_by_one", 0.2, f"{shown}: a year apart, same day")
    if _one_digit_apart(query.year, record.year) and (query.month, query.day) == (
        record.month,
        record.day,
    ):
        return Feature("birth_year_typo", 0.1, f"{shown}: one digit of the year differs")
    return Feature("birth_date_disjoint", -1.0, f"{shown}: a different person")


def _one_digit_apart(first: int, second: int) -> bool:
    a, b = f"{first:04d}", f"{second:04d}"
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def sex_agreement(query: str | None, record: str | None) -> Feature:
    """Whether both sides give the same sex; an unknown sex (U, X, absent) says nothing."""
    if query not in ("M", "F") or record not in ("M", "F"):
        return Feature("sex_unknown", 0.0, "sex not compared")
    if query == record:
        return Feature("sex_same", 1.0, f"sex {query} in both")
    return Feature("sex_differs", -1.0, f"sex {query} vs {record}")


def nationality_agreement(query: tuple[str, ...], record: tuple[str, ...]) -> Feature:
    """Whether a nationality is shared; different ones count little (people change them)."""
    if not query or not record:
        return Feature("nationality_unknown", 0.0, "nationality not compared")
    shared = sorted(set(query) & set(record))
    if shared:
        return Feature("nationality_shared", 1.0, f"nationality {', '.join(shared)} in both")
    return Feature(
        "nationality_differs", -1.0, f"nationality {', '.join(query)} vs {', '.join(record)}"
    )
