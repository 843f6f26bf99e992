"""The API client and CLI runner fixtures of tests/api and tests/cli, for these doors too."""

from __future__ import annotations

from tests.api.conftest import api
from tests.cli.conftest import cli

__all__ = ["api", "cli"]
