"""Document checks in process against N documents: memory index vs one SQL query per check.

Targets (issue 2) at 10,000,000 documents: p50 <= 20 us, p99 <= 200 us.
Measures the check itself (parse the request, derive keys, look up, fetch hits, apply
the rules), without the audit write, which the HTTP benchmark includes.
Usage: python -m bench.bench_check [--count 10000000] [--queries 200000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import TODAY, Stopwatch, emit, load_documents, percentiles
from frontline.domain.records import RecordKind, TravelDocument
from frontline.screening.index import IndexedSource
from frontline.screening.requests import parse_check_request
from frontline.screening.service import Screening
from frontline.screening.sql import SqlCandidates
from frontline.store.audit import AuditLog
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore


def sample_queries(
    store: RecordStore, count: int, hits: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(no-hit queries, hit queries): hits are documents drawn at random from the store."""
    rng = random.Random(5)
    total = store.count(RecordKind.DOCUMENTS)
    rids = rng.sample(range(1, total + 1), min(hits, total))
    hit_queries = [
        {"document": {"number": record.number, "country": record.issuing_country}}
        for _, record in store.by_rids(RecordKind.DOCUMENTS, rids)
        if isinstance(record, TravelDocument) and record.number
    ]
    countries = ["FRA", "DEU", "ESP", "ITA", "GBR", "USA", "NLD", "BEL", "POL", "TUR"]
    misses = [
        {"document": {"number": f"Q{rng.randrange(10**9):09d}", "country": rng.choice(countries)}}
        for _ in range(count)
    ]
    return misses, hit_queries


def time_checks(screening: Screening, queries: list[dict[str, Any]]) -> dict[str, float]:
    now = dt.datetime.now(dt.UTC)
    samples = []
    clock = time.perf_counter_ns
    for raw in queries:
        start = clock()
        request = parse_check_request(raw, today=TODAY)
        screening.evaluate(request, now=now)
        samples.append(clock() - start)
    return percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000_000)
    parser.add_argument("--queries", type=int, default=200_000)
    parser.add_argument("--baseline-queries", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        migrate(engine)
        store = RecordStore(engine)
        with Stopwatch() as loading:
            load_documents(store, args.count)
        source = IndexedSource(store, refresh_seconds=3600)
        with Stopwatch() as indexing:
            source.refresh()
        misses, hits = sample_queries(store, args.queries, 2000)
        audit = AuditLog(engine)
        clock = lambda: dt.datetime.now(dt.UTC)  # noqa: E731
        indexed = Screening(records=store, audit=audit, source=source, clock=clock)
        naive = Screening(records=store, audit=audit, source=SqlCandidates(store), clock=clock)
        time_checks(indexed, misses[:5000])  # warm up
        fast_miss = time_checks(indexed, misses)
        fast_hit = time_checks(indexed, hits)
        slow_miss = time_checks(naive, misses[: args.baseline_queries])
        slow_hit = time_checks(naive, hits)
        verdicts = {
            indexed.evaluate(parse_check_request(raw, today=TODAY), now=clock()).verdict
            for raw in hits[:200]
        }
    emit(
        {
            "benchmark": "document_check_in_process",
            "documents": args.count,
            "load_seconds": round(loading.seconds, 1),
            "index_build_seconds": round(indexing.seconds, 1),
            "index_sizes": source.index.size(),
            "no_hit": fast_miss,
            "hit": fast_hit,
            "hit_verdicts_sample": sorted(verdict.value for verdict in verdicts),
            "targets": {"p50_us": 20, "p99_us": 200},
            "baseline": "one indexed SQL query per probe (SQLAlchemy Core), same rules",
            "baseline_no_hit": slow_miss,
            "baseline_hit": slow_hit,
            "ratio_p50_no_hit": round(slow_miss["p50_us"] / fast_miss["p50_us"], 1),
            "ratio_p99_no_hit": round(slow_miss["p99_us"] / fast_miss["p99_us"], 1),
        }
    )


if __name__ == "__main__":
    main()
