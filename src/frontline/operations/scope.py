"""Who may check which database, now: standing access, widened during an operation."""

from __future__ import annotations

import datetime as dt
import threading
import time

from frontline.domain.checks import Database
from frontline.domain.operations import Operation, allowed_during
from frontline.domain.queries import CheckContext
from frontline.domain.users import Principal
from frontline.store.operations import OperationStore

__all__ = ["OperationScope"]


class OperationScope:
    """The ``AccessScope`` of checks, read from the operation store.

    Standing access and operations are cached for ``refresh_seconds`` (0: read on every
    check), so the common check without an operation costs no query. Writes through this
    process call ``forget``; another process sees a change within ``refresh_seconds``.
    """

    def __init__(self, store: OperationStore, *, refresh_seconds: float) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._lock = threading.Lock()
        self._standing: tuple[float, dict[str, frozenset[Database]]] | None = None
        self._operations: dict[str, tuple[float, Operation]] = {}

    def allowed_databases(
        self, *, principal: Principal, context: CheckContext, now: dt.datetime
    ) -> frozenset[Database] | None:
        standing = self._standing_map().get(principal.country)
        if context.operation_id is None:
            return standing
        operation = self._operation(context.operation_id)
        return allowed_during(
            operation,
            principal=principal,
            border_point=context.border_point,
            now=now,
            standing=standing,
        )

    def forget(self) -> None:
        with self._lock:
            self._standing = None
            self._operations.clear()

    def _standing_map(self) -> dict[str, frozenset[Database]]:
        cached = self._standing
        if cached is not None and time.monotonic() - cached[0] < self.refresh_seconds:
            return cached[1]
        fresh = self.store.standing_access()
        with self._lock:
            self._standing = (time.monotonic(), fresh)
        return fresh

    def _operation(self, operation_id: str) -> Operation:
        cached = self._operations.get(operation_id)
        if cached is not None and time.monotonic() - cached[0] < self.refresh_seconds:
            return cached[1]
        operation = self.store.get(operation_id)  # NotFound for an unknown one
        with self._lock:
            if len(self._operations) > 1000:
                self._operations.clear()
            self._operations[operation_id] = (time.monotonic(), operation)
        return operation
