"""DNA use cases: enrol a profile to a person record, search a probe over every profile,
remove a profile.

The index lives in each server process, built from the database at the first search and
kept current without a restart: an enrolment or removal through this process is applied at
once, and before each search (at most every ``refresh_seconds``) the process reads the
profiles other processes enrolled past the last ``seq`` it holds, and the removals past the
last removal ``seq``. The audit records the type of query only ("DNA search", "DNA
enrolment", "DNA removal"), never a profile.

A person record its owner restricted away from the caller's country is no hit for them and
its profiles read as unknown; the search's audit entry names the hits withheld
(``result.withheld``), as a check's does.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from frontline.access import Action, require, require_owner
from frontline.biometrics.dna import Comparison, Profile, compare_profiles, parse_profile
from frontline.biometrics.dna_index import DnaIndex
from frontline.biometrics.loci import AMELOGENIN, STR_LOCI
from frontline.domain.records import Person, RecordKind
from frontline.domain.removals import BiometricKind, Removal, clean_removal_reason
from frontline.domain.users import Principal
from frontline.errors import InvalidInput, NotFound
from frontline.ids import new_id
from frontline.store.audit import AuditLog
from frontline.store.dna import DnaStore, StoredProfile
from frontline.store.removals import RemovalStore
from frontline.store.repository import RecordStore
from frontline.store.restrictions import restrictions_for

__all__ = ["DnaHit", "DnaProfiles", "DnaSearch", "SearchLimits", "profile_summary"]

MAX_LIMIT = 100  # the most hits one search may ask for


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchLimits:
    """The stringency of a search: mismatching loci allowed, loci compared at least."""

    max_mismatches: int = 0
    min_loci: int = 8
    limit: int = 20

    def validated(self) -> SearchLimits:
        if not 0 <= self.max_mismatches <= 10:
            raise InvalidInput.for_field("max_mismatches", "must be between 0 and 10")
        if not 1 <= self.min_loci <= len(STR_LOCI):
            raise InvalidInput.for_field("min_loci", f"must be between 1 and {len(STR_LOCI)}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise InvalidInput.for_field("limit", f"must be between 1 and {MAX_LIMIT}")
        return self


@dataclass(frozen=True, slots=True, kw_only=True)
class DnaHit:
    profile_id: str
    record_id: str
    owner: str
    comparison: Comparison
    log10_lr: float
    record: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        comparison = self.comparison
        return {
            "profile_id": self.profile_id,
            "record_id": self.record_id,
            "owner": self.owner,
            "loci_agreeing": len(comparison.agreeing),
            "loci_compared": comparison.compared,
            "mismatches": len(comparison.disagreeing),
            "agreeing": list(comparison.agreeing),
            "disagreeing": list(comparison.disagreeing),
            "inconclusive": list(comparison.inconclusive),
            "amelogenin": comparison.amelogenin,
            "log10_lr": round(self.log10_lr, 2),
            "record": self.record,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class DnaSearch:
    search_id: str
    limits: SearchLimits
    probe_loci: int
    profiles_searched: int
    hits: tuple[DnaHit, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "search_id": self.search_id,
            "verdict": "hit" if self.hits else "no_hit",
            "probe_loci": self.probe_loci,
            "max_mismatches": self.limits.max_mismatches,
            "min_loci": self.limits.min_loci,
            "profiles_searched": self.profiles_searched,
            "hits": [hit.as_dict() for hit in self.hits],
        }


def profile_summary(profile: StoredProfile) -> dict[str, Any]:
    """A stored profile as listed: whose, who enrolled it and when, how many STR loci it
    holds (amelogenin not counted); never an allele."""
    return {
        "id": profile.id,
        "record_id": profile.record_id,
        "owner": profile.owner,
        "str_loci": sum(1 for locus in profile.loci if locus != AMELOGENIN),
        "enrolled_at": profile.created_at.isoformat().replace("+00:00", "Z"),
        "enrolled_by": profile.created_by,
    }


class DnaProfiles:
    """Enrol and search DNA profiles; one per process, holding that process's index."""

    def __init__(
        self,
        *,
        store: DnaStore,
        removals: RemovalStore,
        records: RecordStore,
        audit: AuditLog,
        clock: Callable[[], dt.datetime],
        refresh_seconds: float,
    ) -> None:
        self.store = store
        self.removals = removals
        self.records = records
        self.audit = audit
        self.clock = clock
        self.refresh_seconds = refresh_seconds
        self.restrictions = restrictions_for(records.engine)
        self._lock = threading.Lock()
        self._index: DnaIndex | None = None
        self._ids: list[str] = []  # profile id of each index row
        self._seq = 0
        self._removed_seq = 0
        self._checked = 0.0

    def enrol(self, *, principal: Principal, record_id: str, raw: Any) -> StoredProfile:
        """Enrol a profile to a person record; only the record's owner bureau may."""
        require(principal, Action.WRITE_RECORDS)
        profile = parse_profile(raw)
        record = self.records.get(RecordKind.PERSONS, record_id)
        require_owner(principal, record.owner)
        now = self.clock()
        profile_id = new_id("dna")
        row = {
            "id": profile_id,
            "record_id": record.id,
            "owner": record.owner,
            "loci": profile.as_dict(),
            "str_loci": profile.str_loci,
            "created_at": now,
            "created_by": principal.name,
        }
        self.audit.append(
            principal=principal,
            event="dna_enrol",
            at=now,
            entries=[{"query": {"type": "DNA enrolment"}, "record_ids": [record.id]}],
            then=lambda connection: self.store.insert_in(connection, row),
        )
        self.refresh(force=True)
        return self.store.get(profile_id)

    def remove(self, *, principal: Principal, profile_id: str, reason: object) -> Removal:
        """Delete a profile from a person record the caller's bureau owns, keeping who
        removed it, when and why (never its loci); it never matches again."""
        require(principal, Action.WRITE_RECORDS)
        why = clean_removal_reason(reason)
        stored = self.store.get(profile_id)
        require_owner(principal, stored.owner)  # the record's owner, copied at enrolment
        removal = Removal.made(
            kind=BiometricKind.DNA,
            item_id=stored.id,
            record_id=stored.record_id,
            owner=stored.owner,
            by=principal.name,
            at=self.clock(),
            reason=why,
        )
        self.removals.remove([removal], principal=principal)
        self.drop_removed()
        return removal

    def drop_removed(self) -> None:
        """Bring this process's index (if it has one) up to date with the removals."""
        if self._index is not None:
            self.refresh(force=True)

    def get(self, *, principal: Principal, profile_id: str) -> StoredProfile:
        require(principal, Action.READ_RECORDS)
        stored = self.store.get(profile_id)
        if self._hidden(principal, [stored.record_id]):  # reads as an unknown profile
            raise NotFound(f"no DNA profile {profile_id}")
        return stored

    def profiles(self, *, principal: Principal, record_id: str) -> list[StoredProfile]:
        """The profiles enrolled to a person record, oldest first (the read rule of
        ``get``; NotFound for an unknown record)."""
        require(principal, Action.READ_RECORDS)
        self.records.get(RecordKind.PERSONS, record_id)
        if self._hidden(principal, [record_id]):  # a restricted record reads as unknown
            raise NotFound(f"no persons record {record_id}")
        return self.store.for_record(record_id)

    def search(self, *, principal: Principal, raw: Any, limits: SearchLimits) -> DnaSearch:
        """Profiles within ``limits`` of the probe, ranked, each naming its loci; audited."""
        require(principal, Action.CHECK)
        limits = limits.validated()
        probe = parse_profile(raw)
        comparable = len(DnaIndex.codes_of(probe))
        if comparable < limits.min_loci:
            raise InvalidInput.for_field(
                "loci",
                f"the probe has {comparable} comparable STR loci, fewer than min_loci "
                f"{limits.min_loci}",
            )
        ranked, stored, searched, withheld = self._visible(principal, probe, limits)
        hits = self._hits(probe, ranked, stored)
        result = DnaSearch(
            search_id=new_id("dnas"),
            limits=limits,
            probe_loci=comparable,
            profiles_searched=searched,
            hits=tuple(hits),
        )
        audited: dict[str, Any] = {"hits": len(hits)}
        if withheld:  # named for whoever reads the audit, nowhere in what the caller got
            audited["withheld"] = withheld
        self.audit.append(
            principal=principal,
            event="dna_search",
            at=self.clock(),
            entries=[
                {
                    "check_id": result.search_id,
                    "query": {"type": "DNA search"},
                    "verdict": "hit" if hits else "no_hit",
                    "record_ids": [hit.record_id for hit in hits],
                    "result": audited,
                }
            ],
        )
        return result

    def _visible(
        self, principal: Principal, probe: Profile, limits: SearchLimits
    ) -> tuple[list[tuple[str, float]], dict[str, StoredProfile], int, list[dict[str, Any]]]:
        """``_ranked`` less the profiles of records restricted away from the caller's
        country, still up to ``limits.limit`` (the index is asked again for more, up to the
        largest limit), and the restricted ones among the ``limit`` best, as audited."""
        index, ask = self.refresh(), limits.limit
        while True:
            ranked, stored, searched = self._ranked(index, probe, replace(limits, limit=ask))
            hidden = self._hidden(principal, [stored[item[0]].record_id for item in ranked])
            shown = [item for item in ranked if stored[item[0]].record_id not in hidden]
            wanted = min(MAX_LIMIT, limits.limit + len(ranked) - len(shown))
            if len(shown) >= limits.limit or len(ranked) < ask or wanted <= ask:
                break
            ask = wanted
        withheld = [
            {"record_id": stored[profile_id].record_id, "score": round(score, 2)}
            for profile_id, score in ranked[: limits.limit]
            if stored[profile_id].record_id in hidden
        ]
        return shown[: limits.limit], stored, searched, withheld

    def _hidden(self, principal: Principal, record_ids: list[str]) -> set[str]:
        """Of these person records, those restricted away from the caller's country."""
        keys = [(RecordKind.PERSONS.value, record_id) for record_id in record_ids]
        return {key[1] for key in self.restrictions.hidden_from(principal, keys)}

    def _ranked(
        self, index: DnaIndex, probe: Profile, limits: SearchLimits
    ) -> tuple[list[tuple[str, float]], dict[str, StoredProfile], int]:
        """(profile id, score) of the profiles within ``limits``, best first, those of them
        still stored, and how many profiles were searched.

        A removal this process has not read yet (another process's, within
        ``refresh_seconds``, or one whose seq committed out of order) must not match: the
        profile is gone from the table, so it leaves the index here and the search runs
        again."""
        for _ in range(2):
            with self._lock:
                candidates = index.search(
                    probe,
                    max_mismatches=limits.max_mismatches,
                    min_loci=limits.min_loci,
                    limit=limits.limit,
                )
                ranked = [(self._ids[item.row], item.log10_lr) for item in candidates]
                searched = index.size
            stored = self.store.by_ids(profile_id for profile_id, _ in ranked)
            gone = [profile_id for profile_id, _ in ranked if profile_id not in stored]
            if not gone:
                break
            self._drop(gone)
        return [item for item in ranked if item[0] in stored], stored, searched

    def _hits(
        self, probe: Profile, ranked: list[tuple[str, float]], stored: dict[str, StoredProfile]
    ) -> list[DnaHit]:
        hits = []
        for profile_id, score in ranked:
            found = stored[profile_id]
            candidate = parse_profile(found.loci)
            hits.append(
                DnaHit(
                    profile_id=profile_id,
                    record_id=found.record_id,
                    owner=found.owner,
                    comparison=compare_profiles(probe, candidate),
                    log10_lr=score,
                    record=self._summary(found.record_id),
                )
            )
        return hits

    def _summary(self, record_id: str) -> dict[str, Any]:
        person = self.records.get(RecordKind.PERSONS, record_id)
        if not isinstance(person, Person):
            return {}
        return {
            "name": person.name,
            "notice_type": person.type.value,
            "state": person.state.value,
            "action": person.action,
        }

    def refresh(self, *, force: bool = False) -> DnaIndex:
        """The index, first built or brought up to date with profiles enrolled since."""
        with self._lock:
            moment = time.monotonic()
            if self._index is None:
                self._index = DnaIndex()
                # Removals so far are gone from the table read next: none to replay.
                self._removed_seq = self.removals.last_seq()
            elif not force and moment - self._checked < self.refresh_seconds:
                return self._index
            self._checked = moment
            if self.store.last_seq() > self._seq:
                for batch in self.store.after(self._seq):
                    self._index.add([parse_profile(row.loci) for row in batch])
                    self._ids.extend(row.id for row in batch)
                    self._seq = batch[-1].seq
            removed = self.removals.since(self._removed_seq, kind=BiometricKind.DNA)
            self._drop_locked(removed.item_ids)
            self._removed_seq = removed.last_seq
            return self._index

    def _drop(self, profile_ids: list[str]) -> None:
        if profile_ids:
            with self._lock:
                self._drop_locked(profile_ids)

    def _drop_locked(self, profile_ids: list[str]) -> None:
        """Take profiles out of the index and its row ids (the lock held)."""
        wanted = set(profile_ids)
        rows = [row for row, profile_id in enumerate(self._ids) if profile_id in wanted]
        if not rows or self._index is None:
            return
        self._index.remove(rows)
        gone = set(rows)
        self._ids = [profile_id for row, profile_id in enumerate(self._ids) if row not in gone]
