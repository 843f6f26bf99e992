"""Operations: time-boxed task-force deployments that open databases to their participants.

An operation has a host country, border points (airports by IATA or ICAO code, ports and
land crossings by UN/LOCODE), a window ``[starts_at, ends_at)``, target crime areas, the
databases it opens and its participants (officers by user name, devices by id). During the
window, and only then, a participant may check the opened databases on top of the standing
access of its country (``allowed_during``).

Pure: no store, no clock (callers pass ``now``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import pycountry

from frontline.domain.checks import Database
from frontline.domain.queries import CheckContext
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict, FieldError, InvalidInput, PermissionDenied

__all__ = [
    "MAX_PARTICIPANTS",
    "BorderPoint",
    "BorderPointType",
    "Operation",
    "allowed_during",
    "check_context",
    "check_window",
    "may_take_part",
    "parse_border_point",
    "parse_databases",
    "parse_moment",
    "record_kinds",
    "require_participant",
    "unique_points",
]

MAX_PARTICIPANTS = 500
MAX_NAME = 120

_IATA = re.compile(r"^[A-Z]{3}$")
_ICAO = re.compile(r"^[A-Z]{4}$")
# UN/LOCODE: ISO 3166-1 alpha-2 country, then three letters or digits 2-9 (never 0 or 1,
# which would read as O or I).
_LOCODE = re.compile(r"^([A-Z]{2})([A-Z2-9]{3})$")


class BorderPointType(StrEnum):
    AIR = "air"
    LAND = "land"
    SEA = "sea"


@dataclass(frozen=True, slots=True, kw_only=True)
class BorderPoint:
    """Where checks are made: an airport, a port or a land crossing."""

    code: str
    name: str
    type: BorderPointType

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "type": self.type.value}


@dataclass(frozen=True, slots=True, kw_only=True)
class Operation:
    id: str
    name: str
    host_country: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    databases: frozenset[Database]
    border_points: tuple[BorderPoint, ...]
    crime_areas: tuple[str, ...] = ()
    officers: tuple[str, ...] = ()
    devices: tuple[str, ...] = ()
    description: str = ""
    created_by: str = ""
    created_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    _codes: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def __post_init__(self) -> None:
        codes = frozenset(point.code for point in self.border_points)
        object.__setattr__(self, "_codes", codes)

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def is_running(self, now: dt.datetime) -> bool:
        """Open and inside its window at ``now``."""
        return not self.is_closed and self.starts_at <= now < self.ends_at

    def has_border_point(self, code: str) -> bool:
        return code in self._codes

    def state(self, now: dt.datetime) -> str:
        """closed, planned (not started), running or ended (window over, not closed)."""
        if self.is_closed:
            return "closed"
        if now < self.starts_at:
            return "planned"
        return "running" if now < self.ends_at else "ended"

    def as_dict(self, now: dt.datetime | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "host_country": self.host_country,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "databases": sorted(self.databases),
            "border_points": [point.as_dict() for point in self.border_points],
            "crime_areas": list(self.crime_areas),
            "participants": {"officers": list(self.officers), "devices": list(self.devices)},
            "description": self.description,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "closed_at": self.closed_at.isoformat() if self.closed_at else None,
        }
        if now is not None:
            out["state"] = self.state(now)
        return out


def parse_border_point(raw: Any, *, field_name: str = "border_points[0]") -> BorderPoint:
    """A border point from ``{"code", "type", "name"}``: an air point carries an IATA (3
    letters) or ICAO (4 letters) code, a sea or land point a UN/LOCODE (``PHMNL``)."""
    if not isinstance(raw, dict):
        raise InvalidInput.for_field(field_name, "must be an object with code, type and name")
    try:
        kind = BorderPointType(str(raw.get("type", "")).strip().lower())
    except ValueError:
        raise InvalidInput.for_field(f"{field_name}.type", "must be air, land or sea") from None
    code = re.sub(r"[\s\-]", "", str(raw.get("code", ""))).upper()
    problem = _code_problem(code, kind)
    if problem:
        raise InvalidInput.for_field(f"{field_name}.code", problem)
    name = str(raw.get("name") or code).strip()
    if len(name) > MAX_NAME:
        raise InvalidInput.for_field(f"{field_name}.name", f"at most {MAX_NAME} characters")
    return BorderPoint(code=code, name=name, type=kind)


def _code_problem(code: str, kind: BorderPointType) -> str | None:
    if kind is BorderPointType.AIR:
        if _IATA.match(code) or _ICAO.match(code):
            return None
        return f"{code or '(empty)'} is neither an IATA (3 letters) nor an ICAO (4 letters) code"
    matched = _LOCODE.match(code)
    if matched is None:
        return (
            f"{code or '(empty)'} is not a UN/LOCODE (country alpha-2 + 3 letters or digits, "
            "e.g. PHMNL)"
        )
    if pycountry.countries.get(alpha_2=matched.group(1)) is None:
        return f"{code}: {matched.group(1)} is not an ISO 3166 country"
    return None


def parse_databases(raw: Iterable[Any], *, field_name: str = "databases") -> frozenset[Database]:
    """Database names (SLTD, NOMINAL, ...), any case; refuses an unknown one."""
    if isinstance(raw, str):
        raw = [part for part in raw.split(",") if part.strip()]
    found: set[Database] = set()
    errors: list[FieldError] = []
    for item in raw:
        try:
            found.add(Database(str(item).strip().upper()))
        except ValueError:
            names = ", ".join(database.value for database in Database)
            errors.append(FieldError(field_name, f"{item!r} is not a database ({names})"))
    if errors:
        raise InvalidInput(errors[0].message, errors=errors)
    return frozenset(found)


def check_window(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise InvalidInput.for_field("starts_at", "give times with a time zone (e.g. Z)")
    if ends_at <= starts_at:
        raise InvalidInput.for_field("ends_at", "must be after starts_at")


def unique_points(points: Sequence[BorderPoint]) -> tuple[BorderPoint, ...]:
    """The points sorted by code (as they are stored); refuses none, or one code twice."""
    if not points:
        raise InvalidInput.for_field("border_points", "an operation needs at least one")
    seen: set[str] = set()
    for position, point in enumerate(points):
        if point.code in seen:
            raise InvalidInput.for_field(f"border_points[{position}].code", "given twice")
        seen.add(point.code)
    return tuple(sorted(points, key=lambda point: point.code))


def may_take_part(operation: Operation, principal: Principal) -> bool:
    """A listed officer; or an admin; or a coordinator of the host country, who runs it."""
    if principal.role is Role.ADMIN or principal.name in operation.officers:
        return True
    return principal.role is Role.COORDINATOR and principal.country == operation.host_country


def require_participant(operation: Operation, principal: Principal) -> None:
    """PermissionDenied unless ``principal`` may take part in ``operation``."""
    if not may_take_part(operation, principal):
        raise PermissionDenied(f"{principal.name} is not a participant of {operation.id}")


_KINDS_OF = {
    Database.SLTD: RecordKind.DOCUMENTS,
    Database.TDAWN: RecordKind.PERSONS,  # documents linked to notices live on the persons
    Database.NOMINAL: RecordKind.PERSONS,
    Database.SMV: RecordKind.VEHICLES,
    Database.VESSELS: RecordKind.VESSELS,
    Database.FIREARMS: RecordKind.FIREARMS,
}


def record_kinds(databases: Iterable[Database]) -> tuple[RecordKind, ...]:
    """The record kinds that hold ``databases`` (what an offline copy of them needs)."""
    return tuple(sorted({_KINDS_OF[database] for database in databases}))


def allowed_during(
    operation: Operation,
    *,
    principal: Principal,
    border_point: str | None,
    now: dt.datetime,
    standing: frozenset[Database] | None,
) -> frozenset[Database] | None:
    """What ``principal`` may check in ``operation`` at ``now``: its country's standing
    access plus what the operation opened (None: every database).

    Raises Conflict when the operation is closed or outside its window, InvalidInput for a
    border point that is not the operation's, PermissionDenied for a non-participant.
    """
    if operation.is_closed:
        raise Conflict(f"operation {operation.id} is closed; its access has ended")
    if now < operation.starts_at:
        raise Conflict(
            f"operation {operation.id} starts at {operation.starts_at.isoformat()}; "
            "its access is not open yet"
        )
    if now >= operation.ends_at:
        raise Conflict(
            f"operation {operation.id} ended at {operation.ends_at.isoformat()}; "
            "its access has ended"
        )
    if border_point is not None and not operation.has_border_point(border_point):
        codes = ", ".join(point.code for point in operation.border_points)
        raise InvalidInput.for_field(
            "border_point", f"{border_point} is not a border point of {operation.id} ({codes})"
        )
    require_participant(operation, principal)
    if standing is None:
        return None
    return standing | operation.databases


def parse_moment(text: str, *, field_name: str) -> dt.datetime:
    """An ISO 8601 time with its zone (``2026-03-01T06:00Z``); a bare date is midnight UTC."""
    cleaned = text.strip()
    try:
        if len(cleaned) == 10:
            return dt.datetime.fromisoformat(cleaned).replace(tzinfo=dt.UTC)
        moment = dt.datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput.for_field(
            field_name, f"{text!r} is not an ISO 8601 time (2026-03-01T06:00Z)"
        ) from None
    if moment.tzinfo is None:
        raise InvalidInput.for_field(field_name, "give the time zone (Z or +hh:mm)")
    return moment.astimezone(dt.UTC)


def check_context(operation_id: Any, border_point: Any) -> CheckContext:
    """The context of a check as a caller gave it (the border point's code normalised)."""
    for name, value in (("operation_id", operation_id), ("border_point", border_point)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise InvalidInput.for_field(name, "must be a non-empty text")
    if operation_id is not None and len(operation_id) > 40:
        raise InvalidInput.for_field("operation_id", "at most 40 characters")
    code = re.sub(r"[\s\-]", "", border_point).upper() if border_point is not None else None
    if code is not None and len(code) > 16:
        raise InvalidInput.for_field("border_point", "at most 16 characters")
    return CheckContext(
        operation_id=operation_id.strip() if operation_id else None, border_point=code
    )
