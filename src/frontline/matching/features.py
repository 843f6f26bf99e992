"""Match features: small pure functions, each named after a fact, each with a detail an
officer reads under the hit ("born 1974-08-12 vs 1974-12-08: day and month swapped").

A feature returns a ``Feature`` whose ``value`` the algorithm weighs; the weights and
thresholds live in ``matching.algorithm``, not here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, LCSseq, Levenshtein

from frontline.domain.dates import PartialDate
from frontline.matching.chinese import is_chinese_reading
from frontline.matching.hangul import (
    FAMILY_SPELLINGS,
    family_names_spelt,
    is_hangul,
    unspelt_syllables,
)
from frontline.matching.names import HEBREW_NAMES, TITLE_SURNAMES, NamePart, PreparedName
from frontline.matching.nicknames import are_nicknames
from frontline.matching.phonetic import simplify
from frontline.matching.scripts import Script
from frontline.matching.transliteration import spelling_likelihood

__all__ = [
    "Feature",
    "NameWeights",
    "PartPair",
    "birth_date_agreement",
    "birth_date_feature",
    "birth_date_relation",
    "name_similarity",
    "nationality_agreement",
    "part_similarity",
    "sex_agreement",
    "spelling_usualness",
]

LOOSE_SCRIPTS = frozenset({Script.THAI})
"""Scripts whose Latin reading adds or changes vowels: weigh consonants more. (Hangul has
a learned table; pinyin and romaji readings of Chinese and Japanese keep their vowels.)"""


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
    usual_spelling: tuple[float, float, float]
    """(most similarity, log-probability per letter that earns it, loss per unit below):
    how a learned romanisation's usualness becomes a part similarity."""
    conflicting_parts_penalty: float
    """Taken when each name has a part the other lacks ("Yoon Ji-seong", "Kim Ji-seong")."""
    one_edit: tuple[float, float, float]
    """Similarity of one edit (a typo) in a part of up to 4, of 5, of 6 or more letters."""
    short_knee: float
    """The knee for names of five letters or fewer."""
    spelling_knee: tuple[float, float]
    """(similarity, slope): below the knee, a spelling similarity between two alphabets
    falls ``slope`` times as fast (``_sharpened``)."""
    abjad_trust: float
    """Factor on the consonant similarity of an abjad part, taken when it beats the
    learned table's (for names the table saw few of)."""
    single_part_penalty: float
    """Taken when both names are one word (a mononym matches many people)."""
    alphabet_floor: float
    """``part_floor`` between two names in letters, where spellings are sharper."""
    sound_alike: float
    """Similarity of two parts whose consonants and vowel classes agree."""
    short_form: float
    """Similarity of a name and its front ("Javi", "Javier")."""
    gendered_form: float
    """Similarity of a masculine and a feminine form of one name (Daniel, Daniela)."""
    alphabet_spelling_slope: float
    """The slope of ``usual_spelling`` for Cyrillic, which writes its vowels."""
    both_romanised_penalty: float
    """Taken from the similarity of two names read from two different non-Latin scripts."""
    hangul_spelling_slope: float
    """The slope of ``usual_spelling`` for Hangul."""
    abjad_spelling_slope: float
    """The slope of ``usual_spelling`` for Hebrew and Arabic."""
    korean_syllable_apart: float
    """Most similarity of a Korean given name in Hangul and a Latin spelling that does not
    spell one of its syllables in a usual way (``hangul``); halved for two."""


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
    """How alike two name parts are, 0..1, and how they agree ("same", "nickname" ...).

    Each part may have several readings (a native word's learned romanisations, the other
    reading of a j or a ch); the best-agreeing pair of readings counts.
    """
    if query.latin == record.latin:
        return 1.0, "same"
    korean = _korean_spelling(query, record, weights)
    if korean is not None and korean[1] != _SYLLABLE_APART:
        return korean
    similarity, how = _part_similarity(
        query, record, mode=mode, weights=weights, last_truncated=last_truncated
    )
    if korean is not None and similarity > korean[0]:
        return korean
    return similarity, how


