"""Biometric queries are audited by their type of data only."""

from __future__ import annotations

from pathlib import Path

import pytest

import frontline.biometrics as package
from frontline.services import Services
from frontline.store.audit import BIOMETRIC_TYPES, biometric_entry
from tests.factories import OFFICER


def test_a_biometric_entry_holds_the_type_and_outcome_only(services: Services) -> None:
    entry = biometric_entry("DNA search", check_id="dnas_1", verdict="hit", record_ids=["P-1"])
    services.audit.append(
        principal=OFFICER, event="dna_search", at=services.clock(), entries=[entry]
    )
    stored = services.audit.list(limit=1)[0]
    assert stored.query == {"type": "DNA search"}
    assert stored.result == {"hits": 0}
    assert stored.record_ids == ["P-1"]


def test_an_unknown_biometric_type_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown biometric"):
        biometric_entry("face photo bytes")


@pytest.mark.parametrize("module", ["faces", "dna_service"])
def test_the_biometric_services_audit_known_types_only(module: str) -> None:
    """What exists (faces, DNA) writes no query beyond a known type: read from its source,
    since running a face search needs the model and a photo."""
    source = (Path(package.__file__).parent / f"{module}.py").read_text()
    queries = [line.strip() for line in source.splitlines() if '"query":' in line]
    assert queries, f"{module} writes no audit query"
    for line in queries:
        assert any(f'{{"type": "{kind}"' in line for kind in BIOMETRIC_TYPES), line
