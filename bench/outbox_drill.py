"""The outbox drill: N hits, a receiver that refuses a share of requests, a dispatcher
killed with SIGKILL midway and started again; then every event must have reached the
receiver, which acted on each exactly once. Used by bench_outbox and by the kill test.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from frontline.domain.records import RecordKind
from frontline.domain.users import Principal, Role
from frontline.records.kinds import build_row
from frontline.screening.requests import parse_check_request
from frontline.services import open_services
from frontline.settings import Settings
from frontline.store.outbox import DeliveryState, Webhook

OFFICER = Principal(1, "officer-DEU", Role.OFFICER, "DEU")
ADMIN = Principal(2, "admin", Role.ADMIN, "FRA")


@dataclass
class DrillResult:
    hits: int
    events: int
    drain_seconds: float
    killed_after_delivered: int
    receiver: dict[str, Any]
    outbox: dict[str, int]
    missing: int
    unexpected: int

    @property
    def exactly_once(self) -> bool:
        return (
            self.missing == 0
            and self.unexpected == 0
            and self.outbox[DeliveryState.PENDING.value] == 0
            and self.outbox[DeliveryState.DEAD.value] == 0
            and self.receiver["acted"] == self.events
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def seed_hits(settings: Settings, count: int, port: int) -> str:
    """``count`` stolen French passports, each checked once at a German border (so
    ``count`` cases), and both bureaus' webhooks on the receiver; the signing secret."""
    services = open_services(settings, use_index=True)
    try:
        now = services.clock()
        rows = [
            build_row(
                RecordKind.DOCUMENTS,
                {
                    "id": f"DOC-{n}",
                    "issuing_country": "FRA",
                    "type": "passport",
                    "status": "stolen",
                    "owner": "FRA",
                    "number": f"D{n:08d}",
                },
            )
            for n in range(count)
        ]
        services.store.upsert(RecordKind.DOCUMENTS, rows, now=now)
        if services.index is not None:
            services.index.refresh()
        for start in range(0, count, 1000):
            requests = [
                parse_check_request(
                    {"document": {"number": f"D{n:08d}", "country": "FRA"}}, today=now.date()
                )
                for n in range(start, min(count, start + 1000))
            ]
            services.screening.check_batch(principal=OFFICER, requests=requests)
        url = f"http://127.0.0.1:{port}/hook"
        secret = services.notifications.set_webhook(principal=ADMIN, country="FRA", url=url).secret
        # One secret for both bureaus: one receiver stands for both.
        services.outbox.set_webhook(
            Webhook(country="DEU", url=url, secret=secret, created_by="drill", created_at=now)
        )
        return secret
    finally:
        services.close()


def run_drill(
    data_dir: Path,
    *,
    hits: int,
    database_url: str | None = None,
    fail_rate: float = 0.3,
    kill_at: float | None = 0.5,
    seed: int = 7,
) -> DrillResult:
    """The whole drill on ``database_url`` (default: SQLite in ``data_dir``); with
    ``kill_at`` None, no kill (the baseline)."""
    env = {
        **os.environ,
        "FRONTLINE_DATA_DIR": str(data_dir),
        "FRONTLINE_WEBHOOK_BACKOFF_SECONDS": "0.05",
        "FRONTLINE_WEBHOOK_BACKOFF_MAX_SECONDS": "1",
        # 0.3 ** 20: no event should run out of attempts by bad luck in the drill.
        "FRONTLINE_WEBHOOK_MAX_ATTEMPTS": "20",
        # The killed dispatcher's events wait this long before the new one takes them.
        "FRONTLINE_WEBHOOK_LEASE_SECONDS": "5",
    }
    env.pop("FRONTLINE_DATABASE_URL", None)
    if database_url is not None:
        env["FRONTLINE_DATABASE_URL"] = database_url
    settings = Settings(data_dir=data_dir, database_url=database_url)
    port = free_port()
    secret = seed_hits(settings, hits, port)
    receiver = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.webhook_receiver",
            str(port),
            secret,
            str(fail_rate),
            str(seed),
        ],
        env=env,
    )
    stats_url = f"http://127.0.0.1:{port}/stats"
    try:
        _wait_until(lambda: _stats(stats_url) is not None, timeout=30)
        # Opened (to FRA) and then confirming (to DEU, once FRA's delivery moved the case).
        events = hits * 2
        started = time.perf_counter()
        dispatcher = _dispatcher(env)
        killed_after = 0
        if kill_at is not None:
            share = kill_at
            _wait_until(lambda: (_stats(stats_url) or {}).get("acted", 0) >= events * share, 600)
            dispatcher.send_signal(signal.SIGKILL)
            dispatcher.wait()
            killed_after = int((_stats(stats_url) or {})["acted"])
            dispatcher = _dispatcher(env)
        try:
            _wait_until(lambda: _drained(settings, events), timeout=900)
        finally:
            dispatcher.terminate()
            dispatcher.wait(timeout=30)
        drain = time.perf_counter() - started
        report = _stats(stats_url) or {}
    finally:
        receiver.terminate()
        receiver.wait(timeout=30)
    return _result(settings, hits, events, drain, killed_after, report)


def _dispatcher(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "frontline", "outbox", "deliver", "--forever"],
        env=env,
        stdout=subprocess.DEVNULL,
    )


def _drained(settings: Settings, events: int) -> bool:
    services = open_services(settings, use_index=False)
    try:
        counts = services.outbox.counts()
    finally:
        services.close()
    return counts["delivered"] + counts["dead"] >= events and counts["pending"] == 0


def _result(
    settings: Settings,
    hits: int,
    events: int,
    drain: float,
    killed_after: int,
    report: dict[str, Any],
) -> DrillResult:
    services = open_services(settings, use_index=False)
    try:
        counts = services.outbox.counts()
        raised = {event.event_id for event in services.outbox.events(limit=10 * events)}
    finally:
        services.close()
    acted = set(report.get("keys", []))
    report = {key: value for key, value in report.items() if key != "keys"}
    return DrillResult(
        hits=hits,
        events=len(raised),
        drain_seconds=round(drain, 2),
        killed_after_delivered=killed_after,
        receiver=report,
        outbox=counts,
        missing=len(raised - acted),
        unexpected=len(acted - raised),
    )


def _stats(url: str) -> dict[str, Any] | None:
    try:
        answer: dict[str, Any] = httpx.get(url, timeout=5).json()
        return answer
    except httpx.HTTPError:
        return None


def _wait_until(ready: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not done within {timeout} s")
        time.sleep(0.05)
