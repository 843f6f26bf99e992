"""Failed console logins, counted per user name and client address, to slow guessing.

Five failures within fifteen minutes lock that name from that address until the oldest
failure is fifteen minutes old; a locked login is refused before its password is hashed,
so a flood of guesses costs the server nothing. Counts live in each server process's
memory (a restart forgets them; N workers allow N times as many guesses): a front proxy's
rate limit is the stronger guard where the console faces a network.
"""

from __future__ import annotations

import threading
from collections import deque

from frontline.errors import FrontlineError

__all__ = ["LoginThrottle", "TooManyAttempts"]


class TooManyAttempts(FrontlineError):
    """Too many failed logins for this name from this address; try again later."""

    code = "too_many_attempts"
    http_status = 429


class LoginThrottle:
    def __init__(
        self, *, failures: int = 5, window_seconds: float = 900.0, max_keys: int = 10_000
    ) -> None:
        self.failures = failures
        self.window = window_seconds
        self.max_keys = max_keys
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], deque[float]] = {}

    def check(self, name: str, address: str, *, now: float) -> None:
        """Raise TooManyAttempts while this name is locked from this address."""
        with self._lock:
            recent = self._recent((name.lower(), address), now)
            if len(recent) >= self.failures:
                wait = max(1, round((recent[0] + self.window - now) / 60))
                raise TooManyAttempts(
                    f"too many failed logins for {name}; try again in {wait} minute(s)"
                )

    def failed(self, name: str, address: str, *, now: float) -> None:
        with self._lock:
            key = (name.lower(), address)
            self._recent(key, now).append(now)
            if len(self._seen) > self.max_keys:  # bounded memory under a flood of names
                del self._seen[next(iter(self._seen))]

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._seen.pop((name.lower(), address), None)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._seen.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times
