"""Removals of biometric data: a face enrolment or a DNA profile taken off a person record.

A removal deletes the descriptor or the profile itself; what stays is this record of it
(who, when, which item of which record, and why), which holds nothing biometric. Each
server process reads the removals past the last one it holds to drop the items from its
search index, as it reads new enrolments.

Pure: no store, no clock (the caller gives the time).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from frontline.errors import InvalidInput
from frontline.ids import new_id

__all__ = ["MAX_REMOVAL_REASON", "BiometricKind", "Removal", "clean_removal_reason"]

MAX_REMOVAL_REASON = 500


class BiometricKind(StrEnum):
    """What a removal took off a record."""

    FACE = "face"
    DNA = "dna"


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """One removed face enrolment or DNA profile: which, of which record, by whom, why."""

    id: str
    kind: BiometricKind
    item_id: str
    record_id: str
    owner: str
    removed_at: dt.datetime
    removed_by: str
    reason: str

    @classmethod
    def made(
        cls,
        *,
        kind: BiometricKind,
        item_id: str,
        record_id: str,
        owner: str,
        by: str,
        at: dt.datetime,
        reason: str,
    ) -> Removal:
        """A new removal of ``item_id`` (a fresh ``rmv_`` id), by ``by`` at ``at``."""
        return cls(
            id=new_id("rmv"),
            kind=kind,
            item_id=item_id,
            record_id=record_id,
            owner=owner,
            removed_at=at,
            removed_by=by,
            reason=reason,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "item_id": self.item_id,
            "record_id": self.record_id,
            "owner": self.owner,
            "removed_at": self.removed_at.isoformat().replace("+00:00", "Z"),
            "removed_by": self.removed_by,
            "reason": self.reason,
        }


def clean_removal_reason(raw: object) -> str:
    """The caller's reason on one line, trimmed; refused when missing, empty or too long."""
    if not isinstance(raw, str):
        raise InvalidInput.for_field("reason", "is required: say why the data is removed")
    reason = " ".join(raw.split())
    if not reason:
        raise InvalidInput.for_field("reason", "is required: say why the data is removed")
    if len(reason) > MAX_REMOVAL_REASON:
        raise InvalidInput.for_field("reason", f"must be at most {MAX_REMOVAL_REASON} characters")
    return reason
