"""Outbox delivery under a receiver that refuses 30% of requests, with the dispatcher
killed (SIGKILL) halfway and started again (issue 5).

Every hit raises two notifications (to the owner, then to the checking country once the
owner was told); the drill passes when the receiver acted on every one exactly once and
none is pending or dead. Prints the time to drain, from the first dispatcher's start.
Baseline in the same run: the same hits to a receiver that never refuses, no kill.
Usage: python -m bench.bench_outbox [--hits 10000] [--fail-rate 0.3]
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import asdict
from pathlib import Path

from bench.common import emit
from bench.outbox_drill import run_drill


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hits", type=int, default=10_000)
    parser.add_argument("--fail-rate", type=float, default=0.3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        result = run_drill(Path(folder), hits=args.hits, fail_rate=args.fail_rate)
    with tempfile.TemporaryDirectory() as folder:
        baseline = run_drill(Path(folder), hits=args.hits, fail_rate=0.0, kill_at=None)
    emit(
        {
            "benchmark": "outbox delivery with a failing receiver and a kill",
            **asdict(result),
            "exactly_once": result.exactly_once,
            "events_per_second": round(result.events / result.drain_seconds, 1),
            "baseline_no_failures_no_kill": {
                "drain_seconds": baseline.drain_seconds,
                "exactly_once": baseline.exactly_once,
                "events_per_second": round(baseline.events / baseline.drain_seconds, 1),
            },
        }
    )


if __name__ == "__main__":
    main()
