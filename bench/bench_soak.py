"""Soak: mixed traffic from a real load generator against `frontline serve` on loopback.

Locust (as a library) runs simulated officers, each with its own token, at a fixed total
rate for a bounded time against `frontline serve --workers 2` on a SQLite database holding a
synthetic world: single document checks, MRZ checks, person checks and a few batches of 100
documents; about 2% of them hit (and open cases, as in production); every check is audited.
It reports the rate held, the errors, p50/p99 by kind, the server's memory (RSS of all its
processes) over time, what /metrics counted, and whether any input (names, numbers, birth
dates, MRZ lines) reached the server's JSON logs.

Baseline: the rate is set from the HTTP figures in bench/BENCHMARKS.md (one node, 2 workers,
371 single checks/s on one connection); the memory after warm-up is the baseline of its
growth. The load generator shares the machine's cores with the server.
Usage: python -m bench.bench_soak [--seconds 300] [--rate 150] [--size 20000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Locust patches the standard library for gevent when imported: this module runs in its own
# process (the test suite starts it as a subprocess), imported before anything uses ssl.
import gevent
import orjson
import psutil
from locust import FastHttpUser, constant_throughput, events, task
from locust.env import Environment
from sqlalchemy import create_engine, make_url, text

from bench.common import emit
from frontline.demo import load_world
from frontline.services import open_services
from frontline.settings import Settings
from frontline.synth.documents import DocumentPlan, ReservedNumbers
from frontline.synth.travellers import draw_clean_travellers

TODAY = dt.date(2026, 11, 21)
JSON = {"Content-Type": "application/json"}


class Traffic:
    """The request bodies the officers draw from, and the personal values in them."""

    def __init__(self, *, size: int, seed: int, url: str, folder: Path, officers: int) -> None:
        settings = Settings(data_dir=folder, database_url=url)
        services = open_services(settings, use_index=False)
        world, _ = load_world(services, size=size, seed=seed, today=TODAY)
        now = dt.datetime.now(dt.UTC)
        self.tokens = [
            services.users.add(name=f"soak-{i}", role="officer", country="FRA", now=now).token
            for i in range(officers)
        ]
        services.close()
        numbers = ReservedNumbers(DocumentPlan(seed), world.documents)
        clean = draw_clean_travellers(count=2000, seed=seed + 1, today=TODAY, numbers=numbers)
        rng = random.Random(seed)
        listed = rng.sample(world.documents, min(40, len(world.documents)))
        persons = rng.sample(world.persons, min(10, len(world.persons)))
        self.documents = [
            {"document": {"number": t.document_number, "country": t.issuing_country}} for t in clean
        ] + [{"document": {"number": d.number, "country": d.issuing_country}} for d in listed]
        self.mrzs = [{"mrz": list(t.mrz)} for t in clean]
        self.persons = [
            {"person": {"name": t.name, "birth_date": t.birth_date.isoformat()}} for t in clean
        ] + [{"person": {"name": p.name}} for p in persons]
        self.personal = _personal_tokens(clean, listed, persons)
        self.rng = rng

    def single(self, pool: list[dict[str, Any]], hit_share: int) -> bytes:
        # Most travellers are clean; the listed ones sit at the end of each pool.
        index = self.rng.randrange(len(pool))
        if index >= len(pool) - hit_share or self.rng.random() < 0.98:
            return orjson.dumps(pool[index % (len(pool) - hit_share)])
        return orjson.dumps(pool[index])

    def batch(self) -> bytes:
        return orjson.dumps({"checks": self.rng.sample(self.documents[:2000], 100)})


def _personal_tokens(clean: Any, listed: Any, persons: Any) -> set[str]:
    """Every name word (4+ letters), document number, birth date and MRZ line sent."""
    found: set[str] = set()
    for traveller in clean:
        found.update(word for word in re.split(r"[\s,]+", traveller.name) if len(word) >= 4)
        found.update((traveller.document_number, traveller.birth_date.isoformat()))
        found.update(traveller.mrz)
    found.update(document.number for document in listed)
    for person in persons:
        found.update(word for word in re.split(r"[\s,]+", person.name) if len(word) >= 4)
    return found


@contextmanager
def soak_database(postgres: str | None, folder: Path) -> Iterator[str]:
    """The URL of an empty database for the run."""
    if postgres is None:
        yield f"sqlite:///{folder / 'soak.db'}"
        return
    name = f"frontline_soak_{os.getpid()}"
    admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield make_url(postgres).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    url: str, folder: Path, port: int, workers: int, log: Path
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "FRONTLINE_DATABASE_URL": url,
        "FRONTLINE_DATA_DIR": str(folder),
        "FRONTLINE_WORKERS": str(workers),
        # Every simulated officer shares the loopback address: the per-address limit is set
        # above the soak's rate (each officer stays far under the per-token default).
        "FRONTLINE_RATE_LIMIT_PER_ADDRESS": "1000000",
        "FRONTLINE_LOG_FORMAT": "json",
    }
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "frontline", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the server did not become ready")


def server_rss(process: subprocess.Popen[bytes]) -> int:
    parent = psutil.Process(process.pid)
    members = [parent, *parent.children(recursive=True)]
    return sum(member.memory_info().rss for member in members if member.is_running())


def officer_class(traffic: Traffic, base: str, per_officer: float) -> type[FastHttpUser]:
    tokens = list(traffic.tokens)

    class Officer(FastHttpUser):
        host = base
        wait_time = constant_throughput(per_officer)

        def on_start(self) -> None:
            self.headers = {"Authorization": f"Bearer {tokens.pop()}", **JSON}

        def _post(self, path: str, body: bytes, name: str) -> None:
            with self.client.post(
                path, data=body, headers=self.headers, name=name, catch_response=True
            ) as answer:
                if answer.status_code != 200:
                    answer.failure(f"HTTP {answer.status_code}: {answer.text[:200]}")

        @task(12)
        def document(self) -> None:
            self._post("/v1/checks", traffic.single(traffic.documents, 40), "document")

        @task(4)
        def mrz(self) -> None:
            self._post("/v1/checks", traffic.single(traffic.mrzs, 0), "mrz")

        @task(4)
        def person(self) -> None:
            self._post("/v1/checks", traffic.single(traffic.persons, 10), "person")

        @task(1)
        def batch(self) -> None:
            self._post("/v1/checks/batch", traffic.batch(), "batch_100")

    return Officer


def run_load(
    user: type[FastHttpUser], officers: int, warmup: float, seconds: float, sample: Any
) -> Environment:
    environment = Environment(user_classes=[user], events=events)
    runner = environment.create_local_runner()
    runner.start(officers, spawn_rate=officers)
    gevent.sleep(warmup)
    environment.stats.reset_all()
    began = time.monotonic()
    while time.monotonic() - began < seconds:
        sample(time.monotonic() - began)
        gevent.sleep(1.0)
    sample(time.monotonic() - began)
    runner.quit()
    return environment


def scrape(port: int) -> dict[str, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    totals: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith(("frontline_checks_total", "frontline_http_requests_total")):
            name = line.split("{", 1)[0]
            totals[name] = totals.get(name, 0.0) + float(line.rsplit(" ", 1)[1])
    return totals


def read_log(log: Path, personal: set[str]) -> dict[str, Any]:
    lines = log.read_text(errors="replace").splitlines()
    not_json: list[str] = []
    with_id, leaked = 0, set()
    for line in lines:
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            not_json.append(line[:120])
            continue
        with_id += "request_id" in entry
        leaked.update(set(re.findall(r"[^\s\"{}:,\[\]]+", line)) & personal)
    return {
        "lines": len(lines),
        "not_json": len(not_json),
        "not_json_examples": not_json[:3],
        "with_request_id": with_id,
        "personal_values_found": sorted(leaked)[:20],
    }


def kind_stats(environment: Environment) -> dict[str, Any]:
    out = {}
    for (name, _method), entry in sorted(environment.stats.entries.items()):
        out[name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p99_ms": entry.get_response_time_percentile(0.99),
        }
    return out


def memory_summary(samples: list[tuple[float, int]]) -> dict[str, Any]:
    mib = [(round(at, 1), round(rss / 2**20, 1)) for at, rss in samples]
    tenth = max(1, len(mib) // 10)
    first = statistics.median(value for _, value in mib[:tenth])
    last = statistics.median(value for _, value in mib[-tenth:])
    step = max(1, len(mib) // 20)
    return {
        "rss_mib_over_time": mib[::step] + ([mib[-1]] if (len(mib) - 1) % step else []),
        "rss_first_tenth_mib": first,
        "rss_last_tenth_mib": last,
        "rss_growth_mib": round(last - first, 1),
        "rss_growth_pct": round(100 * (last - first) / first, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=300.0, help="measured time")
    parser.add_argument("--warmup", type=float, default=15.0)
    parser.add_argument("--rate", type=float, default=150.0, help="requests/s, all officers")
    parser.add_argument("--officers", type=int, default=50)
    parser.add_argument("--size", type=int, default=20_000, help="documents in the world")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server (its maintenance database) to soak on, in a database made "
        "for the run and dropped after; SQLite in a temporary folder otherwise",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, soak_database(args.postgres, Path(tmp)) as url:
        folder = Path(tmp)
        traffic = Traffic(size=args.size, seed=11, url=url, folder=folder, officers=args.officers)
        port, log = free_port(), folder / "server.log"
        server = start_server(url, folder, port, args.workers, log)
        samples: list[tuple[float, int]] = []
        try:
            user = officer_class(traffic, f"http://127.0.0.1:{port}", args.rate / args.officers)
            environment = run_load(
                user,
                args.officers,
                args.warmup,
                args.seconds,
                lambda at: samples.append((at, server_rss(server))),
            )
            counted = scrape(port)
        finally:
            server.terminate()
            server.wait(timeout=30)
        logs = read_log(log, traffic.personal)
    total = environment.stats.total
    emit(
        {
            "benchmark": "soak_http_loopback",
            "seconds": args.seconds,
            "warmup_seconds": args.warmup,
            "server_workers": args.workers,
            "officers": args.officers,
            "world_documents": args.size,
            "database": make_url(url).get_backend_name(),
            "target_requests_per_s": args.rate,
            "held_requests_per_s": round(total.num_requests / args.seconds, 1),
            "requests": total.num_requests,
            "errors": total.num_failures,
            "error_examples": [
                str(error.error)[:200] for error in environment.stats.errors.values()
            ][:5],
            "p50_ms": total.get_response_time_percentile(0.5),
            "p99_ms": total.get_response_time_percentile(0.99),
            "by_kind": kind_stats(environment),
            **memory_summary(samples),
            "metrics_counted": counted,
            "log": logs,
            "baseline": "memory: the server's RSS in the first tenth of the measured time",
        }
    )


if __name__ == "__main__":
    main()
