"""Who is calling: roles and the principal a token resolves to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Principal", "Role"]


class Role(StrEnum):
    OFFICER = "officer"
    BUREAU = "bureau"
    COORDINATOR = "coordinator"
    PARTNER = "partner"
    ADMIN = "admin"
    TRAINER = "trainer"


@dataclass(frozen=True, slots=True)
class Principal:
    """An authenticated caller: a user name, a role and the country it acts for."""

    user_id: int
    name: str
    role: Role
    country: str
