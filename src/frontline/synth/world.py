"""The synthetic demo world: every kind of record, plus valid documents to check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from frontline.domain.records import (
    AnyRecord,
    Firearm,
    Person,
    RecordKind,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.synth.documents import DocumentPlan, ReservedNumbers, iter_documents
from frontline.synth.firearms import iter_firearms
from frontline.synth.passports import DemoDocument, DemoMRZ
from frontline.synth.persons import iter_persons
from frontline.synth.travellers import draw_clean_travellers, draw_sample_mrzs
from frontline.synth.vehicles import iter_vehicles
from frontline.synth.vessels import iter_vessels

__all__ = ["World", "generate_world"]

MAX_CLEAN_TRAVELLERS = 50
MIN_CLEAN_TRAVELLERS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class World:
    """A synthetic world: the records of every database and valid documents to check.

    ``clean_travellers`` hold valid passports that hit nothing; ``linked_documents`` are the
    valid documents linked to persons (TDAWN), with their MRZs; ``sample_mrzs`` are
    ready-to-paste MRZs with the verdict a check should give.
    """

    seed: int
    today: dt.date
    documents: tuple[TravelDocument, ...]
    persons: tuple[Person, ...]
    vehicles: tuple[Vehicle, ...]
    vessels: tuple[Vessel, ...]
    firearms: tuple[Firearm, ...]
    clean_travellers: tuple[DemoDocument, ...]
    linked_documents: tuple[DemoDocument, ...]
    sample_mrzs: tuple[DemoMRZ, ...]

    def records(self, kind: RecordKind) -> tuple[AnyRecord, ...]:
        """The records of one kind."""
        by_kind: dict[RecordKind, tuple[AnyRecord, ...]] = {
            RecordKind.DOCUMENTS: self.documents,
            RecordKind.PERSONS: self.persons,
            RecordKind.VEHICLES: self.vehicles,
            RecordKind.VESSELS: self.vessels,
            RecordKind.FIREARMS: self.firearms,
        }
        return by_kind[kind]


def generate_world(*, size: int, seed: int, today: dt.date) -> World:
    """A world of ``size`` documents and, in proportion, the other records.

    Persons and firearms are a tenth of ``size``, vehicles a fifth, vessels a fiftieth (at
    least one of each from ``size`` 10). Pure: the same arguments give the same world.
    """
    if size < 0:
        raise ValueError(f"size must not be negative: {size}")
    documents = tuple(iter_documents(count=size, seed=seed, today=today))
    numbers = ReservedNumbers(DocumentPlan(seed), documents)
    drawn = tuple(iter_persons(count=_share(size, 10), seed=seed, today=today, numbers=numbers))
    linked = tuple(document for draw in drawn for document in draw.linked)
    travellers = draw_clean_travellers(
        count=min(MAX_CLEAN_TRAVELLERS, max(MIN_CLEAN_TRAVELLERS, size // 100)),
        seed=seed,
        today=today,
        numbers=numbers,
    )
    return World(
        seed=seed,
        today=today,
        documents=documents,
        persons=tuple(draw.person for draw in drawn),
        vehicles=tuple(iter_vehicles(count=_share(size, 5), seed=seed, today=today)),
        vessels=tuple(iter_vessels(count=_share(size, 50), seed=seed, today=today)),
        firearms=tuple(iter_firearms(count=_share(size, 10), seed=seed)),
        clean_travellers=travellers,
        linked_documents=linked,
        sample_mrzs=draw_sample_mrzs(
            seed=seed, today=today, documents=documents, travellers=travellers, linked=linked
        ),
    )


def _share(size: int, per: int) -> int:
    """One record per ``per`` documents, at least one once the world has ten documents."""
    return max(1, size // per) if size >= 10 else 0
