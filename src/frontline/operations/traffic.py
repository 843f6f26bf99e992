"""What passes a simulated border point: travellers and vehicles, a few of them on record.

Hits are drawn from real records of the store (stolen and lost documents, persons under
notices and the documents linked to them, stolen vehicles and vessels); the rest are made-up
travellers and cars that match nothing. Used by ``frontline operations simulate``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from frontline.domain.records import (
    Person,
    RecordKind,
    RecordState,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.store.repository import RecordStore

__all__ = ["Traffic", "check_moments"]

Raw = dict[str, Any]

_COUNTRIES = ("THA", "MYS", "KHM", "LAO", "CHN", "RUS", "DEU", "GBR", "FRA", "AUS", "IND", "USA")
_GIVEN = ("Somchai", "Anan", "Mei", "Olga", "James", "Aisha", "Kenji", "Lucas", "Nadia", "Tran")
_FAMILY = ("Srisuk", "Wong", "Ivanova", "Smith", "Rahman", "Tanaka", "Martin", "Nguyen", "Lee")
_LETTERS = "ABCDEFGHKLMN"
# Checks by hour of the day (UTC): quiet at night, flights and ferries by day.
_HOURLY = (1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 8, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1)
_SECOND = dt.timedelta(seconds=1)
_SAMPLE = 5000  # records read per kind to draw hits from


@dataclass(slots=True)
class Traffic:
    """Checks to make: ``on_record`` of a real record, ``clean`` of nobody on record."""

    rng: random.Random
    documents: list[Raw] = field(default_factory=list)
    persons: list[Raw] = field(default_factory=list)
    linked: list[Raw] = field(default_factory=list)
    vehicles: list[Raw] = field(default_factory=list)
    vessels: list[Raw] = field(default_factory=list)

    @classmethod
    def from_store(cls, store: RecordStore, rng: random.Random) -> Traffic:
        """Check requests for the first active records of each kind (by id)."""
        traffic = cls(rng)
        for record in _active(store, RecordKind.DOCUMENTS):
            if isinstance(record, TravelDocument) and record.number:
                traffic.documents.append(_document(record.number, record.issuing_country))
        for record in _active(store, RecordKind.PERSONS):
            if isinstance(record, Person):
                traffic.persons.append({"person": _person(record)})
                traffic.linked.extend(
                    _document(linked.number, linked.issuing_country) for linked in record.documents
                )
        for record in _active(store, RecordKind.VEHICLES):
            if isinstance(record, Vehicle) and record.vin:
                traffic.vehicles.append({"vehicle": {"vin": record.vin}})
        for record in _active(store, RecordKind.VESSELS):
            if isinstance(record, Vessel) and record.imo:
                traffic.vessels.append({"vessel": {"imo": record.imo}})
        return traffic

    def on_record(self, point_type: str) -> Raw | None:
        """A check of a real record: documents mostly, persons, and what the point sees
        (vehicles at land crossings, vessels at ports); None if the store has none."""
        choices: list[tuple[list[Raw], int]] = [
            (self.documents, 50),
            (self.persons, 20),
            (self.linked, 10),
        ]
        if point_type == "land":
            choices.append((self.vehicles, 40))
        if point_type == "sea":
            choices.append((self.vessels, 10))
        usable = [(pool, weight) for pool, weight in choices if pool]
        if not usable:
            return None
        pool = self.rng.choices([p for p, _ in usable], weights=[w for _, w in usable])[0]
        chosen = dict(self.rng.choice(pool))
        if "person" in chosen and self.rng.random() < 0.4:
            chosen["person"] = _blurred(chosen["person"], self.rng)
        return chosen

    def clean(self, point_type: str) -> Raw:
        """A traveller (document and name) or, at a land crossing, sometimes a car."""
        rng = self.rng
        if point_type == "land" and rng.random() < 0.3:
            plate = f"{rng.choice(_LETTERS)}{rng.choice(_LETTERS)}{rng.randint(1000, 9999)}"
            return {"vehicle": {"plate": plate, "plate_country": rng.choice(("THA", "MYS"))}}
        number = f"{rng.choice('ABCNPT')}{rng.randint(10_000_000, 99_999_999)}"
        born = f"{rng.randint(1950, 2006)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return {
            **_document(number, rng.choice(_COUNTRIES)),
            "person": {"name": f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}", "birth_date": born},
        }


def check_moments(
    starts: dt.datetime, ends: dt.datetime, count: int, rng: random.Random
) -> list[dt.datetime]:
    """When ``count`` checks happen in ``[starts, ends)``, in order: busier some days than
    others, and by day than by night."""
    days = max(1, (ends - starts).days)
    day_weights = [rng.uniform(0.6, 1.4) for _ in range(days)]
    moments = []
    for _ in range(count):
        day = rng.choices(range(days), weights=day_weights)[0]
        hour = rng.choices(range(24), weights=_HOURLY)[0]
        offset = dt.timedelta(days=day, hours=hour, seconds=rng.uniform(0, 3600))
        moments.append(min(starts + offset, ends - _SECOND))
    return sorted(moments)


def _document(number: str, country: str) -> Raw:
    return {"document": {"number": number, "country": country}}


def _person(record: Person) -> dict[str, str]:
    """The person as their travel document names them (a Latin alias when there is one)."""
    person = {"name": record.aliases[0] if record.aliases else record.name}
    if record.birth_date is not None:
        person["birth_date"] = record.birth_date.isoformat()
    return person


def _blurred(person: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """The traveller as an officer may type them: two letters swapped, or the year only."""
    name = person["name"]
    if rng.random() < 0.5 and len(name) > 4:
        at = rng.randrange(1, len(name) - 2)
        return {**person, "name": name[:at] + name[at + 1] + name[at] + name[at + 2 :]}
    born = person.get("birth_date")
    return {**person, "birth_date": born[:4]} if born else person


def _active(store: RecordStore, kind: RecordKind) -> list[Any]:
    return list(store.search(kind, state=RecordState.ACTIVE, limit=_SAMPLE))
