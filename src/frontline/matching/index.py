"""The candidate index: blocking keys over every listed name and alias, so a query looks at
a few dozen persons, never the whole list.

Keys are consonant skeletons of name parts and of whole names run together, each with its
one-deletion variants (the SymSpell trick): two skeletons one edit apart share a key, so
"Washington" finds "וושינגטון" and "Yevgeny" finds "Evgeniy" without a scan. A query counts,
per listed person, the query parts that share a key with one of the person's names, and
the best-supported persons go on to the scorer.
"""

from __future__ import annotations

import heapq

from frontline.matching.algorithm import ALGORITHM, Algorithm, Match, Outcome, Subject
from frontline.matching.algorithm import compare_subjects as compare
from frontline.matching.names import PreparedName

__all__ = ["CandidateIndex", "name_keys"]

MAX_CANDIDATES = 60
"""Most persons a query scores."""
COMMON_KEY = 2_000
"""A key shared by more persons than this (a very common name) only confirms candidates
found through rarer keys; it does not make candidates by itself."""


def name_keys(name: PreparedName) -> list[tuple[int, str]]:
    """(part number, key) for each blocking key of a name; part -1 is the whole name."""
    keys: list[tuple[int, str]] = []
    for number, part in enumerate(name.parts):
        for skeleton in part.skeletons:
            if not skeleton:
                keys.append((number, f"v:{part.simple[:3]}"))
            elif len(skeleton) == 1:
                keys.append((number, f"s:{skeleton}{part.simple[:1]}"))
            else:
                keys.extend((number, f"s:{variant}") for variant in _deletions(skeleton))
    if len(name.parts) > 1 and len(name.joined_skeleton) >= 3:
        keys.extend((-1, f"j:{variant}") for variant in _deletions(name.joined_skeleton))
    return keys


def _deletions(skeleton: str) -> set[str]:
    variants = {skeleton}
    if len(skeleton) >= 3:
        variants.update(skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton)))
    return variants


class CandidateIndex:
    """Listed persons by blocking key, with each person's prepared subject for scoring."""

    def __init__(self, algorithm: Algorithm = ALGORITHM) -> None:
        self.algorithm = algorithm
        self._postings: dict[str, list[int]] = {}
        self._subjects: dict[int, Subject] = {}

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
        postings = self._postings
        for key in _subject_keys(subject):
            found = postings.get(key)
            if found is None:
                postings[key] = [rid]
            else:
                found.append(rid)

    def discard(self, rid: int) -> None:
        """Unlist a person (cancelled, expired, deleted)."""
        subject = self._subjects.pop(rid, None)
        if subject is None:
            return
        for key in _subject_keys(subject):
            found = self._postings.get(key)
            if found is not None and rid in found:
                found.remove(rid)
                if not found:
                    del self._postings[key]

    def subject_of(self, rid: int) -> Subject | None:
        return self._subjects.get(rid)

    def candidates(self, query: Subject, *, limit: int = MAX_CANDIDATES) -> list[int]:
        """The listed persons most worth scoring for ``query``, best supported first."""
        support: dict[int, float] = {}
        for name in query.names:
            for rid, weight in self._support(name).items():
                if weight > support.get(rid, 0.0):
                    support[rid] = weight
        if len(support) <= limit:
            return sorted(support, key=lambda rid: -support[rid])
        return heapq.nlargest(limit, support, key=support.__getitem__)

    def _support(self, name: PreparedName) -> dict[int, float]:
        by_part: dict[int, set[int]] = {}
        common: dict[int, list[list[int]]] = {}
        for part, key in name_keys(name):
            found = self._postings.get(key)
            if not found:
                continue
            if len(found) > COMMON_KEY:
                common.setdefault(part, []).append(found)
                continue
            by_part.setdefault(part, set()).update(found)
        support: dict[int, float] = {}
        for part, rids in by_part.items():
            weight = 1.5 if part == -1 else 1.0
            for rid in rids:
                support[rid] = support.get(rid, 0.0) + weight
        if not support and len(common) > 1:
            # Every part is common ("Mohammed Ali"): the persons who share keys on two
            # parts at least, smallest lists first.
            parts = sorted(common.values(), key=lambda lists: sum(map(len, lists)))
            first = set().union(*parts[0])
            second = first.intersection(set().union(*parts[1]))
            return dict.fromkeys(second, 2.0)
        if support:
            for part, lists in common.items():
                if part in by_part:
                    continue
                for found in lists:
                    members = set(found)
                    for rid in support:
                        if rid in members:
                            support[rid] += 1.0
        return support

    def search(self, query: Subject, *, limit: int = MAX_CANDIDATES) -> list[tuple[int, Match]]:
        """Score the candidates; (rid, match) for each hit or possible match, best first."""
        found = []
        for rid in self.candidates(query, limit=limit):
            match = compare(query, self._subjects[rid], self.algorithm)
            if match.outcome != Outcome.NO_MATCH:
                found.append((rid, match))
        found.sort(key=lambda item: -item[1].score)
        return found


def _subject_keys(subject: Subject) -> set[str]:
    return {key for name in subject.names for _, key in name_keys(name)}
