"""The candidate index: who a query gets to score, and who it never looks at."""

from __future__ import annotations

import itertools

from frontline.domain.dates import PartialDate
from frontline.matching.algorithm import subject
from frontline.matching.index import MAX_CANDIDATES, PAIR, CandidateIndex, name_keys
from frontline.matching.names import prepare_name

BORN = PartialDate(1984, 3, 17)


def test_a_typo_in_every_key_is_found_through_the_birth_date() -> None:
    index = CandidateIndex()
    index.add(1, subject(["Wojciechowski"], birth_date=BORN))
    index.add(2, subject(["Tomasz Nowak"], birth_date=BORN))
    assert index.candidates(subject(["Wojcihcowksi"])) == []  # no key in common
    # Born the same day and looking alike: scored. Born the same day only: never.
    assert index.candidates(subject(["Wojcihcowksi"], birth_date=BORN)) == [1]


def test_the_day_and_month_swapped_find_the_person_too() -> None:
    index = CandidateIndex()
    index.add(1, subject(["Wojciechowski"], birth_date=PartialDate(1984, 3, 7)))
    assert index.candidates(subject(["Wojcihcowksi"], birth_date=PartialDate(1984, 7, 3))) == [1]


def test_among_many_namesakes_the_one_born_that_day_comes_first() -> None:
    index = CandidateIndex()
    for rid in range(200):
        born = PartialDate(1950 + rid % 50, 1 + rid % 12, 1 + rid % 28)
        index.add(rid, subject(["Maria Garcia Lopez"], birth_date=born))
    index.add(999, subject(["Maria Garcia Lopez"], birth_date=BORN))
    found = index.candidates(subject(["Maria Garcia"], birth_date=BORN))
    assert found[0] == 999
    assert len(found) == MAX_CANDIDATES


def test_person_numbers_of_any_size_are_ranked_by_their_birth_date() -> None:
    index = CandidateIndex()
    far = 10**12  # beyond the dense array of birth dates
    for rid in range(60):
        index.add(rid, subject(["Maria Garcia"], birth_date=PartialDate(1960, 1, 1 + rid % 28)))
    index.add(far, subject(["Maria Garcia"], birth_date=BORN))
    index.add(-5, subject(["Maria Garcia"], birth_date=PartialDate(1984, 3)))
    found = index.candidates(subject(["Maria Garcia"], birth_date=BORN))
    assert set(found[:2]) == {far, -5}  # born that day, and in that month (no day given)
    index.discard(far)
    assert far not in index.candidates(subject(["Maria Garcia"], birth_date=BORN))


def test_a_record_with_only_a_month_is_met_by_a_full_date() -> None:
    index = CandidateIndex()
    index.add(1, subject(["Wojciechowski"], birth_date=PartialDate(1984, 3)))
    assert index.candidates(subject(["Wojcihcowksi"], birth_date=BORN)) == [1]


def test_without_a_date_the_best_supported_come_first() -> None:
    index = CandidateIndex()
    index.add(1, subject(["Ahmed Hassan Karimi"]))
    index.add(2, subject(["Ahmed Karimi"]))
    index.add(3, subject(["Olga Petrova"]))
    assert index.candidates(subject(["Ahmed Hassan Karimi"])) == [1, 2]


def test_among_names_tied_on_their_keys_the_closest_spelling_comes_first() -> None:
    # Hundreds of two-consonant names share every key of "Riko": without a date, the
    # spelling decides which thirty are scored.
    index = CandidateIndex()
    shapes = itertools.product("LR", ("a", "e", "o", "ai"), ("k", "kk", "ck", "q"), "aeu")
    for rid, letters in enumerate(shapes):
        index.add(rid, subject(["".join(letters)]))
    index.add(9999, subject(["Riko"]))
    assert len(index) > 2 * MAX_CANDIDATES
    assert index.candidates(subject(["Riko"]))[0] == 9999


def _pair_keys(name: str) -> set[str]:
    return {key for part, key in name_keys(prepare_name(name)) if part == PAIR}


def test_a_nickname_and_its_full_name_share_a_key_of_two_parts() -> None:
    # Michael and Davis are each too common in a long list to block on: the two parts
    # together must still bring "Mike Davis" to "Michael Davis".
    assert _pair_keys("Mike Davis") & _pair_keys("Michael Davis")


def test_a_short_part_is_filed_under_the_first_letter_of_each_reading() -> None:
    # Ганна reads "hanna" as well as "ganna": a Latin "Hanna" finds it either way.
    native = {key for _, key in name_keys(prepare_name("Ганна"))}
    latin = {key for _, key in name_keys(prepare_name("Hanna"))}
    assert native & latin


def test_a_discarded_or_replaced_person_is_no_longer_found_under_the_old_name() -> None:
    index = CandidateIndex()
    index.add(1, subject(["Olga Petrova"], birth_date=BORN))
    index.add(1, subject(["Ahmed Karimi"], birth_date=BORN))
    assert index.candidates(subject(["Olga Petrova"])) == []
    assert index.candidates(subject(["Ahmed Karimi"])) == [1]
    index.discard(1)
    assert index.candidates(subject(["Ahmed Karimi"], birth_date=BORN)) == []
    assert len(index) == 0
    assert index.key_count == 0


def test_search_scores_the_candidates_and_keeps_the_matches_best_first() -> None:
    index = CandidateIndex()
    index.add(1, subject(["Olga Petrova"], birth_date=BORN))
    index.add(2, subject(["Olga Petrova"], birth_date=PartialDate(1961, 11, 2)))
    index.add(3, subject(["Olga Petrovna Ivanova"], birth_date=BORN))
    found = index.search(subject(["Olga Petrova"], birth_date=BORN))
    rids = [rid for rid, _ in found]
    assert rids[0] == 1
    assert 2 not in rids  # the namesake born decades apart
    assert all(a.score >= b.score for (_, a), (_, b) in itertools.pairwise(found))
