"""Checks over HTTP on loopback: single-check latency and batch throughput.

Targets (issue 2): single checks p99 <= 10 ms; >= 50,000 documents/s through the batch
endpoint. The server is `frontline serve` in its own process, on a SQLite database of N
documents; every check is audited, as in production. Baseline: the same documents sent
one request each.
Usage: python -m bench.bench_http [--count 1000000] [--batch 1000] [--batch-docs 200000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import orjson

from bench.common import Stopwatch, emit, load_documents, percentiles
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore
from frontline.store.users import UserStore

PORT = 8765


def start_server(database: Path, folder: Path, workers: int) -> subprocess.Popen[bytes]:
    try:
        httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
    except httpx.TransportError:
        pass  # nobody there: the port is ours
    else:
        # Another server (another benchmark's) would answer for ours, with its own tokens.
        raise RuntimeError(f"something already answers on port {PORT}; stop it first")
    env = {
        "FRONTLINE_WORKERS": str(workers),
        **os.environ,
        "FRONTLINE_DATABASE_URL": f"sqlite:///{database}",
        "FRONTLINE_DATA_DIR": str(folder),
        "FRONTLINE_MAX_BATCH": "10000",
        # One client sends at the node's full rate with one token from one address: the rate
        # limits stay on (their cost is in the figures) but above what it sends.
        "FRONTLINE_RATE_LIMIT_PER_TOKEN": "10000000",
        "FRONTLINE_RATE_LIMIT_PER_ADDRESS": "10000000",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "frontline", "serve", "--port", str(PORT)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("the server did not start")


JSON = {"Content-Type": "application/json"}


def send_all(bodies: list[bytes], token: str, senders: int) -> None:
    """POST every body, ``senders`` connections at once (a batch client keeps the server
    busy while it encodes the next batch and reads the last answer)."""
    headers = {"Authorization": f"Bearer {token}", **JSON}

    # A connection per request, as many partners' clients would spread over the server's
    # processes: two kept-alive connections may both land on one worker and leave the other
    # idle, which measures the kernel's choice rather than the server.
    limits = httpx.Limits(max_keepalive_connections=0)

    def send(share: list[bytes]) -> None:
        with httpx.Client(
            base_url=f"http://127.0.0.1:{PORT}", headers=headers, timeout=120, limits=limits
        ) as c:
            for body in share:
                response = c.post("/v1/checks/batch", content=body)
                assert response.status_code == 200, response.text
                assert orjson.loads(response.content)["summary"]["checks"] > 0

    with ThreadPoolExecutor(senders) as pool:
        list(pool.map(send, [bodies[index::senders] for index in range(senders)]))


def post_each(client: httpx.Client, bodies: list[dict[str, Any]]) -> list[int]:
    """POST each body to ``/v1/checks`` in turn; the nanoseconds each took."""
    times = []
    for body in bodies:
        began = time.perf_counter_ns()
        response = client.post("/v1/checks", json=body)
        times.append(time.perf_counter_ns() - began)
        assert response.status_code == 200, response.text
    return times


def documents(count: int, rng: random.Random) -> list[dict[str, Any]]:
    return [
        {"document": {"number": f"Q{rng.randrange(10**9):09d}", "country": "FRA"}}
        for _ in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--singles", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--batch-docs", type=int, default=200_000)
    parser.add_argument("--senders", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--repeats", type=int, default=3, help="batch runs; the median counts")
    args = parser.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "bench.db"
        engine = make_engine(f"sqlite:///{database}")
        migrate(engine)
        load_documents(RecordStore(engine), args.count)
        import datetime as dt

        token = (
            UserStore(engine)
            .add(name="bench", role="officer", country="FRA", now=dt.datetime.now(dt.UTC))
            .token
        )
        engine.dispose()
        server = start_server(database, folder, args.workers)
        try:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(
                base_url=f"http://127.0.0.1:{PORT}", headers=headers, timeout=60
            ) as client:
                singles = post_each(client, documents(args.singles, rng))
                single_stats = percentiles(singles[200:])
                single_rate = len(singles) / (sum(singles) / 1e9)
                batch_docs = documents(args.batch_docs, rng)
                bodies = [
                    orjson.dumps({"checks": batch_docs[i : i + args.batch]})
                    for i in range(0, len(batch_docs), args.batch)
                ]
                client.post("/v1/checks/batch", content=bodies[0], headers=JSON)  # warm up
                rates = []
                for _ in range(args.repeats):
                    with Stopwatch() as watch:
                        send_all(bodies, token, args.senders)
                    rates.append(args.batch_docs / watch.seconds)
                batch_rate = sorted(rates)[len(rates) // 2]
        finally:
            server.terminate()
            server.wait(timeout=30)
    emit(
        {
            "benchmark": "document_check_http_loopback",
            "documents": args.count,
            "single": {**single_stats, "checks_per_s": round(single_rate)},
            "single_target_p99_ms": 10,
            "batch_size": args.batch,
            "batch_documents_per_s": round(batch_rate),
            "batch_runs_documents_per_s": [round(rate) for rate in rates],
            "batch_target_documents_per_s": 50_000,
            "senders": args.senders,
            "server_workers": args.workers,
            "baseline": "the same documents, one HTTP request each",
            "ratio_batch_vs_single": round(batch_rate / single_rate, 1),
        }
    )


if __name__ == "__main__":
    main()
