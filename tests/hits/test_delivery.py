"""Owner notifications: signed, retried with backoff, dead-lettered, resent, never lost when
a dispatcher dies, and readable as a feed (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import random

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontline.domain.cases import CaseState
from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput, PermissionDenied
from frontline.hits.delivery import Dispatcher, RetryPolicy
from frontline.hits.notifications import check_webhook_url
from frontline.hits.signing import sign, verify_signature
from frontline.screening.requests import parse_check_request
from frontline.services import Services
from frontline.store.cases import CaseFilter
from frontline.store.outbox import DeliveryState
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document, principal

GERMAN_OFFICER = principal("officer", "DEU", "officer-DEU")
FRENCH_BUREAU = principal("bureau", "FRA", "bureau-FRA")
HOOK = "https://bureau.fra.example/frontline"


class Receiver:
    """A bureau's webhook that honours idempotency keys; fails when told to."""

    def __init__(self, secret: str, clock: FrozenClock, fail: set[int] | None = None) -> None:
        self.secret = secret
        self.clock = clock
        self.fail = fail or set()  # the attempt numbers (1-based, overall) that get a 503
        self.attempts = 0
        self.acted: dict[str, dict[str, object]] = {}
        self.duplicates = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        if self.attempts in self.fail:
            return httpx.Response(503)
        body = request.read()
        now = int(self.clock().timestamp())
        signature = request.headers["Frontline-Signature"]
        if not verify_signature(self.secret, body, signature, now=now):
            return httpx.Response(400)
        key = request.headers["Idempotency-Key"]
        if key in self.acted:
            self.duplicates += 1
        else:
            self.acted[key] = json.loads(body)
        return httpx.Response(200)


def _dispatcher(services: Services, receiver: Receiver, attempts: int = 4) -> Dispatcher:
    return Dispatcher(
        outbox=services.outbox,
        cases=services.cases,
        clock=services.clock,
        policy=RetryPolicy(max_attempts=attempts, base_seconds=10, cap_seconds=60),
        client=httpx.Client(transport=httpx.MockTransport(receiver)),
        rng=random.Random(1),
        senders=2,
    )


def _hit(services: Services) -> None:
    services.records.create(
        principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("X1234567", id="DOC-1")
    )
    request = parse_check_request(
        {"document": {"number": "X1234567", "country": "FRA"}}, today=services.clock().date()
    )
    services.screening.check(principal=GERMAN_OFFICER, request=request)


def _register(services: Services, clock: FrozenClock, fail: set[int] | None = None) -> Receiver:
    hook = services.notifications.set_webhook(principal=FRENCH_BUREAU, country=None, url=HOOK)
    assert hook.secret.startswith("whsec_")
    return Receiver(hook.secret, clock, fail)


def test_a_hit_reaches_the_owner_signed_and_the_case_becomes_confirming(
    services: Services, clock: FrozenClock
) -> None:
    receiver = _register(services, clock)
    _hit(services)
    report = _dispatcher(services, receiver).run_once()
    assert report.as_dict() == {"escalated": 0, "delivered": 1, "failed": 0, "dead": 0}
    [(key, body)] = receiver.acted.items()
    assert body["type"] == "case.opened"
    assert body["event_id"] == key
    [(_, case)] = services.cases.find(principal=ADMIN, where=CaseFilter())
    assert case.state is CaseState.CONFIRMING
    history = services.cases.history(principal=ADMIN, case_id=case.id)
    assert history[-1].reason == "FRA notified by webhook"
    assert services.outbox.counts() == {"pending": 1, "delivered": 1, "dead": 0}  # DEU told


def test_a_failing_receiver_delays_with_growing_waits_then_gets_it_once(
    services: Services, clock: FrozenClock
) -> None:
    receiver = _register(services, clock, fail={1, 2})
    _hit(services)
    dispatcher = _dispatcher(services, receiver)
    assert dispatcher.run_once().failed == 1
    [first] = services.outbox.events(receiver="FRA")
    wait = first.next_attempt_at - clock()
    assert dt.timedelta(seconds=5) <= wait <= dt.timedelta(seconds=10)
    assert dispatcher.run_once().attempted == 0  # not due yet
    clock.advance(seconds=10)
    assert dispatcher.run_once().failed == 1
    [second] = services.outbox.events(receiver="FRA")
    assert dt.timedelta(seconds=10) <= second.next_attempt_at - clock() <= dt.timedelta(seconds=20)
    assert second.last_error == "HTTP 503"
    assert second.attempts == 2
    clock.advance(seconds=20)
    assert dispatcher.run_once().delivered == 1
    assert len(receiver.acted) == 1
    assert receiver.duplicates == 0


