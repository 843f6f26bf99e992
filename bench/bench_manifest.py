"""A PAXLST manifest parsed and fully screened against a large store, in process.

Target (issue 7): a 500-traveller manifest parsed and screened (document, TDAWN, person, for
every traveller) in <= 1 s against 10,000,000 documents and 1,000,000 persons. Timed: parse
the interchange, build the requests, screen them as one batch (memory index), write the one
audit event (an entry a traveller), open the cases of the hits, keep the manifest for
re-screening. The manifest is synthetic (synth.paxlst): clean passengers from many cultures,
plus a few whose documents are listed (SLTD hits) and a few listed persons (nominal hits).
Baseline in the same run: the same travellers checked one request each (one audit write
each), as a client without the manifest route would.
Usage: python -m bench.bench_manifest [--documents 10000000] [--persons 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from anyascii import anyascii

from bench.bench_person_batch import load_persons
from bench.bench_persons import make_people
from bench.common import TODAY, Stopwatch, emit, load_documents
from frontline.domain.records import DocumentType, RecordKind, Sex, TravelDocument
from frontline.manifests.paxlst import parse_paxlst
from frontline.manifests.subjects import paxlst_source, request_for
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore
from frontline.synth.passports import DemoDocument
from frontline.synth.paxlst import synthetic_manifest

OPERATOR_ROLE = "officer"


def _listed_documents(store: RecordStore, count: int, rng: random.Random) -> list[DemoDocument]:
    total = store.count(RecordKind.DOCUMENTS)
    found = store.by_rids(RecordKind.DOCUMENTS, set(rng.sample(range(1, total + 1), count * 3)))
    documents = [r for _, r in found if isinstance(r, TravelDocument) and r.number][:count]
    return [
        _traveller(
            f"HOLDER{n}", "LISTED", doc.number or "", doc.issuing_country, dt.date(1980, 1, 1)
        )
        for n, doc in enumerate(documents)
    ]


def _listed_persons(
    people: list[dict[str, Any]], count: int, rng: random.Random
) -> list[DemoDocument]:
    out = []
    for person in rng.sample(people, count):
        words = anyascii(person["names"][0]).upper().split()
        born = person["born"]
        out.append(
            _traveller(
                words[-1],
                " ".join(words[:-1]) or "X",
                f"Q{rng.randrange(10**8):08d}",
                "FRA",
                dt.date(born.year, born.month or 1, born.day or 1),
            )
        )
    return out


def _traveller(surname: str, given: str, number: str, country: str, born: dt.date) -> DemoDocument:
    return DemoDocument(
        document_number=number,
        document_type=DocumentType.PASSPORT,
        issuing_country=country,
        nationality=country,
        surname=surname,
        given_names=given,
        name=f"{given} {surname}",
        birth_date=born,
        sex=Sex.MALE,
        expiry_date=dt.date(2031, 1, 1),
        mrz=(),
    )


def _screen(services: Services, text: str, principal: Any) -> tuple[float, float, dict[str, Any]]:
    started = time.perf_counter()
    manifest = parse_paxlst(text)
    parsed = time.perf_counter() - started
    screened = services.manifests.screen(principal=principal, source=paxlst_source(manifest))
    return time.perf_counter() - started, parsed, screened.summary()


def _documents_only(services: Services, text: str, principal: Any) -> float:
    """The same manifest screened with each traveller's person part left out: what the
    documents, the audit, the cases and keeping the manifest cost, without the names."""
    source = paxlst_source(parse_paxlst(text))
    items = tuple(
        replace(item, raw={k: v for k, v in (item.raw or {}).items() if k != "person"})
        for item in source.items
    )
    started = time.perf_counter()
    services.manifests.screen(principal=principal, source=replace(source, items=items))
    return time.perf_counter() - started


def _one_by_one(services: Services, text: str, principal: Any) -> float:
    source = paxlst_source(parse_paxlst(text))
    started = time.perf_counter()
    for item in source.items:
        if item.raw is not None:
            request = request_for(item.raw, today=TODAY)
            services.screening.check(principal=principal, request=request)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000_000)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--travellers", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        engine = make_engine(url)
        migrate(engine)
        store = RecordStore(engine)
        people = make_people(args.persons, seed=3)
        with Stopwatch() as loading:
            load_documents(store, args.documents)
            load_persons(store, people)
        extra = _listed_documents(store, 5, rng) + _listed_persons(people, 5, rng)
        engine.dispose()
        settings = Settings(database_url=url, data_dir=Path(tmp), index_refresh_seconds=3600)
        with Stopwatch() as indexing:
            services = open_services(settings)
        principal = services.users.add(
            name="bench-officer", role=OPERATOR_ROLE, country="FRA", now=services.clock()
        ).principal
        departs = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0) + dt.timedelta(days=1)
        manifests = [
            synthetic_manifest(args.travellers - len(extra), seed=run, departs=departs, extra=extra)
            for run in range(args.runs + 1)
        ]
        _screen(services, manifests[-1], principal)  # warm up (first batch, caches)
        runs = [_screen(services, text, principal) for text in manifests[: args.runs]]
        documents_only = [_documents_only(services, text, principal) for text in manifests[:3]]
        baseline = _one_by_one(services, manifests[0], principal)
        services.close()
    totals = [total for total, _, _ in runs]
    summary = runs[0][2]
    emit(
        {
            "benchmark": "manifest_screening",
            "documents": args.documents,
            "persons": args.persons,
            "travellers": args.travellers,
            "load_seconds": round(loading.seconds, 1),
            "index_build_seconds": round(indexing.seconds, 1),
            "parse_ms": round(statistics.median(parsed for _, parsed, _ in runs) * 1000, 1),
            "screen_ms_median": round(statistics.median(totals) * 1000, 1),
            "screen_ms_runs": [round(total * 1000, 1) for total in totals],
            "documents_only_ms_median": round(statistics.median(documents_only) * 1000, 1),
            "summary": {key: summary[key] for key in ("travellers", "hits", "possible_matches")},
            "target_ms": 1000,
            "baseline": "the same travellers, one audited check each (Screening.check)",
            "baseline_ms": round(baseline * 1000, 1),
            "ratio": round(baseline / statistics.median(totals), 1),
        }
    )


if __name__ == "__main__":
    main()
