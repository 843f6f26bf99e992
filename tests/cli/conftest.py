from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner


@pytest.fixture
def cli(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner for the ``frontline`` command on this test's database and data folder."""
    monkeypatch.setenv("FRONTLINE_DATABASE_URL", database_url)
    monkeypatch.setenv("FRONTLINE_DATA_DIR", str(tmp_path / "data"))
    return CliRunner()
