"""The active suppressions of one server process, kept fresh from the store's counter.

A check asks ``is_suppressed`` only for the records that hit, so the no-hit path never
comes here. The set is small (decided false hits), so a change reloads it whole; other
processes' writes show within ``refresh_seconds``, this process's at once (``invalidate``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from frontline.store.suppressions import ActivePair, SuppressionStore

__all__ = ["SuppressionCache"]


class SuppressionCache:
    """Thread-safe: lookups read an immutable snapshot; one thread at a time refreshes it."""

    def __init__(
        self,
        store: SuppressionStore,
        *,
        refresh_seconds: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._monotonic = monotonic
        self._active: dict[ActivePair, str] = {}
        self._version = -1  # never loaded
        self._polled_at = float("-inf")
        self._lock = threading.Lock()

    @property
    def version(self) -> int:
        """The store counter the snapshot was loaded at (-1 before the first load)."""
        return self._version

    def __len__(self) -> int:
        self._ensure_fresh()
        return len(self._active)

    def is_suppressed(self, subject_keys: Iterable[str], record_kind: str, record_id: str) -> bool:
        """Whether an active suppression covers any of ``subject_keys`` on this record."""
        return self.suppression_for(subject_keys, record_kind, record_id) is not None

    def suppression_for(
        self, subject_keys: Iterable[str], record_kind: str, record_id: str
    ) -> str | None:
        """The id of the active suppression that covers this record for one of
        ``subject_keys`` (the first key that has one), or None."""
        self._ensure_fresh()
        active = self._active  # one snapshot for the whole lookup
        if not active:
            return None
        kind = str(record_kind)
        for key in subject_keys:
            found = active.get((key, kind, record_id))
            if found is not None:
                return found
        return None

    def invalidate(self) -> None:
        """Poll the store's counter on the next lookup (after a write in this process)."""
        self._polled_at = float("-inf")

    def refresh(self) -> bool:
        """Poll the counter now and reload the set if it moved; True when it reloaded."""
        with self._lock:
            return self._refresh_locked()

    def _ensure_fresh(self) -> None:
        if self._monotonic() - self._polled_at < self.refresh_seconds:
            return
        # One thread polls; the others go on with the current snapshot rather than queue
        # behind a database read. The very first load is waited for: an empty snapshot
        # then would mean "nothing suppressed" only because nothing was read yet.
        if self._lock.acquire(blocking=self._version < 0):
            try:
                if self._monotonic() - self._polled_at >= self.refresh_seconds:
                    self._refresh_locked()
            finally:
                self._lock.release()

    def _refresh_locked(self) -> bool:
        version = self.store.version()
        reloaded = version != self._version
        if reloaded:
            # Read the set after the counter: a write committed in between shows in the set
            # now and moves the counter again, so the next poll reloads (never a lost write).
            self._active = self.store.active()
            self._version = version
        self._polled_at = self._monotonic()
        return reloaded
