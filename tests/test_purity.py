"""The core is pure: domain/, identifiers/ and the matching rules import no I/O package."""

from __future__ import annotations

import subprocess
import sys

PURE = [
    "frontline.domain.records",
    "frontline.domain.checks",
    "frontline.domain.queries",
    "frontline.domain.dates",
    "frontline.domain.operations",
    "frontline.identifiers.mrz",
    "frontline.identifiers.vin",
    "frontline.identifiers.countries",
    "frontline.identifiers.docnumbers",
    "frontline.identifiers.imo",
    "frontline.identifiers.hull",
    "frontline.identifiers.serials",
    "frontline.records.kinds",
    "frontline.screening.rules",
    "frontline.matching.scripts",
    "frontline.matching.phonetic",
    "frontline.matching.names",
    "frontline.matching.nicknames",
    "frontline.matching.features",
    "frontline.matching.algorithm",
    "frontline.matching.index",
    "frontline.matching.transliteration",
    "frontline.matching.cyrillic",
    "frontline.manifests.paxlst",
    "frontline.domain.training",
    "frontline.domain.removals",
    "frontline.training.exercises",
]
FORBIDDEN = ["sqlalchemy", "fastapi", "starlette", "httpx", "uvicorn", "alembic", "psycopg"]


def test_the_pure_core_imports_without_any_io_package() -> None:
    # A fresh interpreter in which the I/O packages cannot be imported at all.
    script = (
        "import sys\n"
        f"for name in {FORBIDDEN!r}: sys.modules[name] = None\n"
        f"for module in {PURE!r}: __import__(module)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
