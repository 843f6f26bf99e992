"""Clean travellers and the demo MRZs: what a demo scans to show each kind of result."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from frontline.domain.checks import Database, Verdict
from frontline.domain.records import DocumentStatus, DocumentType, Sex, TravelDocument
from frontline.synth.documents import ReservedNumbers
from frontline.synth.naming import CULTURE_WEIGHTS, culture_for_country, draw_name
from frontline.synth.passports import (
    DemoDocument,
    DemoMRZ,
    break_number_check_digit,
    make_demo_document,
    mrz_for_document,
)
from frontline.synth.randomness import section_rng

__all__ = ["draw_clean_travellers", "draw_sample_mrzs"]


def draw_clean_travellers(
    *, count: int, seed: int, today: dt.date, numbers: ReservedNumbers
) -> tuple[DemoDocument, ...]:
    """``count`` valid passports whose numbers and holders' names no record carries."""
    rng = section_rng(seed, "travellers")
    travellers = []
    for _ in range(count):
        culture = CULTURE_WEIGHTS.draw(rng)
        country = rng.choice(culture.countries)
        sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
        travellers.append(
            make_demo_document(
                holder=draw_name(rng, culture, sex, reserved=True),
                document_type=DocumentType.PASSPORT,
                document_number=numbers.take(country, DocumentType.PASSPORT),
                issuing_country=country,
                birth_date=_adult_birth_date(rng, today),
                sex=sex,
                expiry_date=_future(rng, today),
            )
        )
    return tuple(travellers)


def draw_sample_mrzs(
    *,
    seed: int,
    today: dt.date,
    documents: Sequence[TravelDocument],
    travellers: Sequence[DemoDocument],
    linked: Sequence[DemoDocument],
) -> tuple[DemoMRZ, ...]:
    """A clean passport, a stolen one, a TDAWN-linked one, one with a broken check digit.

    A sample is left out when the world has nothing to make it from (a tiny world may hold
    no stolen passport).
    """
    rng = section_rng(seed, "samples")
    samples: list[DemoMRZ] = []
    if travellers:
        samples.append(
            DemoMRZ(
                label="clean passport", lines=travellers[0].mrz, expected_verdict=Verdict.NO_HIT
            )
        )
    stolen = next((doc for doc in documents if _is_stolen_passport(doc)), None)
    if stolen is not None:
        samples.append(_stolen_sample(rng, stolen, today))
    tdawn = next((doc for doc in linked if doc.document_type is DocumentType.PASSPORT), None)
    if tdawn is not None:
        samples.append(
            DemoMRZ(
                label="passport linked to a notice (TDAWN)",
                lines=tdawn.mrz,
                expected_verdict=Verdict.HIT,
                database=Database.TDAWN,
                record_id=tdawn.person_id,
            )
        )
    if travellers:
        broken = travellers[1] if len(travellers) > 1 else travellers[0]
        samples.append(
            DemoMRZ(
                label="passport with a broken check digit",
                lines=break_number_check_digit(broken.mrz),
                expected_verdict=Verdict.NO_HIT,
                expected_warning="mrz_check_digit",
            )
        )
    return tuple(samples)


def _stolen_sample(rng: random.Random, document: TravelDocument, today: dt.date) -> DemoMRZ:
    """The listed passport as an impostor would present it, under a name no notice has."""
    sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
    holder = draw_name(rng, culture_for_country(document.issuing_country), sex, reserved=True)
    lines = mrz_for_document(
        document,
        surname=holder.surname,
        given_names=holder.given_names,
        birth_date=_adult_birth_date(rng, today),
        sex=sex,
        expiry=_future(rng, today),
    )
    return DemoMRZ(
        label="stolen passport (SLTD)",
        lines=lines,
        expected_verdict=Verdict.HIT,
        database=Database.SLTD,
        record_id=document.id,
    )


def _is_stolen_passport(document: TravelDocument) -> bool:
    return (
        document.type is DocumentType.PASSPORT
        and document.status is DocumentStatus.STOLEN
        and document.number is not None
    )


def _adult_birth_date(rng: random.Random, today: dt.date) -> dt.date:
    return dt.date.fromordinal(today.toordinal() - rng.randint(18 * 365 + 5, 80 * 365))


def _future(rng: random.Random, today: dt.date) -> dt.date:
    """An expiry date within a passport's ten years of validity."""
    return dt.date.fromordinal(today.toordinal() + rng.randint(30, 3650))
