"""A partner batch of 1,000 document numbers, through the HTTP app in process.

Target (issue 7): a partner batch of 1,000 document numbers in <= 200 ms. Timed: the whole
request through the ASGI app (Starlette's test client, no network): the partner key's
lookup, the limits (rate bucket, batch size, the daily quota's conditional UPDATE), parsing
and checking every number against the memory index (SLTD and TDAWN), the audit write of
1,000 entries, the cases of the hits, and the answer. About 1 in 100 numbers is listed.
Baseline in the same run: the same numbers sent one ``POST /v1/partner/checks`` each.
Usage: python -m bench.bench_partner [--documents 1000000] [--batches 20]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bench.common import Stopwatch, emit, load_documents
from frontline.api.app import create_app
from frontline.domain.records import RecordKind, TravelDocument
from frontline.domain.users import Principal, Role
from frontline.services import open_services
from frontline.settings import Settings
from frontline.store.database import make_engine, migrate
from frontline.store.partners import PartnerLimits
from frontline.store.repository import RecordStore

ADMIN = Principal(0, "bench-admin", Role.ADMIN, "XXX")
COUNTRIES = ["FRA", "DEU", "ESP", "ITA", "GBR", "USA", "NLD", "BEL", "POL", "TUR"]


def _numbers(
    store: RecordStore, count: int, listed: int, rng: random.Random
) -> list[dict[str, Any]]:
    total = store.count(RecordKind.DOCUMENTS)
    found = store.by_rids(RecordKind.DOCUMENTS, set(rng.sample(range(1, total + 1), listed * 3)))
    hits = [
        {"number": r.number, "country": r.issuing_country}
        for _, r in found
        if isinstance(r, TravelDocument) and r.number
    ][:listed]
    misses = [
        {
            "number": f"Q{rng.randrange(10**9):09d}",
            "country": rng.choice(COUNTRIES),
            "type": "passport",
        }
        for _ in range(count - len(hits))
    ]
    items = misses + hits
    rng.shuffle(items)
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--baseline-checks", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = make_engine(url)
        migrate(engine)
        store = RecordStore(engine)
        with Stopwatch() as loading:
            load_documents(store, args.documents)
        batches = [
            _numbers(store, args.batch, args.batch // 100, rng) for _ in range(args.batches + 2)
        ]
        engine.dispose()
        settings = Settings(database_url=url, data_dir=Path(tmp), index_refresh_seconds=3600)
        services = open_services(settings)
        partner = services.users.add(
            name="air-1", role="partner", country="DEU", now=services.clock()
        )
        services.partners.set_limits(
            principal=ADMIN,
            partner="air-1",
            limits=PartnerLimits(
                daily_quota=10_000_000, per_minute=1_000_000, max_batch=args.batch
            ),
        )
        headers = {"Authorization": f"Bearer {partner.token}"}
        with TestClient(create_app(services)) as client:
            for items in batches[-2:]:  # warm up
                client.post("/v1/partner/checks/batch", json={"checks": items}, headers=headers)
            times, refer = [], 0
            for items in batches[: args.batches]:
                started = time.perf_counter()
                answer = client.post(
                    "/v1/partner/checks/batch", json={"checks": items}, headers=headers
                )
                times.append(time.perf_counter() - started)
                assert answer.status_code == 200, answer.text
                refer += answer.json()["summary"]["refer"]
            single = batches[0][: args.baseline_checks]
            started = time.perf_counter()
            for item in single:
                client.post("/v1/partner/checks", json=item, headers=headers)
            baseline = time.perf_counter() - started
        services.close()
    median = statistics.median(times)
    emit(
        {
            "benchmark": "partner_batch",
            "documents": args.documents,
            "batch": args.batch,
            "batches": args.batches,
            "load_seconds": round(loading.seconds, 1),
            "batch_ms_median": round(median * 1000, 1),
            "batch_ms_p90": round(sorted(times)[int(0.9 * len(times))] * 1000, 1),
            "batch_ms_max": round(max(times) * 1000, 1),
            "refer_answers": refer,
            "target_ms": 200,
            "baseline": f"the first {len(single)} numbers, one POST /v1/partner/checks each",
            "baseline_ms_for_the_batch": round(baseline * 1000 * args.batch / len(single), 1),
            "ratio": round(baseline * args.batch / len(single) / median, 1),
        }
    )


if __name__ == "__main__":
    main()
