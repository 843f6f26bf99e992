"""Record use cases: create, read, replace, cancel, search; each checks who may do it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from frontline.access import Action, require, require_owner
from frontline.domain.records import AnyRecord, RecordKind, RecordState
from frontline.domain.restrictions import Restriction, RestrictionMode
from frontline.domain.users import Principal
from frontline.errors import Conflict, InvalidInput, NotFound
from frontline.identifiers.countries import canonical_country
from frontline.records.kinds import build_row
from frontline.store.repository import RecordStore
from frontline.store.restrictions import restrictions_for

__all__ = ["Records"]


class Records:
    def __init__(
        self,
        *,
        store: RecordStore,
        clock: Callable[[], dt.datetime],
        on_write: Callable[[], object] = lambda: None,
    ) -> None:
        self.store = store
        self.clock = clock
        self.on_write = on_write
        self.restrictions = restrictions_for(store.engine)

    def create(self, *, principal: Principal, kind: RecordKind, raw: Any) -> AnyRecord:
        require(principal, Action.WRITE_RECORDS)
        row = build_row(kind, raw)
        require_owner(principal, row["owner"])
        record = self.store.create(kind, row, now=self.clock())
        self.on_write()
        return record

    def get(self, *, principal: Principal, kind: RecordKind, record_id: str) -> AnyRecord:
        require(principal, Action.READ_RECORDS)
        record = self.store.get(kind, record_id)
        if not self._may_see(principal, kind, record_id):
            raise NotFound(f"no {kind.value} record {record_id}")  # the store's own words
        return record

    def replace(
        self, *, principal: Principal, kind: RecordKind, record_id: str, raw: Any
    ) -> AnyRecord:
        """Replace a record's fields; the id in the path wins, the owner may not change."""
        require(principal, Action.WRITE_RECORDS)
        if isinstance(raw, dict) and raw.get("id", record_id) != record_id:
            raise InvalidInput.for_field("id", "does not match the record in the path")
        row = build_row(kind, {**raw, "id": record_id} if isinstance(raw, dict) else raw)
        current = self.store.get(kind, record_id)
        require_owner(principal, current.owner)
        if row["owner"] != current.owner:
            raise InvalidInput.for_field("owner", "a record's owner cannot be changed")
        record = self.store.replace(kind, row, now=self.clock())
        self.on_write()
        return record

    def cancel(self, *, principal: Principal, kind: RecordKind, record_id: str) -> AnyRecord:
        """Cancel a record (recovered document, arrested person): it stops hitting at once."""
        require(principal, Action.WRITE_RECORDS)
        current = self.store.get(kind, record_id)
        require_owner(principal, current.owner)
        if current.state is RecordState.CANCELLED:
            raise Conflict(f"{kind.value} record {record_id} is already cancelled")
        record = self.store.set_state(kind, record_id, RecordState.CANCELLED, now=self.clock())
        self.on_write()
        return record

    def search(
        self,
        *,
        principal: Principal,
        kind: RecordKind,
        owner: str | None = None,
        state: RecordState | None = None,
        after: str | None = None,
        limit: int = 100,
    ) -> list[AnyRecord]:
        require(principal, Action.READ_RECORDS)
        found = self.store.search(kind, owner=owner, state=state, after=after, limit=limit)
        return [record for record in found if self._may_see(principal, kind, record.id)]

    def restrict(
        self,
        *,
        principal: Principal,
        kind: RecordKind,
        record_id: str,
        only: list[str] | None = None,
        hidden_from: list[str] | None = None,
    ) -> Restriction:
        """Show the record only to ``only``, or hide it from ``hidden_from`` (its owner's
        bureau decides): checks, reads and offline copies elsewhere leave it out."""
        require(principal, Action.WRITE_RECORDS)
        current = self.store.get(kind, record_id)
        require_owner(principal, current.owner)
        if (only is None) == (hidden_from is None):
            raise InvalidInput.for_field("(body)", "give either only or hidden_from")
        field, listed = ("only", only) if only is not None else ("hidden_from", hidden_from)
        assert listed is not None
        if not listed or len(listed) > 100:
            raise InvalidInput.for_field(field, "must list 1 to 100 countries")
        restriction = Restriction(
            kind=kind.value,
            record_id=record_id,
            mode=RestrictionMode.ONLY if only is not None else RestrictionMode.EXCEPT,
            countries=frozenset(canonical_country(code, field=field) for code in listed),
            owner=current.owner,
        )
        self.restrictions.put(restriction, set_by=principal.name, now=self.clock())
        self.on_write()
        return restriction

    def unrestrict(self, *, principal: Principal, kind: RecordKind, record_id: str) -> None:
        """Lift the record's restriction: every country with access sees it again."""
        require(principal, Action.WRITE_RECORDS)
        require_owner(principal, self.store.get(kind, record_id).owner)
        if not self.restrictions.remove(kind.value, record_id, now=self.clock()):
            raise NotFound(f"{kind.value} record {record_id} has no restriction")
        self.on_write()

    def _may_see(self, principal: Principal, kind: RecordKind, record_id: str) -> bool:
        return not self.restrictions.hidden_from(principal, [(kind.value, record_id)])
