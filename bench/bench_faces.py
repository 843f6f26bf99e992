"""Face speed and accuracy (issue 9).

1. Gallery: N synthetic unit descriptors (128 float32) enrolled in the database in one
   transaction, the gallery built from them as a server does at start, then 1:N search
   (the 5 closest persons) timed per probe, p50/p99: the FAISS exact inner-product index
   against a brute-force numpy baseline (matrix-vector product + argpartition) in the same
   run. Probes are perturbed copies of gallery entries, so each has a true neighbour.
2. The whole probe path on a real photo (decode, detect, embed, search), stage by stage,
   and through the use case (with its audit write) on that N-face gallery.
3. Accuracy on the shared photos (../shared/data/faces), all pairs of single-face photos:
   true-match rate and false-match rate at the hit and possible-match thresholds, and
   rank-1 identification (one photo of each person enrolled, the others searched).

Every time is given as wall time and as the CPU time of the thread that ran it (FAISS
searches single-threaded; run with OPENBLAS_NUM_THREADS=1 so the numpy baseline is too).

Usage: OPENBLAS_NUM_THREADS=1 python -m bench.bench_faces [--count 100000] [--probes 1000]
       [--photo-runs 20]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import insert

from bench.common import emit, percentiles
from frontline.biometrics.decision import ALGORITHM, THRESHOLDS, FaceDecision, decide
from frontline.biometrics.gallery import FaceIndex, gpu_available
from frontline.biometrics.images import decode_photo
from frontline.biometrics.model import DIMENSIONS, face_model
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal, Role
from frontline.records.kinds import build_row
from frontline.services import open_services
from frontline.settings import Settings
from frontline.store.database import write_transaction
from frontline.store.face_tables import face_enrolments
from tests.biometrics.photos import FACES, PEOPLE  # who is in which shared photo

OFFICER = Principal(1, "bench-officer", Role.OFFICER, "FRA")
ADMIN = Principal(2, "bench-admin", Role.ADMIN, "FRA")
LIMITS = {"max_bytes": 10**8, "max_pixels": 10**8}
Matrix = npt.NDArray[np.float32]


def unit_rows(count: int, rng: np.random.Generator) -> Matrix:
    rows = rng.standard_normal((count, DIMENSIONS)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def store_gallery(settings: Settings, vectors: Matrix) -> float:
    """Write the synthetic enrolments in one transaction; seconds taken."""
    services = open_services(settings, use_index=False)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [
        {
            "id": f"fac_bench{n:09d}",
            "record_id": f"PER-BENCH-{n:07d}",
            "owner": "FRA",
            "algorithm": ALGORITHM,
            "embedding": vector.astype("<f4").tobytes(),
            "photo_sha256": f"{n:064x}",
            "enrolled_at": now,
            "enrolled_by": "bench",
        }
        for n, vector in enumerate(vectors)
    ]
    started = time.perf_counter()
    with write_transaction(services.engine) as connection:
        for start in range(0, len(rows), 10_000):
            connection.execute(insert(face_enrolments), rows[start : start + 10_000])
    seconds = time.perf_counter() - started
    services.close()
    return seconds


class Clock:
    """Wall time and this thread's CPU time per sample: on a machine other jobs load, the
    CPU time says what one search costs, the wall time what a caller waited."""

    def __init__(self) -> None:
        self.wall: list[int] = []
        self.cpu: list[int] = []

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter_ns(), time.thread_time_ns()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall.append(time.perf_counter_ns() - self._wall)
        self.cpu.append(time.thread_time_ns() - self._cpu)

    def report(self) -> dict[str, Any]:
        return {"wall": percentiles(self.wall), "cpu": percentiles(self.cpu)}


def time_search(index: FaceIndex, gallery: Matrix, probes: Matrix) -> dict[str, Any]:
    with_faiss, with_numpy, agree = Clock(), Clock(), 0
    for probe in probes:
        with with_faiss:
            found = index.search(probe, limit=5)
        with with_numpy:
            scores = gallery @ probe
            top = np.argpartition(-scores, 5)[:5]
            top = top[np.argsort(-scores[top])]
        agree += found[0].record_id == f"PER-BENCH-{int(top[0]):07d}"
    return {
        "faiss_flat_ip": with_faiss.report(),
        "numpy_brute_force": with_numpy.report(),
        "same_best_candidate": agree / len(probes),
    }


def probe_path(photo: bytes, index: FaceIndex, runs: int) -> dict[str, Any]:
    model = face_model()
    stages = {name: Clock() for name in ("total", "decode", "detect_and_embed", "search")}
    for _ in range(runs):
        with stages["total"]:
            with stages["decode"]:
                pixels = decode_photo(photo, **LIMITS)
            with stages["detect_and_embed"]:
                vector = model.embed(pixels)
            with stages["search"]:
                index.search(vector, limit=5)
    return {name: clock.report() for name, clock in stages.items()}


def accuracy() -> dict[str, Any]:
    model = face_model()
    vectors = {
        name: model.embed(decode_photo((FACES / name).read_bytes(), **LIMITS)) for name in PEOPLE
    }
    same, different = [], []
    for first, second in itertools.combinations(sorted(vectors), 2):
        similarity = float(vectors[first] @ vectors[second])
        (same if PEOPLE[first] == PEOPLE[second] else different).append(similarity)

    def rate(values: list[float], threshold: float) -> float:
        return sum(value >= threshold for value in values) / len(values)

    enrolled = {}
    for name, who in PEOPLE.items():
        enrolled.setdefault(who, name)
    rank_one = [
        max(enrolled, key=lambda who: float(vectors[enrolled[who]] @ vectors[name])) == who
        for name, who in PEOPLE.items()
        if enrolled[who] != name
    ]
    decisions = [decide(value) for value in same]
    return {
        "photos": len(vectors),
        "same_person_pairs": len(same),
        "different_person_pairs": len(different),
        "true_match_rate_at_hit": rate(same, THRESHOLDS.hit),
        "true_match_rate_at_possible": rate(same, THRESHOLDS.possible),
        "false_match_rate_at_hit": rate(different, THRESHOLDS.hit),
        "false_match_rate_at_possible": rate(different, THRESHOLDS.possible),
        "same_person_similarity_min": round(min(same), 4),
        "different_person_similarity_max": round(max(different), 4),
        "same_pairs_decided_hit": decisions.count(FaceDecision.HIT),
        "rank_1_identification": sum(rank_one) / len(rank_one),
        "thresholds": {"hit": THRESHOLDS.hit, "possible_match": THRESHOLDS.possible},
    }


def use_case_path(settings: Settings, photo: bytes, runs: int) -> dict[str, Any]:
    """Faces.search as the API calls it (decode, detect, embed, search, live records,
    audit write), on the N-face gallery plus one real person enrolled."""
    services = open_services(settings, use_index=False)  # the gallery is built below
    started = time.perf_counter()
    services.faces.refresh()
    build_seconds = time.perf_counter() - started
    row = {"id": "PER-REAL", "type": "red", "name": "Bench Person", "owner": "FRA"}
    services.store.create(
        RecordKind.PERSONS, build_row(RecordKind.PERSONS, row), now=services.clock()
    )
    services.faces.enrol(
        principal=ADMIN, record_id="PER-REAL", photo=(FACES / "obama.jpg").read_bytes()
    )
    clock, verdicts = Clock(), set()
    for _ in range(runs):
        with clock:
            found = services.faces.search(principal=OFFICER, photo=photo)
        verdicts.add((found.result.verdict.value, found.result.hits[0].record_id))
    services.close()
    return {
        "gallery_build_from_db_s": round(build_seconds, 2),
        "search": clock.report(),
        "verdicts": sorted(verdicts),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--probes", type=int, default=1_000)
    parser.add_argument("--photo-runs", type=int, default=20)
    args = parser.parse_args()
    rng = np.random.default_rng(9)
    gallery = unit_rows(args.count, rng)
    chosen = rng.integers(0, args.count, args.probes)
    probes = gallery[chosen] + 0.35 * unit_rows(args.probes, rng) / np.sqrt(2)
    probes /= np.linalg.norm(probes, axis=1, keepdims=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder), database_url=os.environ.get("FRONTLINE_BENCH_DATABASE_URL")
        )
        insert_seconds = store_gallery(settings, gallery)
        index = FaceIndex()
        started = time.perf_counter()
        index.add(
            gallery,
            enrolment_ids=[f"fac_bench{n:09d}" for n in range(args.count)],
            record_ids=[f"PER-BENCH-{n:07d}" for n in range(args.count)],
        )
        add_seconds = time.perf_counter() - started
        search = time_search(index, gallery, probes)
        photo = (FACES / "obama2.jpg").read_bytes()
        face_model()  # loaded before the clock starts, as a server has it after its first probe
        path = probe_path(photo, index, args.photo_runs)
        through_use_case = use_case_path(settings, photo, args.photo_runs)
    emit(
        {
            "benchmark": "faces",
            "gallery": args.count,
            "probes": args.probes,
            "gpu": gpu_available(),
            "enrol": {
                "db_insert_s": round(insert_seconds, 2),
                "index_add_s": round(add_seconds, 3),
            },
            "search_1_to_n": search,
            "target_search_p99_ms": 50,
            "probe_photo": "obama2.jpg (626 x 1200)",
            "probe_path": path,
            "probe_path_use_case": through_use_case,
            "target_probe_path_s": 1.0,
            "accuracy": accuracy(),
        }
    )


if __name__ == "__main__":
    main()