_SYLLABLE_APART = "a syllable apart"
CHINESE_READING = 0.95
"""Similarity of a Chinese name in Hangul and its pinyin, read character by character
(``chinese``): each Korean reading stands for several Mandarin syllables."""


def _korean_spelling(
    query: NamePart, record: NamePart, weights: NameWeights
) -> tuple[float, str] | None:
    """A Korean name in Hangul against a Latin spelling, syllable by syllable (``hangul``):
    a usual spelling of each syllable, or of the family name, is the name ("Jung" is 정,
    "Kee-hee" 기희); the usual spelling of another family name is another family ("Cho" is
    조, not 최); a given name that some syllable's spelling misses is at most
    ``weights.korean_syllable_apart`` (동현 is not "Dong-yun"). None: nothing to say."""
    native, latin = (query, record) if query.native else (record, query)
    if not native.native:
        families, others = family_names_spelt(query.latin), family_names_spelt(record.latin)
        if families and others and not families & others:
            return 0.0, "another family name"  # Cho and Choi, both spellings of families
        return None
    if native.native_script != "hangul" or not is_hangul(native.native):
        return None
    if latin.native:  # both in Hangul: what was written, not two guesses at its sound
        if latin.native_script != "hangul":
            return None
        return _native_similarity(query.native, record.native) ** 2, "written"
    if native.korean == "family":
        spellings = FAMILY_SPELLINGS.get(native.native, ())
        if latin.latin in spellings:
            return 0.97, "romanised"
        if is_chinese_reading(native.native, latin.latin):
            return CHINESE_READING, "Chinese reading"
        if family_names_spelt(latin.latin):
            return 0.0, "another family name"
        return None
    missed = unspelt_syllables(native.native, latin.latin)
    if missed == 0:
        return 0.97, "romanised"
    if is_chinese_reading(native.native, latin.latin):
        return CHINESE_READING, "Chinese reading"
    if native.korean == "given":
        return weights.korean_syllable_apart / missed, _SYLLABLE_APART
    return None


