"""Identifiers Frontline hands out: a prefix, milliseconds, randomness (``chk_...``)."""

from __future__ import annotations

import os
import threading
import time

__all__ = ["new_id"]


class _RandomHex:
    """Random hex from the OS, drawn a few kilobytes at a time: one system call for a
    thousand check ids rather than one each."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buffer = ""

    def take(self, digits: int) -> str:
        with self._lock:
            if len(self._buffer) < digits:
                self._buffer = os.urandom(4096).hex()
            out, self._buffer = self._buffer[:digits], self._buffer[digits:]
            return out


_random_hex = _RandomHex()


def new_id(prefix: str) -> str:
    """``prefix_`` + 12 hex digits of milliseconds + 10 random: sortable by time,
    unguessable (``chk_`` checks, ``case_`` cases, ``evt_`` notifications)."""
    return f"{prefix}_{time.time_ns() // 1_000_000:012x}{_random_hex.take(10)}"
