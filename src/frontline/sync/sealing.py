"""The node's at-rest key and AES-256-GCM: small sealed values and chunked sealed files.

The key is never written: it is derived from the officer's passphrase with scrypt (salt in
node.json; n=2^15, r=8, p=1: about 0.1 s and 32 MiB a try, so guessing is slow) or given
at start as 32 random bytes in base64 (``FRONTLINE_NODE_KEY``). node.json keeps a sealed
known value, so a wrong passphrase is refused at once instead of decrypting garbage.

A sealed file is chunks of ``length (4 bytes) | nonce (12) | ciphertext+tag``; each chunk
authenticates the file's name, its index and whether it is the last, so chunks cannot be
reordered, swapped between files or cut off without the read failing.
"""

from __future__ import annotations

import base64
import os
import struct
from collections.abc import Iterable, Iterator
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from frontline.errors import AuthenticationFailed, StorageFailed

__all__ = ["NodeKey", "derive_key", "key_from_text", "new_salt"]

_CHUNK = 1 << 20
_CHECK = b"frontline-node-key-check"


def new_salt() -> str:
    return base64.b64encode(os.urandom(16)).decode()


def derive_key(passphrase: str, salt: str) -> bytes:
    if len(passphrase) < 8:
        raise AuthenticationFailed("the node passphrase must have at least 8 characters")
    kdf = Scrypt(salt=base64.b64decode(salt), length=32, n=2**15, r=8, p=1)
    return kdf.derive(passphrase.encode())


def key_from_text(text: str) -> bytes:
    try:
        key = base64.b64decode(text, validate=True)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise AuthenticationFailed("FRONTLINE_NODE_KEY must be 32 bytes in base64")
    return key


class NodeKey:
    """AES-256-GCM under the node's key."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, data: bytes, *, label: str) -> str:
        nonce = os.urandom(12)
        return base64.b64encode(nonce + self._aead.encrypt(nonce, data, label.encode())).decode()

    def open(self, sealed: str, *, label: str) -> bytes:
        raw = base64.b64decode(sealed)
        try:
            return self._aead.decrypt(raw[:12], raw[12:], label.encode())
        except InvalidTag:
            raise AuthenticationFailed(
                f"{label} does not open with this key: wrong passphrase or key, or tampered"
            ) from None

    def key_check(self) -> str:
        return self.seal(_CHECK, label="key-check")

    def verify_check(self, sealed: str) -> None:
        try:
            self.open(sealed, label="key-check")
        except AuthenticationFailed:
            raise AuthenticationFailed("wrong node passphrase or key") from None

    def write_file(self, path: Path, chunks: Iterable[bytes]) -> None:
        """Seal ``chunks`` into ``path`` (through a temporary file, fsynced, renamed)."""
        temporary = path.with_name(f"{path.name}.tmp")
        label = path.name.encode()
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as out:
                index = 0
                pending = b""
                for chunk in _rechunk(chunks):
                    if pending:
                        out.write(self._chunk(pending, label, index, last=False))
                        index += 1
                    pending = chunk
                out.write(self._chunk(pending, label, index, last=True))
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise StorageFailed(f"cannot write {path.name}: {error.strerror}") from error

    def read_file(self, path: Path) -> Iterator[bytes]:
        """The plain chunks of a sealed file; raises if any chunk fails or the end is cut."""
        label = path.name.encode()
        with path.open("rb") as handle:
            index = 0
            while True:
                head = handle.read(4)
                if len(head) < 4:
                    raise StorageFailed(f"{path.name} is cut short")
                (length,) = struct.unpack(">I", head)
                body = handle.read(length)
                nonce, sealed = body[:12], body[12:]
                for last in (False, True):
                    aad = label + struct.pack(">I?", index, last)
                    try:
                        plain = self._aead.decrypt(nonce, sealed, aad)
                    except InvalidTag:
                        continue
                    yield plain
                    if last:
                        return
                    break
                else:
                    raise StorageFailed(f"{path.name} does not open: tampered or wrong key")
                index += 1

    def _chunk(self, data: bytes, label: bytes, index: int, *, last: bool) -> bytes:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, data, label + struct.pack(">I?", index, last))
        return struct.pack(">I", len(sealed) + 12) + nonce + sealed


def _rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= _CHUNK:
            yield bytes(buffer[:_CHUNK])
            del buffer[:_CHUNK]
    if buffer:
        yield bytes(buffer)
