"""Token buckets in memory: the one rate limiter, shared by partner keys and the API's
limits per token and per source address.

Counts live in each server process (a restart forgets them; N workers allow N times the
rate): the daily partner quota, which a contract sets, is counted in the database instead.
"""

from __future__ import annotations

import threading

__all__ = ["RateBuckets"]


class RateBuckets:
    """A token bucket per key: ``per_minute`` requests a minute, as a burst or spread.

    At most ``max_keys`` buckets are kept (the oldest is forgotten first), so a flood of
    made-up tokens or addresses cannot grow memory without bound; a forgotten key starts
    again with a full bucket."""

    def __init__(self, *, max_keys: int = 100_000) -> None:
        self.max_keys = max_keys
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, key: str, *, per_minute: int, now: float) -> float:
        """0 when a request may go now (and count it), else seconds until one may."""
        rate = per_minute / 60.0
        with self._lock:
            found = self._buckets.get(key)
            if found is None:
                tokens, since = float(per_minute), now
                if len(self._buckets) >= self.max_keys:
                    del self._buckets[next(iter(self._buckets))]
            else:
                tokens, since = found
            tokens = min(float(per_minute), tokens + (now - since) * rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / rate
