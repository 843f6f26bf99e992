"""Record use cases: create, read, replace, cancel, search; each checks who may do it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from frontline.access import Action, require, require_owner
from frontline.domain.records import AnyRecord, RecordKind, RecordState
from frontline.domain.users import Principal
from frontline.errors import Conflict, InvalidInput
from frontline.records.kinds import build_row
from frontline.store.repository import RecordStore

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

    def create(self, *, principal: Principal, kind: RecordKind, raw: Any) -> AnyRecord:
        require(principal, Action.WRITE_RECORDS)
        row = build_row(kind, raw)
        require_owner(principal, row["owner"])
        record = self.store.create(kind, row, now=self.clock())
        self.on_write()
        return record

    def get(self, *, principal: Principal, kind: RecordKind, record_id: str) -> AnyRecord:
        require(principal, Action.READ_RECORDS)
        return self.store.get(kind, record_id)

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
        return self.store.search(kind, owner=owner, state=state, after=after, limit=limit)
