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
from frontline.domain.records import DocumentType, RecordKind, TravelDocument
from frontline.domain.specimens import parse_alert, parse_specimen
from frontline.references.catalogue import Catalogue
from frontline.references.screening import ReferencedScreening
from frontline.screening.index import IndexedSource
from frontline.screening.requests import parse_check_request
from frontline.screening.service import Screening
from frontline.screening.sql import SqlCandidates
from frontline.store.audit import AuditLog
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore
from frontline.store.specimens import SpecimenStore
from frontline.synth.bureaus import document_pattern
from frontline.synth.specimens import demo_alerts, demo_specimens


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


def well_formed_misses(count: int) -> list[dict[str, Any]]:
    """No-hit passport numbers drawn from each country's own format (a genuine document)."""
    rng = random.Random(9)
    countries = ["FRA", "DEU", "ESP", "ITA", "GBR", "USA", "NLD", "BEL", "POL", "TUR"]
    patterns = {code: document_pattern(code, DocumentType.PASSPORT) for code in countries}
    out = []
    for _ in range(count):
        code = rng.choice(countries)
        out.append({"document": {"number": patterns[code].draw(rng), "country": code}})
    return out


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


def _with_specimens(
    engine: Any, store: RecordStore, audit: AuditLog, source: IndexedSource, clock: Any
) -> Screening:
    """The check use case as served (issue 9): with the demo specimens and alerts."""
    specimens = SpecimenStore(engine)
    items = [parse_specimen(raw, owner=raw["owner"]) for raw in demo_specimens()]
    alerts = [parse_alert(raw, owner=raw["owner"]) for raw in demo_alerts(TODAY)]
    specimens.write([*items, *alerts], now=dt.datetime.now(dt.UTC))
    catalogue = Catalogue(specimens, refresh_seconds=3600)
    catalogue.reload()
    return ReferencedScreening(
        catalogue=catalogue, records=store, audit=audit, source=source, clock=clock
    )


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
        formed = well_formed_misses(len(misses))
        plain_formed = time_checks(indexed, formed)
        referenced = _with_specimens(engine, store, audit, source, clock)
        time_checks(referenced, misses[:5000])  # warm up
        specimen_miss = time_checks(referenced, misses)
        specimen_formed = time_checks(referenced, formed)
        specimen_hit = time_checks(referenced, hits)
        again_miss = time_checks(indexed, misses)
        again_formed = time_checks(indexed, formed)
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
            "with_specimens": {
                "what": "the same checks with the demo world's specimens and alerts of every "
                "country loaded (issue 9): each document gets its specimen, alerts and "
                "consistency warnings. no_hit: the random Q numbers above fit no format, a "
                "number_format warning each (the worst case); well_formed: no-hit numbers "
                "in their country's passport format (the usual traveller)",
                "no_hit": specimen_miss,
                "well_formed_no_hit": specimen_formed,
                "hit": specimen_hit,
                "without_specimens_again": {
                    "no_hit": again_miss,
                    "well_formed_no_hit": again_formed,
                },
                "without_specimens_well_formed_no_hit": plain_formed,
            },
            "baseline": "one indexed SQL query per probe (SQLAlchemy Core), same rules",
            "baseline_no_hit": slow_miss,
            "baseline_hit": slow_hit,
            "ratio_p50_no_hit": round(slow_miss["p50_us"] / fast_miss["p50_us"], 1),
            "ratio_p99_no_hit": round(slow_miss["p99_us"] / fast_miss["p99_us"], 1),
        }
    )


if __name__ == "__main__":
    main()
