"""Webhook signatures: HMAC-SHA256 over a timestamp and the body, as Stripe signs its own.

    Frontline-Signature: t=1764583200,v1=5257a869...

``v1`` is the hex HMAC-SHA256, keyed with the bureau's webhook secret, of
``f"{t}.{body}"``. A receiver recomputes it, compares in constant time, and refuses a
timestamp too far from its clock (a replayed delivery): ``verify_signature`` does both.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

__all__ = ["SIGNATURE_HEADER", "new_secret", "sign", "verify_signature"]

SIGNATURE_HEADER = "Frontline-Signature"


def new_secret() -> str:
    """A webhook secret: 256 random bits, with a prefix that says what it is."""
    return f"whsec_{secrets.token_urlsafe(32)}"


def sign(secret: str, body: bytes, *, timestamp: int) -> str:
    """The signature header's value for ``body`` sent at ``timestamp`` (Unix seconds)."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def verify_signature(
    secret: str, body: bytes, header: str, *, now: int, tolerance: int = 300
) -> bool:
    """Whether ``header`` signs ``body`` with ``secret`` within ``tolerance`` seconds."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance or "v1" not in fields:
        return False
    expected = sign(secret, body, timestamp=timestamp).rsplit("v1=", 1)[1]
    return hmac.compare_digest(expected, fields["v1"])
