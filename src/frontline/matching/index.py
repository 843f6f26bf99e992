"""The candidate index: blocking keys over every listed name and alias, so a query looks at
a few dozen persons, never the whole list.

Keys are consonant skeletons of name parts and of whole names run together, each with its
one-deletion variants (the SymSpell trick): two skeletons one edit apart share a key, so
"Washington" finds "וושינגטון" and "Yevgeny" finds "Evgeniy" without a scan. A query counts,
per listed person, the query parts that share a key with one of the person's names, and
the best-supported persons go on to the scorer.
"""

from __future__ import annotations

from array import array
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz.fuzz import ratio
from rapidfuzz.process import cdist

from frontline.domain.dates import PartialDate
from frontline.matching.algorithm import ALGORITHM, Algorithm, Match, Memo, Outcome, Subject
from frontline.matching.algorithm import compare_subjects as compare
from frontline.matching.chinese import hangul_keys, pinyin_keys
from frontline.matching.names import NamePart, PreparedName
from frontline.matching.nicknames import name_groups
from frontline.matching.phonetic import skeleton as skeleton_of
from frontline.matching.scripts import Script

__all__ = ["CandidateIndex", "name_keys"]

MAX_CANDIDATES = 30
"""Most persons a query scores."""
FEW_BORN = 100
"""Persons born on one day, up to which each of them whose name looks like the query's
becomes a candidate of a query born then, whatever its keys."""
LOOKS_ALIKE = 70
"""The least rapidfuzz ``ratio`` of two names' joined spellings for a person
found by birth date alone to be scored: a typo in every part hides a name from its keys,
not from this, and the random persons born the same day mostly fall below it."""
POOL = 150
"""How many of the best-supported persons a query re-ranks by spelling (and date)."""
LOOKS_RANK = 0.5
"""Share of the best name support that an identical spelling adds in that re-ranking."""
DATE_RANK = 0.5
"""Share of the best name support that an agreeing (or disagreeing) birth date moves."""
PAIR_COMMON_KEY = 5_000
"""The same for a key of two parts together."""
COMMON_KEY = 1_000
COMMON_FLOOR = 100
"""In a short list the caps fall to 2% (pairs 10%) of it, never below this."""
"""A key shared by more persons than this (a very common name) only confirms candidates
found through rarer keys; it does not make candidates by itself."""


def name_keys(name: PreparedName) -> list[tuple[int, str]]:
    """(part number, key) for each blocking key of a name; part -1 is the whole name."""
    keys: list[tuple[int, str]] = []
    for number, part in enumerate(name.parts):
        keys.extend((number, key) for key in _part_keys(part))
    if _has_joined_keys(name):
        keys.extend((-1, key) for key in _joined_keys(name.joined_skeleton))
    if len(name.parts) > 1:
        keys.extend((PAIR, key) for key in _pair_keys(name))
    keys.extend((PAIR, key) for key in _chinese_keys(name))
    return keys


@lru_cache(maxsize=500_000)
def _part_keys(part: NamePart) -> tuple[str, ...]:
    keys: set[str] = set()
    for simple, skeleton, _ in part.forms:
        if not skeleton:
            keys.add(f"v:{simple[:3]}")
        elif len(skeleton) == 1:
            keys.add(f"s:{skeleton}{simple[:1]}")
        else:
            keys.update(f"s:{variant}" for variant in _deletions(skeleton))
    keys.update(f"n:{group}" for group in name_groups(part.simple))  # "Beppe" by "Giuseppe"
    if part.unglued:  # "Vandijk" is also filed as "Dijk"
        keys.update(f"s:{variant}" for variant in _deletions(skeleton_of(part.unglued)))
    return tuple(keys)


def _has_joined_keys(name: PreparedName) -> bool:
    """Whether a name is filed run together (two consonants or more), a name of one part
    too, so that a name one script writes as one word and another as two ("Bei Dao",
    베이다오; "Nana", 나나 read Na Na) still meet."""
    return len(name.joined_skeleton) >= 2


@lru_cache(maxsize=500_000)
def _joined_keys(skeleton: str) -> tuple[str, ...]:
    return tuple(f"j:{variant}" for variant in _deletions(skeleton))


def _deletions(skeleton: str) -> set[str]:
    variants = {skeleton}
    if len(skeleton) >= 3:
        variants.update(skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton)))
    return variants


