"""The partner check use case: limits first (rate, batch size, daily quota), then one audited
batch of document checks whose hits open cases; the partner learns a reference and
``no_hit`` or ``refer``, nothing about any record."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from frontline.access import Action, require
from frontline.domain.users import Principal, Role
from frontline.errors import FieldError, InvalidInput, NotFound, PayloadTooLarge, RateLimited
from frontline.metrics import ENGINE_SECONDS, timed
from frontline.partners.requests import parse_partner_item
from frontline.rates import RateBuckets
from frontline.screening.service import Screening
from frontline.store.partners import PartnerLimits, PartnerStore
from frontline.store.users import UserStore

__all__ = ["PartnerAnswer", "PartnerScreening", "RateBuckets"]

_PARTNER_SECONDS = ENGINE_SECONDS.labels("partner")


@dataclass(frozen=True, slots=True)
class PartnerAnswer:
    """All a partner ever learns of a check: the reference to quote, and whether to refer."""

    reference: str
    result: str  # no_hit | refer
    input_id: Any = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reference": self.reference, "result": self.result}
        if self.input_id is not None:
            out["id"] = self.input_id
        return out


class PartnerScreening:
    def __init__(
        self,
        *,
        screening: Screening,
        store: PartnerStore,
        users: UserStore,
        clock: Callable[[], dt.datetime],
        defaults: PartnerLimits,
    ) -> None:
        self.screening = screening
        self.store = store
        self.users = users
        self.clock = clock
        self.defaults = defaults
        self.buckets = RateBuckets()

    def limits_for(self, partner: str) -> PartnerLimits:
        return self.store.limits(partner) or self.defaults

    def check(
        self, *, principal: Principal, items: Sequence[Any], batch: bool = True
    ) -> list[PartnerAnswer]:
        """Screen ``items`` (number, country, type): all valid or nothing checked; refused
        with RateLimited over the rate or the day's quota (nothing checked either).
        ``batch`` names fields ``checks[i].``, as the batch body holds them."""
        require(principal, Action.PARTNER_CHECK)
        with timed(_PARTNER_SECONDS):
            return self._check(principal, items, batch=batch)

    def _check(
        self, principal: Principal, items: Sequence[Any], *, batch: bool
    ) -> list[PartnerAnswer]:
        now = self.clock()
        limits = self.limits_for(principal.name)
        if not items:
            raise InvalidInput.for_field("checks", "must be a non-empty list of checks")
        if len(items) > limits.max_batch:
            raise PayloadTooLarge(
                f"a partner batch holds at most {limits.max_batch} checks; this one has "
                f"{len(items)}"
            )
        wait = self.buckets.take(principal.name, per_minute=limits.per_minute, now=now.timestamp())
        if wait:
            raise RateLimited(
                f"more than {limits.per_minute} requests a minute", retry_after=math.ceil(wait)
            )
        parsed = self._parse(items, now.date(), batch=batch)
        day = now.astimezone(dt.UTC).date()
        if self.store.take(principal.name, day, len(items), quota=limits.daily_quota) is None:
            used = self.store.used(principal.name, day)
            midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), dt.UTC)
            raise RateLimited(
                f"the daily quota of {limits.daily_quota} document numbers is spent "
                f"({used} used today, {len(items)} asked); it renews at 00:00 UTC",
                retry_after=math.ceil((midnight - now).total_seconds()),
            )
        requests = [request for request, _ in parsed]
        results = self.screening.check_batch(
            principal=principal,
            requests=requests,
            event="partner_check",
            action=Action.PARTNER_CHECK,
        )
        return [
            PartnerAnswer(result.check_id, "refer" if result.hits else "no_hit", input_id)
            for result, (_, input_id) in zip(results, parsed, strict=True)
        ]

    def _parse(self, items: Sequence[Any], today: dt.date, *, batch: bool) -> list[Any]:
        errors: list[FieldError] = []
        parsed = []
        for position, item in enumerate(items):
            try:
                prefix = f"checks[{position}]." if batch else ""
                parsed.append(parse_partner_item(item, today=today, prefix=prefix))
            except InvalidInput as error:
                errors.extend(error.errors)
        if errors:
            first = errors[0]
            raise InvalidInput(
                f"{first.field}: {first.message}; nothing was checked", errors=errors
            )
        return parsed

    def usage(self, *, principal: Principal) -> dict[str, Any]:
        """The partner's own limits and what it used today (UTC)."""
        require(principal, Action.PARTNER_CHECK)
        day = self.clock().astimezone(dt.UTC).date()
        return {
            "partner": principal.name,
            "country": principal.country,
            "day": day.isoformat(),
            "used": self.store.used(principal.name, day),
            **self.limits_for(principal.name).as_dict(),
        }

    def set_limits(
        self, *, principal: Principal, partner: str, limits: PartnerLimits
    ) -> PartnerLimits:
        """An administrator sets a partner's limits (stored; every node reads them)."""
        require(principal, Action.MANAGE_PARTNERS)
        known = {user["name"]: user["role"] for user in self.users.list()}
        if known.get(partner) != Role.PARTNER.value:
            raise NotFound(f"no partner named {partner}")
        for name, value in limits.as_dict().items():
            if not 1 <= value <= 10_000_000:
                raise InvalidInput.for_field(name, "must be between 1 and 10,000,000")
        self.store.set_limits(partner, limits, by=principal.name, at=self.clock())
        return limits
