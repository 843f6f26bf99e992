"""The check use case: fan a request out to every engine, build one result, audit it."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import Any, Protocol

from sqlalchemy import Connection

from frontline.access import Action, require
from frontline.domain.checks import CheckResult, CheckWarning, Database, Hit, verdict_for
from frontline.domain.queries import (
    NO_CONTEXT,
    CheckContext,
    CheckRequest,
    DocumentQuery,
    PersonQuery,
)
from frontline.domain.records import Firearm, Person, RecordKind, TravelDocument, Vehicle, Vessel
from frontline.domain.suppressions import subject_keys
from frontline.domain.users import Principal
from frontline.errors import PermissionDenied
from frontline.identifiers.countries import country_key
from frontline.ids import new_id
from frontline.matching.algorithm import Match, Subject, subject
from frontline.metrics import ENGINE_SECONDS, count_checks, timed
from frontline.records.keys import document_key, range_key, split_numbered
from frontline.screening import rules
from frontline.screening.probes import Probe
from frontline.store.audit import AuditLog
from frontline.store.repository import RecordStore
from frontline.store.restrictions import restrictions_for

__all__ = ["AccessScope", "CaseOpener", "FreshSource", "Screening", "new_check_id"]


class FreshSource(Protocol):
    def candidates(self, probe: Probe, key: str) -> Sequence[int]: ...

    def in_ranges(self, key: tuple[str, str, int], value: int) -> Sequence[int]: ...

    def data_as_of(self) -> dt.datetime: ...

    def ensure_fresh(self) -> None: ...

    def has_ranges(self, country: str) -> bool: ...

    def person_matches(self, query: Subject) -> list[tuple[int, Match]]: ...


class AccessScope(Protocol):
    def allowed_databases(
        self, *, principal: Principal, context: CheckContext, now: dt.datetime
    ) -> frozenset[Database] | None:
        """The databases ``principal`` may check in ``context`` now (None: every one).

        Raises NotFound for an unknown operation, Conflict for one not running now,
        InvalidInput for a border point outside it, PermissionDenied for a non-participant.
        """
        ...


class CaseOpener(Protocol):
    def open_cases(
        self,
        connection: Connection,
        *,
        principal: Principal,
        context: CheckContext,
        at: dt.datetime,
        checks: Sequence[tuple[CheckRequest, CheckResult]],
    ) -> None:
        """Write a case (and its owner notification) for every hit of ``checks``, inside
        the transaction that writes their audit entries."""
        ...


class SuppressionFilter(Protocol):
    def suppression_for(
        self, subject_keys: Sequence[str], record_kind: str, record_id: str
    ) -> str | None: ...


def new_check_id() -> str:
    """``chk_`` + 12 hex digits of milliseconds + 10 random: sortable by time, unguessable."""
    return new_id("chk")


class Screening:
    """Checks documents, MRZs, vehicles, vessels and firearms against every database."""

    def __init__(
        self,
        *,
        records: RecordStore,
        audit: AuditLog,
        source: FreshSource,
        clock: Callable[[], dt.datetime],
        suppressions: SuppressionFilter | None = None,
        scope: AccessScope | None = None,
        cases: CaseOpener | None = None,
    ) -> None:
        self.records = records
        self.audit = audit
        self.source = source
        self.clock = clock
        self.suppressions = suppressions
        self.scope = scope
        self.cases = cases
        self.restrictions = restrictions_for(records.engine)

    def check(
        self, *, principal: Principal, request: CheckRequest, context: CheckContext = NO_CONTEXT
    ) -> CheckResult:
        """One check, audited; if the audit cannot be written, no result is given."""
        return self.check_batch(principal=principal, requests=[request], context=context)[0]

    def check_batch(
        self,
        *,
        principal: Principal,
        requests: Sequence[CheckRequest],
        context: CheckContext = NO_CONTEXT,
        event: str = "check",
        action: Action = Action.CHECK,
        known: Sequence[Collection[str]] | None = None,
    ) -> list[CheckResult]:
        """Many checks, audited as one entry each in one write under ``event``; every hit
        opens a case in that same write. A check of a database the caller may not see
        refuses the batch. ``action`` is what the caller must be allowed (partners check
        through their own); ``known`` holds, per request, record ids already raised for it
        (a re-screening): those hits are left out, so only new hits open cases."""
        require(principal, action)
        now = self.clock()
        self._check_scope(principal, requests, context, now)
        self.source.ensure_fresh()
        results = [self.evaluate(request, now=now) for request in requests]
        if known is not None:
            results = [
                _without(result, raised) for result, raised in zip(results, known, strict=True)
            ]
        results, withheld = self._withhold(principal, results)
        count_checks(results)  # after withholding: the metrics count what callers got
        pairs = list(zip(requests, results, strict=True))
        hits = [pair for pair in pairs if pair[1].hits]
        opener = self.cases
        entries = [_audit_entry(request, result) for request, result in pairs]
        for number, left_out in withheld.items():
            entries[number] = _with_withheld(entries[number], left_out)
        self.audit.append(
            principal=principal,
            event=event,
            at=now,
            entries=entries,
            context=context,
            then=None
            if opener is None or not hits
            else lambda connection: opener.open_cases(
                connection, principal=principal, context=context, at=now, checks=hits
            ),
        )
        return results

    def _withhold(
        self, principal: Principal, results: list[CheckResult]
    ) -> tuple[list[CheckResult], dict[int, list[Hit]]]:
        """Leave out the hits on records their owners restricted away from the caller's
        country, with no trace in the result (the audit names them); returns the results
        and, per result number, the hits withheld. Checks without hits cost nothing here."""
        if not any(result.hits for result in results):
            return results, {}
        keys = {(hit.kind, hit.record_id) for result in results for hit in result.hits}
        hidden = self.restrictions.hidden_from(principal, keys)
        if not hidden:
            return results, {}
        withheld: dict[int, list[Hit]] = {}
        kept = []
        for number, result in enumerate(results):
            left_out = [hit for hit in result.hits if (hit.kind, hit.record_id) in hidden]
            if left_out:
                withheld[number] = left_out
                shown = tuple(hit for hit in result.hits if hit not in left_out)
                result = replace(result, hits=shown, verdict=verdict_for(shown))
            kept.append(result)
        return kept, withheld

    def _check_scope(
        self,
        principal: Principal,
        requests: Sequence[CheckRequest],
        context: CheckContext,
        now: dt.datetime,
    ) -> None:
        if self.scope is None:
            return
        allowed = self.scope.allowed_databases(principal=principal, context=context, now=now)
        if allowed is None:
            return
        wanted = frozenset().union(*(request.databases() for request in requests))
        refused = sorted(wanted - allowed)
        if refused:
            where = f"operation {context.operation_id}" if context.operation_id else "standing"
            raise PermissionDenied(
                f"{principal.country} has no {where} access to {', '.join(refused)}; "
                f"it may check {', '.join(sorted(allowed)) or 'nothing'}"
            )

    def evaluate(self, request: CheckRequest, *, now: dt.datetime) -> CheckResult:
        """The result of one check, without audit (callers audit)."""
        hits: list[Hit] = []
        for document in request.documents:
            hits.extend(self._document_hits(document, now))
        if request.persons:
            with timed(_PERSON_SECONDS):
                hits.extend(self._person_hits(request.persons, now, hits))
        if request.vehicle or request.vessel or request.firearm:
            with timed(_OBJECT_SECONDS):
                hits.extend(self._object_hits(request, now))
        warnings = request.warnings
        if hits and self.suppressions is not None:
            hits, dropped = self._unsuppressed(request, hits)
            warnings = (*warnings, *dropped)
        hits.sort(key=lambda hit: (hit.is_possible, -hit.score))
        return CheckResult(
            check_id=new_check_id(),
            verdict=verdict_for(hits),
            hits=tuple(hits),
            warnings=warnings,
            data_as_of=self.source.data_as_of(),
            parsed=request.parsed,
        )

    def _object_hits(self, request: CheckRequest, now: dt.datetime) -> list[Hit]:
        """Hits on the vehicle, vessel and firearm of ``request``."""
        hits: list[Hit] = []
        if request.vehicle is not None:
            query = request.vehicle
            rids = self._probe(Probe.VIN, query.vin) + self._probe(
                Probe.PLATE,
                f"{country_key(query.plate_country or '')}|{query.plate}" if query.plate else None,
            )
            hits.extend(
                rules.vehicle_hits(query, self._fetch(RecordKind.VEHICLES, rids, Vehicle), now=now)
            )
        if request.vessel is not None:
            vessel = request.vessel
            rids = self._probe(Probe.IMO, vessel.imo) + self._probe(Probe.HULL, vessel.hull_id)
            hits.extend(
                rules.vessel_hits(vessel, self._fetch(RecordKind.VESSELS, rids, Vessel), now=now)
            )
        if request.firearm is not None:
            firearm = request.firearm
            rids = self._probe(Probe.SERIAL, firearm.serial)
            hits.extend(
                rules.firearm_hits(
                    firearm, self._fetch(RecordKind.FIREARMS, rids, Firearm), now=now
                )
            )
        return hits

    def _unsuppressed(
        self, request: CheckRequest, hits: list[Hit]
    ) -> tuple[list[Hit], list[CheckWarning]]:
        """Drop hits a bureau decided were false for this traveller, saying so in a warning
        (the officer sees that a decision was applied, and which)."""
        assert self.suppressions is not None
        first = request.persons[0] if request.persons else None
        keys = subject_keys(
            name=first.name if first else None,
            birth_date=first.birth_date.isoformat() if first and first.birth_date else None,
            documents=[(document.country, document.number) for document in request.documents],
        )
        kept, dropped = [], []
        for hit in hits:
            found = self.suppressions.suppression_for(keys, hit.kind, hit.record_id)
            if found is None:
                kept.append(hit)
                continue
            message = (
                f"a {hit.database.value} hit on {hit.record_id} was decided false for this "
                f"traveller ({found}) and is not shown"
            )
            dropped.append(CheckWarning("hit_suppressed", f"record:{hit.record_id}", message))
        return kept, dropped

    def _document_hits(self, query: DocumentQuery, now: dt.datetime) -> list[Hit]:
        began = time.perf_counter()
        key = document_key(query.number, query.country)
        rids = list(self.source.candidates(Probe.DOCUMENT, key))
        numbered = split_numbered(query.number) if self.source.has_ranges(query.country) else None
        if numbered is not None:
            bucket = range_key(query.country, numbered[0], numbered[2])
            rids.extend(self.source.in_ranges(bucket, numbered[1]))
        linked = self.source.candidates(Probe.TDAWN, key)
        hits: list[Hit] = []
        if rids:
            documents = self._fetch(RecordKind.DOCUMENTS, rids, TravelDocument)
            hits.extend(rules.document_hits(query, documents, now=now))
        looked = time.perf_counter()
        _DOCUMENT_SECONDS.observe(looked - began)
        if linked:
            persons = self._fetch(RecordKind.PERSONS, list(linked), Person)
            hits.extend(rules.tdawn_hits(query, persons, now=now))
            _TDAWN_SECONDS.observe(time.perf_counter() - looked)
        return hits

    def _person_hits(
        self, queries: Sequence[PersonQuery], now: dt.datetime, found: list[Hit]
    ) -> list[Hit]:
        """Nominal hits for the traveller; a person already hit through TDAWN is not
        repeated, and of several queries (typed, MRZ) each person keeps its best match."""
        best: dict[int, Match] = {}
        for query in queries:
            wanted = subject(
                [query.name],
                birth_date=query.birth_date,
                sex=query.sex,
                nationalities=(query.nationality,) if query.nationality else (),
                truncated=query.truncated,
            )
            for rid, match in self.source.person_matches(wanted):
                if rid not in best or match.score > best[rid].score:
                    best[rid] = match
        if not best:
            return []
        already = {hit.record_id for hit in found if hit.kind == RecordKind.PERSONS.value}
        hits = []
        for rid, person in self.records.by_rids(RecordKind.PERSONS, set(best)):
            if not isinstance(person, Person) or person.id in already:
                continue
            hit = rules.person_hit(person, best[rid], now=now)
            if hit is not None:
                hits.append(hit)
        return hits

    def _probe(self, probe: Probe, key: str | None) -> list[int]:
        return list(self.source.candidates(probe, key)) if key else []

    def _fetch(self, kind: RecordKind, rids: list[int], cls: type[Any]) -> list[Any]:
        if not rids:
            return []
        return [
            record for _, record in self.records.by_rids(kind, set(rids)) if isinstance(record, cls)
        ]


_CLEAN: dict[str, list[Any]] = {"hits": [], "warnings": []}
_DOCUMENT_SECONDS = ENGINE_SECONDS.labels("document")
_TDAWN_SECONDS = ENGINE_SECONDS.labels("tdawn")
_PERSON_SECONDS = ENGINE_SECONDS.labels("person")
_OBJECT_SECONDS = ENGINE_SECONDS.labels("object")


def _without(result: CheckResult, raised: Collection[str]) -> CheckResult:
    """``result`` less the hits on records already raised for this subject."""
    if not raised or not result.hits:
        return result
    hits = tuple(hit for hit in result.hits if hit.record_id not in raised)
    return replace(result, hits=hits, verdict=verdict_for(hits))


def _with_withheld(entry: dict[str, Any], hits: list[Hit]) -> dict[str, Any]:
    """The audit entry of a check that left out restricted hits: they are named here, for
    whoever reads the audit, and nowhere in what the caller got."""
    result = {**entry["result"], "withheld": [_hit_entry(hit) for hit in hits]}
    return {**entry, "verdict": str(entry["verdict"]), "result": result}


def _hit_entry(hit: Hit) -> dict[str, Any]:
    return {
        "database": hit.database.value,
        "record_id": hit.record_id,
        "score": hit.score,
        "status": hit.status,
        "match": "possible" if hit.is_possible else "certain",
    }


def _audit_entry(request: CheckRequest, result: CheckResult) -> dict[str, Any]:
    if not result.hits and not result.warnings:  # the common case, kept cheap
        return {
            "check_id": result.check_id,
            "query": request.query or {},
            "verdict": result.verdict,  # a StrEnum, stored as its text
            "record_ids": [],
            "result": _CLEAN,
        }
    return {
        "check_id": result.check_id,
        "query": request.query or {},
        "verdict": result.verdict.value,
        "record_ids": [hit.record_id for hit in result.hits],
        "result": {
            "hits": [_hit_entry(hit) for hit in result.hits],
            "warnings": [warning.code for warning in result.warnings],
        },
    }
