"""Who may do what: the one table of actions and the roles allowed each; console
passwords, hashed."""

from __future__ import annotations

from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from frontline.domain.users import Principal, Role
from frontline.errors import InvalidInput, PermissionDenied

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "Action",
    "hash_password",
    "password_matches",
    "require",
    "require_owner",
]


class Action(StrEnum):
    CHECK = "check"
    READ_RECORDS = "read_records"
    WRITE_RECORDS = "write_records"
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"
    READ_OPERATIONS = "read_operations"
    MANAGE_OPERATIONS = "manage_operations"
    READ_OPERATION_RESULTS = "read_operation_results"
    MANAGE_ACCESS = "manage_access"
    PARTNER_CHECK = "partner_check"
    MANAGE_PARTNERS = "manage_partners"
    MANAGE_TRAINING = "manage_training"
    TRAIN = "train"


# Partners screen through their own API (they never see records); trainers work in training
# spaces on synthetic data, never on live checks.
ALLOWED: dict[Action, frozenset[Role]] = {
    Action.CHECK: frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN}),
    Action.READ_RECORDS: frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN}),
    Action.WRITE_RECORDS: frozenset({Role.BUREAU, Role.ADMIN}),
    Action.READ_AUDIT: frozenset({Role.ADMIN}),
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    # Officers and bureaus see an operation (its border points, window, databases) to work
    # in it; coordinators run operations and read their statistics and reports; standing
    # access is an administrator's decision.
    Action.READ_OPERATIONS: frozenset({Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.ADMIN}),
    Action.MANAGE_OPERATIONS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Action.READ_OPERATION_RESULTS: frozenset({Role.COORDINATOR, Role.ADMIN}),
    Action.MANAGE_ACCESS: frozenset({Role.ADMIN}),
    # A partner checks document numbers and learns only "no hit" or "refer" (partners/);
    # no other role uses that door, and only administrators set a partner's quotas.
    Action.PARTNER_CHECK: frozenset({Role.PARTNER}),
    Action.MANAGE_PARTNERS: frozenset({Role.ADMIN}),
    # Trainers (and admins) make training spaces, exercises and courses and read scores;
    # anyone but a partner may be a trainee, and works only inside a space's own database.
    Action.MANAGE_TRAINING: frozenset({Role.TRAINER, Role.ADMIN}),
    Action.TRAIN: frozenset(
        {Role.OFFICER, Role.BUREAU, Role.COORDINATOR, Role.TRAINER, Role.ADMIN}
    ),
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


MIN_PASSWORD_LENGTH = 12

# Console passwords are chosen by people, so unlike the 256-bit API tokens they need a slow,
# salted, memory-hard hash: argon2id (the password hashing competition's winner, RFC 9106)
# through argon2-cffi, at OWASP's minimum profile (19 MiB, 2 passes, 1 lane: about 50 ms on
# one core). The parameters travel inside each hash, so they can be raised later.
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Verified against when the user name is unknown, so that a wrong name takes as long as a
# wrong password and the login page does not tell which names exist.
_DUMMY_HASH = _hasher.hash("not a password anyone has")


def hash_password(password: str) -> str:
    """The argon2id hash of a new password; refuses one too short to resist guessing."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput.for_field(
            "password", f"must be at least {MIN_PASSWORD_LENGTH} characters"
        )
    return _hasher.hash(password)


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` is the one ``stored_hash`` was made from (``None``: no login)."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
