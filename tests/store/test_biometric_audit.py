"""Biometric queries are audited by their type of data only."""

from __future__ import annotations

import json

import pytest

from frontline.biometrics.dna_service import SearchLimits
from frontline.services import Services
from frontline.store.audit import biometric_entry
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


_PROBE = {
    "D3S1358": [15, 16],
    "vWA": [17, 18],
    "FGA": [21, 22],
    "D8S1179": [13, 14],
    "D21S11": ["29", "30.2"],
    "D18S51": [14, 15],
    "D5S818": [11, 12],
    "D13S317": [11, 12],
    "D7S820": [10, 11],
    "TH01": ["6", "9.3"],
}


def test_a_dna_search_is_audited_as_its_type_without_the_profile(services: Services) -> None:
    services.dna.search(principal=OFFICER, raw=_PROBE, limits=SearchLimits())
    entry = services.audit.list(limit=1)[0]
    assert entry.event == "dna_search"
    assert entry.query == {"type": "DNA search"}
    stored = json.dumps(entry.as_dict())
    assert "30.2" not in stored
    assert "D21S11" not in stored
