"""DNA search over N synthetic profiles: the numpy column index vs a naive Python loop.

Target (issue 9): search 1,000,000 profiles in <= 100 ms. Probes: profiles from the
gallery (full, one locus changed, partial to 10 loci) and profiles not in it; stringency
max_mismatches=1, min_loci=8, the best 20. The naive baseline compares the probe with every
profile, locus by locus, in Python, on a few probes (it takes seconds each); both must
return the same profiles.
Usage: python -m bench.bench_dna [--count 1000000] [--probes 60] [--naive 2]
"""

from __future__ import annotations

import argparse
import random
import time
from typing import Any

import numpy as np

from bench.common import emit
from frontline.biometrics.dna import parse_profile
from frontline.biometrics.dna_index import DnaIndex
from frontline.synth.dna import ALLELES, profile_from_codes, synthetic_codes

MAX_MISMATCHES, MIN_LOCI, LIMIT = 1, 8, 20


def probes(block: np.ndarray[Any, Any], count: int, seed: int) -> list[dict[str, list[str]]]:
    """A quarter each: members, members with a locus changed, members cut to 10 loci,
    and strangers (a fresh draw)."""
    rng = random.Random(seed)
    size = block.shape[1]
    strangers = synthetic_codes(count, seed=seed + 1)
    out = []
    for number in range(count):
        kind = number % 4
        codes = (strangers[:, number] if kind == 3 else block[:, rng.randrange(size)]).copy()
        if kind == 1:
            locus = rng.randrange(codes.shape[0])
            allele = rng.choice(ALLELES[list(ALLELES)[locus]])
            codes[locus] = allele * 1000 + allele
        if kind == 2:
            codes[rng.sample(range(codes.shape[0]), codes.shape[0] - 10)] = 0
        out.append(profile_from_codes(codes))
    return out


def naive_search(rows: list[tuple[int, ...]], wanted: dict[int, int]) -> list[int]:
    """Every profile, locus by locus, in Python: the rows within the stringency."""
    found = []
    items = list(wanted.items())
    for row, codes in enumerate(rows):
        compared = agreeing = 0
        for column, code in items:
            held = codes[column]
            if held:
                compared += 1
                agreeing += held == code
        if compared >= MIN_LOCI and compared - agreeing <= MAX_MISMATCHES:
            found.append(row)
    return found


def _percentiles_ms(samples: list[int]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(ordered[len(ordered) // 2] / 1e6, 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] / 1e6, 2),
        "max_ms": round(ordered[-1] / 1e6, 2),
        "n": len(ordered),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--probes", type=int, default=60)
    parser.add_argument("--naive", type=int, default=2)
    args = parser.parse_args()
    began = time.perf_counter()
    block = synthetic_codes(args.count, seed=3)
    generated = time.perf_counter() - began
    index = DnaIndex(capacity=args.count)
    began = time.perf_counter()
    index.add_codes(block)
    built = time.perf_counter() - began
    asked = [parse_profile(raw) for raw in probes(block, args.probes, seed=5)]
    samples, cpu, found = [], [], []
    for probe in asked:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        hits = index.search(probe, max_mismatches=MAX_MISMATCHES, min_loci=MIN_LOCI, limit=LIMIT)
        cpu.append(time.thread_time_ns() - start_cpu)
        samples.append(time.perf_counter_ns() - start)
        found.append(hits)
    rows = [tuple(column) for column in block.T.tolist()]
    naive_ms, agree = [], True
    for number in range(min(args.naive, len(asked))):
        probe = asked[number * 4 % len(asked)]  # members: the naive loop has hits to find
        start = time.perf_counter_ns()
        expected = naive_search(rows, DnaIndex.codes_of(probe))
        naive_ms.append((time.perf_counter_ns() - start) / 1e6)
        got = found[number * 4 % len(asked)]
        agree = (
            agree
            and {c.row for c in got} <= set(expected)
            and len(got) == min(LIMIT, len(expected))
        )
    index_ms, index_cpu_ms = _percentiles_ms(samples), _percentiles_ms(cpu)
    members = [hits for number, hits in enumerate(found) if number % 4 != 3]
    emit(
        {
            "benchmark": "dna_search",
            "profiles": args.count,
            "stringency": {"max_mismatches": MAX_MISMATCHES, "min_loci": MIN_LOCI},
            "generate_s": round(generated, 2),
            "index_build_s": round(built, 3),
            "index_mb": round((index.columns.nbytes + index.masks.nbytes) / 2**20, 1),
            "index_search": index_ms,
            "index_search_cpu": index_cpu_ms,
            "naive_search_ms": [round(value, 1) for value in naive_ms],
            "speedup_p50": round(sum(naive_ms) / len(naive_ms) / index_ms["p50_ms"], 1)
            if naive_ms
            else None,
            "members_found": sum(1 for hits in members if hits),
            "members_probed": len(members),
            "naive_and_index_agree": agree,
            "target_ms": 100,
            "met": index_ms["p99_ms"] <= 100,
        }
    )


if __name__ == "__main__":
    main()
