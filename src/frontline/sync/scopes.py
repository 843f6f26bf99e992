"""Which records a node holds (its scope), and the scope a node asks for, resolved.

A scope is some record kinds and, optionally, an owner region (one or several countries).
A node may also ask for an operation: the server turns it into the record kinds the
operation's databases cover, once it has checked that the caller may take part in it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from frontline.domain.operations import Operation, record_kinds, require_participant
from frontline.domain.records import RecordKind
from frontline.domain.users import Principal
from frontline.errors import Conflict, InvalidInput
from frontline.store.operations import OperationStore

__all__ = ["MAX_OWNERS", "Scope", "parse_owners", "resolve_scope"]

MAX_OWNERS = 60
_COUNTRY = re.compile(r"^[A-Z]{3}$")


def parse_owners(text: str | None) -> tuple[str, ...]:
    """``FRA,DEU,BEL`` as ``("BEL", "DEU", "FRA")``: sorted, each once, 3 capitals each."""
    if text is None or not text.strip():
        return ()
    codes = {code.strip() for code in text.split(",") if code.strip()}
    bad = sorted(code for code in codes if not _COUNTRY.match(code))
    if bad:
        raise InvalidInput.for_field(
            "owner", f"{', '.join(bad)}: each owner must be a country code of 3 capitals"
        )
    if len(codes) > MAX_OWNERS:
        raise InvalidInput.for_field("owner", f"at most {MAX_OWNERS} countries")
    return tuple(sorted(codes))


@dataclass(frozen=True, slots=True)
class Scope:
    """Which records a node holds: some kinds, optionally only those of some owners."""

    kinds: tuple[RecordKind, ...] = tuple(RecordKind)
    owners: tuple[str, ...] = ()

    @classmethod
    def parse(cls, kinds: str | None, owner: str | None) -> Scope:
        return cls(kinds=_parse_kinds(kinds), owners=parse_owners(owner))

    @property
    def name(self) -> str:
        """Short and stable, used in file names: two nodes asking for the same region
        (in any order) share the same files."""
        kinds = "all" if set(self.kinds) == set(RecordKind) else "+".join(self.kinds)
        if not self.owners:
            owners = "any"
        elif len(self.owners) == 1:
            owners = self.owners[0].lower()
        else:
            digest = hashlib.sha256(",".join(self.owners).encode()).hexdigest()[:12]
            owners = f"r{len(self.owners)}-{digest}"
        return f"{kinds}.{owners}"

    def holds_owner(self, owner: str) -> bool:
        return not self.owners or owner in self.owners

    def as_dict(self) -> dict[str, Any]:
        return {"kinds": [kind.value for kind in self.kinds], "owners": list(self.owners)}


def resolve_scope(
    *,
    operations: OperationStore,
    principal: Principal,
    kinds: str | None,
    owner: str | None,
    operation_id: str | None,
    now: dt.datetime,
) -> tuple[Scope, Operation | None]:
    """The scope a node asked for, and its operation. With an operation: the kinds its
    databases cover (only those of ``kinds`` too, when given), for a caller who may take
    part in it.

    Raises InvalidInput for bad kinds or owners, NotFound for an unknown operation,
    PermissionDenied for one the caller may not join, Conflict for one closed or ended.
    """
    scope = Scope.parse(kinds, owner)
    if operation_id is None:
        return scope, None
    operation = operations.get(operation_id.strip())
    _may_sync(operation, principal, now)
    covered = [kind for kind in record_kinds(operation.databases) if kind in scope.kinds]
    if not covered:
        raise InvalidInput.for_field(
            "kinds", f"operation {operation.id} opens none of the kinds asked for"
        )
    return Scope(kinds=tuple(covered), owners=scope.owners), operation


def _may_sync(operation: Operation, principal: Principal, now: dt.datetime) -> None:
    """A participant may take the copy before the window opens (to go out of range
    ready), not once the operation is closed or over."""
    require_participant(operation, principal)
    if operation.is_closed or now >= operation.ends_at:
        raise Conflict(f"operation {operation.id} is over; its copy is no longer given")


def _parse_kinds(kinds: str | None) -> tuple[RecordKind, ...]:
    if not kinds:
        return tuple(RecordKind)
    try:
        return tuple(sorted({RecordKind(kind.strip()) for kind in kinds.split(",")}))
    except ValueError:
        names = ", ".join(kind.value for kind in RecordKind)
        raise InvalidInput.for_field("kinds", f"must be among {names}") from None
