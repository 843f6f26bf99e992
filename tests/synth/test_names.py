"""Names of many cultures, in their own scripts, with their usual romanisations."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections import Counter

import pytest

from frontline.domain.records import NoticeType, Person, Sex
from frontline.synth import World, generate_world
from frontline.synth.bureaus import COUNTRIES
from frontline.synth.names import CULTURES, RESERVED_SURNAMES, NameOrder
from frontline.synth.naming import (
    compose_name,
    culture_for_country,
    draw_name,
    fold_ascii,
    romanisations,
)

TODAY = dt.date(2026, 11, 21)
CULTURE = {culture.key: culture for culture in CULTURES}

# The Unicode character-name prefix of each script a culture writes in.
SCRIPT_PREFIXES = {
    "Cyrillic": ("CYRILLIC",),
    "Arabic": ("ARABIC",),
    "Greek": ("GREEK",),
    "Hebrew": ("HEBREW",),
    "Han": ("CJK UNIFIED IDEOGRAPH", "HIRAGANA"),
    "Hangul": ("HANGUL",),
    "Devanagari": ("DEVANAGARI",),
    "Thai": ("THAI",),
    "Latin": ("LATIN",),
}


def scripts(text: str) -> set[str]:
    """The scripts of the letters in ``text``, by Unicode character name."""
    found = set()
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char)
        found |= {s for s, prefixes in SCRIPT_PREFIXES.items() if name.startswith(prefixes)}
        if name.startswith("KATAKANA"):
            found.add("Katakana")
    return found


@pytest.fixture(scope="module")
def persons() -> tuple[Person, ...]:
    world: World = generate_world(size=20_000, seed=3, today=TODAY)
    return world.persons


def test_persons_are_named_in_many_scripts(persons: tuple[Person, ...]) -> None:
    seen = Counter(script for person in persons for script in scripts(person.name))
    assert set(seen) >= {
        "Cyrillic", "Arabic", "Greek", "Hebrew", "Han", "Hangul", "Devanagari", "Thai", "Latin",
    }  # fmt: skip


def test_aliases_romanise_names_in_other_scripts(persons: tuple[Person, ...]) -> None:
    for person in persons:
        if scripts(person.name) - {"Latin"}:
            assert person.aliases, person
            assert any(scripts(alias) == {"Latin"} for alias in person.aliases), person
        assert person.name not in person.aliases


def test_japanese_names_carry_a_kana_reading(persons: tuple[Person, ...]) -> None:
    japanese = [p for p in persons if p.nationalities[0] == "JPN"]
    assert japanese
    assert all(any("Katakana" in scripts(alias) for alias in p.aliases) for p in japanese)


@pytest.mark.parametrize(
    ("culture", "given", "surname", "name", "aliases"),
    [
        ("russian", 0, 0, "Евгений Смирнов", ["Yevgeny Smirnov", "Evgeniy Smirnov"]),
        ("arabic", 0, 0, "محمد الهاشمي", ["Mohammed Al-Hashimi", "Muhammad Al Hashemi"]),
        ("chinese", 0, 0, "王伟", ["Wang Wei", "Wei Wang"]),
        ("japanese", 0, 0, "佐藤健", ["Sato Ken", "Satō Ken", "サトウ ケン"]),
        ("korean", 0, 0, "김민준", ["Kim Minjun", "Gim Min-jun", "Minjun Kim"]),
        ("german", 0, 0, "Jürgen Müller", ["Juergen Mueller", "Jurgen Muller"]),
        ("vietnamese", 0, 0, "Nguyễn Văn An", ["Nguyen Van An", "Van An Nguyen"]),
        ("hindi", 0, 0, "राहुल शर्मा", ["Rahul Sharma", "Rahul Sarma"]),
    ],
)
def test_a_name_in_its_script_and_romanisations(
    culture: str, given: int, surname: int, name: str, aliases: list[str]
) -> None:
    table = CULTURE[culture]
    composed = compose_name(table, table.male[given], (table.surnames[surname],))
    assert composed.name == name
    assert set(aliases) <= set(composed.aliases)


def test_spanish_names_carry_two_surnames_and_the_first_alone() -> None:
    spanish = CULTURE["spanish"]
    composed = compose_name(spanish, spanish.female[0], spanish.surnames[0:2])
    assert composed.name == "María José García Rodríguez"
    assert composed.surname == "Garcia Rodriguez"
    assert {"Maria Jose Garcia", "Maria Jose Garcia-Rodriguez"} <= set(composed.aliases)


def test_portuguese_names_go_by_the_last_surname() -> None:
    portuguese = CULTURE["portuguese"]
    composed = compose_name(portuguese, portuguese.male[0], portuguese.surnames[0:2])
    assert composed.name == "João da Silva dos Santos"
    assert "Joao dos Santos" in composed.aliases


def test_women_carry_the_feminine_surname() -> None:
    composed = draw_name(random.Random(1), CULTURE["russian"], Sex.FEMALE)
    assert composed.surname.endswith("a")


def test_passport_forms_are_plain_latin() -> None:
    for culture in CULTURES:
        for part in (*culture.male, *culture.female, *culture.surnames, *culture.female_surnames):
            assert fold_ascii(romanisations(part)[0]).replace("'", "").isascii(), part


def test_gendered_surname_tables_align() -> None:
    for culture in CULTURES:
        if culture.female_surnames:
            assert len(culture.female_surnames) == len(culture.surnames), culture.key


def test_every_issuing_country_has_a_naming_culture() -> None:
    listed = {country for culture in CULTURES for country in culture.countries}
    assert {profile.code for profile in COUNTRIES} == listed
    assert culture_for_country("DEU").key == "german"


def test_family_first_cultures_are_written_that_way() -> None:
    orders = {culture.key: culture.order for culture in CULTURES}
    assert orders["chinese"] is NameOrder.FAMILY_FIRST_JOINED
    assert orders["vietnamese"] is NameOrder.FAMILY_FIRST
    assert orders["french"] is NameOrder.GIVEN_FIRST


def test_reserved_surnames_never_appear_on_a_notice(persons: tuple[Person, ...]) -> None:
    reserved = {
        part.native
        for culture in CULTURES
        for table in (culture.surnames, culture.female_surnames)
        for part in table[-RESERVED_SURNAMES:]
    }
    for person in persons:
        assert not any(surname in person.name for surname in reserved), person.name


def test_birth_dates_are_sometimes_partial(persons: tuple[Person, ...]) -> None:
    shapes = Counter(
        "none" if p.birth_date is None else len(p.birth_date.isoformat()) for p in persons
    )
    assert set(shapes) == {4, 7, 10}
    assert shapes[10] > shapes[7]
    assert shapes[10] > shapes[4]
    for person in persons:
        assert person.birth_date is not None
        assert person.birth_date.year < TODAY.year


def test_every_notice_type_occurs_with_its_action(persons: tuple[Person, ...]) -> None:
    assert {p.type for p in persons} == set(NoticeType)
    red = next(p for p in persons if p.type is NoticeType.RED)
    assert red.action.startswith("Locate and provisionally arrest pending extradition")
    yellow = next(p for p in persons if p.type is NoticeType.YELLOW)
    assert yellow.action.startswith("Do not alarm the person")
    assert all(p.reason for p in persons)


def test_sexes_and_nationalities(persons: tuple[Person, ...]) -> None:
    assert {p.sex for p in persons} == set(Sex)
    assert all(p.nationalities for p in persons)
    assert any(len(p.nationalities) == 2 for p in persons)
