"""Suppression use cases: a bureau records that a hit was false, or takes that back.

Only the bureau whose country owns the record, or an admin, decides on its hits: a
suppression stops a record from stopping one traveller, which is the owner's call alone.
Every decision is audited with who, what and why (in the same transaction as the write).
Checks consult a ``SuppressionCache`` to drop suppressed hits.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from frontline.domain.records import RecordKind
from frontline.domain.suppressions import Suppression, canonical_subject_key, clean_reason
from frontline.domain.users import Principal, Role
from frontline.errors import InvalidInput, PermissionDenied
from frontline.hits.cache import SuppressionCache
from frontline.store.repository import RecordStore
from frontline.store.suppressions import SuppressionStore

__all__ = ["SuppressionCache", "Suppressions", "parse_record_kind"]

# Suppressions name travellers (names, birth dates, document numbers): only the roles that
# may read records may read them. Partners and trainers never see one.
_READERS = frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN})


class Suppressions:
    """Create, reverse and list suppressions; keeps this process's cache in step."""

    def __init__(
        self,
        *,
        store: SuppressionStore,
        records: RecordStore,
        cache: SuppressionCache,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.store = store
        self.records = records
        self.cache = cache
        self.clock = clock

    def suppress_hit(
        self,
        *,
        principal: Principal,
        subject_key: str,
        record_kind: RecordKind | str,
        record_id: str,
        reason: str,
    ) -> Suppression:
        """Record that ``subject_key`` is not the subject of the record: its hit is dropped
        from this subject's later checks."""
        _require_decider_role(principal)
        kind = parse_record_kind(record_kind)
        key = canonical_subject_key(subject_key)
        text = clean_reason(reason)
        record = self.records.get(kind, record_id)
        _require_record_owner(principal, record.owner)
        now = self.clock()
        suppression = Suppression(
            id=_new_id(now),
            subject_key=key,
            record_kind=kind,
            record_id=record.id,
            record_owner=record.owner,
            reason=text,
            created_by=principal.name,
            created_at=now,
        )
        self.store.add(suppression, principal=principal)
        self.cache.invalidate()
        return suppression

    def reverse_suppression(
        self, *, principal: Principal, suppression_id: str, reason: str
    ) -> Suppression:
        """Take a suppression back: the record hits this subject again. The row stays."""
        _require_decider_role(principal)
        text = clean_reason(reason)
        current = self.store.get(suppression_id)
        _require_record_owner(principal, current.record_owner)
        done = self.store.reverse(suppression_id, principal=principal, at=self.clock(), reason=text)
        self.cache.invalidate()
        return done

    def list_suppressions(
        self,
        *,
        principal: Principal,
        active: bool | None = None,
        record_id: str | None = None,
        record_kind: RecordKind | str | None = None,
        limit: int = 100,
    ) -> list[Suppression]:
        """Suppressions newest first: all, or only the ``active`` (True) or reversed (False)."""
        if principal.role not in _READERS:
            raise PermissionDenied(f"the {principal.role.value} role may not read suppressions")
        kind = parse_record_kind(record_kind) if record_kind is not None else None
        return self.store.list(
            active_only=active is True,
            reversed_only=active is False,
            record_id=record_id,
            record_kind=kind,
            limit=limit,
        )


def parse_record_kind(raw: RecordKind | str) -> RecordKind:
    """A record kind by name; InvalidInput naming the kinds there are."""
    try:
        return RecordKind(raw.strip().lower() if isinstance(raw, str) else raw)
    except ValueError:
        allowed = ", ".join(kind.value for kind in RecordKind)
        raise InvalidInput.for_field("record_kind", f"must be one of {allowed}") from None


def _require_decider_role(principal: Principal) -> None:
    if principal.role not in (Role.BUREAU, Role.ADMIN):
        raise PermissionDenied(
            f"the {principal.role.value} role may not decide on hits: "
            "only the bureau that owns the record, or an admin"
        )


def _require_record_owner(principal: Principal, owner: str) -> None:
    if principal.role is not Role.ADMIN and principal.country != owner:
        raise PermissionDenied(f"hits on records owned by {owner} are decided only by {owner}")


def _new_id(now: dt.datetime) -> str:
    """``sup_`` + 12 hex digits of milliseconds + 10 random: sortable by time, unguessable."""
    return f"sup_{int(now.timestamp() * 1000):012x}{secrets.token_hex(5)}"
