"""The face use cases: enrol a photo to a person record; search a probe photo 1:N; remove
an enrolment.

The gallery lives in memory (biometrics/gallery.py), built from the stored descriptors on
first use (``frontline serve`` builds it at start), updated at once on this process's
enrolments and removals and within ``index_refresh_seconds`` on other processes' (new
enrolments by ``seq``, removals by the ``seq`` of ``biometric_removals``). No photo and no
descriptor is logged or audited: the audit says "face search", "face enrol" or "face
removal", who, when, and which records came back or were changed.

A person record its owner restricted away from the caller's country is not a candidate for
them and its enrolments read as an unknown record's; the search's audit entry names the
candidates withheld (``result.withheld``), as a check's does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from frontline.access import Action, require, require_owner
from frontline.biometrics.decision import ALGORITHM, THRESHOLDS, FaceDecision, decide
from frontline.biometrics.gallery import Candidate, FaceIndex
from frontline.biometrics.images import decode_photo
from frontline.biometrics.model import Embedding, FaceModel
from frontline.domain.checks import CheckResult, Hit, Reason, result_as_dict, verdict_for
from frontline.domain.queries import NO_CONTEXT, CheckRequest
from frontline.domain.records import Person, RecordKind, RecordState
from frontline.domain.removals import BiometricKind, Removal, clean_removal_reason
from frontline.domain.users import Principal
from frontline.errors import Conflict, InvalidInput, NotFound
from frontline.ids import new_id
from frontline.screening.rules import face_hit
from frontline.screening.service import CaseOpener, new_check_id
from frontline.store.audit import AuditLog, append_in
from frontline.store.faces import Enrolment, FaceStore
from frontline.store.removals import RemovalStore
from frontline.store.repository import RecordStore
from frontline.store.restrictions import restrictions_for

__all__ = ["FaceLimits", "FaceSearch", "Faces", "ScoredCandidate"]

MAX_CANDIDATES = 50
_FACE_QUERY = {"type": "face search"}  # all the audit and a case keep of a face search


@dataclass(frozen=True, slots=True, kw_only=True)
class FaceLimits:
    """What a photo may weigh, and whether the gallery may use a GPU."""

    max_bytes: int
    max_pixels: int
    use_gpu: bool = False


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    """One of the closest persons, live, with the decision its similarity gives."""

    record_id: str
    enrolment_id: str
    similarity: float
    decision: FaceDecision

    def as_dict(self) -> dict[str, Any]:
        return {
            "record_id": self.record_id,
            "enrolment_id": self.enrolment_id,
            "similarity": round(self.similarity, 4),
            "decision": self.decision.value,
        }


@dataclass(frozen=True, slots=True)
class FaceSearch:
    """A face search's answer: a check result (hits at or above the possible-match
    threshold) and the closest candidates, whatever their decision."""

    result: CheckResult
    candidates: tuple[ScoredCandidate, ...]

    def as_dict(self) -> dict[str, Any]:
        """The check result's JSON shape, plus the closest candidates with their decision
        and the thresholds that decided (API, ``--json`` and the console's JSON twin)."""
        return {
            **result_as_dict(self.result),
            "candidates": [candidate.as_dict() for candidate in self.candidates],
            "thresholds": {
                "algorithm": THRESHOLDS.algorithm,
                "hit": THRESHOLDS.hit,
                "possible_match": THRESHOLDS.possible,
            },
        }


class Faces:
    def __init__(
        self,
        *,
        store: FaceStore,
        removals: RemovalStore,
        records: RecordStore,
        audit: AuditLog,
        clock: Callable[[], dt.datetime],
        model: Callable[[], FaceModel],
        limits: FaceLimits,
        refresh_seconds: float,
        cases: CaseOpener | None = None,
    ) -> None:
        self.store = store
        self.removals = removals
        self.records = records
        self.audit = audit
        self.clock = clock
        self.model = model
        self.limits = limits
        self.refresh_seconds = refresh_seconds
        self.cases = cases
        self.restrictions = restrictions_for(records.engine)
        self._index: FaceIndex | None = None
        self._loaded_seq = 0
        self._removed_seq = 0
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def enrol(self, *, principal: Principal, record_id: str, photo: bytes) -> Enrolment:
        """Add the photo's face to a person record the caller's bureau owns."""
        require(principal, Action.WRITE_RECORDS)
        person = self.records.get(RecordKind.PERSONS, record_id)
        require_owner(principal, person.owner)
        if person.state is not RecordState.ACTIVE:
            raise Conflict(f"person record {record_id} is cancelled: enrol faces to live records")
        vector = self._embed(photo)
        now = self.clock()
        enrolment = Enrolment(
            id=new_id("fac"),
            record_id=record_id,
            owner=person.owner,
            algorithm=ALGORITHM,
            enrolled_at=now,
            enrolled_by=principal.name,
        )

        def audit(connection: Connection) -> None:
            entry = {
                "query": {"type": "face enrol", "record_id": record_id},
                "record_ids": [record_id],
                "result": {"enrolment_id": enrolment.id},
            }
            append_in(connection, principal=principal, event="face_enrol", at=now, entries=[entry])

        self.store.add(
            enrolment, vector=vector, photo_sha256=hashlib.sha256(photo).hexdigest(), then=audit
        )
        if self._index is not None:  # a one-shot CLI enrolment builds no gallery
            self.refresh(force=True)
        return enrolment

    def enrolments(self, *, principal: Principal, record_id: str) -> list[Enrolment]:
        """The photos enrolled to a record (who and when; never the descriptors)."""
        require(principal, Action.READ_RECORDS)
        self.records.get(RecordKind.PERSONS, record_id)  # NotFound for an unknown record
        if self._hidden(principal, [record_id]):  # a restricted record reads as unknown
            raise NotFound(f"no persons record {record_id}")
        return self.store.for_record(record_id)

    def remove(
        self, *, principal: Principal, record_id: str, enrolment_id: str, reason: object
    ) -> Removal:
        """Delete one enrolled photo's descriptor from a person record the caller's bureau
        owns, keeping who removed it, when and why; it never hits again."""
        require(principal, Action.WRITE_RECORDS)
        why = clean_removal_reason(reason)
        person = self.records.get(RecordKind.PERSONS, record_id)
        require_owner(principal, person.owner)
        enrolment = self.store.get(enrolment_id)
        if enrolment.record_id != record_id:
            raise NotFound(f"no face enrolment {enrolment_id} on person record {record_id}")
        removal = Removal.made(
            kind=BiometricKind.FACE,
            item_id=enrolment.id,
            record_id=record_id,
            owner=person.owner,
            by=principal.name,
            at=self.clock(),
            reason=why,
        )
        self.removals.remove([removal], principal=principal)
        self.drop_removed()
        return removal

    def drop_removed(self) -> None:
        """Bring this process's gallery (if it has one) up to date with the removals."""
        if self._index is not None:
            self.refresh(force=True)

    def search(self, *, principal: Principal, photo: bytes, limit: int = 5) -> FaceSearch:
        """The persons closest to the probe's face, best first, audited as "face search"."""
        require(principal, Action.CHECK)
        if not 1 <= limit <= MAX_CANDIDATES:
            raise InvalidInput.for_field("limit", f"must be 1 to {MAX_CANDIDATES}")
        vector = self._embed(photo)
        now = self.clock()
        candidates, withheld = self._visible(principal, self.refresh(), vector, limit, now)
        hits = [hit for _, hit in candidates if hit is not None]
        result = CheckResult(
            check_id=new_check_id(),
            verdict=verdict_for(hits),
            hits=tuple(hits),
            warnings=(),
            data_as_of=now,
        )
        audited: dict[str, Any] = {
            "hits": [{"record_id": hit.record_id, "score": hit.score} for hit in hits]
        }
        if withheld:  # named for whoever reads the audit, nowhere in what the caller got
            audited["withheld"] = [_withheld_entry(scored) for scored in withheld]
        entry = {
            "check_id": result.check_id,
            "query": dict(_FACE_QUERY),
            "verdict": result.verdict.value,
            "record_ids": [hit.record_id for hit in hits],
            "result": audited,
        }
        opener = self.cases
        self.audit.append(
            principal=principal,
            event="face_search",
            at=now,
            entries=[entry],
            # Every hit opens a case for its owner bureau, in the audit's transaction, as a
            # name or document check's hits do; the case's subject is the query type.
            then=None
            if opener is None or not hits
            else lambda connection: opener.open_cases(
                connection,
                principal=principal,
                context=NO_CONTEXT,
                at=now,
                checks=[(CheckRequest(query=_FACE_QUERY), result)],
            ),
        )
        return FaceSearch(result, tuple(scored for scored, _ in candidates))

    def refresh(self, *, force: bool = False) -> FaceIndex:
        """The gallery, with every enrolment stored so far (at most ``refresh_seconds``
        old unless ``force``)."""
        with self._lock:
            moment = time.monotonic()
            index = self._index
            if index is None:
                index = self._index = FaceIndex(use_gpu=self.limits.use_gpu)
                # Removals so far are gone from the table read next: none to replay.
                self._removed_seq = self.removals.last_seq()
            elif not force and moment - self._checked_at < self.refresh_seconds:
                return index
            batch = self.store.newer_than(self._loaded_seq, algorithm=ALGORITHM)
            index.add(batch.vectors, enrolment_ids=batch.enrolment_ids, record_ids=batch.record_ids)
            self._loaded_seq = batch.last_seq
            removed = self.removals.since(self._removed_seq, kind=BiometricKind.FACE)
            index.remove(removed.item_ids)
            self._removed_seq = removed.last_seq
            self._checked_at = moment
            return index

    def _embed(self, photo: bytes) -> Embedding:
        pixels = decode_photo(
            photo, max_bytes=self.limits.max_bytes, max_pixels=self.limits.max_pixels
        )
        return self.model().embed(pixels)

    def _visible(
        self,
        principal: Principal,
        index: FaceIndex,
        vector: Embedding,
        limit: int,
        now: dt.datetime,
    ) -> tuple[list[tuple[ScoredCandidate, Hit | None]], list[ScoredCandidate]]:
        """Up to ``limit`` live candidates the caller's country may see, best first, and the
        restricted ones among the ``limit`` best (those the caller would have got). The
        gallery is asked again for more while some were withheld, up to MAX_CANDIDATES."""
        ask = limit
        while True:
            found = self._search_stored(index, vector, ask)
            live = self._live(found, now)
            hidden = self._hidden(principal, [scored.record_id for scored, _ in live])
            shown = [pair for pair in live if pair[0].record_id not in hidden]
            wanted = min(MAX_CANDIDATES, limit + len(live) - len(shown))
            if len(shown) >= limit or len(found) < ask or wanted <= ask:
                break
            ask = wanted
        withheld = [scored for scored, _ in live[:limit] if scored.record_id in hidden]
        return shown[:limit], withheld

    def _hidden(self, principal: Principal, record_ids: list[str]) -> set[str]:
        """Of these person records, those restricted away from the caller's country."""
        keys = [(RecordKind.PERSONS.value, record_id) for record_id in record_ids]
        return {key[1] for key in self.restrictions.hidden_from(principal, keys)}

    def _search_stored(self, index: FaceIndex, vector: Embedding, limit: int) -> list[Candidate]:
        """The gallery's closest candidates whose enrolment is still stored. A removal this
        process has not read yet (another process's, within ``refresh_seconds``, or one
        whose ``seq`` committed out of order) must not hit: its descriptor leaves the
        gallery here, and the search runs again for the person's other photos."""
        for _ in range(2):
            found = index.search(vector, limit=limit)
            stored = self.store.existing([candidate.enrolment_id for candidate in found])
            gone = [item.enrolment_id for item in found if item.enrolment_id not in stored]
            if not gone:
                return found
            index.remove(gone)
        return [candidate for candidate in found if candidate.enrolment_id in stored]

    def _live(
        self, found: list[Candidate], now: dt.datetime
    ) -> list[tuple[ScoredCandidate, Hit | None]]:
        """The candidates whose record is live, each with its hit (None: below the
        possible-match threshold)."""
        out: list[tuple[ScoredCandidate, Hit | None]] = []
        for candidate in found:
            try:
                person = self.records.get(RecordKind.PERSONS, candidate.record_id)
            except NotFound:
                continue
            if not isinstance(person, Person) or not person.is_live(now):
                continue
            decision = decide(candidate.similarity)
            scored = ScoredCandidate(
                candidate.record_id, candidate.enrolment_id, candidate.similarity, decision
            )
            out.append((scored, _hit(person, scored)))
        return out


def _withheld_entry(scored: ScoredCandidate) -> dict[str, Any]:
    return {
        "record_id": scored.record_id,
        "score": round(scored.similarity, 4),
        "decision": scored.decision.value,
    }


def _hit(person: Person, scored: ScoredCandidate) -> Hit | None:
    if scored.decision is FaceDecision.NO_HIT:
        return None
    similarity = round(scored.similarity, 4)
    reasons = [
        Reason(
            "face",
            f"face similarity {similarity:.3f} to enrolled photo {scored.enrolment_id} "
            f"({scored.decision.value.replace('_', ' ')})",
        ),
        Reason("algorithm", f"{THRESHOLDS.algorithm}: {THRESHOLDS.describe()}"),
    ]
    return face_hit(
        person, score=similarity, is_certain=scored.decision is FaceDecision.HIT, reasons=reasons
    )
