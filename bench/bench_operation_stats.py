"""Operation statistics and reports over a large operation: N audited checks (3% hits).

The audit rows are written straight to the table (as the check use case writes them, in
chunks) rather than through N checks, so a million-check operation loads in seconds; the
statistics then count them as they would after a real operation. Times the statistics
(median of 5) and each report format (median of 3).
Usage: python -m bench.bench_operation_stats [--checks 1000000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from bench.common import emit
from frontline.domain.queries import CheckContext
from frontline.domain.users import Principal, Role
from frontline.operations.report import render_report
from frontline.services import open_services
from frontline.settings import Settings
from frontline.store.audit import append_in
from frontline.store.database import write_transaction

ADMIN = Principal(0, "bench", Role.ADMIN, "THA")
OFFICER = Principal(0, "bench-officer", Role.OFFICER, "THA")
POINTS = [
    {"code": "BKK", "type": "air", "name": "Suvarnabhumi"},
    {"code": "THLCH", "type": "sea", "name": "Laem Chabang"},
    {"code": "THSAD", "type": "land", "name": "Sadao"},
]
HITS = [
    ("SLTD", "stolen"),
    ("SLTD", "lost"),
    ("NOMINAL", "red"),
    ("TDAWN", "red"),
    ("SMV", "stolen"),
]
CHUNK = 20_000


def _entry(rng: random.Random, number: int) -> dict[str, Any]:
    if rng.random() >= 0.03:
        return {"check_id": f"chk_b{number:012d}", "verdict": "no_hit", "result": {"hits": []}}
    database, status = rng.choice(HITS)
    hit = {"database": database, "record_id": f"R{number}", "score": 1.0, "status": status}
    return {
        "check_id": f"chk_b{number:012d}",
        "verdict": "hit",
        "record_ids": [hit["record_id"]],
        "result": {"hits": [{**hit, "match": "certain"}], "warnings": []},
    }


def _load(services: Any, operation_id: str, checks: int, starts: dt.datetime) -> float:
    rng = random.Random(3)
    step = dt.timedelta(days=5) / checks
    began = time.perf_counter()
    for first in range(0, checks, CHUNK):
        by_point: dict[str, list[dict[str, Any]]] = {}
        for number in range(first, min(checks, first + CHUNK)):
            by_point.setdefault(rng.choice(POINTS)["code"], []).append(_entry(rng, number))
        with write_transaction(services.engine) as connection:
            for point, entries in by_point.items():
                context = CheckContext(operation_id=operation_id, border_point=point)
                append_in(
                    connection,
                    principal=OFFICER,
                    event="check",
                    at=starts + step * first,
                    entries=entries,
                    context=context,
                )
    return time.perf_counter() - began


def _median_ms(action: Any, times: int) -> float:
    samples = []
    for _ in range(times):
        began = time.perf_counter()
        action()
        samples.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(samples), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-ops-"))
    with _database(args.database_url, folder) as url:
        _run(url, folder, args.checks)


@contextmanager
def _database(url: str | None, folder: Path) -> Iterator[str]:
    """A SQLite file in ``folder``, or a schema of its own in the PostgreSQL at ``url``
    (dropped afterwards), so the benchmark never writes into anyone's tables."""
    if url is None or url.startswith("sqlite"):
        yield url or f"sqlite:///{folder / 'frontline.db'}"
        return
    schema = f"bench_ops_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        separator = "&" if "?" in url else "?"
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _run(url: str, folder: Path, checks: int) -> None:
    services = open_services(Settings(database_url=url, data_dir=folder / "data"), use_index=False)
    starts = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    operation = services.operations.create(
        principal=ADMIN,
        name="Bench operation",
        host_country="THA",
        starts_at=starts,
        ends_at=starts + dt.timedelta(days=5),
        border_points=POINTS,
        databases=["SLTD", "NOMINAL"],
    )
    load_s = _load(services, operation.id, checks, starts)

    def stats() -> Any:
        return services.operations.statistics(principal=ADMIN, operation_id=operation.id)

    counted = stats()
    result = {
        "benchmark": "operation_stats",
        "database": services.engine.dialect.name,
        "checks": counted.totals.checks,
        "hits": counted.totals.hits,
        "load_s": round(load_s, 1),
        "statistics_ms": _median_ms(stats, 5),
        **{
            f"report_{fmt}_ms": _median_ms(lambda fmt=fmt: render_report(stats(), fmt), 3)
            for fmt in ("csv", "html", "pdf")
        },
    }
    services.close()
    emit(result)


if __name__ == "__main__":
    main()