def _part_similarity(
    query: NamePart,
    record: NamePart,
    *,
    mode: str,
    weights: NameWeights,
    last_truncated: bool,
) -> tuple[float, str]:
    if query.simple == record.simple:
        return 0.97, "spelling"
    if last_truncated and len(query.latin) >= 2 and record.latin.startswith(query.latin):
        return 0.95, "truncated"  # before gendered forms: "Valenti" is Valentina cut short
    if are_nicknames(query.simple, record.simple):
        return 0.9, "nickname"
    if _readings_are_nicknames(query, record):
        return 0.9, "nickname of a reading"  # still a spelling of the native word to check
    if not query.native and not record.native and _gendered_forms(query.latin, record.latin):
        return weights.gendered_form, "gendered form"
    if (
        not query.native
        and not record.native
        and not (query.piece or record.piece)
        and _short_form(query.simple, record.simple)
    ):
        return weights.short_form, "short form"
    if (query.unglued and query.unglued == record.simple) or (
        record.unglued and record.unglued == query.simple
    ):
        return 0.92, "particle joined"
    if _is_initial(query) or _is_initial(record):
        initials = {form[0][:1] for form in query.forms}
        agrees = any(form[0][:1] in initials for form in record.forms)
        return (0.75, "initial") if agrees else (0.0, "different")
    if not query.native and not record.native and _skeletons_apart(query, record):
        return 0.0, "different"  # nothing alike in any reading: spare the comparisons
    if query.native and query.native_script == record.native_script:
        # Both written in one script: compare what was written, not two guesses at it.
        return _native_similarity(query.native, record.native) ** 2, "written"
    if _is_known_spelling(query, record) or _is_known_spelling(record, query):
        return 0.97, "usual spelling"
    learned = _learned_similarity(query, record, weights)
    if learned is not None and not _both_alphabets(query, record):
        if mode == "abjad" and not _final_i_unwritten(query, record):
            # The table knows foreign names best; consonants know Arabic ones.
            consonants = _consonant_similarity(
                query.skeleton,
                record.skeleton,
                query.vowelled,
                record.vowelled,
                weights,
                weights.abjad_vowel_share,
            )
            if weights.abjad_trust * consonants > learned:
                return weights.abjad_trust * consonants, "consonants"
        return learned, "usual spelling"
    best, how = (learned, "usual spelling") if learned is not None else (0.0, "different")
    if mode != "abjad" and _sound_alike(query, record):
        best, how = weights.sound_alike, "sound alike"
    share = weights.loose_skeleton_share if mode == "loose" else weights.skeleton_share
    if mode == "alphabet" and _is_written_typo(query, record):
        # A slip in the written spelling, which the lenient one can hide ("Giueppe" reads
        # "giupe", Giuseppe "giusepe"; "Garcla" "garkla", García "garsia").
        best, how = max((best, how), (_one_edit(len(record.latin), weights), "spelling"))
    for q_simple, q_skeleton, q_vowelled in query.forms:
        for r_simple, r_skeleton, r_vowelled in record.forms:
            length = max(len(q_simple), len(r_simple))
            distance = OSA.distance(q_simple, r_simple)
            raw = 1.0 - distance / length if length else 1.0
            spelling = _sharpened(raw, weights, length) if mode == "alphabet" else raw
            if (
                mode == "alphabet"
                and distance == 1
                and q_simple == query.simple
                and r_simple == record.simple
                and _is_typo(q_simple, r_simple)
            ):
                spelling = max(spelling, _one_edit(length, weights))
            if spelling > best:
                best, how = spelling, "spelling"
            if mode == "alphabet":
                skeleton = _skeleton_similarity(q_skeleton, r_skeleton)
                sound = _sharpened((1 - share) * raw + share * skeleton, weights, length)
            else:
                vowel_share = (
                    weights.abjad_vowel_share if mode == "abjad" else weights.loose_vowel_share
                )
                sound = _consonant_similarity(
                    q_skeleton, r_skeleton, q_vowelled, r_vowelled, weights, vowel_share
                )
            if sound > best:
                best, how = sound, ("consonants" if mode == "abjad" else "sound")
    return best, how


def _is_known_spelling(native: NamePart, latin: NamePart) -> bool:
    """The usual spelling of one of the commonest Hebrew names (כהן Cohen, לוי Levi)."""
    known = HEBREW_NAMES.get(native.native) if native.native_script == "hebrew" else None
    return known is not None and not latin.native and simplify(known) == latin.simple


def _readings_are_nicknames(query: NamePart, record: NamePart) -> bool:
    """A native word whose learned reading is a form of the other's name (יצחק read
    Yitzhak is Isaac)."""
    if not query.native and not record.native:
        return False
    return any(are_nicknames(one[0], other[0]) for one in query.forms for other in record.forms)


def _both_alphabets(query: NamePart, record: NamePart) -> bool:
    """Both parts in alphabets that write their vowels (Latin, Cyrillic): their spellings
    compare letter by letter too, beside the learned table."""
    return {query.native_script, record.native_script} <= {"", "cyrillic"}


def _sound_alike(query: NamePart, record: NamePart) -> bool:
    """Consonants and vowel classes agree (``phonetic.voiced``): two romanisations of one
    name ("Mihail", "Mikhail"), not two names sharing consonants ("Hassan", "Hossein")."""
    shorter, longer = sorted((len(query.latin), len(record.latin)))
    if shorter < 4 or shorter < 0.6 * longer:
        return False
    if OSA.normalized_similarity(query.simple, record.simple) <= 0.6:
        return False  # "Iryna" and "Elena" share classes, not letters
    return any(len(one) >= 3 and one in record.voiced for one in query.voiced)


