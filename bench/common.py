"""Shared helpers for the benchmarks: timing, percentiles, machine facts, JSON output."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import platform
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from frontline.domain.records import RecordKind
from frontline.records.fast import fast_document_values
from frontline.records.kinds import build_row
from frontline.records.writers import InlineWriter, ProcessWriter, Row, RowWriter
from frontline.store.repository import RecordStore
from frontline.synth import document_rows

TODAY = dt.date(2026, 11, 21)


def machine() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
    }


def percentiles(samples_ns: list[int]) -> dict[str, float]:
    """p50, p90, p99 and max of nanosecond samples, in microseconds."""
    ordered = sorted(samples_ns)

    def at(fraction: float) -> float:
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] / 1000

    return {
        "p50_us": at(0.50),
        "p90_us": at(0.90),
        "p99_us": at(0.99),
        "max_us": ordered[-1] / 1000,
        "n": len(ordered),
    }


def emit(data: dict[str, Any]) -> None:
    sys.stdout.write(
        orjson.dumps({**data, "machine": machine()}, option=orjson.OPT_INDENT_2).decode() + "\n"
    )
    sys.stdout.flush()


def write_documents_jsonl(path: Path, count: int, seed: int = 1) -> None:
    with path.open("wb") as handle:
        buffer = []
        for row in document_rows(count=count, seed=seed, today=TODAY):
            buffer.append(orjson.dumps(row))
            if len(buffer) >= 50_000:
                handle.write(b"\n".join(buffer) + b"\n")
                buffer.clear()
        if buffer:
            handle.write(b"\n".join(buffer) + b"\n")


def load_documents(store: RecordStore, count: int, seed: int = 1, chunk: int = 10_000) -> None:
    """Fill a store with ``count`` synthetic documents the way a big import does: validated
    here, written by a writer process (SQLite) or in this process (PostgreSQL)."""
    now = dt.datetime.now(dt.UTC)
    url = store.engine.url.render_as_string(hide_password=False)
    writer: RowWriter = (
        ProcessWriter(url, RecordKind.DOCUMENTS, now, expected_rows=count)
        if store.engine.dialect.name == "sqlite"
        else InlineWriter(store, RecordKind.DOCUMENTS, now)
    )
    raws = document_rows(count=count, seed=seed, today=TODAY)
    built = (fast_document_values(raw) or build_row(RecordKind.DOCUMENTS, raw) for raw in raws)
    write_chunks(writer, built, chunk)


def write_chunks(writer: RowWriter, rows: Iterable[Row], chunk: int = 10_000) -> None:
    """Send ``rows`` to ``writer`` ``chunk`` at a time, then commit."""
    rows = iter(rows)
    while part := list(itertools.islice(rows, chunk)):
        writer.send(part)
    writer.commit()


class Stopwatch:
    def __enter__(self) -> Stopwatch:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self.start


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