def _chinese_keys(name: PreparedName) -> frozenset[str]:
    """A Chinese name's family and given name by the pinyin of their first syllables, for
    the name in Latin letters and in Hangul to meet (Zhang Xiaochun, 장효순; ``chinese``)."""
    if name.script is Script.LATIN:
        return pinyin_keys(tuple(part.latin for part in name.parts))
    if name.script is Script.HANGUL:
        return hangul_keys("".join(part.native for part in name.parts))
    return frozenset()


PAIR = -2
"""The part number of a key made of two parts together."""


def _pair_keys(name: PreparedName) -> set[str]:
    """Two parts' skeletons together ("MMT|SM" for Mohammed Hashimi): far rarer than
    either part, so a query among millions of common names meets few persons."""
    shapes = [_shapes(part) for part in name.parts[:4]]
    keys = set()
    for first in range(len(shapes)):
        for second in range(first + 1, len(shapes)):
            for one in shapes[first]:
                for other in shapes[second]:
                    keys.add(f"p:{one}|{other}" if one < other else f"p:{other}|{one}")
    return keys


@lru_cache(maxsize=500_000)
def _shapes(part: NamePart) -> tuple[str, ...]:
    shapes: list[str] = []
    for simple, skeleton, _ in part.forms:
        if not skeleton:
            shape = simple[:3]
        elif len(skeleton) == 1:
            shape = skeleton + simple[:1]
        else:
            shape = skeleton
        if shape not in shapes:
            shapes.append(shape)
        if len(shapes) == 2:
            break
    shapes.extend(name_groups(part.simple))  # "Mike Davis" pairs with "Michael Davis"
    return tuple(shapes)