def _is_initial(part: NamePart) -> bool:
    """A one-letter part of an alphabet (not a one-letter Hangul or Chinese syllable)."""
    return len(part.latin) == 1 and part.native_script not in ("hangul", "han")


def _is_typo(first: str, second: str) -> bool:
    """Two spellings of four letters or more one slip apart: a letter dropped, doubled or
    two swapped, or in five letters or more a letter substituted. In a short name one
    other letter is another name: Wang and Yang, Sato and Kato, Pham and Phan."""
    longest = max(len(first), len(second))
    if longest < 4 or OSA.distance(first, second, score_cutoff=1) != 1:
        return False
    return longest > 4 or len(first) != len(second) or sorted(first) == sorted(second)


def _is_written_typo(query: NamePart, record: NamePart) -> bool:
    """A slip between the written spellings, umlauts read either way ("Jerg" is "Joerg"
    with a letter dropped, and Jörg)."""
    if _is_typo(query.latin, record.latin):
        return True
    if not query.written and not record.written:
        return False
    return any(
        _is_typo(one, other)
        for one in (query.latin, query.written)
        for other in (record.latin, record.written)
        if one and other and (one, other) != (query.latin, record.latin)
    )


def _one_edit(length: int, weights: NameWeights) -> float:
    """The similarity of two spellings one letter apart: a typo, more surely the longer."""
    short, middle, long = weights.one_edit
    return short if length <= 4 else middle if length == 5 else long


def _sharpened(similarity: float, weights: NameWeights, length: int = 8) -> float:
    """Between two spellings in letters, a typo (one edit) keeps most of its similarity
    and two different names sharing half their letters keep little: "Sokolov" and
    "Sobolev" are two families, "Sokolov" and "Sokolow" one. In a short name one letter
    is already another name ("Wang", "Yang")."""
    knee, slope = weights.spelling_knee
    if length <= 5:
        knee = weights.short_knee
    if similarity >= knee:
        return similarity
    return max(0.0, knee - (knee - similarity) * slope)


def _short_form(first: str, second: str) -> bool:
    """One name the front of the other, as most short forms are made ("Javi" of Javier,
    "Steph" of Stephanie). Not the back: "Demir" is not "Özdemir"."""
    shorter, longer = sorted((first, second), key=len)
    if len(shorter) < 3 or len(longer) - len(shorter) < 2 or len(shorter) * 3 < len(longer):
        return False
    return longer.startswith(shorter)


_ENDING = re.compile(r"[aeiouy]+$")
_VOWEL_LETTERS = frozenset("aeiouy")


_FINAL_YEH = frozenset("يیىئי")


def _final_i_unwritten(query: NamePart, record: NamePart) -> bool:
    """A Latin name ending in -i against an Arabic-script or Hebrew word without a final
    yeh or yod: those scripts write a final i, so Mohammadi (محمدی, the nisba family
    name) is not محمد, however alike the consonants. (Between two Latin spellings a final
    i dropped is as often a slip: Kobayash, Mwang.)"""
    for native, latin in ((query, record), (record, query)):
        if native.native and not latin.native:
            return (
                native.native_script in ("arabic", "hebrew")
                and len(latin.simple) >= 4
                and latin.simple[-1] == "i"
                and latin.simple[-2] not in _VOWEL_LETTERS
                and native.native[-1] not in _FINAL_YEH
            )
    return False


def _gendered_forms(first: str, second: str) -> bool:
    """The masculine and feminine forms of one name (Daniel and Daniela, Aleksandr and
    Aleksandra, Jean and Jeanne, Mario and Maria): two people's names, not one."""
    if first == second or min(len(first), len(second)) < 3:
        return False
    shorter, longer = sorted((first, second), key=len)
    if longer.startswith(shorter):
        endings = ("", longer[len(shorter) :])
    else:
        stem, other_stem = _ENDING.sub("", first), _ENDING.sub("", second)
        if stem != other_stem:
            return False
        endings = (first[len(stem) :], second[len(other_stem) :])
    return (endings[0] in _FEMININE) != (endings[1] in _FEMININE)


