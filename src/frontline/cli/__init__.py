"""The ``frontline`` command: serve, import, check, mrz, users, audit, demo-data."""

from __future__ import annotations

from frontline.cli.app import app, main

__all__ = ["app", "main"]