def test_after_the_last_attempt_the_event_is_dead_until_an_admin_resends_it(
    services: Services, clock: FrozenClock
) -> None:
    receiver = _register(services, clock, fail=set(range(1, 4)))
    _hit(services)
    dispatcher = _dispatcher(services, receiver, attempts=3)
    for _ in range(3):
        dispatcher.run_once()
        clock.advance(minutes=5)
    [dead] = services.notifications.undelivered(principal=ADMIN, state=DeliveryState.DEAD, limit=10)
    assert (dead.attempts, dead.event_type) == (3, "case.opened")
    with pytest.raises(PermissionDenied):
        services.notifications.undelivered(
            principal=FRENCH_BUREAU, state=DeliveryState.DEAD, limit=10
        )
    assert dispatcher.run_once().attempted == 0  # dead stays dead
    services.notifications.resend(principal=ADMIN, event_id=dead.event_id)
    assert dispatcher.run_once().delivered == 1
    assert list(receiver.acted) == [dead.event_id]


def test_an_event_held_by_a_dispatcher_that_died_is_sent_again_after_its_lease(
    services: Services, clock: FrozenClock
) -> None:
    receiver = _register(services, clock)
    _hit(services)
    # A dispatcher claims the event, sends it, and dies before recording the delivery.
    [claimed] = services.outbox.claim(now=clock(), lease=dt.timedelta(seconds=60), limit=10)
    body = json.dumps(claimed.payload).encode()
    stamp = int(clock().timestamp())
    receiver(
        httpx.Request(
            "POST",
            HOOK,
            content=body,
            headers={
                "Idempotency-Key": claimed.event_id,
                "Frontline-Signature": sign(receiver.secret, body, timestamp=stamp),
            },
        )
    )
    dispatcher = _dispatcher(services, receiver)
    assert dispatcher.run_once().attempted == 0  # still leased to the dead one
    clock.advance(seconds=61)
    assert dispatcher.run_once().delivered == 1
    assert receiver.duplicates == 1  # sent twice, acted on once: the key did its work
    assert len(receiver.acted) == 1


def test_events_wait_for_a_bureau_without_a_webhook_and_show_in_its_feed(
    services: Services, clock: FrozenClock
) -> None:
    _hit(services)
    assert services.outbox.claim(now=clock(), lease=dt.timedelta(seconds=60), limit=10) == []
    [event] = services.notifications.feed(principal=FRENCH_BUREAU, owner="FRA", after=None, limit=5)
    assert event.event_type == "case.opened"
    assert (
        services.notifications.feed(principal=FRENCH_BUREAU, owner=None, after=event.seq, limit=5)
        == []
    )
    with pytest.raises(PermissionDenied):
        services.notifications.feed(principal=FRENCH_BUREAU, owner="DEU", after=None, limit=5)
    receiver = _register(services, clock)  # registered later: the backlog goes out
    assert _dispatcher(services, receiver).run_once().delivered == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://bureau.fra.example/hook",  # clear text over a network
        "ftp://bureau.fra.example/hook",
        "https://user:pw@bureau.fra.example/hook",
        "not a url",
        "https://",
    ],
)
def test_a_webhook_must_be_https_except_to_loopback(url: str) -> None:
    with pytest.raises(InvalidInput, match="url"):
        check_webhook_url(url)


@pytest.mark.parametrize(
    "url", ["https://bureau.fra.example/hook", "http://127.0.0.1:9000/h", "http://[::1]/h"]
)
def test_https_and_loopback_webhooks_are_accepted(url: str) -> None:
    assert check_webhook_url(url) == url


def test_a_signature_fails_for_another_body_secret_or_an_old_timestamp() -> None:
    header = sign("whsec_a", b'{"x":1}', timestamp=1_000_000)
    assert verify_signature("whsec_a", b'{"x":1}', header, now=1_000_100)
    assert not verify_signature("whsec_a", b'{"x":2}', header, now=1_000_100)
    assert not verify_signature("whsec_b", b'{"x":1}', header, now=1_000_100)
    assert not verify_signature("whsec_a", b'{"x":1}', header, now=1_000_400)
    assert not verify_signature("whsec_a", b'{"x":1}', "t=x,v1=00", now=1_000_000)


@given(attempt=st.integers(min_value=1, max_value=60), seed=st.integers(0, 2**32))
def test_each_wait_is_half_fixed_half_random_doubling_up_to_the_cap(
    attempt: int, seed: int
) -> None:
    policy = RetryPolicy(base_seconds=2, cap_seconds=3600)
    ceiling = min(3600.0, 2.0 * 2 ** (attempt - 1))
    assert ceiling / 2 <= policy.delay(attempt, random.Random(seed)) <= ceiling