_FEMININE = frozenset({"a", "ia", "ya", "ne", "le", "ina", "na"})


def _learned_similarity(query: NamePart, record: NamePart, weights: NameWeights) -> float | None:
    """Where the learned table reads one side (or both, in two scripts): how usual a
    romanisation the other side is of it, through the other's readings when it is native
    too. None where no table reads either side."""
    best: float | None = None
    for native, other in ((query, record), (record, query)):
        if not native.native:
            continue
        if _skeletons_apart(native, other):
            best = 0.0 if best is None else best
            continue  # nothing alike in any reading: not worth the alignment
        if other.native:
            spellings = [form[0] for form in other.forms]
        else:
            spellings = [other.latin, other.unglued] if other.unglued else [other.latin]
        for spelling in spellings:
            if len(spelling) < 2:
                continue
            likelihood = spelling_likelihood(native.native, native.native_script, spelling)
            if likelihood is not None:
                value = _usual_spelling_similarity(likelihood, weights, native.native_script)
                best = value if best is None else max(best, value)
    return best


def _skeletons_apart(first: NamePart, second: NamePart) -> bool:
    """No reading of one shares half its consonant classes, in order, with a reading of
    the other: a cheap bound that spares the alignment for unrelated parts."""
    for _, one, _ in first.forms:
        for _, other, _ in second.forms:
            if (
                not one
                or not other
                or LCSseq.similarity(one, other) * 2 >= max(len(one), len(other))
            ):
                return False
    return True


def _usual_spelling_similarity(likelihood: float, weights: NameWeights, script: str) -> float:
    """A part similarity from how usual a romanisation is (log-probability per letter):
    ``usual_spelling_at`` and better gives ``usual_spelling_top``, falling linearly (more
    steeply for an alphabet, whose letters the Latin spelling must follow; less for
    Hangul, whose transcriptions of foreign names add vowels: 스티븐 is Stephen)."""
    top, at, slope = weights.usual_spelling
    if script == "cyrillic":
        slope = weights.alphabet_spelling_slope
    elif script == "hangul":
        slope = weights.hangul_spelling_slope
    elif script in ("hebrew", "arabic"):
        slope = weights.abjad_spelling_slope
    return max(0.0, min(top, top - slope * (at - likelihood)))


def _native_similarity(first: str, second: str) -> float:
    if first == second:
        return 1.0
    if len(first) + len(second) <= 4:  # short Hangul or Han words: one syllable is a name
        return 0.0
    return Levenshtein.normalized_similarity(_decomposed(first), _decomposed(second))


@lru_cache(maxsize=100_000)
def _decomposed(word: str) -> str:
    """Hangul syllables as their jamo (one different vowel is one edit, not a syllable)."""
    return unicodedata.normalize("NFD", word)


def _skeleton_similarity(first: str, second: str) -> float:
    if not first or not second:
        return 0.0
    return Levenshtein.normalized_similarity(first, second)


def _consonant_similarity(
    first: str,
    second: str,
    first_vowelled: str,
    second_vowelled: str,
    weights: NameWeights,
    vowel_share: float,
) -> float:
    """Parts of which one (or both) lost or changed its vowels: the consonants must agree,
    the shorter the stricter, and the vowels one side wrote must be where the other has
    them."""
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


def comparison_mode(query: PreparedName, record: PreparedName) -> str:
    """``abjad`` when either name lost its vowels, ``loose`` when either came through a
    syllabic or East Asian script, else ``alphabet``."""
    if query.is_abjad or record.is_abjad:
        return "abjad"
    if query.script in LOOSE_SCRIPTS or record.script in LOOSE_SCRIPTS:
        return "loose"
    return "alphabet"


