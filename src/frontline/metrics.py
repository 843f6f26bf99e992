"""The service's Prometheus metrics: what is counted, and where it is rendered.

Counters and histograms live in each process's memory; under ``frontline serve --workers N``
each worker writes them to files in ``PROMETHEUS_MULTIPROC_DIR`` (set by the server before
the workers start) and ``/metrics`` sums them, so a scrape that lands on any worker sees the
whole node. What is cheaper to read than to count (the outbox backlog, the index's size)
is read from the services when scraped. No label ever holds input: labels are routes,
verdicts, database names and engine names.
"""

from __future__ import annotations

import os
import time
from collections import Counter as Tally
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

if TYPE_CHECKING:
    from frontline.domain.checks import CheckResult
    from frontline.services import Services

__all__ = [
    "CONTENT_TYPE",
    "ENGINE_SECONDS",
    "HTTP_REQUESTS",
    "HTTP_SECONDS",
    "IMPORTED_RECORDS",
    "INDEX_RECORDS",
    "RATE_LIMITED",
    "SYNC_UPLOADED",
    "count_checks",
    "render_metrics",
    "timed",
]

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
_FAST = (0.00001, 0.00003, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
_HTTP = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

CHECKS = Counter("frontline_checks", "Checks answered, by verdict.", ["verdict"])
HITS = Counter("frontline_hits", "Hits returned, by database.", ["database"])
ENGINE_SECONDS = Histogram(
    "frontline_engine_seconds",
    "Time one check spent in an engine: document (SLTD), tdawn, person, object "
    "(vehicles, vessels, firearms), partner (a whole partner request).",
    ["engine"],
    buckets=_FAST,
)
HTTP_REQUESTS = Counter(
    "frontline_http_requests", "HTTP requests answered.", ["route", "method", "status"]
)
HTTP_SECONDS = Histogram(
    "frontline_http_request_seconds", "Time to answer, by route.", ["route"], buckets=_HTTP
)
RATE_LIMITED = Counter(
    "frontline_rate_limited", "Requests refused with 429, by limit (token, address).", ["limit"]
)
INDEX_RECORDS = Counter(
    "frontline_index_records_loaded",
    "Records the memory index read from the store: at start-up, then every import, sync "
    "or edit made by any process.",
)
IMPORTED_RECORDS = Counter(
    "frontline_imported_records",
    "Records written by file imports in this process, by kind.",
    ["kind"],
)
SYNC_UPLOADED = Counter(
    "frontline_sync_uploaded_checks", "Offline checks accepted from nodes, new or repeated."
)


class timed:  # lower case: it reads as a verb where it is used, ``with timed(engine):``
    """Observe the time the block takes in ``histogram`` (a labelled child)."""

    __slots__ = ("_began", "histogram")

    def __init__(self, histogram: Histogram) -> None:
        self.histogram = histogram
        self._began = 0.0

    def __enter__(self) -> None:
        self._began = time.perf_counter()

    def __exit__(self, *_exc: object) -> None:
        self.histogram.observe(time.perf_counter() - self._began)


def count_checks(results: Sequence[CheckResult]) -> None:
    """Count verdicts and hits by database, one increment per distinct label."""
    verdicts = Tally(str(result.verdict) for result in results)
    for verdict, count in verdicts.items():
        CHECKS.labels(verdict).inc(count)
    databases = Tally(hit.database.value for result in results for hit in result.hits)
    for database, count in databases.items():
        HITS.labels(database).inc(count)


class _ServiceGauges(Collector):
    """Gauges read from the services when scraped: outbox backlog, index size."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def collect(self) -> Iterator[Metric]:
        outbox = GaugeMetricFamily(
            "frontline_outbox_events", "Owner notifications by delivery state.", labels=["state"]
        )
        for state, count in self.services.outbox.counts().items():
            outbox.add_metric([state], count)
        yield outbox
        index = self.services.index
        if index is not None:
            yield GaugeMetricFamily(
                "frontline_index_version", "Store version the memory index holds.", index.version
            )


def render_metrics(services: Services) -> bytes:
    """The Prometheus text exposition of this node (every worker's counts summed)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)  # type: ignore[no-untyped-call]
    else:
        counted = REGISTRY
    read = CollectorRegistry(auto_describe=False)
    read.register(_ServiceGauges(services))
    return generate_latest(counted) + generate_latest(read)
