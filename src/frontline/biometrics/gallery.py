"""The gallery's vector index: every enrolled descriptor, searched 1:N by inner product.

Exact search (FAISS ``IndexFlatIP``): at 100,000 x 128 numbers it answers in a few
milliseconds on one CPU core, so no approximate index (and none of its recall loss) is
needed. Where FAISS was built with GPU support and a GPU is present, the index is copied to
it; the CPU index is the default and what the tests use.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from frontline.biometrics.model import DIMENSIONS

__all__ = ["Candidate", "FaceIndex", "gpu_available"]

log = logging.getLogger("frontline.biometrics")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One enrolled person close to the probe: their best enrolment and its similarity."""

    record_id: str
    enrolment_id: str
    similarity: float


def gpu_available() -> bool:
    """Whether this FAISS build has GPU support and sees a GPU (faiss-cpu: never)."""
    import faiss

    return hasattr(faiss, "StandardGpuResources") and faiss.get_num_gpus() > 0


class FaceIndex:
    """Unit-length descriptors with their enrolment and record ids, in insertion order."""

    def __init__(self, *, use_gpu: bool = False) -> None:
        import faiss  # here, not at the top: a one-shot CLI command never loads FAISS

        # One thread a search: a single probe gains little from OpenMP, and its spinning
        # workers made a 100,000-face search 5 times slower on a busy 2-core machine
        # (bench_faces). Searches take turns on the lock anyway: adding to a flat index
        # moves its storage, which a search running beside it would read.
        faiss.omp_set_num_threads(1)
        self._lock = threading.Lock()
        self._cpu: Any = faiss.IndexFlatIP(DIMENSIONS)
        self._index: Any = self._cpu
        self._gpu_resources: Any = None
        if use_gpu and gpu_available():
            self._gpu_resources = faiss.StandardGpuResources()
            self._index = faiss.index_cpu_to_gpu(self._gpu_resources, 0, self._cpu)
            log.info("face gallery on the GPU")
        self._enrolments: list[str] = []
        self._records: list[str] = []

    @property
    def on_gpu(self) -> bool:
        return self._gpu_resources is not None

    def __len__(self) -> int:
        return len(self._enrolments)

    def add(
        self,
        vectors: npt.NDArray[np.float32],
        *,
        enrolment_ids: Sequence[str],
        record_ids: Sequence[str],
    ) -> None:
        """Add descriptors (one row each, unit length) with their ids."""
        if len(vectors) == 0:
            return
        matrix = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, DIMENSIONS)
        with self._lock:
            self._index.add(matrix)
            self._enrolments.extend(enrolment_ids)
            self._records.extend(record_ids)

    def remove(self, enrolment_ids: Collection[str]) -> int:
        """Drop the descriptors of ``enrolment_ids`` (unknown ids are ignored); how many
        went. The rest keep their order."""
        wanted = set(enrolment_ids)
        with self._lock:
            doomed = [at for at, enrolment in enumerate(self._enrolments) if enrolment in wanted]
            if not doomed:
                return 0
            positions = np.asarray(doomed, dtype=np.int64)
            if self._gpu_resources is None:
                self._cpu.remove_ids(positions)
            else:  # a GPU flat index removes nothing itself: through a CPU copy, and back
                import faiss

                self._cpu = faiss.index_gpu_to_cpu(self._index)
                self._cpu.remove_ids(positions)
                self._index = faiss.index_cpu_to_gpu(self._gpu_resources, 0, self._cpu)
            gone = set(doomed)
            self._enrolments = [e for at, e in enumerate(self._enrolments) if at not in gone]
            self._records = [r for at, r in enumerate(self._records) if at not in gone]
            return len(doomed)

    def search(self, probe: npt.NDArray[np.float32], *, limit: int) -> list[Candidate]:
        """The ``limit`` closest persons, best first, each with its best enrolment (a
        person enrolled from several photos appears once)."""
        with self._lock:
            total = len(self._enrolments)
            if total == 0 or limit < 1:
                return []
            # Enough neighbours that ``limit`` distinct persons survive a person's several
            # photos; exact search costs the same whatever k is, the sort is k log k.
            k = min(total, max(4 * limit, 32))
            query = np.ascontiguousarray(probe, dtype=np.float32).reshape(1, DIMENSIONS)
            scores, positions = self._index.search(query, k)
            chosen: dict[str, Candidate] = {}
            for score, position in zip(scores[0], positions[0], strict=True):
                if position < 0:
                    continue
                record_id = self._records[position]
                if record_id not in chosen:
                    chosen[record_id] = Candidate(
                        record_id, self._enrolments[position], float(score)
                    )
                if len(chosen) == limit:
                    break
        return list(chosen.values())
