"""The hits on a bureau's records, newest first, read from the audit trail.

Every check is audited with the ids of the records it hit; this finds the entries that
hit records the bureau owns. It reads at most ``scan`` recent entries (a bounded page, not
the whole trail): a stored hit queue with confirm/reject belongs to the hit workflow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontline.access import Action, require
from frontline.domain.checks import Database
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal, Role
from frontline.errors import NotFound, PermissionDenied
from frontline.services import Services

__all__ = ["QueuedHit", "hits_on_owned_records"]

KIND_OF: dict[str, RecordKind] = {
    Database.SLTD.value: RecordKind.DOCUMENTS,
    Database.TDAWN.value: RecordKind.PERSONS,
    Database.NOMINAL.value: RecordKind.PERSONS,
    Database.SMV.value: RecordKind.VEHICLES,
    Database.VESSELS.value: RecordKind.VESSELS,
    Database.FIREARMS.value: RecordKind.FIREARMS,
}


@dataclass(frozen=True, slots=True)
class QueuedHit:
    """One hit on one of the bureau's records: when, by whom, on what, how strong."""

    seq: int
    at: str
    check_id: str | None
    checked_by: str
    checked_from: str
    database: str
    kind: str
    record_id: str
    owner: str
    score: float

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def hits_on_owned_records(
    services: Services, *, principal: Principal, limit: int = 100, scan: int = 2000
) -> list[QueuedHit]:
    """Hits on records owned by the caller's country (an admin: every owner)."""
    require(principal, Action.WRITE_RECORDS)
    if principal.role not in (Role.BUREAU, Role.ADMIN):
        raise PermissionDenied("only a bureau reads the hits on its records")
    owners: dict[tuple[RecordKind, str], str | None] = {}
    found: list[QueuedHit] = []
    for entry in services.audit.list(limit=scan):
        for hit in entry.result.get("hits", []) if entry.record_ids else []:
            kind = KIND_OF.get(hit.get("database", ""))
            if kind is None:
                continue
            owner = _owner(services, owners, kind, hit["record_id"])
            if owner is None or (principal.role is not Role.ADMIN and owner != principal.country):
                continue
            found.append(
                QueuedHit(
                    seq=entry.seq,
                    at=entry.at.isoformat(),
                    check_id=entry.check_id,
                    checked_by=entry.user_name,
                    checked_from=entry.country,
                    database=hit["database"],
                    kind=kind.value,
                    record_id=hit["record_id"],
                    owner=owner,
                    score=float(hit.get("score", 0.0)),
                )
            )
            if len(found) >= limit:
                return found
    return found


def _owner(
    services: Services,
    owners: dict[tuple[RecordKind, str], str | None],
    kind: RecordKind,
    record_id: str,
) -> str | None:
    key = (kind, record_id)
    if key not in owners:
        try:
            owners[key] = services.store.get(kind, record_id).owner
        except NotFound:
            owners[key] = None
    return owners[key]
