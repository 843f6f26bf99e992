"""The dispatcher: delivers outbox events to each bureau's webhook, signed, retried.

One pass (``run_once``) escalates overdue cases, claims due events under a lease, posts
each to its bureau's webhook and records the answer: a 2xx delivers it; anything else (an
error status, a timeout, a refused connection) schedules another attempt after an
exponential backoff with jitter, until the last attempt, after which the event is dead and
waits for an admin (``OutboxStore.retry``). Every attempt of one event carries the same
``Idempotency-Key`` (its event id), so a receiver that honours it acts on each event once,
however often a crash or a lost answer makes the dispatcher send it.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx
import orjson

from frontline.hits.cases import Cases
from frontline.hits.signing import SIGNATURE_HEADER, sign
from frontline.store.outbox import OutboxEvent, OutboxStore, Webhook

__all__ = ["Dispatcher", "PassReport", "RetryPolicy", "delivering"]

if TYPE_CHECKING:
    from frontline.services import Services

log = logging.getLogger("frontline.delivery")


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryPolicy:
    """How often and how patiently an event is sent."""

    max_attempts: int = 10
    base_seconds: float = 2.0
    cap_seconds: float = 3600.0
    timeout_seconds: float = 5.0
    lease_seconds: float = 60.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Seconds before attempt ``attempt + 1``: doubling from ``base_seconds`` up to the
        cap, half of it fixed and half random ("equal jitter"), so receivers that come
        back up are not hit by every dispatcher's retries at the same instant."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2.0 ** max(attempt - 1, 0))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


@dataclass(slots=True)
class PassReport:
    """What one pass did."""

    escalated: int = 0
    delivered: int = 0
    failed: int = 0
    dead: int = 0

    @property
    def attempted(self) -> int:
        return self.delivered + self.failed + self.dead

    def as_dict(self) -> dict[str, int]:
        return {
            "escalated": self.escalated,
            "delivered": self.delivered,
            "failed": self.failed,
            "dead": self.dead,
        }


class Dispatcher:
    def __init__(
        self,
        *,
        outbox: OutboxStore,
        cases: Cases,
        clock: Callable[[], dt.datetime],
        policy: RetryPolicy,
        client: httpx.Client | None = None,
        batch: int = 200,
        senders: int = 8,
        rng: random.Random | None = None,
    ) -> None:
        self.outbox = outbox
        self.cases = cases
        self.clock = clock
        self.policy = policy
        self.client = client or httpx.Client(timeout=policy.timeout_seconds)
        self.batch = batch
        self.senders = senders
        self.rng = rng or random.SystemRandom()

    def close(self) -> None:
        self.client.close()

    def run_once(self) -> PassReport:
        """Escalate what is overdue, then send one batch of due events."""
        report = PassReport(escalated=len(self.cases.escalate_overdue(now=self.clock())))
        lease = dt.timedelta(seconds=self.policy.lease_seconds)
        events = self.outbox.claim(now=self.clock(), lease=lease, limit=self.batch)
        if not events:
            return report
        hooks = {hook.country: hook for hook in self.outbox.webhooks()}
        with ThreadPoolExecutor(max_workers=self.senders) as pool:
            answers = list(pool.map(lambda event: self._send(event, hooks), events))
        self._record(events, answers, report)
        return report

    def drain(self, *, stop: threading.Event | None = None, idle_seconds: float = 1.0) -> None:
        """Pass after pass until ``stop`` is set; waits ``idle_seconds`` when idle."""
        halt = stop or threading.Event()
        while not halt.is_set():
            try:
                report = self.run_once()
            except Exception:
                log.exception("delivery pass failed; trying again")
                report = PassReport()
            if report.attempted < self.batch:
                halt.wait(idle_seconds)

    def _send(self, event: OutboxEvent, hooks: dict[str, Webhook]) -> str | None:
        """None when the receiver took the event; else what went wrong."""
        hook = hooks.get(event.receiver)
        if hook is None:
            return f"{event.receiver} has no webhook any more"
        body = orjson.dumps(event.payload)
        timestamp = int(self.clock().timestamp())
        headers = {
            "Content-Type": "application/json",
            "Idempotency-Key": event.event_id,
            "Frontline-Event": event.event_type,
            SIGNATURE_HEADER: sign(hook.secret, body, timestamp=timestamp),
        }
        try:
            response = self.client.post(hook.url, content=body, headers=headers)
        except httpx.HTTPError as error:
            return f"{type(error).__name__}: {error}"
        if 200 <= response.status_code < 300:
            return None
        return f"HTTP {response.status_code}"

    def _record(
        self, events: list[OutboxEvent], answers: list[str | None], report: PassReport
    ) -> None:
        """One pass's answers in two writes: the owners told (their cases move to
        confirming) first, then the events' delivery states. A crash between the two
        sends those events again, and the cases, already moved, stay as they are."""
        now = self.clock()
        delivered = [event for event, error in zip(events, answers, strict=True) if error is None]
        opened = [e.case_id for e in delivered if e.event_type == "case.opened" and e.case_id]
        if opened:
            self.cases.mark_notified(opened, at=now)
        failed: list[tuple[int, str, dt.datetime | None]] = []
        for event, error in zip(events, answers, strict=True):
            if error is None:
                continue
            attempt = event.attempts + 1
            if attempt >= self.policy.max_attempts:
                failed.append((event.seq, error, None))
                report.dead += 1
                log.warning(
                    "event %s to %s is dead after %d attempts: %s",
                    event.event_id,
                    event.receiver,
                    attempt,
                    error,
                )
                continue
            retry_at = now + dt.timedelta(seconds=self.policy.delay(attempt, self.rng))
            failed.append((event.seq, error, retry_at))
            report.failed += 1
        self.outbox.record(delivered=[event.seq for event in delivered], failed=failed, at=now)
        report.delivered += len(delivered)


@contextmanager
def delivering(services: Services) -> Iterator[Dispatcher]:
    """A dispatcher draining in a background thread for as long as the block runs."""
    dispatcher = services.dispatcher()
    stop = threading.Event()
    thread = threading.Thread(
        target=dispatcher.drain, kwargs={"stop": stop}, name="frontline-delivery", daemon=True
    )
    thread.start()
    try:
        yield dispatcher
    finally:
        stop.set()
        thread.join(timeout=dispatcher.policy.timeout_seconds + 5)
        dispatcher.close()
