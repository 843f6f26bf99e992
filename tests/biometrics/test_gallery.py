"""The gallery's index: exact inner-product search, best first, one entry per person."""

from __future__ import annotations

import numpy as np

from frontline.biometrics.gallery import FaceIndex, gpu_available


def unit_rows(count: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, 128)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_search_finds_what_brute_force_finds() -> None:
    gallery = unit_rows(2_000, seed=1)
    index = FaceIndex()
    ids = [f"fac_{n}" for n in range(len(gallery))]
    index.add(gallery, enrolment_ids=ids, record_ids=[f"PER-{n}" for n in range(len(gallery))])
    for probe in unit_rows(20, seed=2):
        expected = np.argsort(-(gallery @ probe))[:5]
        found = index.search(probe, limit=5)
        assert [candidate.enrolment_id for candidate in found] == [ids[n] for n in expected]
        scores = [candidate.similarity for candidate in found]
        assert np.allclose(scores, (gallery @ probe)[expected], atol=1e-5)


def test_a_person_with_several_photos_comes_once_with_the_best() -> None:
    probe = unit_rows(1, seed=3)[0]
    near = probe + 0.05 * unit_rows(1, seed=4)[0]
    nearer = probe + 0.01 * unit_rows(1, seed=5)[0]
    rows = np.stack([near, nearer, unit_rows(1, seed=6)[0]])
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    index = FaceIndex()
    index.add(rows, enrolment_ids=["fac_a", "fac_b", "fac_c"], record_ids=["P1", "P1", "P2"])
    found = index.search(probe, limit=5)
    assert [(candidate.record_id, candidate.enrolment_id) for candidate in found] == [
        ("P1", "fac_b"),
        ("P2", "fac_c"),
    ]


def test_an_empty_gallery_finds_nobody() -> None:
    assert FaceIndex().search(unit_rows(1, seed=7)[0], limit=5) == []


def test_the_cpu_index_serves_where_faiss_has_no_gpu() -> None:
    index = FaceIndex(use_gpu=True)
    assert index.on_gpu is gpu_available()


def test_a_removed_descriptor_is_never_found_and_the_rest_keep_their_ids() -> None:
    gallery = unit_rows(500, seed=8)
    ids = [f"fac_{n}" for n in range(len(gallery))]
    index = FaceIndex()
    index.add(gallery, enrolment_ids=ids, record_ids=[f"PER-{n}" for n in range(len(gallery))])
    gone = {"fac_0", "fac_7", "fac_499", "fac_250"}
    assert index.remove([*gone, "fac_unknown"]) == 4
    assert len(index) == 496
    assert index.remove(["fac_7"]) == 0
    kept = [n for n in range(len(gallery)) if ids[n] not in gone]
    for n in (0, 7, 250, 499, 1, 498):
        probe = gallery[n]
        expected = sorted(kept, key=lambda m: -float(gallery[m] @ probe))[:3]
        found = index.search(probe, limit=3)
        assert [candidate.enrolment_id for candidate in found] == [ids[m] for m in expected]
        assert [candidate.record_id for candidate in found] == [f"PER-{m}" for m in expected]
    assert index.remove(ids) == 496
    assert index.search(gallery[1], limit=3) == []
