"""Removing biometric data: the descriptor or profile deleted, the removal kept, in one
transaction with its audit entries; and the removals read back in order for the indexes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Table, delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError

from frontline.domain.removals import BiometricKind, Removal
from frontline.domain.users import Principal
from frontline.errors import FrontlineError, NotFound, StorageFailed
from frontline.store.audit import append_in
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction
from frontline.store.face_tables import face_enrolments
from frontline.store.reference_tables import dna_profiles
from frontline.store.removal_tables import biometric_removals

__all__ = ["REMOVAL_EVENTS", "RemovalStore", "RemovedSince", "removal_entry"]

_ITEMS: dict[BiometricKind, Table] = {
    BiometricKind.FACE: face_enrolments,
    BiometricKind.DNA: dna_profiles,
}


@dataclass(frozen=True, slots=True)
class RemovedSince:
    """The items of one kind removed past a sequence number, and the last one's number."""

    last_seq: int
    item_ids: list[str]


class RemovalStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def remove(self, removals: Sequence[Removal], *, principal: Principal) -> None:
        """Delete each removal's item (descriptor or profile row), write the removals and
        their audit entries, all in one transaction: nothing is removed unaudited. NotFound,
        with nothing written, if an item is gone already (removed meanwhile by another)."""
        if not removals:
            return
        try:
            with write_transaction(self.engine) as connection:
                for removal in removals:
                    table = _ITEMS[removal.kind]
                    gone = connection.execute(delete(table).where(table.c.id == removal.item_id))
                    if gone.rowcount != 1:
                        raise NotFound(f"no {_NAMES[removal.kind]} {removal.item_id}")
                connection.execute(insert(biometric_removals), [_row(r) for r in removals])
                for removal in removals:
                    append_in(
                        connection,
                        principal=principal,
                        event=REMOVAL_EVENTS[removal.kind],
                        at=removal.removed_at,
                        entries=[removal_entry(removal)],
                    )
        except FrontlineError:
            raise
        except SQLAlchemyError as error:
            raise StorageFailed("the removal could not be stored; nothing was removed") from error

    def since(self, seq: int, *, kind: BiometricKind) -> RemovedSince:
        """The items of ``kind`` removed after ``seq``, oldest first."""
        table = biometric_removals
        query = (
            select(table.c.seq, table.c.item_id)
            .where(table.c.seq > seq, table.c.kind == kind.value)
            .order_by(table.c.seq)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return RemovedSince(rows[-1].seq if rows else seq, [row.item_id for row in rows])

    def last_seq(self) -> int:
        """The newest removal's number (0: none yet)."""
        with self.engine.connect() as connection:
            found = connection.execute(select(func.max(biometric_removals.c.seq))).scalar()
        return int(found or 0)

    def for_record(self, record_id: str) -> list[Removal]:
        """What was removed from a person record, oldest first."""
        table = biometric_removals
        query = select(table).where(table.c.record_id == record_id).order_by(table.c.seq)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            Removal(
                id=row.id,
                kind=BiometricKind(row.kind),
                item_id=row.item_id,
                record_id=row.record_id,
                owner=row.owner,
                removed_at=utc(row.removed_at) or row.removed_at,
                removed_by=row.removed_by,
                reason=row.reason,
            )
            for row in rows
        ]


_NAMES = {BiometricKind.FACE: "face enrolment", BiometricKind.DNA: "DNA profile"}
REMOVAL_EVENTS = {BiometricKind.FACE: "face_remove", BiometricKind.DNA: "dna_remove"}
_QUERY_TYPES = {BiometricKind.FACE: "face removal", BiometricKind.DNA: "DNA removal"}


def removal_entry(removal: Removal) -> dict[str, Any]:
    """A removal's audit entry: which item of which record and why, nothing biometric."""
    return {
        "query": {
            "type": _QUERY_TYPES[removal.kind],
            "record_id": removal.record_id,
            "item_id": removal.item_id,
            "reason": removal.reason,
        },
        "record_ids": [removal.record_id],
        "result": {"removal_id": removal.id},
    }


def _row(removal: Removal) -> dict[str, object]:
    return {
        "id": removal.id,
        "kind": removal.kind.value,
        "item_id": removal.item_id,
        "record_id": removal.record_id,
        "owner": removal.owner,
        "removed_at": naive_utc(removal.removed_at),
        "removed_by": removal.removed_by,
        "reason": removal.reason,
    }