class CandidateIndex:
    """Listed persons by blocking key, with each person's prepared subject for scoring."""

    def __init__(self, algorithm: Algorithm = ALGORITHM) -> None:
        self.algorithm = algorithm
        self._postings: dict[str, array[int]] = {}
        """Person numbers by key, as machine integers: a query reads thousands of them into
        numpy at once, with no int object to visit per number."""
        self._subjects: dict[int, Subject] = {}
        self._born = np.zeros(1024, dtype=np.int32)
        """Each person's birth date as YYYYMMDD (00 for an unknown month or day, 0 for no
        date), by person number: a query re-ranks its pool by date in one numpy pass."""
        self._born_far: dict[int, int] = {}
        """The same for person numbers too large for a dense array."""

    def __len__(self) -> int:
        return len(self._subjects)

    @property
    def key_count(self) -> int:
        return len(self._postings)

    def add(self, rid: int, subject: Subject) -> None:
        """List a person (again: an update replaces what was listed under ``rid``)."""
        if rid in self._subjects:
            self.discard(rid)
        self._subjects[rid] = subject
        self._set_born(rid, _born_code(subject.birth_date))
        postings = self._postings
        for key in _subject_keys(subject):
            found = postings.get(key)
            if found is None:
                postings[key] = array("q", (rid,))
            else:
                found.append(rid)

    def discard(self, rid: int) -> None:
        """Unlist a person (cancelled, expired, deleted)."""
        subject = self._subjects.pop(rid, None)
        if subject is None:
            return
        self._set_born(rid, 0)
        for key in _subject_keys(subject):
            found = self._postings.get(key)
            if found is not None and rid in found:
                found.remove(rid)
                if not found:
                    del self._postings[key]

    def subject_of(self, rid: int) -> Subject | None:
        return self._subjects.get(rid)

    def candidates(self, query: Subject, *, limit: int = MAX_CANDIDATES) -> list[int]:
        """The listed persons most worth scoring for ``query``, best supported first.

        With a birth date, the best-supported few hundred by name are re-ranked with the
        date: in a list where many share a name, the namesake born that day comes first.
        """
        names = [*query.names, *(name.merged for name in query.names if name.merged)]
        rids, weights = self._support(names[0])
        if len(names) > 1:
            supports = [(rids, weights), *(self._support(name) for name in names[1:])]
            rids, weights = _per_person(
                np.concatenate([found for found, _ in supports]),
                np.concatenate([shares for _, shares in supports]),
                np.maximum,
            )
        if query.birth_date is not None:
            return self._by_date(query.birth_date, names, rids, weights, limit)
        best = _best(weights, POOL)
        pool, ranks = rids[best], weights[best]
        if len(pool) > limit:
            # Among namesakes tied on their keys ("Riko" among the many two-consonant
            # names), the closest spelling in any order goes first.
            top = float(ranks.max())
            ranks = ranks + top * LOOKS_RANK * self._resemblance(names, pool, any_order=True)
        ranked: list[int] = pool[np.argsort(-ranks, kind="stable")[:limit]].tolist()
        return ranked

    def _by_date(
        self,
        born: PartialDate,
        names: list[PreparedName],
        rids: Array,
        weights: Array,
        limit: int,
    ) -> list[int]:
        # Persons born that day (or with the day and month swapped) who share a name key
        # come first: in a list of many namesakes, the date tells them apart. Those who
        # share none but whose names look alike join them: a typo hid the name.
        top = float(weights.max()) if len(weights) else 1.0
        unsupported: list[Array] = []
        for key in _date_keys(born, query=True):
            born_then = self._postings.get(key)
            if not born_then:
                continue
            found = np.array(born_then, dtype=np.int64)
            at = np.searchsorted(rids, found).clip(max=max(len(rids) - 1, 0))
            supported = rids[at] == found if len(rids) else np.zeros(len(found), dtype=bool)
            weights[at[supported]] += top
            if len(born_then) <= FEW_BORN:
                unsupported.append(found[~supported])
        best = _best(weights, POOL)
        strangers = np.concatenate(unsupported) if unsupported else rids[:0]
        alike = strangers[self._resemblance(names, strangers) * 100 >= LOOKS_ALIKE]
        pool = np.concatenate((rids[best], alike))
        ranks = np.concatenate((weights[best], np.full(len(alike), top)))
        ranks += top * DATE_RANK * _date_affinity(born, self._born_codes(pool))
        order = np.argsort(-ranks, kind="stable")[:limit]
        ranked: list[int] = pool[order].tolist()
        return ranked

    def _set_born(self, rid: int, code: int) -> None:
        if not 0 <= rid < _DENSE_RIDS:
            if code:
                self._born_far[rid] = code
            else:
                self._born_far.pop(rid, None)
            return
        if rid >= len(self._born):
            grown = np.zeros(max(rid + 1, 2 * len(self._born)), dtype=np.int32)
            grown[: len(self._born)] = self._born
            self._born = grown
        self._born[rid] = code

    def _born_codes(self, rids: Array) -> Array:
        born = self._born
        codes: Array = born[rids.clip(0, len(born) - 1)]
        far = (rids < 0) | (rids >= len(born))
        if far.any():
            codes[far] = [self._born_far.get(rid, 0) for rid in rids[far].tolist()]
        return codes

    def _resemblance(
        self, names: list[PreparedName], rids: Array, *, any_order: bool = False
    ) -> Array:
        """For each of ``rids``, 0 .. 1: how alike the closest of its names and the query's
        are, as rapidfuzz ``ratio`` of their lenient spellings run together (one ``cdist``
        for them all). ``any_order`` also tries the query's parts reversed and sorted, so
        that "Davis Michael" looks like "Michael Davis"."""
        if not len(rids):
            return np.empty(0)
        # Each person's spellings ("" for one listed without a name), run end to end, and
        # where each person's begin (one pass: a check reads a hundred persons here).
        spellings: list[str] = []
        starts: list[int] = []
        subjects = self._subjects
        for rid in rids.tolist():
            starts.append(len(spellings))
            spellings.extend([other.joined for other in subjects[rid].names] or ("",))
        mine = {name.joined for name in names}
        if any_order:
            for name in names:
                simple = [part.simple for part in name.parts]
                mine.update(("".join(reversed(simple)), "".join(sorted(simple))))
        scores = cdist(list(mine), spellings, scorer=ratio).max(axis=0) / 100
        best: Array = np.maximum.reduceat(scores, starts)
        return best

    def _support(self, name: PreparedName) -> tuple[Array, Array]:
        """The listed persons that share a key with the query name (ascending) and how much
        of it each shares: for each query part, the rarity (idf) of the rarest key it
        shares with the person, summed over the parts."""
        total = len(self._subjects) + 1
        common = min(COMMON_KEY, max(COMMON_FLOOR, total // 50))
        pair_common = min(PAIR_COMMON_KEY, max(COMMON_FLOOR, total // 10))
        by_part: dict[int, list[array[int]]] = {}
        rarest: tuple[int, array[int]] | None = None
        for part, key in name_keys(name):
            found = self._postings.get(key)
            if not found:
                continue
            if len(found) > (pair_common if part == PAIR else common):
                if rarest is None or len(found) < len(rarest[1]):
                    rarest = (part, found)
                continue  # a key this common says little; the pair keys block instead
            by_part.setdefault(part, []).append(found)
        if not by_part and rarest is not None:
            # Every key is common ("Maria Garcia" in a long list): the rarest one still
            # names the namesakes, for the date (or the officer) to tell apart.
            by_part[rarest[0]] = [rarest[1]]
        if not by_part:
            return np.empty(0, dtype=np.int64), np.empty(0)
        parts: list[tuple[Array, Array]] = []
        for part, lists in by_part.items():
            boost = 2.0 if part == PAIR else 1.5 if part == -1 else 1.0
            sizes = [len(found) for found in lists]
            rarity = np.log1p(total / np.array(sizes)) * boost
            flat = np.concatenate(lists)
            parts.append(_per_person(flat, np.repeat(rarity, sizes), np.maximum))
        if len(parts) == 1:
            return parts[0]
        return _per_person(
            np.concatenate([found for found, _ in parts]),
            np.concatenate([shares for _, shares in parts]),
            np.add,
        )

    def search(self, query: Subject, *, limit: int = MAX_CANDIDATES) -> list[tuple[int, Match]]:
        """Score the candidates; (rid, match) for each hit or possible match, best first."""
        found = []
        memo = Memo()
        for rid in self.candidates(query, limit=limit):
            match = compare(query, self._subjects[rid], self.algorithm, memo)
            if match.outcome != Outcome.NO_MATCH:
                found.append((rid, match))
        found.sort(key=lambda item: -item[1].score)
        return found


Array = npt.NDArray[Any]


def _per_person(rids: Array, weights: Array, reduce: np.ufunc) -> tuple[Array, Array]:
    """Each distinct rid once (ascending), with ``reduce`` (max, sum) of its weights."""
    if not len(rids):
        return rids, weights
    order = np.argsort(rids, kind="stable")
    rids, weights = rids[order], weights[order]
    starts = np.flatnonzero(np.concatenate(([True], rids[1:] != rids[:-1])))
    return rids[starts], reduce.reduceat(weights, starts)


def _best(weights: Array, count: int) -> Array:
    """Positions of the ``count`` largest weights, in no order."""
    if len(weights) <= count:
        return np.arange(len(weights))
    return np.argpartition(-weights, count - 1)[:count]


_DENSE_RIDS = 1 << 26
"""Person numbers below this keep their birth date in the dense array (4 bytes each)."""


def _born_code(born: PartialDate | None) -> int:
    if born is None:
        return 0
    return born.year * 10_000 + (born.month or 0) * 100 + (born.day or 0)


def _date_affinity(query: PartialDate, codes: Array) -> Array:
    """A cheap ranking stand-in for the birth-date feature, per record date code: 1 the
    same date, 0.5 the same year (or a partial one), 0 unknown, -1 another year."""
    year, month, day = codes // 10_000, codes // 100 % 100, codes % 100
    same_day = (month == (query.month or 0)) & ((day == (query.day or 0)) | (day == 0))
    partial = (month == 0) | (query.month is None)
    within_year = np.where(partial, 0.5, np.where(same_day, 1.0, 0.0))
    return np.where(codes == 0, 0.0, np.where(year != query.year, -1.0, within_year))


def _date_keys(born: PartialDate | None, *, query: bool = False) -> list[str]:
    """Birth-date keys. A record is filed under its date, or its year and month when it has
    no day; a query with a full date looks up that date, the month (records without a day)
    and, when the day could be a month, both with day and month swapped. Year-only dates
    get none (tens of thousands share a year)."""
    if born is None or born.month is None:
        return []
    if born.day is None:
        return [] if query else [f"d:{born.year}-{born.month}"]
    keys = [f"d:{born.year}-{born.month}-{born.day}"]
    if query:
        keys.append(f"d:{born.year}-{born.month}")
        if born.day <= 12 and born.day != born.month:
            keys.append(f"d:{born.year}-{born.day}-{born.month}")
            keys.append(f"d:{born.year}-{born.day}")
    return keys


def _subject_keys(subject: Subject) -> set[str]:
    keys: set[str] = set(_date_keys(subject.birth_date))
    for name in subject.names:
        _add_name_keys(keys, name)
        if name.merged is not None:
            _add_name_keys(keys, name.merged)
    return keys


def _add_name_keys(keys: set[str], name: PreparedName) -> None:
    for part in name.parts:
        keys.update(_part_keys(part))
    if _has_joined_keys(name):
        keys.update(_joined_keys(name.joined_skeleton))
    if len(name.parts) > 1:
        keys.update(_pair_keys(name))
    keys.update(_chinese_keys(name))
