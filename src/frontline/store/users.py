"""User accounts and their bearer tokens; only a token's SHA-256 is ever stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, insert, select, update

from frontline.access import hash_password, password_matches
from frontline.domain.users import Principal, Role
from frontline.errors import AuthenticationFailed, Conflict, InvalidInput, NotFound
from frontline.identifiers.countries import canonical_country
from frontline.store import tables
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction

__all__ = ["NewUser", "UserStore", "hash_token"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@\-]{0,79}$")


def hash_token(token: str) -> str:
    # Tokens are 256 random bits, so a plain SHA-256 cannot be brute-forced: no need for a
    # slow password hash, and a lookup by hash stays one indexed read per request.
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class NewUser:
    """A user just made, with the one time its token is ever shown."""

    principal: Principal
    token: str


class UserStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self,
        *,
        name: str,
        role: str,
        country: str,
        now: dt.datetime,
        expires_at: dt.datetime | None = None,
    ) -> NewUser:
        if not _NAME.match(name):
            raise InvalidInput.for_field("name", "must be 1-80 letters, digits or . _ @ -")
        try:
            role_value = Role(role.strip().lower())
        except ValueError:
            allowed = ", ".join(member.value for member in Role)
            raise InvalidInput.for_field("role", f"must be one of {allowed}") from None
        code = canonical_country(country, field="country")
        token = "fl_" + secrets.token_urlsafe(32)
        with write_transaction(self.engine) as connection:
            if connection.execute(
                select(tables.users.c.id).where(tables.users.c.name == name)
            ).first():
                raise Conflict(f"a user named {name} already exists")
            user_id = connection.execute(
                insert(tables.users).values(
                    name=name,
                    role=role_value.value,
                    country=code,
                    token_hash=hash_token(token),
                    created_at=naive_utc(now),
                    expires_at=naive_utc(expires_at) if expires_at else None,
                )
            ).inserted_primary_key
        assert user_id is not None
        return NewUser(Principal(int(user_id[0]), name, role_value, code), token)

    def authenticate(self, token: str, *, now: dt.datetime) -> Principal:
        """The principal of a live token; AuthenticationFailed otherwise."""
        users = tables.users
        with self.engine.connect() as connection:
            row = connection.execute(
                select(users).where(users.c.token_hash == hash_token(token))
            ).first()
        if row is None:
            raise AuthenticationFailed("unknown token")
        return self._live(row, now, "token")

    def set_password(self, name: str, password: str) -> None:
        """Give ``name`` a console password (argon2id hash only); replaces any old one."""
        hashed = hash_password(password)
        users = tables.users
        with write_transaction(self.engine) as connection:
            result = connection.execute(
                update(users).where(users.c.name == name).values(password_hash=hashed)
            )
            if result.rowcount == 0:
                raise NotFound(f"no user named {name}")

    def login(self, name: str, password: str, *, now: dt.datetime) -> Principal:
        """The principal of a live user whose console password this is; AuthenticationFailed
        otherwise, with one message whether the name or the password was wrong."""
        users = tables.users
        with self.engine.connect() as connection:
            row = connection.execute(select(users).where(users.c.name == name)).first()
        if not password_matches(row.password_hash if row else None, password) or row is None:
            raise AuthenticationFailed("unknown user name or wrong password")
        return self._live(row, now)

    def principal(self, user_id: int, *, now: dt.datetime) -> Principal:
        """The principal of a logged-in user, looked up again on every console request so
        that a revoked or expired account stops at once."""
        users = tables.users
        with self.engine.connect() as connection:
            row = connection.execute(select(users).where(users.c.id == user_id)).first()
        if row is None:
            raise AuthenticationFailed("this account no longer exists")
        return self._live(row, now)

    @staticmethod
    def _live(row: Any, now: dt.datetime, holder: str = "account") -> Principal:
        """The principal of a user row that is neither revoked nor expired; the refusal
        names what was presented (a token, or an account behind a session)."""
        if row.revoked_at is not None:
            raise AuthenticationFailed(f"this {holder} has been revoked")
        expires = utc(row.expires_at)
        if expires is not None and expires <= now:
            raise AuthenticationFailed(f"this {holder} has expired")
        return Principal(row.id, row.name, Role(row.role), row.country)

    def revoke(self, name: str, *, now: dt.datetime) -> None:
        users = tables.users
        with write_transaction(self.engine) as connection:
            result = connection.execute(
                update(users).where(users.c.name == name).values(revoked_at=naive_utc(now))
            )
            if result.rowcount == 0:
                raise NotFound(f"no user named {name}")

    def list(self) -> list[dict[str, object]]:
        users = tables.users
        with self.engine.connect() as connection:
            rows = connection.execute(select(users).order_by(users.c.name)).all()
        return [
            {
                "name": row.name,
                "role": row.role,
                "country": row.country,
                "created_at": (utc(row.created_at) or row.created_at).isoformat(),
                "revoked": row.revoked_at is not None,
            }
            for row in rows
        ]
