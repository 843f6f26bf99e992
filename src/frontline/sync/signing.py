"""The server's Ed25519 signing key: made on first use in the data folder, never in the repo.

A node pins the public key at ``node init`` and refuses any manifest or file it does not
verify: whoever holds the token but not this key cannot feed a node false records.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = ["ServerKey", "fingerprint", "public_key_from_text", "verify"]

_KEY_FILE = "sync-signing-key.pem"


class ServerKey:
    """The signing key kept in ``data_dir`` (mode 0600)."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        raw = private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.public_text = base64.b64encode(raw).decode()

    @classmethod
    def in_folder(cls, data_dir: Path) -> ServerKey:
        """Load the key from ``data_dir``, making it on first use."""
        path = data_dir / _KEY_FILE
        if not path.exists():
            data_dir.mkdir(parents=True, exist_ok=True)
            pem = Ed25519PrivateKey.generate().private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(pem)
            with contextlib.suppress(FileExistsError):  # two workers at once: the first wins
                os.link(temporary, path)
            temporary.unlink()
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise ValueError(f"{path} holds no Ed25519 key")
        return cls(private)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self._private.sign(message)).decode()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_text)


def fingerprint(public_text: str) -> str:
    """SHA-256 of the raw public key, in groups of four hex digits (read over a phone)."""
    digest = hashlib.sha256(base64.b64decode(public_text)).hexdigest()[:32]
    return ":".join(digest[at : at + 4] for at in range(0, 32, 4))


def public_key_from_text(public_text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(public_text))


def verify(public_text: str, message: bytes, signature: str) -> bool:
    """Whether ``signature`` (base64) is the pinned key's over ``message``."""
    try:
        public_key_from_text(public_text).verify(base64.b64decode(signature), message)
    except (InvalidSignature, ValueError):
        return False
    return True
