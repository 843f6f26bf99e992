"""Notification use cases: bureaus register webhooks and read their feed; admins see and
resend what could not be delivered."""

from __future__ import annotations

import datetime as dt
import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

from frontline.domain.users import Principal, Role
from frontline.errors import InvalidInput, PermissionDenied
from frontline.hits.signing import new_secret
from frontline.identifiers.countries import canonical_country
from frontline.store.outbox import DeliveryState, OutboxEvent, OutboxStore, Webhook

__all__ = ["Notifications", "check_webhook_url"]

_LOOPBACK_NAMES = frozenset({"localhost"})


def check_webhook_url(url: str) -> str:
    """The URL if deliveries may go there: HTTPS, or plain HTTP to this machine only."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("https", "http") or not parts.hostname:
        raise InvalidInput.for_field("url", "must be an https:// URL")
    if parts.username or parts.password:
        raise InvalidInput.for_field("url", "must not carry a user or password")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        # Deliveries carry hit details and travellers' data: never in clear over a network.
        raise InvalidInput.for_field("url", "must be https:// (plain http only to loopback)")
    return url.strip()


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Notifications:
    def __init__(self, *, outbox: OutboxStore, clock: Callable[[], dt.datetime]) -> None:
        self.outbox = outbox
        self.clock = clock

    def set_webhook(self, *, principal: Principal, country: str | None, url: str) -> Webhook:
        """Register (or replace) a bureau's webhook; the returned secret is shown once."""
        target = self._own_country(principal, country)
        hook = Webhook(
            country=target,
            url=check_webhook_url(url),
            secret=new_secret(),
            created_by=principal.name,
            created_at=self.clock(),
        )
        self.outbox.set_webhook(hook)
        return hook

    def remove_webhook(self, *, principal: Principal, country: str | None) -> None:
        self.outbox.remove_webhook(self._own_country(principal, country))

    def webhooks(self, *, principal: Principal) -> list[Webhook]:
        if principal.role is Role.ADMIN:
            return self.outbox.webhooks()
        return self.outbox.webhooks(self._own_country(principal, None))

    def feed(
        self, *, principal: Principal, owner: str | None, after: int | None, limit: int
    ) -> list[OutboxEvent]:
        """The events addressed to a bureau, in order: what its webhook receives, for a
        bureau that reads rather than receives (or catches up)."""
        target = self._own_country(principal, owner)
        return self.outbox.events(receiver=target, after=after, limit=limit)

    def undelivered(
        self, *, principal: Principal, state: DeliveryState, limit: int
    ) -> list[OutboxEvent]:
        _require_admin(principal)
        return self.outbox.events(state=state, limit=limit)

    def resend(self, *, principal: Principal, event_id: str) -> OutboxEvent:
        _require_admin(principal)
        return self.outbox.retry(event_id, now=self.clock())

    def counts(self, *, principal: Principal) -> dict[str, int]:
        _require_admin(principal)
        return self.outbox.counts()

    @staticmethod
    def _own_country(principal: Principal, country: str | None) -> str:
        if principal.role is Role.ADMIN:
            if country is None:
                raise InvalidInput.for_field("country", "name the bureau's country")
            return canonical_country(country, field="country")
        if principal.role is not Role.BUREAU:
            raise PermissionDenied("only a bureau (or an admin) manages notifications")
        if country is not None and canonical_country(country, field="country") != principal.country:
            raise PermissionDenied(f"{principal.country}'s bureau manages only its own")
        return principal.country


def _require_admin(principal: Principal) -> None:
    if principal.role is not Role.ADMIN:
        raise PermissionDenied("only an admin sees the delivery queue")
