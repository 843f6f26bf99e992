"""Partners' limits (set by administrators) and their daily usage, counted in the database so
that every API node draws on the same quota."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from frontline.store import tables
from frontline.store.codecs import naive_utc
from frontline.store.database import write_transaction

__all__ = ["PartnerLimits", "PartnerStore"]


@dataclass(frozen=True, slots=True, kw_only=True)
class PartnerLimits:
    """How much one partner may ask: document numbers a UTC day, requests a minute, and
    document numbers in one batch."""

    daily_quota: int
    per_minute: int
    max_batch: int

    def as_dict(self) -> dict[str, int]:
        return {
            "daily_quota": self.daily_quota,
            "per_minute": self.per_minute,
            "max_batch": self.max_batch,
        }


class PartnerStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def limits(self, partner: str) -> PartnerLimits | None:
        table = tables.partner_limits
        with self.engine.connect() as connection:
            row = connection.execute(select(table).where(table.c.partner == partner)).first()
        if row is None:
            return None
        return PartnerLimits(
            daily_quota=row.daily_quota, per_minute=row.per_minute, max_batch=row.max_batch
        )

    def set_limits(self, partner: str, limits: PartnerLimits, *, by: str, at: dt.datetime) -> None:
        table = tables.partner_limits
        values = {**limits.as_dict(), "updated_by": by, "updated_at": naive_utc(at)}
        with write_transaction(self.engine) as connection:
            changed = connection.execute(
                update(table).where(table.c.partner == partner).values(**values)
            ).rowcount
            if not changed:
                connection.execute(insert(table).values(partner=partner, **values))

    def used(self, partner: str, day: dt.date) -> int:
        table = tables.partner_usage
        with self.engine.connect() as connection:
            found = connection.execute(
                select(table.c.checks).where(table.c.partner == partner, table.c.day == day)
            ).scalar()
        return int(found or 0)

    def take(self, partner: str, day: dt.date, count: int, *, quota: int) -> int | None:
        """Count ``count`` more checks for ``partner`` on ``day`` if that stays within
        ``quota``: the new total, or None (nothing counted) when it would not. One
        conditional UPDATE, so two nodes cannot both take the last of a quota."""
        for _ in range(2):
            try:  # a first insert of the day may race with another node's: then try again
                return self._take_once(partner, day, count, quota)
            except IntegrityError:
                continue
        return None

    def _take_once(self, partner: str, day: dt.date, count: int, quota: int) -> int | None:
        table = tables.partner_usage
        with write_transaction(self.engine) as connection:
            taken = connection.execute(
                update(table)
                .where(table.c.partner == partner, table.c.day == day)
                .where(table.c.checks + count <= quota)
                .values(checks=table.c.checks + count)
            ).rowcount
            if taken:
                return self._total(connection, partner, day)
            if self._total(connection, partner, day) or count > quota:
                return None  # a row exists (the quota is spent) or the batch is too big
            connection.execute(insert(table).values(partner=partner, day=day, checks=count))
            return count

    @staticmethod
    def _total(connection: Connection, partner: str, day: dt.date) -> int:
        table = tables.partner_usage
        found = connection.execute(
            select(table.c.checks).where(table.c.partner == partner, table.c.day == day)
        ).scalar()
        return int(found or 0)
