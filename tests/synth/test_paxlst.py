"""Synthetic PAXLST manifests read back exactly, names released where they must be."""

from __future__ import annotations

import datetime as dt

from frontline.manifests import parse_paxlst
from frontline.synth.paxlst import synthetic_manifest

DEPARTS = dt.datetime(2026, 12, 1, 10, 0)


def test_a_synthetic_manifest_reads_back_without_warnings() -> None:
    text = synthetic_manifest(120, seed=4, departs=DEPARTS)
    manifest = parse_paxlst(text)
    assert manifest.warnings == ()
    assert len(manifest.travellers) == 120
    assert manifest.legs[0].departure_at == DEPARTS
    assert manifest.arrives_at == DEPARTS + dt.timedelta(hours=8)
    assert all(t.documents[0].number and t.birth_date for t in manifest.travellers)
    assert synthetic_manifest(120, seed=4, departs=DEPARTS) == text  # deterministic
