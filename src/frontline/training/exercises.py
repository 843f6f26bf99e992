"""Exercise templates: travellers drawn from a training space's synthetic world, each with
the decision an officer should make and why. Pure and deterministic: the same world, seed
and size give the same exercise.

A space is seeded from ``generate_world(size, seed, today)``; a template regenerates that
world (no store needed) and plants its cases in it: a stolen passport is one the space's
SLTD holds, a TDAWN case a document the space links to a notice. Clean travellers get
fresh numbers from the far end of the world's number plan and names no notice uses, so
they hit nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontline.domain.records import (
    DocumentStatus,
    DocumentType,
    ObjectStatus,
    Person,
    Sex,
    TravelDocument,
    Vehicle,
)
from frontline.domain.training import NOTICE_DECISIONS, CaseType, Decision, ExerciseCase
from frontline.errors import InvalidInput
from frontline.synth.bureaus import COUNTRIES, issues_id_cards
from frontline.synth.documents import DocumentPlan, ReservedNumbers
from frontline.synth.naming import CULTURE_WEIGHTS, culture_for_country, draw_name
from frontline.synth.passports import (
    DemoDocument,
    break_number_check_digit,
    make_demo_document,
)
from frontline.synth.randomness import section_rng
from frontline.synth.vehicles import iter_vehicles
from frontline.synth.world import World

__all__ = ["DEFAULT_CASES", "MAX_CASES", "TEMPLATES", "build_exercise"]

MAX_CASES = 200
DEFAULT_CASES = {
    "document-fraud": 8,
    "notices": 8,
    "nominal": 8,
    "tdawn": 6,
    "vehicles": 6,
    "border-queue": 20,
}
TEMPLATES = tuple(DEFAULT_CASES)


@dataclass(slots=True)
class _Draw:
    """What a case builder draws from: the world, a seeded generator, unused numbers."""

    world: World
    rng: random.Random
    numbers: ReservedNumbers
    used: set[str] = field(default_factory=set)
    taken: dict[str, int] = field(default_factory=dict)  # pool name -> next index

    def next_of(self, pool: str, items: Sequence[Any]) -> Any:
        """The next item of ``pool`` (cycling when an exercise wants more than it holds)."""
        if not items:
            raise InvalidInput.for_field("template", f"this space's world holds no {pool}")
        index = self.taken.get(pool, 0)
        self.taken[pool] = index + 1
        return items[index % len(items)]

    def fresh_number(self, country: str, document_type: DocumentType) -> str:
        while True:
            number = self.numbers.take(country, document_type)
            if number not in self.used:
                self.used.add(number)
                return number

    def clean_document(self, document_type: DocumentType = DocumentType.PASSPORT) -> DemoDocument:
        """A valid document of a traveller no record names."""
        culture = CULTURE_WEIGHTS.draw(self.rng)
        country = self.rng.choice(culture.countries)
        if document_type is DocumentType.ID_CARD and not issues_id_cards(country):
            document_type = DocumentType.PASSPORT
        sex = Sex.MALE if self.rng.random() < 0.5 else Sex.FEMALE
        return make_demo_document(
            holder=draw_name(self.rng, culture, sex, reserved=True),
            document_type=document_type,
            document_number=self.fresh_number(country, document_type),
            issuing_country=country,
            birth_date=_adult(self.rng, self.world.today),
            sex=sex,
            expiry_date=_future(self.rng, self.world.today),
        )


def build_exercise(
    world: World, *, template: str, seed: int, cases: int | None = None
) -> list[ExerciseCase]:
    """The cases of one exercise of ``template`` on ``world``, numbered from 1."""
    if template not in DEFAULT_CASES:
        known = ", ".join(TEMPLATES)
        raise InvalidInput.for_field("template", f"unknown template {template!r}; one of {known}")
    count = DEFAULT_CASES[template] if cases is None else cases
    if not 1 <= count <= MAX_CASES:
        raise InvalidInput.for_field("travellers", f"must be between 1 and {MAX_CASES}")
    draw = _Draw(world, section_rng(seed, f"training/{template}"), _numbers(world))
    # The world's own valid documents come from the same end of the number plan: never
    # hand one of them (a TDAWN passport) to a traveller meant to be clean.
    draw.used.update(d.document_number for d in (*world.linked_documents, *world.clean_travellers))
    builders = _PLANS[template](draw, count)
    return [builder(draw, number) for number, builder in enumerate(builders, start=1)]


def _numbers(world: World) -> ReservedNumbers:
    return ReservedNumbers(DocumentPlan(world.seed), world.documents)


Builder = Callable[[_Draw, int], ExerciseCase]


def _cycle(kinds: Sequence[Builder], count: int, rng: random.Random) -> list[Builder]:
    chosen = [kinds[index % len(kinds)] for index in range(count)]
    rng.shuffle(chosen)
    return chosen


def _possible(world: World, kinds: Sequence[Builder]) -> list[Builder]:
    """The kinds of case this world can supply (a small world may hold no stolen blank)."""
    return [kind for kind in kinds if kind not in _NEEDS or _NEEDS[kind](world)]


def _plan_document_fraud(draw: _Draw, count: int) -> list[Builder]:
    kinds = [_check_digit, _data_page_mismatch, _nonexistent_series, _stolen_blank]
    return _cycle(_possible(draw.world, [*kinds, _stolen_document, _clean]), count, draw.rng)


def _plan_notices(draw: _Draw, count: int) -> list[Builder]:
    return [_notice] * count


def _plan_nominal(draw: _Draw, count: int) -> list[Builder]:
    return _cycle([_nominal, _nominal, _nominal, _clean_person], count, draw.rng)


def _plan_tdawn(draw: _Draw, count: int) -> list[Builder]:
    return _cycle([_tdawn, _tdawn, _clean], count, draw.rng)


def _plan_vehicles(draw: _Draw, count: int) -> list[Builder]:
    return _cycle([_stolen_vehicle, _clean_vehicle], count, draw.rng)


def _plan_border_queue(draw: _Draw, count: int) -> list[Builder]:
    """Mostly clean travellers, with a fifth (at least three, when there is room) planted."""
    planted_kinds = _possible(
        draw.world,
        [
            _stolen_document,
            _tdawn,
            _check_digit,
            _stolen_blank,
            _data_page_mismatch,
            _stolen_vehicle,
            _nonexistent_series,
        ],
    )
    planted = min(count, max(3, round(count * 0.2)))
    builders: list[Builder] = [planted_kinds[i % len(planted_kinds)] for i in range(planted)]
    builders += [_clean] * (count - planted)
    draw.rng.shuffle(builders)
    return builders


def _data_page(document: DemoDocument) -> dict[str, str]:
    return {
        "document_type": document.document_type.value,
        "issuing_country": document.issuing_country,
        "document_number": document.document_number,
        "surname": document.surname,
        "given_names": document.given_names,
        "nationality": document.nationality,
        "birth_date": document.birth_date.isoformat(),
        "sex": document.sex.value,
        "expiry_date": document.expiry_date.isoformat(),
    }


def _shown(document: DemoDocument, **extra: Any) -> dict[str, Any]:
    return {"mrz": list(document.mrz), "data_page": _data_page(document), **extra}


def _case(number: int, kind: CaseType, presented: dict[str, Any], **truth: Any) -> ExerciseCase:
    return ExerciseCase(number=number, case_type=kind, presented=presented, **truth)


def _clean(draw: _Draw, number: int) -> ExerciseCase:
    document = draw.clean_document()
    why = "A valid passport that matches its data page and hits nothing: release."
    return _case(
        number, CaseType.CLEAN, _shown(document), expected=Decision.RELEASE, explanation=why
    )


def _check_digit(draw: _Draw, number: int) -> ExerciseCase:
    document = draw.clean_document()
    presented = _shown(document)
    presented["mrz"] = list(break_number_check_digit(document.mrz))
    why = (
        "The document number's check digit in the MRZ is wrong: the zone was altered or "
        "printed by a forger. Refer the traveller to second line for an expert examination."
    )
    return _case(
        number,
        CaseType.MRZ_CHECK_DIGIT,
        presented,
        expected=Decision.REFER_SECOND_LINE,
        explanation=why,
    )


def _data_page_mismatch(draw: _Draw, number: int) -> ExerciseCase:
    document = draw.clean_document()
    presented = _shown(document)
    printed = document.birth_date.replace(year=document.birth_date.year - draw.rng.randint(3, 9))
    presented["data_page"]["birth_date"] = printed.isoformat()
    why = (
        f"The data page prints born {printed.isoformat()} but the MRZ says "
        f"{document.birth_date.isoformat()} (its check digits are right): one of the two was "
        "changed. Refer to second line."
    )
    return _case(
        number,
        CaseType.DATA_PAGE_MISMATCH,
        presented,
        expected=Decision.REFER_SECOND_LINE,
        explanation=why,
    )


_NO_ID_CARDS = tuple(p.code for p in COUNTRIES if not issues_id_cards(p.code))


def _nonexistent_series(draw: _Draw, number: int) -> ExerciseCase:
    country = draw.rng.choice(_NO_ID_CARDS)
    sex = Sex.MALE if draw.rng.random() < 0.5 else Sex.FEMALE
    document = make_demo_document(
        holder=draw_name(draw.rng, culture_for_country(country), sex, reserved=True),
        document_type=DocumentType.ID_CARD,
        document_number=draw.fresh_number(country, DocumentType.ID_CARD),
        issuing_country=country,
        birth_date=_adult(draw.rng, draw.world.today),
        sex=sex,
        expiry_date=_future(draw.rng, draw.world.today),
    )
    why = (
        f"{country} issues no national identity card: this series never existed, so the card "
        "is a fantasy document even though its check digits are right. Seize the document."
    )
    return _case(
        number,
        CaseType.NONEXISTENT_SERIES,
        _shown(document),
        expected=Decision.SEIZE_DOCUMENT,
        explanation=why,
    )


def _listed(world: World, status: DocumentStatus, *, batch: bool) -> list[TravelDocument]:
    return [
        document
        for document in world.documents
        if document.status is status and (document.number is None) is batch
    ]


def _stolen_blank(draw: _Draw, number: int) -> ExerciseCase:
    batch: TravelDocument = draw.next_of(
        "stolen blank batches", _listed(draw.world, DocumentStatus.STOLEN_BLANK, batch=True)
    )
    low, high = batch.number_from or "", batch.number_to or ""
    digits = len(low) - len(low.rstrip("0123456789"))
    prefix = low[: len(low) - digits]
    value = draw.rng.randint(int(low[len(prefix) :]), int(high[len(prefix) :]))
    document = _holder_of(draw, batch, f"{prefix}{value:0{digits}d}")
    why = (
        f"The number is inside a batch of blank documents reported stolen ({low}..{high}, "
        f"record {batch.id}): the personal data were filled in by a forger. Seize the document."
    )
    return _case(
        number,
        CaseType.STOLEN_BLANK,
        _shown(document),
        expected=Decision.SEIZE_DOCUMENT,
        explanation=why,
        record_id=batch.id,
    )


def _stolen_passports(world: World) -> list[TravelDocument]:
    listed = _listed(world, DocumentStatus.STOLEN, batch=False)
    return [document for document in listed if document.type is DocumentType.PASSPORT]


def _stolen_document(draw: _Draw, number: int) -> ExerciseCase:
    listed: TravelDocument = draw.next_of("stolen passports", _stolen_passports(draw.world))
    document = _holder_of(draw, listed, listed.number or "")
    why = (
        f"The passport is reported stolen (SLTD record {listed.id}): an impostor carries it. "
        "Seize the document and contact the issuing bureau."
    )
    return _case(
        number,
        CaseType.STOLEN_DOCUMENT,
        _shown(document),
        expected=Decision.SEIZE_DOCUMENT,
        explanation=why,
        record_id=listed.id,
    )


def _holder_of(draw: _Draw, listed: TravelDocument, number: str) -> DemoDocument:
    """The listed document as a traveller presents it, under a name no notice carries."""
    sex = Sex.MALE if draw.rng.random() < 0.5 else Sex.FEMALE
    culture = culture_for_country(listed.issuing_country)
    return make_demo_document(
        holder=draw_name(draw.rng, culture, sex, reserved=True),
        document_type=listed.type,
        document_number=number,
        issuing_country=listed.issuing_country,
        birth_date=_adult(draw.rng, draw.world.today),
        sex=sex,
        expiry_date=_future(draw.rng, draw.world.today),
    )


def _notice_explanation(person: Person) -> str:
    decision = NOTICE_DECISIONS[person.type]
    return (
        f"{person.type.value.replace('_', ' ').title()} notice {person.id} (owner "
        f"{person.owner}): {person.action} That is: {decision.label.lower()}."
    )


def _persons(world: World) -> list[Person]:
    return [person for person in world.persons if person.birth_date is not None]


def _notice(draw: _Draw, number: int) -> ExerciseCase:
    """A person under notice as a passenger list names them: one of each type in turn."""
    persons = _persons(draw.world)
    by_type = sorted({person.type for person in persons}, key=lambda kind: kind.value)
    kind = by_type[draw.taken.get("notice types", 0) % len(by_type)]
    draw.taken["notice types"] = draw.taken.get("notice types", 0) + 1
    person: Person = draw.next_of(f"{kind.value} notices", [p for p in persons if p.type is kind])
    presented = {"person": _listed_person(person, person.name, str(person.birth_date))}
    return _case(
        number,
        CaseType.NOTICE,
        presented,
        expected=NOTICE_DECISIONS[person.type],
        explanation=_notice_explanation(person),
        record_id=person.id,
    )


def _listed_person(person: Person, name: str, born: str) -> dict[str, str]:
    nationality = person.nationalities[0] if person.nationalities else ""
    return {"name": name, "birth_date": born, "nationality": nationality}


def _nominal(draw: _Draw, number: int) -> ExerciseCase:
    """A person under notice named as another list spells them: romanised, reordered, with
    only the year (or year and month) of birth."""
    person: Person = draw.next_of("persons with romanised names", _romanised(draw.world))
    name = draw.rng.choice(person.aliases)
    words = name.split()
    if len(words) > 1:
        name = " ".join([words[-1], *words[:-1]])  # surname first, as many lists write it
    assert person.birth_date is not None
    born = str(person.birth_date.year)
    if person.birth_date.month is not None and draw.rng.random() < 0.5:
        born = f"{person.birth_date.year}-{person.birth_date.month:02d}"
    presented = {"person": _listed_person(person, name, born)}
    why = f"'{name}' born {born} is {person.name} under another spelling. " + _notice_explanation(
        person
    )
    return _case(
        number,
        CaseType.NOMINAL,
        presented,
        expected=NOTICE_DECISIONS[person.type],
        explanation=why,
        record_id=person.id,
    )


def _romanised(world: World) -> list[Person]:
    return [person for person in _persons(world) if person.aliases]


def _clean_person(draw: _Draw, number: int) -> ExerciseCase:
    document = draw.clean_document()
    presented = {
        "person": {
            "name": f"{document.given_names} {document.surname}".title(),
            "birth_date": str(document.birth_date.year),
            "nationality": document.nationality,
        }
    }
    why = "No notice names this person, in any spelling: release."
    return _case(number, CaseType.CLEAN, presented, expected=Decision.RELEASE, explanation=why)


def _tdawn(draw: _Draw, number: int) -> ExerciseCase:
    linked: DemoDocument = draw.next_of("documents linked to notices", draw.world.linked_documents)
    person = next(p for p in draw.world.persons if p.id == linked.person_id)
    why = (
        f"A valid {linked.document_type.value.replace('_', ' ')} linked to a notice (TDAWN): "
        + _notice_explanation(person)
    )
    return _case(
        number,
        CaseType.TDAWN,
        _shown(linked),
        expected=NOTICE_DECISIONS[person.type],
        explanation=why,
        record_id=person.id,
    )


def _vehicle_fields(vehicle: Vehicle) -> dict[str, str]:
    fields = {"vin": vehicle.vin, "plate": vehicle.plate, "plate_country": vehicle.plate_country}
    fields |= {"make": vehicle.make, "model": vehicle.model, "colour": vehicle.colour}
    return {key: value for key, value in fields.items() if value}


def _stolen_cars(world: World) -> list[Vehicle]:
    return [v for v in world.vehicles if v.status is ObjectStatus.STOLEN and v.vin]


def _stolen_vehicle(draw: _Draw, number: int) -> ExerciseCase:
    vehicle: Vehicle = draw.next_of("stolen vehicles", _stolen_cars(draw.world))
    driver = draw.clean_document()
    why = (
        f"The car is reported stolen (record {vehicle.id}, owner {vehicle.owner}): "
        f"{vehicle.action} Hold the driver and contact the bureau."
    )
    return _case(
        number,
        CaseType.VEHICLE,
        _shown(driver, vehicle=_vehicle_fields(vehicle)),
        expected=Decision.HOLD_CONTACT_BUREAU,
        explanation=why,
        record_id=vehicle.id,
    )


def _clean_vehicle(draw: _Draw, number: int) -> ExerciseCase:
    seed = draw.rng.randrange(1_000_000, 2_000_000)  # another world's cars: none listed here
    # The car is shown by its VIN (its plate left out), so take the first one that has one:
    # a few generated cars carry only a plate, which left a case with nothing to check.
    cars = iter_vehicles(count=100, seed=seed, today=draw.world.today)
    vehicle = next(car for car in cars if car.vin)
    driver = draw.clean_document()
    fields = {key: value for key, value in _vehicle_fields(vehicle).items() if key != "plate"}
    why = "Neither the car nor its driver is recorded: release."
    return _case(
        number,
        CaseType.CLEAN,
        _shown(driver, vehicle=fields),
        expected=Decision.RELEASE,
        explanation=why,
    )


def _adult(rng: random.Random, today: dt.date) -> dt.date:
    return dt.date.fromordinal(today.toordinal() - rng.randint(18 * 365 + 5, 75 * 365))


def _future(rng: random.Random, today: dt.date) -> dt.date:
    return dt.date.fromordinal(today.toordinal() + rng.randint(60, 3650))


# What a kind of case draws on, where a world may lack it.
_NEEDS: dict[Builder, Callable[[World], bool]] = {
    _stolen_blank: lambda world: bool(_listed(world, DocumentStatus.STOLEN_BLANK, batch=True)),
    _stolen_document: lambda world: bool(_stolen_passports(world)),
    _tdawn: lambda world: bool(world.linked_documents),
    _stolen_vehicle: lambda world: bool(_stolen_cars(world)),
}

_PLANS: dict[str, Callable[[_Draw, int], list[Builder]]] = {
    "document-fraud": _plan_document_fraud,
    "notices": _plan_notices,
    "nominal": _plan_nominal,
    "tdawn": _plan_tdawn,
    "vehicles": _plan_vehicles,
    "border-queue": _plan_border_queue,
}
