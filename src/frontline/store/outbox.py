"""The transactional outbox and the bureaus' webhooks.

An event is written by ``enqueue`` inside the transaction that caused it (a hit, a case
moving), so it exists exactly when its cause does. A dispatcher later ``claim``s due events
under a lease (so two dispatchers never send one event at once, and a dispatcher that dies
mid-send loses its lease and the event is sent again), and marks each delivered, retried
later, or dead. A delivery may therefore be repeated, always under the same event id: a
receiver that honours that idempotency key acts on each event once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Engine, Row, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from frontline.errors import NotFound, StorageFailed
from frontline.store import tables
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction
from frontline.store.dialect import insert_rows

__all__ = [
    "DeliveryState",
    "NewEvent",
    "OutboxEvent",
    "OutboxStore",
    "Webhook",
    "enqueue",
]


class DeliveryState(StrEnum):
    PENDING = "pending"
    DELIVERED = "delivered"
    DEAD = "dead"  # gave up after the last attempt; an admin may send it again


@dataclass(frozen=True, slots=True, kw_only=True)
class NewEvent:
    """An event to deliver to one bureau; ``event_id`` is its idempotency key."""

    event_id: str
    receiver: str
    event_type: str
    case_id: str | None
    payload: dict[str, Any]
    created_at: dt.datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxEvent:
    seq: int
    event_id: str
    receiver: str
    event_type: str
    case_id: str | None
    payload: dict[str, Any]
    created_at: dt.datetime
    state: DeliveryState
    attempts: int
    next_attempt_at: dt.datetime
    last_error: str | None
    delivered_at: dt.datetime | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "event_id": self.event_id,
            "receiver": self.receiver,
            "type": self.event_type,
            "case_id": self.case_id,
            "created_at": self.created_at.isoformat(),
            "state": self.state.value,
            "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at.isoformat(),
            "last_error": self.last_error,
            "delivered_at": self.delivered_at.isoformat() if self.delivered_at else None,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Webhook:
    country: str
    url: str
    secret: str
    created_by: str
    created_at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        """Without the secret: it is shown once, when the webhook is registered."""
        return {
            "country": self.country,
            "url": self.url,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
        }


def enqueue(connection: Connection, events: Sequence[NewEvent]) -> None:
    """Add events to the outbox inside the caller's transaction."""
    if not events:
        return
    insert_rows(
        connection,
        tables.outbox,
        [
            {
                "event_id": event.event_id,
                "receiver": event.receiver,
                "event_type": event.event_type,
                "case_id": event.case_id,
                "payload": event.payload,
                "created_at": naive_utc(event.created_at),
                "state": DeliveryState.PENDING.value,
                "attempts": 0,
                "next_attempt_at": naive_utc(event.created_at),
                "lease_until": None,
                "last_error": None,
                "delivered_at": None,
            }
            for event in events
        ],
    )


class OutboxStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- the dispatcher's side ------------------------------------------------------------

    def claim(self, *, now: dt.datetime, lease: dt.timedelta, limit: int) -> list[OutboxEvent]:
        """Take up to ``limit`` due events whose bureau has a webhook, each under a lease
        until ``now + lease``; an event another dispatcher holds is skipped."""
        table = tables.outbox
        moment = naive_utc(now)
        free = (table.c.lease_until.is_(None)) | (table.c.lease_until < moment)
        pick = table.alias("pick")  # an alias, so the subquery is not correlated to the update
        due = (
            select(pick.c.seq)
            .where(
                pick.c.state == DeliveryState.PENDING.value,
                pick.c.next_attempt_at <= moment,
                (pick.c.lease_until.is_(None)) | (pick.c.lease_until < moment),
                pick.c.receiver.in_(select(tables.webhooks.c.country)),
            )
            .order_by(pick.c.next_attempt_at, pick.c.seq)
            .limit(limit)
        )
        # One conditional UPDATE ... RETURNING: of two dispatchers that pick the same rows,
        # each row goes to whichever updates it first (the other's condition then fails).
        claim = (
            update(table)
            .where(table.c.seq.in_(due), free)
            .values(lease_until=moment + lease)
            .returning(*table.columns)
        )
        with self._writing() as connection:
            rows = connection.execute(claim).all()
        return sorted((_event(row) for row in rows), key=lambda event: event.seq)

    def record(
        self,
        *,
        delivered: Sequence[int],
        failed: Sequence[tuple[int, str, dt.datetime | None]],
        at: dt.datetime,
    ) -> None:
        """Record one pass's answers in one write: ``delivered`` seqs, and ``failed`` as
        (seq, error, retry at), where a retry time of None gives up: dead."""
        table = tables.outbox
        with self._writing() as connection:
            if delivered:
                connection.execute(
                    update(table)
                    .where(table.c.seq.in_(list(delivered)))
                    .values(
                        state=DeliveryState.DELIVERED.value,
                        delivered_at=naive_utc(at),
                        lease_until=None,
                        attempts=table.c.attempts + 1,
                        last_error=None,
                    )
                )
            for seq, error, retry_at in failed:
                values: dict[str, Any] = {
                    "attempts": table.c.attempts + 1,
                    "last_error": error[:1000],
                    "lease_until": None,
                }
                if retry_at is None:
                    values["state"] = DeliveryState.DEAD.value
                else:
                    values["next_attempt_at"] = naive_utc(retry_at)
                connection.execute(update(table).where(table.c.seq == seq).values(**values))

    def retry(self, event_id: str, *, now: dt.datetime) -> OutboxEvent:
        """Send a dead (or delivered) event again, from its first attempt."""
        table = tables.outbox
        with self._writing() as connection:
            changed = connection.execute(
                update(table)
                .where(table.c.event_id == event_id)
                .values(
                    state=DeliveryState.PENDING.value,
                    attempts=0,
                    next_attempt_at=naive_utc(now),
                    lease_until=None,
                )
            ).rowcount
        if changed != 1:
            raise NotFound(f"no outbox event {event_id}")
        return self.get(event_id)

    # -- reads ----------------------------------------------------------------------------

    def get(self, event_id: str) -> OutboxEvent:
        table = tables.outbox
        with self.engine.connect() as connection:
            row = connection.execute(select(table).where(table.c.event_id == event_id)).first()
        if row is None:
            raise NotFound(f"no outbox event {event_id}")
        return _event(row)

    def events(
        self,
        *,
        receiver: str | None = None,
        state: DeliveryState | None = None,
        after: int | None = None,
        limit: int = 100,
    ) -> list[OutboxEvent]:
        """Events in the order they were raised; page with ``after`` = the last seq seen."""
        table = tables.outbox
        query = select(table).order_by(table.c.seq).limit(limit)
        if receiver is not None:
            query = query.where(table.c.receiver == receiver)
        if state is not None:
            query = query.where(table.c.state == state.value)
        if after is not None:
            query = query.where(table.c.seq > after)
        with self.engine.connect() as connection:
            return [_event(row) for row in connection.execute(query)]

    def counts(self) -> dict[str, int]:
        """How many events are pending, delivered and dead."""
        table = tables.outbox
        query = select(table.c.state, func.count()).group_by(table.c.state)
        with self.engine.connect() as connection:
            found = {state: int(count) for state, count in connection.execute(query)}
        return {state.value: found.get(state.value, 0) for state in DeliveryState}

    # -- webhooks -------------------------------------------------------------------------

    def set_webhook(self, hook: Webhook) -> None:
        table = tables.webhooks
        with self._writing() as connection:
            connection.execute(delete(table).where(table.c.country == hook.country))
            connection.execute(
                table.insert().values(
                    country=hook.country,
                    url=hook.url,
                    secret=hook.secret,
                    created_by=hook.created_by,
                    created_at=naive_utc(hook.created_at),
                )
            )

    def remove_webhook(self, country: str) -> None:
        table = tables.webhooks
        with self._writing() as connection:
            removed = connection.execute(delete(table).where(table.c.country == country))
        if removed.rowcount != 1:
            raise NotFound(f"{country} has no webhook")

    def webhooks(self, country: str | None = None) -> list[Webhook]:
        table = tables.webhooks
        query = select(table).order_by(table.c.country)
        if country is not None:
            query = query.where(table.c.country == country)
        with self.engine.connect() as connection:
            return [
                Webhook(
                    country=row.country,
                    url=row.url,
                    secret=row.secret,
                    created_by=row.created_by,
                    created_at=utc(row.created_at) or row.created_at,
                )
                for row in connection.execute(query)
            ]

    # -- helpers --------------------------------------------------------------------------

    def _writing(self) -> AbstractContextManager[Connection]:
        return _writing(self.engine)


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction whose database errors become StorageFailed."""
    try:
        with write_transaction(engine) as connection:
            yield connection
    except SQLAlchemyError as error:
        raise StorageFailed("the outbox could not be written") from error


def _event(row: Row[Any]) -> OutboxEvent:
    return OutboxEvent(
        seq=row.seq,
        event_id=row.event_id,
        receiver=row.receiver,
        event_type=row.event_type,
        case_id=row.case_id,
        payload=dict(row.payload),
        created_at=utc(row.created_at) or row.created_at,
        state=DeliveryState(row.state),
        attempts=int(row.attempts),
        next_attempt_at=utc(row.next_attempt_at) or row.next_attempt_at,
        last_error=row.last_error,
        delivered_at=utc(row.delivered_at),
    )
