"""Purging a person record's biometrics: every face enrolment and DNA profile of the record
removed at once, as when its notice is cancelled and the data must not outlive it.

One transaction deletes every descriptor and profile and writes one removal and one audit
entry for each (``RemovalStore.remove``); then this process's gallery and DNA index drop
them, and other processes do at their next refresh, as for a single removal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from frontline.access import Action, require, require_owner
from frontline.biometrics.dna_service import DnaProfiles
from frontline.biometrics.faces import Faces
from frontline.domain.records import RecordKind
from frontline.domain.removals import BiometricKind, Removal, clean_removal_reason
from frontline.domain.users import Principal
from frontline.store.removals import RemovalStore
from frontline.store.repository import RecordStore

__all__ = ["BiometricPurge"]


class BiometricPurge:
    def __init__(
        self,
        *,
        faces: Faces,
        dna: DnaProfiles,
        removals: RemovalStore,
        records: RecordStore,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.faces = faces
        self.dna = dna
        self.removals = removals
        self.records = records
        self.clock = clock

    def purge(self, *, principal: Principal, record_id: str, reason: object) -> list[Removal]:
        """Remove every face enrolment and DNA profile of a person record the caller's
        bureau owns (live or cancelled); what was removed, faces first (empty: nothing
        was enrolled, and nothing is written)."""
        require(principal, Action.WRITE_RECORDS)
        why = clean_removal_reason(reason)
        person = self.records.get(RecordKind.PERSONS, record_id)
        require_owner(principal, person.owner)
        now = self.clock()
        items = [(BiometricKind.FACE, item.id) for item in self.faces.store.for_record(record_id)]
        items += [(BiometricKind.DNA, item.id) for item in self.dna.store.for_record(record_id)]
        removals = [
            Removal.made(
                kind=kind,
                item_id=item_id,
                record_id=record_id,
                owner=person.owner,
                by=principal.name,
                at=now,
                reason=why,
            )
            for kind, item_id in items
        ]
        self.removals.remove(removals, principal=principal)
        self.faces.drop_removed()
        self.dna.drop_removed()
        return removals
