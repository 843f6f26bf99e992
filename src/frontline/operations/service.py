"""The operations use case: create, read, staff and close operations; standing access."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from frontline.access import Action, require
from frontline.domain.checks import Database
from frontline.domain.operations import (
    MAX_NAME,
    MAX_PARTICIPANTS,
    Operation,
    check_window,
    may_take_part,
    parse_border_point,
    parse_databases,
    unique_points,
)
from frontline.domain.users import Principal, Role
from frontline.errors import InvalidInput, PermissionDenied
from frontline.identifiers.countries import canonical_country
from frontline.operations.scope import OperationScope
from frontline.operations.statistics import Statistics, count_statistics
from frontline.store import operation_stats
from frontline.store.operations import OperationStore

__all__ = ["Operations", "new_operation_id"]

_DEVICE_ID_MAX = 80


def new_operation_id() -> str:
    return f"op_{secrets.token_hex(6)}"


class Operations:
    """What a coordinator does with operations; what an admin does with standing access."""

    def __init__(
        self,
        *,
        store: OperationStore,
        scope: OperationScope,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.store = store
        self.scope = scope
        self.clock = clock

    def create(
        self,
        *,
        principal: Principal,
        name: str,
        host_country: str,
        starts_at: dt.datetime,
        ends_at: dt.datetime,
        border_points: Sequence[Any],
        databases: Iterable[Any],
        crime_areas: Sequence[str] = (),
        officers: Sequence[str] = (),
        devices: Sequence[str] = (),
        description: str = "",
    ) -> Operation:
        """A new operation; its officers must be existing users."""
        require(principal, Action.MANAGE_OPERATIONS)
        host = canonical_country(host_country, field="host_country")
        _may_run(principal, host)
        check_window(starts_at, ends_at)
        opened = parse_databases(databases)
        if not opened:
            raise InvalidInput.for_field("databases", "open at least one database")
        points = unique_points(
            [
                parse_border_point(raw, field_name=f"border_points[{position}]")
                for position, raw in enumerate(border_points)
            ]
        )
        operation = Operation(
            id=new_operation_id(),
            name=_text(name, "name", MAX_NAME, required=True),
            host_country=host,
            starts_at=starts_at.astimezone(dt.UTC),
            ends_at=ends_at.astimezone(dt.UTC),
            databases=opened,
            border_points=points,
            crime_areas=tuple(_text(area, "crime_areas", 80) for area in crime_areas if area),
            officers=self._officers(officers),
            devices=_devices(devices),
            description=_text(description, "description", 2000),
            created_by=principal.name,
            created_at=self.clock(),
        )
        return self.store.create(operation, principal=principal)

    def get(self, *, principal: Principal, operation_id: str) -> Operation:
        require(principal, Action.READ_OPERATIONS)
        return self.store.get(operation_id)

    def list_operations(self, *, principal: Principal, limit: int = 100) -> list[Operation]:
        require(principal, Action.READ_OPERATIONS)
        return self.store.list(limit=limit)

    def running_for(self, *, principal: Principal) -> list[Operation]:
        """The operations running now in which ``principal`` may check (for a picker)."""
        require(principal, Action.READ_OPERATIONS)
        running = self.store.running(self.clock())
        return [operation for operation in running if may_take_part(operation, principal)]

    def set_participants(
        self,
        *,
        principal: Principal,
        operation_id: str,
        officers: Sequence[str] | None = None,
        devices: Sequence[str] | None = None,
    ) -> Operation:
        """Replace the officers and/or devices (None keeps them as they are)."""
        require(principal, Action.MANAGE_OPERATIONS)
        current = self.store.get(operation_id)
        _may_run(principal, current.host_country)
        updated = replace(
            current,
            officers=current.officers if officers is None else self._officers(officers),
            devices=current.devices if devices is None else _devices(devices),
        )
        done = self.store.set_participants(updated, principal=principal, at=self.clock())
        self.scope.forget()
        return done

    def close(self, *, principal: Principal, operation_id: str) -> Operation:
        """Close the operation: its temporary access ends now (Conflict if closed)."""
        require(principal, Action.MANAGE_OPERATIONS)
        _may_run(principal, self.store.get(operation_id).host_country)
        closed = self.store.close(operation_id, principal=principal, at=self.clock())
        self.scope.forget()
        return closed

    def statistics(self, *, principal: Principal, operation_id: str) -> Statistics:
        """Live counts from the audit rows and cases of the operation."""
        require(principal, Action.READ_OPERATION_RESULTS)
        operation = self.store.get(operation_id)
        _may_run(principal, operation.host_country)
        engine = self.store.engine
        return count_statistics(
            operation,
            checks=operation_stats.check_counts(engine, operation_id),
            hits=operation_stats.hit_rows(engine, operation_id),
            cases=operation_stats.case_rows(engine, operation_id),
            now=self.clock(),
        )

    def standing_access(self, *, principal: Principal) -> dict[str, list[str]]:
        """Each restricted country's databases; a country not listed may check every one."""
        require(principal, Action.MANAGE_ACCESS)
        restricted = self.store.standing_access()
        return {country: sorted(names) for country, names in sorted(restricted.items())}

    def set_standing_access(
        self, *, principal: Principal, country: str, databases: Iterable[Any] | None
    ) -> frozenset[Database] | None:
        """Restrict ``country`` to ``databases``, or (None) let it check every one."""
        require(principal, Action.MANAGE_ACCESS)
        code = canonical_country(country, field="country")
        allowed = None if databases is None else parse_databases(databases)
        self.store.set_standing_access(code, allowed, principal=principal, at=self.clock())
        self.scope.forget()
        return allowed

    def _officers(self, names: Sequence[str]) -> tuple[str, ...]:
        wanted = sorted({name.strip() for name in names if name.strip()})
        if len(wanted) > MAX_PARTICIPANTS:
            raise InvalidInput.for_field("officers", f"at most {MAX_PARTICIPANTS}")
        known = self.store.known_users(wanted)
        missing = [name for name in wanted if name not in known]
        if missing:
            raise InvalidInput.for_field("officers", f"no user named {', '.join(missing)}")
        return tuple(wanted)


def _may_run(principal: Principal, host: str) -> None:
    """A coordinator runs (and reads the results of) the operations of its own country; an
    admin, any."""
    if principal.role is Role.COORDINATOR and principal.country != host:
        raise PermissionDenied(f"operations hosted by {host} are run by {host}'s coordinators")


def _devices(ids: Sequence[str]) -> tuple[str, ...]:
    wanted = sorted({device.strip() for device in ids if device.strip()})
    if len(wanted) > MAX_PARTICIPANTS:
        raise InvalidInput.for_field("devices", f"at most {MAX_PARTICIPANTS}")
    for device in wanted:
        if len(device) > _DEVICE_ID_MAX:
            raise InvalidInput.for_field("devices", f"a device id is at most {_DEVICE_ID_MAX}")
    return tuple(wanted)


def _text(value: str, field_name: str, limit: int, *, required: bool = False) -> str:
    cleaned = (value or "").strip()
    if required and not cleaned:
        raise InvalidInput.for_field(field_name, "is required")
    if len(cleaned) > limit:
        raise InvalidInput.for_field(field_name, f"at most {limit} characters")
    return cleaned