def name_similarity(
    query: PreparedName,
    record: PreparedName,
    *,
    weights: NameWeights,
    memo: dict[tuple[int, int], tuple[float, str]] | None = None,
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
    pairs, used_query, used_record = _pair_parts(query, record, mode, weights, memo)
    left_query = [part for n, part in enumerate(query.parts) if n not in used_query]
    left_record = [part for n, part in enumerate(record.parts) if n not in used_record]
    matched = sum(_weight(pair.query) * pair.similarity for pair in pairs)
    total = sum(_weight(pair.query) for pair in pairs)
    total += weights.unmatched_query * sum(map(_left_weight, left_query))
    total += weights.unmatched_record * sum(map(_left_weight, left_record))
    by_parts = matched / total if total else 0.0
    if all(pair.how == "initial" for pair in pairs):  # initials alone name no one
        by_parts *= 0.5
    elif min(len(query.parts), len(record.parts)) == 1:
        by_parts -= weights.single_part_penalty  # one word, however alike, says little
    if left_query and left_record:
        # Each side has a part the other lacks: not a missing middle name but another name.
        by_parts -= weights.conflicting_parts_penalty
    if _compound_broken(query, used_query) or _compound_broken(record, used_record):
        by_parts -= weights.conflicting_parts_penalty
    if _both_romanised(query, record):
        by_parts -= weights.both_romanised_penalty
    if len(query.parts) == len(record.parts) and len(pairs) == len(query.parts):
        return by_parts, tuple(pairs), "parts"
    korean = _korean_joined(query, record, weights)
    if korean is not None:
        if korean > by_parts:
            return korean, (), "syllables"  # the parts did not decide
        return by_parts, tuple(pairs), "parts"
    if not pairs or mode == "abjad" or len(query.parts) == len(record.parts):
        # Run together only names split differently ("Yong-Kyu" and "용규"), and only
        # where something already agrees.
        return by_parts, tuple(pairs), "parts"
    joined = _joined_similarity(query, record, mode) * weights.joined_discount
    if joined > by_parts:
        return joined, tuple(pairs), "joined"
    return by_parts, tuple(pairs), "parts"


def _korean_joined(query: PreparedName, record: PreparedName, weights: NameWeights) -> float | None:
    """A Korean name in Hangul and a Latin name split into other parts ("Myung Jun Ahn"
    and 안명준, "Hyon-u" and 현우), compared syllable by syllable, the Latin name in its
    written order or with its last part first: spelt the usual way, it is the name; else
    two Korean names (a family name on each side) get no more than their parts give, not
    the names run together (Cho Hyeonu is not 최현우 by its letters). None where neither
    is such a pair."""
    native, latin = (query, record) if query.script is Script.HANGUL else (record, query)
    if native.script is not Script.HANGUL or latin.script is not Script.LATIN:
        return None
    word = "".join(part.native for part in native.parts)
    if not is_hangul(word) or len(word) > 6:
        return None
    words = [part.latin for part in latin.parts]
    orders = {"".join(words), "".join(words[-1:] + words[:-1])}
    if any(
        not unspelt_syllables(word, order) or is_chinese_reading(word, order) for order in orders
    ):
        return 0.97
    cut = 2 if word[:2] in FAMILY_SPELLINGS else 1 if word[:1] in FAMILY_SPELLINGS else 0
    if not cut or not (family_names_spelt(words[0]) or family_names_spelt(words[-1])):
        return None  # not a Korean name on both sides (하랄 is Harald)
    for family in FAMILY_SPELLINGS[word[:cut]]:
        for order in orders:
            if order.startswith(family) and not unspelt_syllables(word[cut:], order[len(family) :]):
                return 0.97
    return 0.0


def _compound_broken(name: PreparedName, used: set[int]) -> bool:
    """Some pieces of a hyphenated name paired and some not: Hae-eun is not Eun, nor
    Jean-Pierre Jean."""
    paired = [number in used for number, part in enumerate(name.parts) if part.piece]
    return any(paired) and not all(paired)


def _both_romanised(query: PreparedName, record: PreparedName) -> bool:
    """Both names came from (different) non-Latin scripts: each reading is a guess."""
    return (
        query.script is not record.script
        and query.script is not Script.LATIN
        and record.script is not Script.LATIN
    )


_PATRONYMIC = re.compile(r"(?:ovich|evich|ovitch|ovna|evna|ogly|oglu|kyzy|uly|ich)$")


def _left_weight(part: NamePart) -> float:
    """What a part nobody paired costs: a patronymic ("Sergeyevich") or an honorific that
    is also a family name ("Sheikh") that one document carries and another omits costs
    little."""
    if (len(part.latin) > 5 and _PATRONYMIC.search(part.latin)) or part.latin in TITLE_SURNAMES:
        return 0.3 * _weight(part)
    return _weight(part)


def _weight(part: NamePart) -> float:
    # Longer parts say more about who someone is; very short ones ("li", "al") say little.
    return float(min(len(part.simple), 8) + 2)


def _pair_parts(
    query: PreparedName,
    record: PreparedName,
    mode: str,
    weights: NameWeights,
    memo: dict[tuple[int, int], tuple[float, str]] | None,
) -> tuple[list[PartPair], set[int], set[int]]:
    last = len(query.parts) - 1
    scored = []
    for index, q_part in enumerate(query.parts):
        truncated = query.truncated and index == last
        for r_index, r_part in enumerate(record.parts):
            key = (id(q_part), id(r_part))
            known = memo.get(key) if memo is not None else None
            if known is None:
                known = part_similarity(
                    q_part, r_part, mode=mode, weights=weights, last_truncated=truncated
                )
                if memo is not None:
                    memo[key] = known
            similarity, how = known
            if similarity >= (weights.alphabet_floor if mode == "alphabet" else weights.part_floor):
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
    return pairs, used_query, used_record


def _joined_similarity(query: PreparedName, record: PreparedName, mode: str) -> float:
    if mode == "abjad":
        return _skeleton_similarity(query.joined_skeleton, record.joined_skeleton)
    return Levenshtein.normalized_similarity(query.joined, record.joined)


def birth_date_agreement(query: PartialDate | None, record: PartialDate | None) -> Feature:
    """How two birth dates agree: exact, partial, day and month swapped, a year apart."""
    name, value = birth_date_relation(query, record)
    return birth_date_feature(name, value, query, record)


def birth_date_relation(query: PartialDate | None, record: PartialDate | None) -> tuple[str, float]:
    """``birth_date_agreement`` without its words: the feature's name and value. A list
    of namesakes compares dozens of dates a check, most of them another person's; their
    words are written only for the comparisons that are kept."""
    if query is None or record is None:
        return "birth_date_unknown", 0.0
    if query == record:
        return ("birth_date_exact", 1.0) if query.is_complete else ("birth_date_partial", 0.6)
    if query.year == record.year:
        if query.month is None or record.month is None:
            return "birth_date_partial", 0.5
        if query.month == record.month and (query.day is None or record.day is None):
            return "birth_date_partial", 0.7
        if _transposed(query, record) or _transposed(record, query):
            return "birth_date_transposed", 0.6
        if query.month == record.month:
            return "birth_date_day_differs", -0.3
        return "birth_date_differs", -0.6
    apart = abs(query.year - record.year)
    same_day = (query.month, query.day) == (record.month, record.day)
    if apart == 1 and same_day:
        return "birth_year_off_by_one", 0.0
    if same_day and _one_digit_apart(query.year, record.year):
        return "birth_year_typo", 0.1
    if same_day and sorted(f"{query.year:04d}"[2:]) == sorted(f"{record.year:04d}"[2:]):
        return "birth_year_digits_swapped", 0.1
    if apart == 1 and (query.month is None or record.month is None):
        return "birth_year_off_by_one", -0.3
    return "birth_date_disjoint", -1.0


_BIRTH_DATE_WORDS = {
    ("birth_date_partial", 0.5): "the same year, one partial",
    ("birth_date_partial", 0.7): "the same month, one partial",
    ("birth_date_transposed", 0.6): "day and month swapped",
    ("birth_date_day_differs", -0.3): "another day",
    ("birth_date_differs", -0.6): "another month",
    ("birth_year_off_by_one", 0.0): "a year apart, same day",
    ("birth_year_typo", 0.1): "one digit of the year differs",
    ("birth_year_digits_swapped", 0.1): "the year's digits swapped",
    ("birth_year_off_by_one", -0.3): "a year apart, one partial",
    ("birth_date_disjoint", -1.0): "a different person",
}


def birth_date_feature(
    name: str, value: float, query: PartialDate | None, record: PartialDate | None
) -> Feature:
    """The feature of a ``birth_date_relation``, with its words."""
    if query is None or record is None:
        detail = "no birth date to compare"
    elif name == "birth_date_exact":
        detail = f"born {query} in both"
    elif query == record:
        detail = f"born {query} in both (partial date)"
    else:
        detail = f"born {query} vs {record}: {_BIRTH_DATE_WORDS[name, value]}"
    return Feature(name, value, detail)


def _transposed(full: PartialDate, other: PartialDate) -> bool:
    """``full``'s day and month swapped give ``other`` (or its known part)."""
    if full.day is None or full.day > 12 or full.month == full.day:
        return False
    if other.day is None:
        return other.month == full.day
    return (full.month, full.day) == (other.day, other.month)


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


USUAL_ROMANISATION = -1.0
"""The spelling usualness of a spelling a romanisation system gives (``hangul``)."""


def _is_korean_romanisation(native: NamePart, latin: NamePart) -> bool:
    """Whether the Latin part spells the Hangul one the way a romanisation system or a
    passport does (``hangul``), whatever the learned table thinks of it."""
    if native.native_script != "hangul" or not is_hangul(native.native):
        return False
    if is_chinese_reading(native.native, latin.latin):
        return True
    if native.korean == "family":
        return latin.latin in FAMILY_SPELLINGS.get(native.native, ())
    return unspelt_syllables(native.native, latin.latin) == 0


_NOT_SPELLINGS = frozenset({"nickname", "short form", "truncated", "initial"})
"""How parts pair when the Latin one is another form of the native name, not its spelling."""


def spelling_usualness(pairs: tuple[PartPair, ...]) -> Feature:
    """Whether the Latin spelling of each native-script part is a usual romanisation of it
    (learned table): "Мухаммад" is often spelt Mukhammad or Muhammad, never Makmud. The
    least usual paired part counts; the value is a log-probability per letter."""
    worst: tuple[float, PartPair, str, str] | None = None
    for pair in pairs:
        if pair.how in _NOT_SPELLINGS:
            continue  # "Dima" is Дмитрий's nickname, not a spelling of it
        for native, latin in ((pair.query, pair.record), (pair.record, pair.query)):
            if not native.native or latin.native or min(len(latin.latin), len(native.latin)) < 2:
                continue
            value = spelling_likelihood(native.native, native.native_script, latin.latin)
            if value is not None and _is_korean_romanisation(native, latin):
                value = max(value, USUAL_ROMANISATION)  # the table's doubts do not count
            if value is not None and (worst is None or value < worst[0]):
                worst = (value, pair, native.native, latin.latin)
    if worst is None:
        return Feature("spelling_not_compared", 0.0, "no native-script part to compare")
    value, _, native_word, latin_word = worst
    usual = "a usual" if value > -2.0 else "an unusual" if value > -3.5 else "not a"
    detail = f"{latin_word} is {usual} spelling of {native_word} ({value:.1f} per letter)"
    return Feature("spelling_usualness", value, detail)
