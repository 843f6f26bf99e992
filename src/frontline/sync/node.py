"""The node's folder: node.json (clear, no secrets), the sealed copy, the sealed queue.

    $FRONTLINE_NODE_DIR/
      node.json            server, pinned key, node id, scope, salt, key check, sealed
                           token, and the copy's version and files
      copy/NAME.sealed     the verified snapshot and deltas, sealed (AES-GCM)
      queue/queue.log      checks made here, one sealed line each (see ``queue``)
    runtime dir (RAM)      the decrypted working copy (SQLite), downloads in progress

node.json is replaced atomically (write, fsync, rename): a node killed at any point finds
either the old state or the new one.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from frontline.domain.users import Principal, Role
from frontline.errors import AuthenticationFailed, NotFound
from frontline.settings import Settings
from frontline.sync.sealing import NodeKey, derive_key, key_from_text

__all__ = ["Node", "unlock_key", "write_atomically"]

FORMAT = "frontline-node/1"


def write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, path)


def unlock_key(state: dict[str, Any]) -> bytes:
    """The at-rest key: FRONTLINE_NODE_KEY, else the passphrase (FRONTLINE_NODE_PASSPHRASE,
    else asked at the terminal) through scrypt with the node's salt."""
    given = os.environ.get("FRONTLINE_NODE_KEY")
    if given:
        return key_from_text(given)
    passphrase = os.environ.get("FRONTLINE_NODE_PASSPHRASE")
    if passphrase is None:
        if not sys.stdin.isatty():
            raise AuthenticationFailed(
                "the node is locked: set FRONTLINE_NODE_PASSPHRASE or FRONTLINE_NODE_KEY"
            )
        passphrase = getpass.getpass("node passphrase: ")
    return derive_key(passphrase, state["salt"])


class Node:
    """One node folder and its runtime folder."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.folder = settings.node_dir
        self.state_path = self.folder / "node.json"

    # -- state ------------------------------------------------------------------------------

    @property
    def is_initialised(self) -> bool:
        return self.state_path.exists()

    def state(self) -> dict[str, Any]:
        if not self.is_initialised:
            raise NotFound(f"no node in {self.folder}: run `frontline node init` first")
        state: dict[str, Any] = orjson.loads(self.state_path.read_bytes())
        if state.get("format") != FORMAT:
            raise NotFound(f"{self.state_path} is not a node state file")
        return state

    def save(self, state: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(self.state_path, orjson.dumps(state, option=orjson.OPT_INDENT_2))

    def new_state(
        self, *, server: str, hello: dict[str, Any], scope: dict[str, Any]
    ) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "node_id": f"node_{secrets.token_hex(8)}",
            "server": server.rstrip("/"),
            "public_key": hello["public_key"],
            "fingerprint": hello["fingerprint"],
            "officer": {key: hello[key] for key in ("user", "role", "country")},
            "scope": scope,
            "salt": None,
            "key_check": None,
            "token": None,
            "copy": None,
        }

    def key(self, state: dict[str, Any]) -> NodeKey:
        key = NodeKey(unlock_key(state))
        key.verify_check(state["key_check"])
        return key

    def token(self, state: dict[str, Any], key: NodeKey) -> str:
        return key.open(state["token"], label="token").decode()

    def principal(self, state: dict[str, Any]) -> Principal:
        officer = state["officer"]
        return Principal(0, f"node:{officer['user']}", Role(officer["role"]), officer["country"])

    # -- folders ----------------------------------------------------------------------------

    def copy_dir(self) -> Path:
        path = self.folder / "copy"
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def queue_dir(self) -> Path:
        path = self.folder / "queue"
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    def runtime_dir(self, state: dict[str, Any]) -> Path:
        base = self.settings.node_runtime_dir
        if base is None:
            shm = Path("/dev/shm")
            base = shm / f"frontline-node-{os.getuid()}" if shm.is_dir() else self.folder / "run"
        path: Path = base / str(state["node_id"])
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path

    @contextlib.contextmanager
    def locked(self, name: str) -> Iterator[None]:
        """One process at a time for ``name`` (sync, queue), by a kernel lock."""
        self.folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.folder / f".{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)
