"""Which candidate records are hits, how sure, and why: pure functions over records.

Candidates come from exact keys; these rules look at each record again (live? same
country? same number or in the range? same type?) and say in words what matched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from frontline.domain.checks import Database, Hit, Reason
from frontline.domain.queries import DocumentQuery, FirearmQuery, VehicleQuery, VesselQuery
from frontline.domain.records import (
    DocumentType,
    Firearm,
    Person,
    RecordKind,
    TravelDocument,
    Vehicle,
    Vessel,
)
from frontline.identifiers.countries import country_key
from frontline.identifiers.docnumbers import describe_variant, fold_confusables
from frontline.matching.algorithm import Match, Outcome
from frontline.matching.features import PartPair
from frontline.records.keys import split_numbered
from frontline.synth.actions import NOTICE_ACTIONS

__all__ = [
    "CONFUSABLE_SCORE",
    "MAKE_SIMILARITY",
    "document_hits",
    "face_hit",
    "firearm_hits",
    "person_hit",
    "tdawn_hits",
    "vehicle_hits",
    "vessel_hits",
]

CONFUSABLE_SCORE = 0.9
"""Score of a number that matches only after folding OCR confusables: a possible match."""
TYPE_MISMATCH_SCORE = 0.8
"""Score when number and country match but the recorded document type differs."""
MAKE_SIMILARITY = 85.0
"""Least rapidfuzz token-set ratio (0-100) for two firearm makes to count as the same."""
SERIAL_ONLY_SCORE = 0.7
"""Score of a firearm whose serial matches when the check gave no make."""


def document_hits(
    query: DocumentQuery, records: Iterable[TravelDocument], *, now: dt.datetime
) -> list[Hit]:
    """SLTD hits: the document is recorded lost, stolen, revoked, invalid or stolen blank."""
    hits = []
    wanted_country = country_key(query.country)
    for record in records:
        if not record.is_live(now) or country_key(record.issuing_country) != wanted_country:
            continue
        number_reason = _number_reason(query, record)
        if number_reason is None:
            continue
        score, exact = (
            (1.0, True)
            if number_reason.feature != "document_number_variant"
            else (
                CONFUSABLE_SCORE,
                False,
            )
        )
        reasons = [number_reason, Reason("issuing_country", f"issued by {record.issuing_country}")]
        if (
            query.type is not None
            and query.type not in (record.type, DocumentType.OTHER)
            and (record.type is not DocumentType.OTHER)
        ):
            score, exact = min(score, TYPE_MISMATCH_SCORE), False
            reasons.append(
                Reason("document_type", f"recorded as {record.type}, checked as {query.type}")
            )
        reasons.append(Reason("status", _status_sentence(record)))
        hits.append(
            _hit(
                Database.SLTD,
                RecordKind.DOCUMENTS,
                record,
                score,
                exact,
                reasons,
                status=record.status.value,
                summary=_document_summary(record),
            )
        )
    return hits


def _number_reason(query: DocumentQuery, record: TravelDocument) -> Reason | None:
    if record.number is not None:
        if record.number == query.number:
            return Reason("document_number", f"{query.number}: exact after normalisation")
        if fold_confusables(record.number) == fold_confusables(query.number):
            return Reason(
                "document_number_variant",
                f"{query.number} vs recorded {record.number}: "
                f"{describe_variant(query.number, record.number)}",
            )
        return None
    return _range_reason(query.number, record)


def _range_reason(number: str, record: TravelDocument) -> Reason | None:
    low, high = record.number_from, record.number_to
    value, start, end = (
        split_numbered(number),
        split_numbered(low or ""),
        split_numbered(high or ""),
    )
    if value is None or start is None or end is None:
        return None
    if value[0] != start[0] or value[2] != start[2] or not start[1] <= value[1] <= end[1]:
        return None
    return Reason("number_range", f"{number} lies in the recorded blank range {low} to {high}")


def _status_sentence(record: TravelDocument) -> str:
    when = f" on {record.reported_at.isoformat()}" if record.reported_at else ""
    return f"reported {record.status.value.replace('_', ' ')} by {record.owner}{when}"


def tdawn_hits(query: DocumentQuery, persons: Iterable[Person], *, now: dt.datetime) -> list[Hit]:
    """TDAWN hits: the document may be valid, but it is linked to a person under notice."""
    hits = []
    wanted = (country_key(query.country), fold_confusables(query.number))
    for person in persons:
        if not person.is_live(now):
            continue
        for linked in person.documents:
            key = (country_key(linked.issuing_country), fold_confusables(linked.number))
            if key != wanted:
                continue
            exact = linked.number == query.number
            reasons = [
                Reason(
                    "document_number",
                    f"{query.number}: " + describe_variant(query.number, linked.number),
                ),
                Reason("notice", f"linked to a {person.type.value} notice on {person.name}"),
            ]
            hits.append(
                _hit(
                    Database.TDAWN,
                    RecordKind.PERSONS,
                    person,
                    1.0 if exact else CONFUSABLE_SCORE,
                    exact,
                    reasons,
                    status=person.type.value,
                    summary=_person_summary(person),
                )
            )
            break
    return hits


def person_hit(person: Person, match: Match, *, now: dt.datetime) -> Hit | None:
    """A nominal hit: the traveller's name (and dates) match a person under notice.

    A hit or a possible match by the matcher's thresholds; the reasons say, part by part,
    why the names agree, and what the dates, sex and nationality add.
    """
    if not person.is_live(now) or match.outcome == Outcome.NO_MATCH:
        return None
    reasons = [Reason("name", _name_sentence(match))]
    reasons.extend(
        Reason(feature.name, feature.detail)
        for feature in match.features
        if not feature.name.endswith("_unknown")
    )
    reasons.append(Reason("notice", f"{person.type.value} notice on {person.name}"))
    reasons.append(Reason("algorithm", f"scored {match.score:.2f} by {match.algorithm}"))
    hit = _hit(
        Database.NOMINAL,
        RecordKind.PERSONS,
        person,
        match.score,
        match.outcome == Outcome.HIT,
        reasons,
        status=person.type.value,
        summary=_person_summary(person),
    )
    return _with_notice_action(hit, person)


def face_hit(person: Person, *, score: float, is_certain: bool, reasons: list[Reason]) -> Hit:
    """A face hit (biometrics/faces.py decides and words the face's reasons): the probe
    photo is close to one enrolled to a person under notice."""
    reasons = [*reasons, Reason("notice", f"{person.type.value} notice on {person.name}")]
    hit = _hit(
        Database.NOMINAL,
        RecordKind.PERSONS,
        person,
        score,
        is_certain,
        reasons,
        status=person.type.value,
        summary=_person_summary(person),
    )
    return _with_notice_action(hit, person)


def _with_notice_action(hit: Hit, person: Person) -> Hit:
    """The hit with the notice type's standing action when the record says none."""
    if hit.action:
        return hit
    return dataclasses.replace(hit, action=NOTICE_ACTIONS.get(person.type, ""))


def _name_sentence(match: Match) -> str:
    query = match.query_name.original if match.query_name else ""
    record = match.record_name.original if match.record_name else ""
    parts = "; ".join(_pair_words(pair) for pair in match.pairs)
    return f"{query!r} ~ {record!r} ({match.name_score:.2f}): {parts or 'names run together agree'}"


_HOW = {
    "same": "the same",
    "spelling": "spelt alike",
    "nickname": "one is a short form of the other",
    "initial": "an initial",
    "truncated": "cut short on the MRZ",
    "consonants": "the same consonants",
    "sound": "sound alike",
}


def _pair_words(pair: PartPair) -> str:
    how = _HOW.get(pair.how, pair.how)
    return f"{pair.query.latin} / {pair.record.latin}: {how}"


def vehicle_hits(query: VehicleQuery, records: Iterable[Vehicle], *, now: dt.datetime) -> list[Hit]:
    """SMV hits by VIN, or by plate and plate country."""
    hits = []
    for record in records:
        if not record.is_live(now):
            continue
        reasons = []
        if query.vin and record.vin == query.vin:
            reasons.append(Reason("vin", f"{query.vin}: exact"))
        if (
            query.plate
            and record.plate == query.plate
            and country_key(record.plate_country or "") == country_key(query.plate_country or "")
        ):
            reasons.append(Reason("plate", f"{query.plate} ({record.plate_country}): exact"))
        if not reasons:
            continue
        reasons.append(Reason("status", f"reported {record.status.value} by {record.owner}"))
        hits.append(
            _hit(
                Database.SMV,
                RecordKind.VEHICLES,
                record,
                1.0,
                True,
                reasons,
                status=record.status.value,
                summary=_vehicle_summary(record),
            )
        )
    return hits


def vessel_hits(query: VesselQuery, records: Iterable[Vessel], *, now: dt.datetime) -> list[Hit]:
    """Vessel hits by IMO number or hull identification number."""
    hits = []
    for record in records:
        if not record.is_live(now):
            continue
        reasons = []
        if query.imo and record.imo == query.imo:
            reasons.append(Reason("imo", f"IMO {query.imo}: exact"))
        if query.hull_id and record.hull_id == query.hull_id:
            reasons.append(Reason("hull_id", f"{query.hull_id}: exact"))
        if not reasons:
            continue
        reasons.append(Reason("status", f"reported {record.status.value} by {record.owner}"))
        summary: dict[str, object] = {
            "imo": record.imo,
            "hull_id": record.hull_id,
            "name": record.name,
        }
        hits.append(
            _hit(
                Database.VESSELS,
                RecordKind.VESSELS,
                record,
                1.0,
                True,
                reasons,
                status=record.status.value,
                summary=summary,
            )
        )
    return hits


def firearm_hits(query: FirearmQuery, records: Iterable[Firearm], *, now: dt.datetime) -> list[Hit]:
    """Firearm hits: serial numbers repeat across makers, so the make must agree too."""
    hits = []
    for record in records:
        if not record.is_live(now) or record.serial != query.serial:
            continue
        reasons = [Reason("serial", f"{query.serial}: exact")]
        if query.make:
            similarity = fuzz.token_set_ratio(_make_key(query.make), _make_key(record.make))
            if similarity < MAKE_SIMILARITY:
                continue
            reasons.append(
                Reason(
                    "make",
                    f"{query.make} vs recorded {record.make}"
                    + (": same" if similarity == 100 else f": {similarity:.0f}% alike"),
                )
            )
            score, exact = 1.0, True
        else:
            reasons.append(Reason("make", f"no make given; recorded as {record.make}: confirm it"))
            score, exact = SERIAL_ONLY_SCORE, False
        reasons.append(Reason("status", f"reported {record.status.value} by {record.owner}"))
        summary: dict[str, object] = {
            "serial": record.serial,
            "make": record.make,
            "model": record.model,
            "calibre": record.calibre,
            "firearm_type": record.firearm_type,
        }
        hits.append(
            _hit(
                Database.FIREARMS,
                RecordKind.FIREARMS,
                record,
                score,
                exact,
                reasons,
                status=record.status.value,
                summary=summary,
            )
        )
    return hits


_NON_WORD = re.compile(r"[^0-9a-z]+")


def _make_key(make: str) -> str:
    return _NON_WORD.sub(" ", make.casefold()).strip()


def _hit(
    database: Database,
    kind: RecordKind,
    record: TravelDocument | Person | Vehicle | Vessel | Firearm,
    score: float,
    exact: bool,
    reasons: list[Reason],
    *,
    status: str,
    summary: dict[str, object],
) -> Hit:
    return Hit(
        database=database,
        kind=kind.value,
        record_id=record.id,
        score=score,
        is_possible=not exact,
        status=status,
        owner=record.owner,
        action=record.action,
        reasons=tuple(reasons),
        summary=summary,
    )


def _document_summary(record: TravelDocument) -> dict[str, object]:
    return {
        "number": record.number,
        "number_from": record.number_from,
        "number_to": record.number_to,
        "issuing_country": record.issuing_country,
        "type": record.type.value,
        "reported_at": record.reported_at.isoformat() if record.reported_at else None,
    }


def _person_summary(person: Person) -> dict[str, object]:
    return {
        "name": person.name,
        "aliases": list(person.aliases),
        "notice_type": person.type.value,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "sex": person.sex.value,
        "nationalities": list(person.nationalities),
        "reason": person.reason,
    }


def _vehicle_summary(record: Vehicle) -> dict[str, object]:
    return {
        "vin": record.vin,
        "plate": record.plate,
        "plate_country": record.plate_country,
        "make": record.make,
        "model": record.model,
        "colour": record.colour,
    }
