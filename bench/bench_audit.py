"""What the audit hash chain costs a write, and how fast the chain verifies.

Appends audit entries through ``AuditLog.append`` (one check's entry a transaction, and
batches of 1,000 entries as a batch check writes them), against a baseline measured in the
same run: the same rows inserted in the same kind of transaction without the chain (no head
row lock, no hashes). Then ``audit verify`` over everything written.
Usage: python -m bench.bench_audit [--singles 3000] [--batches 30] [--database-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Stopwatch, emit, percentiles
from frontline.domain.users import Principal, Role
from frontline.store import tables
from frontline.store.audit import AuditLog
from frontline.store.database import make_engine, migrate, write_transaction
from frontline.store.dialect import insert_rows

_WHO = Principal(1, "bench", Role.OFFICER, "FRA")
_QUERY = {"document": {"number": "X1234567", "country": "FRA"}}
_CLEAN: dict[str, list[Any]] = {"hits": [], "warnings": []}


def _entry(number: int) -> dict[str, Any]:
    return {
        "check_id": f"chk_{number:016x}",
        "query": _QUERY,
        "verdict": "no_hit",
        "record_ids": [],
        "result": _CLEAN,
    }


def _plain_rows(entries: list[dict[str, Any]], at: dt.datetime) -> list[dict[str, Any]]:
    stamp = at.replace(tzinfo=None)
    base = {
        "at": stamp,
        "user_id": _WHO.user_id,
        "user_name": _WHO.name,
        "role": _WHO.role.value,
        "country": _WHO.country,
        "event": "check",
        "operation_id": None,
        "border_point": None,
        "prev_hash": None,
        "hash": None,
    }
    return [{**base, **entry} for entry in entries]


def run(url: str, singles: int, batches: int) -> dict[str, Any]:
    engine = make_engine(url)
    migrate(engine)
    audit = AuditLog(engine)
    now = dt.datetime.now(dt.UTC)
    chained, plain = [], []
    for number in range(singles):  # interleaved, so both see the same machine load
        entries = [_entry(number)]
        start = time.perf_counter_ns()
        audit.append(principal=_WHO, event="check", at=now, entries=entries)
        chained.append(time.perf_counter_ns() - start)
        start = time.perf_counter_ns()
        with write_transaction(engine) as connection:
            insert_rows(connection, tables.audit, _plain_rows(entries, now))
        plain.append(time.perf_counter_ns() - start)
    batch_chained, batch_plain = [], []
    for number in range(batches):
        entries = [_entry(number * 1000 + n) for n in range(1000)]
        start = time.perf_counter_ns()
        audit.append(principal=_WHO, event="batch", at=now, entries=entries)
        batch_chained.append(time.perf_counter_ns() - start)
        start = time.perf_counter_ns()
        with write_transaction(engine) as connection:
            insert_rows(connection, tables.audit, _plain_rows(entries, now))
        batch_plain.append(time.perf_counter_ns() - start)
    with engine.begin() as connection:  # the unchained baseline rows would read as breaks
        connection.execute(tables.audit.delete().where(tables.audit.c.hash.is_(None)))
    with Stopwatch() as verifying:
        report = audit.verify()
    engine.dispose()
    single, baseline = percentiles(chained), percentiles(plain)
    return {
        "single_entry_write": single,
        "baseline_single_entry_write": baseline,
        "batch_of_1000_write": percentiles(batch_chained),
        "baseline_batch_of_1000_write": percentiles(batch_plain),
        "ratio_p50_single": round(single["p50_us"] / baseline["p50_us"], 2),
        "ratio_p50_batch": round(
            percentiles(batch_chained)["p50_us"] / percentiles(batch_plain)["p50_us"], 2
        ),
        "verify_entries": report.entries,
        "verify_seconds": round(verifying.seconds, 2),
        "verify_entries_per_s": round(report.entries / verifying.seconds),
        "intact": report.is_intact,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--singles", type=int, default=3000)
    parser.add_argument("--batches", type=int, default=30)
    parser.add_argument("--database-url", default=None, help="default: SQLite in a temp folder")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = options.database_url or f"sqlite:///{Path(folder) / 'audit.db'}"
        figures = run(url, options.singles, options.batches)
    emit({"benchmark": "audit_chain", "database": url.split(":")[0], **figures})


if __name__ == "__main__":
    main()
