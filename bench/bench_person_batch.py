"""Person screening through the product, end to end: ``POST /v1/checks/batch`` of person
subjects against ``frontline serve`` with N listed persons (3 aliases each) in SQLite.

What ``bench_persons`` measures on the index alone, this measures as a client sees it:
request parsing, name preparation, the search, hit assembly, the audit entry of every
check, and the answer. The server runs ``--workers`` processes (each holds its own index,
so memory is per worker); two senders keep both busy. Baseline in the same run: the same
subjects sent one ``POST /v1/checks`` each.
Usage: python -m bench.bench_person_batch [--count 1000000] [--subjects 6000] [--workers 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import orjson

from bench.bench_http import PORT, post_each, send_all, start_server
from bench.bench_persons import make_people, make_queries
from bench.common import Stopwatch, emit, percentiles, write_chunks
from frontline.domain.records import RecordKind
from frontline.records.kinds import build_row
from frontline.records.writers import InlineWriter
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore
from frontline.store.users import UserStore


def load_persons(store: RecordStore, people: list[dict[str, Any]]) -> None:
    writer = InlineWriter(store, RecordKind.PERSONS, dt.datetime.now(dt.UTC))
    raws = (
        {
            "id": f"BP-{number:07d}",
            "type": "red",
            "name": person["names"][0],
            "aliases": person["names"][1:],
            "birth_date": person["born"].isoformat(),
            "sex": person["sex"],
            "owner": "FRA",
        }
        for number, person in enumerate(people)
    )
    write_chunks(writer, (build_row(RecordKind.PERSONS, raw) for raw in raws))


def person_check(name: str, born: Any) -> dict[str, Any]:
    return {"person": {"name": name, "birth_date": born.isoformat()}}


def wait_until_warm(token: str, body: dict[str, Any], workers: int) -> None:
    """Each worker builds its index before it serves; wait until a run of checks on new
    connections all answer quickly, so that no measured request waits for a build."""
    headers = {"Authorization": f"Bearer {token}"}
    deadline = time.monotonic() + 900
    quick = 0
    while quick < 10 * workers:
        if time.monotonic() > deadline:
            raise RuntimeError("the workers did not finish building their indexes")
        began = time.perf_counter()
        response = httpx.post(
            f"http://127.0.0.1:{PORT}/v1/checks", json=body, headers=headers, timeout=900
        )
        assert response.status_code == 200, response.text
        quick = quick + 1 if time.perf_counter() - began < 0.5 else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--subjects", type=int, default=6000)
    parser.add_argument("--singles", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=500, help="subjects per request")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--senders", type=int, default=2)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    people = make_people(args.count, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "bench.db"
        engine = make_engine(f"sqlite:///{database}")
        migrate(engine)
        with Stopwatch() as loading:
            load_persons(RecordStore(engine), people)
        now = dt.datetime.now(dt.UTC)
        token = UserStore(engine).add(name="bench", role="officer", country="FRA", now=now).token
        engine.dispose()
        batch = [
            person_check(name, born) for name, born, _ in make_queries(people, args.subjects, 5)
        ]
        singles = [
            person_check(name, born) for name, born, _ in make_queries(people, args.singles, 6)
        ]
        server = None
        try:
            with Stopwatch() as starting:
                server = start_server(database, folder, args.workers)
                wait_until_warm(token, singles[0], args.workers)
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(
                base_url=f"http://127.0.0.1:{PORT}", headers=headers, timeout=120
            ) as client:
                times = post_each(client, singles)
            single_rate = len(times) / (sum(times) / 1e9)
            bodies = [
                orjson.dumps({"checks": batch[start : start + args.batch]})
                for start in range(0, len(batch), args.batch)
            ]
            with Stopwatch() as watch:
                send_all(bodies, token, args.senders)
            batch_rate = len(batch) / watch.seconds
        finally:
            if server is not None:  # a server that failed to warm is stopped too
                server.terminate()
                server.wait(timeout=60)
    emit(
        {
            "benchmark": "person_batch_http_loopback",
            "listed_persons": args.count,
            "names_per_person": 4,
            "load_s": round(loading.seconds, 1),
            "server_start_and_index_build_s": round(starting.seconds, 1),
            "server_workers": args.workers,
            "senders": args.senders,
            "batch_size": args.batch,
            "batch_subjects": len(batch),
            "batch_subjects_per_s": round(batch_rate, 1),
            "single": {
                key.replace("_us", "_ms"): round(value / 1000, 2)
                for key, value in percentiles(times).items()
                if key != "n"
            },
            "baseline_single_checks_per_s": round(single_rate, 1),
            "ratio_batch_vs_single": round(batch_rate / single_rate, 2),
            "goal_batch_subjects_per_s": 1000,
        }
    )


if __name__ == "__main__":
    main()
