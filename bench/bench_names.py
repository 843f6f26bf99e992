"""Cross-script name accuracy on real name pairs (issue 3), against the naive baseline.

../shared/data/names/dev_pairs.tsv pairs one person's name in Latin script and in Hebrew,
Korean, Cyrillic or Arabic; only its evaluation half is used here (the other half trained
the romanisation table: ``bench.train_transliteration.is_training``). Per script: 1,000
listed persons (half recorded in the native script, half in Latin), each queried with its
other form, and 500 unlisted persons queried in either form. Names only, no dates.
Recall: the listed person is among what comes back (hit or possible match); false-hit
rate: an unlisted query brings anything back.

Baseline, in the same run: anyascii + rapidfuzz token_sort_ratio >= 80 over the whole list.
Usage: python -m bench.bench_names [--per-script 1000] [--unlisted 500] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz, process

from bench.common import emit
from bench.train_transliteration import is_training
from frontline.matching.algorithm import ALGORITHM, subject
from frontline.matching.index import CandidateIndex

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "data" / "names" / "dev_pairs.tsv"
SCRIPTS = ("hebrew", "korean", "russian", "arabic")


def load_pairs(path: Path = PAIRS) -> dict[str, list[tuple[str, str]]]:
    by_script: dict[str, list[tuple[str, str]]] = defaultdict(list)
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            latin, native, script = line.rstrip("\n").split("\t")
            if is_training(latin):
                continue  # the half the romanisation table was learned from
            if latin.casefold() in seen or native.casefold() in seen:
                continue  # one person per name, so that "unlisted" means unlisted
            seen.update((latin.casefold(), native.casefold()))
            by_script[script].append((latin, native))
    return by_script


def build_sample(
    by_script: dict[str, list[tuple[str, str]]], per_script: int, unlisted: int, seed: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(listed persons with the form recorded and the form to query, unlisted queries)."""
    rng = random.Random(seed)
    listed, outsiders = [], []
    for script in SCRIPTS:
        pairs = rng.sample(by_script[script], per_script + unlisted)
        for number, (latin, native) in enumerate(pairs[:per_script]):
            recorded_native = number % 2 == 0
            listed.append(
                {
                    "script": script,
                    "recorded": native if recorded_native else latin,
                    "query": latin if recorded_native else native,
                }
            )
        for number, (latin, native) in enumerate(pairs[per_script:]):
            outsiders.append({"script": script, "query": native if number % 2 else latin})
    return listed, outsiders


def run_frontline(listed: list[dict[str, Any]], outsiders: list[dict[str, Any]]) -> dict[str, Any]:
    index = CandidateIndex()
    started = time.perf_counter()
    for rid, person in enumerate(listed):
        index.add(rid, subject([person["recorded"]]))
    build = time.perf_counter() - started
    started = time.perf_counter()
    found = [{rid for rid, _ in index.search(subject([person["query"]]))} for person in listed]
    stray = [bool(index.search(subject([person["query"]]))) for person in outsiders]
    elapsed = time.perf_counter() - started
    result = score(listed, outsiders, found, stray)
    result["index_build_s"] = round(build, 2)
    result["queries_per_s"] = round((len(listed) + len(outsiders)) / elapsed, 1)
    return result


def run_baseline(listed: list[dict[str, Any]], outsiders: list[dict[str, Any]]) -> dict[str, Any]:
    choices = [anyascii(person["recorded"]).lower() for person in listed]
    queries = [anyascii(person["query"]).lower() for person in listed + outsiders]
    started = time.perf_counter()
    above = [
        {
            index
            for _, _, index in process.extract(
                query, choices, scorer=fuzz.token_sort_ratio, score_cutoff=80, limit=None
            )
        }
        for query in queries
    ]
    elapsed = time.perf_counter() - started
    found = above[: len(listed)]
    stray = [bool(row) for row in above[len(listed) :]]
    result = score(listed, outsiders, found, stray)
    result["queries_per_s"] = round(len(queries) / elapsed, 1)
    return result


def score(
    listed: list[dict[str, Any]],
    outsiders: list[dict[str, Any]],
    found: list[set[int]],
    stray: list[bool],
) -> dict[str, Any]:
    per_script: dict[str, dict[str, Any]] = {}
    for script in SCRIPTS:
        mine = [rid for rid, person in enumerate(listed) if person["script"] == script]
        theirs = [n for n, person in enumerate(outsiders) if person["script"] == script]
        recall = sum(rid in found[rid] for rid in mine) / len(mine)
        false_hits = sum(stray[n] for n in theirs) / len(theirs)
        per_script[script] = {"recall": round(recall, 4), "false_hit_rate": round(false_hits, 4)}
    recall = sum(rid in found[rid] for rid in range(len(listed))) / len(listed)
    return {
        "recall": round(recall, 4),
        "false_hit_rate": round(sum(stray) / len(stray), 4),
        "per_script": per_script,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-script", type=int, default=1000)
    parser.add_argument("--unlisted", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    listed, outsiders = build_sample(load_pairs(), args.per_script, args.unlisted, args.seed)
    emit(
        {
            "benchmark": "cross_script_names",
            "listed": len(listed),
            "unlisted_queries": len(outsiders),
            "algorithm": ALGORITHM.label,
            "goal": {"recall": ">= 0.90", "false_hit_rate": "<= 0.02"},
            "frontline": run_frontline(listed, outsiders),
            "baseline_anyascii_token_sort_ratio_80": run_baseline(listed, outsiders),
        }
    )


if __name__ == "__main__":
    main()
