"""Who may do what: the one table of actions and the roles allowed each."""

from __future__ import annotations

from enum import StrEnum

from frontline.domain.users import Principal, Role
from frontline.errors import PermissionDenied

__all__ = ["Action", "require", "require_owner"]


class Action(StrEnum):
    CHECK = "check"
    READ_RECORDS = "read_records"
    WRITE_RECORDS = "write_records"
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"


# Partners screen through their own API (they never see records); trainers work in training
# spaces on synthetic data, never on live checks.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.CHECK: frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN}),
    Action.READ_RECORDS: frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN}),
    Action.WRITE_RECORDS: frozenset({Role.BUREAU, Role.ADMIN}),
    Action.READ_AUDIT: frozenset({Role.ADMIN}),
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
}


def require(principal: Principal, action: Action) -> None:
    if principal.role not in ALLOWED[action]:
        raise PermissionDenied(
            f"the {principal.role.value} role may not {action.value.replace('_', ' ')}"
        )


def require_owner(principal: Principal, owner: str) -> None:
    """A bureau writes only the records its country owns; an admin writes any."""
    if principal.role is Role.ADMIN:
        return
    if principal.country != owner:
        raise PermissionDenied(f"records owned by {owner} can be changed only by {owner}'s bureau")
