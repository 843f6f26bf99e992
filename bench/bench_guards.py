"""The guards' cost on the check hot path, in process, where other jobs on the machine blur
it least: single document checks (no hit) through the whole ASGI app, with the guards
(rate limits, body limit, timeout, request id, JSON access line, HTTP metrics, security
headers) and, as the baseline in the same run, the same app without them. Blocks of each
alternate; CPU time and wall time per request, the median block counts. The HTTP figures
over loopback are bench_http.py's.
Usage: python -m bench.bench_guards [--documents 100000] [--requests 500] [--blocks 8]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from bench.common import emit, load_documents
from frontline.api.app import create_app
from frontline.api.guards import Limits, RequestContext
from frontline.api.logs import JsonFormatter
from frontline.services import open_services
from frontline.settings import Settings


def without_guards(app: FastAPI) -> FastAPI:
    app.user_middleware = [
        entry for entry in app.user_middleware if entry.cls not in (Limits, RequestContext)
    ]
    return app


async def block(app: FastAPI, bodies: list[dict[str, Any]], token: str) -> tuple[float, float]:
    """CPU and wall microseconds per request over ``bodies``."""
    transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        cpu, wall = time.process_time(), time.perf_counter()
        for body in bodies:
            answer = await client.post("/v1/checks", json=body, headers=headers)
            assert answer.status_code == 200, answer.text
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return cpu / len(bodies) * 1e6, wall / len(bodies) * 1e6


def json_logging_to_devnull() -> None:
    """Log as `frontline serve` does, to /dev/null: the access line's cost counts."""
    handler = logging.StreamHandler(open(os.devnull, "w"))  # noqa: SIM115 - for the run
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--blocks", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            database_url=f"sqlite:///{Path(tmp) / 'guards.db'}",
            data_dir=Path(tmp),
            rate_limit_per_token=10_000_000,
            rate_limit_per_address=10_000_000,
        )
        services = open_services(settings)
        load_documents(services.store, args.documents)
        if services.index is not None:
            services.index.refresh()
        token = (
            services.users.add(name="b", role="officer", country="FRA", now=services.clock())
        ).token
        json_logging_to_devnull()
        apps = {"guarded": create_app(services), "bare": without_guards(create_app(services))}
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in apps}
        for index in range(args.blocks + 1):
            for name, app in apps.items():
                bodies = [
                    {"document": {"number": f"Q{rng.randrange(10**9):09d}", "country": "FRA"}}
                    for _ in range(args.requests)
                ]
                measured = asyncio.run(block(app, bodies, token))
                if index:  # the first block of each warms up
                    runs[name].append(measured)
        services.close()
    median = {
        name: {
            "cpu_us_per_request": round(statistics.median(cpu for cpu, _ in found), 1),
            "wall_us_per_request": round(statistics.median(wall for _, wall in found), 1),
            "cpu_us_blocks": [round(cpu, 1) for cpu, _ in found],
        }
        for name, found in runs.items()
    }
    added = median["guarded"]["cpu_us_per_request"] - median["bare"]["cpu_us_per_request"]
    emit(
        {
            "benchmark": "guards_cost_in_process",
            "documents": args.documents,
            "requests_per_block": args.requests,
            "blocks": args.blocks,
            **median,
            "guards_cpu_us_per_request": round(added, 1),
            "baseline": "the same app without the Limits and RequestContext middleware",
        }
    )


if __name__ == "__main__":
    main()
