"""Run every benchmark at its issue's size and print their JSON (see BENCHMARKS.md)."""

from __future__ import annotations

import subprocess
import sys

for module in ("bench.bench_import", "bench.bench_check", "bench.bench_http"):
    subprocess.run([sys.executable, "-m", module], check=True)
