"""Import N documents from JSON lines into a fresh embedded SQLite; baseline: row by row.

Target (issue 2): at least 100,000 rows/s for 1,000,000 documents.
Usage: python bench/bench_import.py [--count 1000000] [--baseline-count 20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

import orjson
from sqlalchemy import insert

from bench.common import Stopwatch, emit, write_documents_jsonl
from frontline.domain.records import RecordKind
from frontline.records.importer import import_file
from frontline.records.kinds import build_row
from frontline.store import tables
from frontline.store.database import make_engine, migrate
from frontline.store.repository import RecordStore


def fresh_store(folder: Path, name: str) -> RecordStore:
    engine = make_engine(f"sqlite:///{folder / name}")
    migrate(engine)
    return RecordStore(engine)


def naive_import(store: RecordStore, path: Path, limit: int) -> float:
    """One INSERT statement per row, one transaction: what a first attempt would do."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with Stopwatch() as watch, store.engine.begin() as connection, path.open("rb") as handle:
        for number, line in enumerate(handle):
            if number >= limit:
                break
            row = build_row(RecordKind.DOCUMENTS, orjson.loads(line))
            connection.execute(
                insert(tables.documents).values(
                    **row, version=number + 1, created_at=now, updated_at=now
                )
            )
    return limit / watch.seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--baseline-count", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "documents.jsonl"
        write_documents_jsonl(source, args.count)
        store = fresh_store(folder, "fast.db")
        with Stopwatch() as watch:
            report = import_file(
                store=store, kind=RecordKind.DOCUMENTS, path=source, now=dt.datetime.now(dt.UTC)
            )
        rate = report.written / watch.seconds
        baseline = naive_import(fresh_store(folder, "naive.db"), source, args.baseline_count)
    emit(
        {
            "benchmark": "import_documents_jsonl_sqlite",
            "rows": report.written,
            "seconds": round(watch.seconds, 2),
            "rows_per_s": round(rate),
            "target_rows_per_s": 100_000,
            "baseline": "one INSERT per row (SQLAlchemy Core), one transaction",
            "baseline_rows_per_s": round(baseline),
            "ratio_vs_baseline": round(rate / baseline, 2),
        }
    )


if __name__ == "__main__":
    main()
