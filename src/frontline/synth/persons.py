"""Persons under notices and diffusions, some carrying valid documents (TDAWN)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from frontline.domain.dates import PartialDate
from frontline.domain.records import DocumentType, LinkedDocument, NoticeType, Person, Sex
from frontline.synth.actions import NOTICE_ACTIONS, NOTICE_REASONS
from frontline.synth.bureaus import BUREAUS, issues_id_cards
from frontline.synth.documents import ReservedNumbers
from frontline.synth.naming import CULTURE_WEIGHTS, ComposedName, draw_name
from frontline.synth.passports import DemoDocument, make_demo_document
from frontline.synth.randomness import Weighted, section_rng

__all__ = ["PersonDraw", "as_recorded", "iter_persons"]

_NOTICES = Weighted(
    (
        (NoticeType.RED, 30),
        (NoticeType.YELLOW, 12),
        (NoticeType.BLUE, 12),
        (NoticeType.BLACK, 3),
        (NoticeType.GREEN, 8),
        (NoticeType.ORANGE, 3),
        (NoticeType.PURPLE, 2),
        (NoticeType.UN_SPECIAL, 3),
        (NoticeType.DIFFUSION, 17),
        (NoticeType.NOMINAL, 10),
    )
)
_SEXES = Weighted(((Sex.MALE, 66), (Sex.FEMALE, 32), (Sex.OTHER, 1), (Sex.UNKNOWN, 1)))
_LINK_PER_MILLE = {
    NoticeType.RED: 350,
    NoticeType.BLUE: 250,
    NoticeType.DIFFUSION: 300,
    NoticeType.UN_SPECIAL: 400,
}
_DEFAULT_LINK_PER_MILLE = 100


@dataclass(frozen=True, slots=True)
class PersonDraw:
    """A person record and the valid documents linked to it, with their MRZs."""

    person: Person
    linked: tuple[DemoDocument, ...]


def iter_persons(
    *, count: int, seed: int, today: dt.date, numbers: ReservedNumbers
) -> Iterator[PersonDraw]:
    """``count`` persons ``PER-000001``..; the first always carries a linked passport."""
    rng = section_rng(seed, "persons")
    for index in range(1, count + 1):
        yield _draw_person(rng, f"PER-{index:06d}", today, numbers, must_link=index == 1)


def _draw_person(
    rng: random.Random,
    person_id: str,
    today: dt.date,
    numbers: ReservedNumbers,
    *,
    must_link: bool,
) -> PersonDraw:
    notice = _NOTICES.draw(rng)
    culture = CULTURE_WEIGHTS.draw(rng)
    sex = _SEXES.draw(rng)
    name = draw_name(rng, culture, sex)
    born = _birth_date(rng, today, notice)
    nationalities = _nationalities(rng, rng.choice(culture.countries))
    linked: tuple[DemoDocument, ...] = ()
    if must_link or rng.randrange(1000) < _LINK_PER_MILLE.get(notice, _DEFAULT_LINK_PER_MILLE):
        linked = _linked_documents(rng, person_id, name, sex, born, nationalities, today, numbers)
    person = Person(
        id=person_id,
        owner=_owner(rng, notice, nationalities),
        action=NOTICE_ACTIONS[notice],
        type=notice,
        name=name.name,
        aliases=name.aliases,
        birth_date=as_recorded(rng, born),
        sex=sex,
        nationalities=nationalities,
        reason=rng.choice(NOTICE_REASONS[notice]),
        documents=tuple(
            LinkedDocument(
                number=doc.document_number,
                issuing_country=doc.issuing_country,
                type=doc.document_type,
            )
            for doc in linked
        ),
    )
    return PersonDraw(person, linked)


def _birth_date(rng: random.Random, today: dt.date, notice: NoticeType) -> dt.date:
    """Missing persons may be children; everyone else is an adult."""
    youngest, oldest = (4, 70) if notice is NoticeType.YELLOW else (18, 75)
    days = rng.randint(youngest * 365 + 1, oldest * 365)
    return dt.date.fromordinal(today.toordinal() - days)


def as_recorded(rng: random.Random, born: dt.date) -> PartialDate:
    """The birth date as the notice knows it: often in full, sometimes only year or month."""
    draw = rng.randrange(100)
    if draw < 72:
        return PartialDate(born.year, born.month, born.day)
    if draw < 84:
        return PartialDate(born.year, born.month)
    return PartialDate(born.year)


def _nationalities(rng: random.Random, first: str) -> tuple[str, ...]:
    if rng.randrange(100) < 12:
        second = BUREAUS.draw(rng)
        if second != first:
            return (first, second)
    return (first,)


def _owner(rng: random.Random, notice: NoticeType, nationalities: tuple[str, ...]) -> str:
    """The bureau that asked for the notice: often the person's own country."""
    own_country_percent = 75 if notice in (NoticeType.YELLOW, NoticeType.BLACK) else 55
    if rng.randrange(100) < own_country_percent:
        return nationalities[0]
    return BUREAUS.draw(rng)


def _linked_documents(
    rng: random.Random,
    person_id: str,
    name: ComposedName,
    sex: Sex,
    born: dt.date,
    nationalities: tuple[str, ...],
    today: dt.date,
    numbers: ReservedNumbers,
) -> tuple[DemoDocument, ...]:
    """One valid passport of the first nationality; sometimes a second document."""
    wanted = [(nationalities[0], DocumentType.PASSPORT)]
    if rng.randrange(100) < 15:
        if len(nationalities) > 1:
            wanted.append((nationalities[1], DocumentType.PASSPORT))
        elif issues_id_cards(nationalities[0]):
            wanted.append((nationalities[0], DocumentType.ID_CARD))
    return tuple(
        make_demo_document(
            holder=name,
            document_type=document_type,
            document_number=numbers.take(country, document_type),
            issuing_country=country,
            birth_date=born,
            sex=sex,
            expiry_date=dt.date.fromordinal(today.toordinal() + rng.randint(60, 9 * 365)),
            person_id=person_id,
        )
        for country, document_type in wanted
    )
