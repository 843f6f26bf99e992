"""A short soak: the real load generator (locust) against `frontline serve --workers 2` on
loopback for a few seconds of mixed traffic: zero errors, bounded memory, JSON logs that
hold request ids and none of the input, and /metrics counting what was sent. The long run
is bench/bench_soak.py (its figures in bench/BENCHMARKS.md). Locust patches the standard
library for gevent, so it runs in its own process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_a_short_soak_of_mixed_traffic_has_no_errors_and_flat_memory() -> None:
    command = [
        *(sys.executable, "-m", "bench.bench_soak"),
        *("--seconds", "10", "--warmup", "3", "--rate", "40", "--officers", "10"),
        *("--size", "1000"),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    report = orjson.loads(done.stdout)
    assert report["errors"] == 0, report["error_examples"]
    kinds = report["by_kind"]
    assert set(kinds) == {"document", "mrz", "person", "batch_100"}
    assert all(kind["requests"] > 0 for kind in kinds.values())
    # Memory: bounded growth while serving (a leak of even a kilobyte a request shows here).
    assert report["rss_growth_pct"] < 10, report["rss_mib_over_time"]
    # The server counted at least what the load generator sent (warm-up included).
    assert report["metrics_counted"]["frontline_http_requests_total"] >= report["requests"]
    log = report["log"]
    assert log["with_request_id"] >= report["requests"]
    assert log["personal_values_found"] == []
    # Every line is JSON but the start-up banner with the console's address.
    assert all(line.startswith("officer console") for line in log["not_json_examples"])
    assert log["not_json"] <= 1
