"""Console sessions: a signed cookie, so any server process (or replica) can read it.

The cookie holds the user's id, when the session began and was last used, a CSRF token
and at most a draft MRZ kept across a login. It is signed with HMAC-SHA256, not
encrypted: it carries no secret but the CSRF token, which the page shows anyway. The user
is looked up again on every request, so revoking an account ends its sessions at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from frontline.settings import Settings

__all__ = ["COOKIE", "Session", "SessionSigner", "session_key"]

COOKIE = "frontline_session"
_DRAFT_LIMIT = 400  # an MRZ is at most 3 x 30 or 2 x 44 characters; a cookie holds 4 KB


@dataclass(frozen=True, slots=True)
class Session:
    """What the cookie says; ``user_id`` is None before login (the login form's CSRF)."""

    csrf: str
    user_id: int | None = None
    started: float = 0.0
    seen: float = 0.0
    draft: str = ""

    @classmethod
    def anonymous(cls, *, draft: str = "", csrf: str | None = None) -> Session:
        return cls(csrf=csrf or secrets.token_urlsafe(24), draft=draft[:_DRAFT_LIMIT])

    @classmethod
    def logged_in(cls, user_id: int, *, now: float, draft: str = "") -> Session:
        # A new CSRF token at login: a token planted before login is worth nothing after.
        return cls(
            csrf=secrets.token_urlsafe(24), user_id=user_id, started=now, seen=now, draft=draft
        )

    def touched(self, now: float) -> Session:
        return replace(self, seen=now)

    def without_draft(self) -> Session:
        return replace(self, draft="")

    def is_expired(self, *, now: float, idle_seconds: float, max_seconds: float) -> bool:
        return now - self.seen > idle_seconds or now - self.started > max_seconds


class SessionSigner:
    """Turns sessions into cookie values and back; a value it did not sign reads as None."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def dump(self, session: Session) -> str:
        payload = orjson.dumps(
            {
                "c": session.csrf,
                "u": session.user_id,
                "t": session.started,
                "s": session.seen,
                "d": session.draft,
            }
        )
        body = base64.urlsafe_b64encode(payload).rstrip(b"=")
        return f"{body.decode()}.{self._sign(body)}"

    def load(self, value: str | None) -> Session | None:
        if not value or value.count(".") != 1:
            return None
        body, signature = value.encode().split(b".")
        if not hmac.compare_digest(self._sign(body).encode(), signature):
            return None
        try:
            data: Any = orjson.loads(base64.urlsafe_b64decode(body + b"=" * (-len(body) % 4)))
            return Session(
                csrf=str(data["c"]),
                user_id=int(data["u"]) if data["u"] is not None else None,
                started=float(data["t"]),
                seen=float(data["s"]),
                draft=str(data["d"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    def _sign(self, body: bytes) -> str:
        digest = hmac.new(self._key, body, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def session_key(settings: Settings) -> bytes:
    """The signing key: the configured secret, or a random one made once and kept
    (owner-only) in the data folder, so every worker process and restart shares it."""
    if settings.session_secret:
        return settings.session_secret.encode()
    path = settings.data_dir / "session-secret"
    if not path.exists():
        _write_new_secret(path)
    return path.read_bytes().strip()


def _write_new_secret(path: Path) -> None:
    """Written whole under another name, then linked into place: a worker starting at the
    same moment sees either no file or a complete one, and the first link wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
