"""The node's use cases: init (pin the key), sync (upload, then download and apply), check.

A sync verifies the manifest's signature with the pinned key, then each file's signature,
size and SHA-256 before anything is applied; a file that fails is deleted and the sync
refused with the old copy intact. Downloads go to the runtime folder as ``NAME.part`` and
resume with an HTTP Range request where they stopped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson

from frontline.domain.operations import check_context
from frontline.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    StorageFailed,
    SyncFailed,
)
from frontline.sync.feed import FORMAT, entry_message, manifest_message
from frontline.sync.node import Node
from frontline.sync.queue import UploadQueue
from frontline.sync.scopes import Scope
from frontline.sync.sealing import NodeKey, derive_key, key_from_text, new_salt
from frontline.sync.signing import fingerprint, verify
from frontline.sync.working import ensure_working_copy

__all__ = ["init_node", "sync_node", "upload_queue"]

Say = Callable[[str], None]
_UPLOAD_BATCH = 200
_WAIT = httpx.Timeout(120.0, connect=10.0)
_PREPARING_FOR = 1800.0
"""How long a sync waits for the server to cut a snapshot it needs (it answers not_ready
meanwhile): the first manifest after a big import waits for the cut, minutes for 10M
documents (`frontline sync compact` does it ahead)."""


def init_node(
    node: Node,
    *,
    server: str,
    token: str,
    passphrase: str | None,
    key_text: str | None,
    expected_fingerprint: str | None,
    kinds: list[str] | None,
    owner: str | None,
    operation: str | None = None,
    border_point: str | None = None,
) -> dict[str, Any]:
    """Ask the server for its key and whether it gives the scope asked for (kinds, owner
    region, operation), check the key against ``expected_fingerprint`` when given, pin it;
    seal the token under the new at-rest key. Returns the new state."""
    if node.is_initialised:
        raise Conflict(f"{node.folder} already holds a node; remove it to start again")
    scope = _asked_scope(kinds, owner, operation, border_point)
    hello = _get(server, token, "/v1/sync/hello", _scope_params(scope)).json()
    if fingerprint(hello["public_key"]) != hello["fingerprint"]:
        raise SyncFailed("the server's key and fingerprint disagree")
    if expected_fingerprint and expected_fingerprint.strip() != hello["fingerprint"]:
        raise SyncFailed(
            f"the server's key fingerprint is {hello['fingerprint']}, not the expected "
            f"{expected_fingerprint}: wrong server, or someone in between"
        )
    _check_border_point(scope, hello)
    state = node.new_state(server=server, hello=hello, scope=scope)
    if key_text:
        raw_key = key_from_text(key_text)
    elif passphrase:
        state["salt"] = new_salt()
        raw_key = derive_key(passphrase, state["salt"])
    else:
        raise AuthenticationFailed("give a passphrase (8+ characters) or a key for the node")
    key = NodeKey(raw_key)
    state["key_check"] = key.key_check()
    state["token"] = key.seal(token.encode(), label="token")
    node.save(state)
    return state


def sync_node(node: Node, *, say: Say = lambda _: None) -> dict[str, Any]:
    """Upload the queue, then bring the copy to the server's version; a summary."""
    with node.locked("sync"):
        state = node.state()
        key = node.key(state)
        token = node.token(state, key)
        uploaded = _upload(node, state, key, token, say)
        try:
            manifest = _fetch_files(node, state, token, key, say)
        except _Gone as gone:  # compacted between the manifest and the download: once more
            say(f"{gone.message}; asking for a new manifest")
            manifest = _fetch_files(node, state, token, key, say)
        files = manifest["files"]
        if files:
            _adopt(node, state, key, manifest)
        elif state.get("copy"):  # nothing new: the copy is as of now
            state["copy"]["data_as_of"] = manifest["issued_at"]
            node.save(state)
        ensure_working_copy(node, state, key)
        copy = state["copy"]
        return {
            "version": copy["version"],
            "data_as_of": copy["data_as_of"],
            "files": [entry["name"] for entry in files],
            "uploaded": uploaded,
        }


def _fetch_files(
    node: Node, state: dict[str, Any], token: str, key: NodeKey, say: Say
) -> dict[str, Any]:
    """The manifest, and each of its files downloaded and verified."""
    manifest = _manifest(state, token, say)
    for entry in manifest["files"]:
        _download(node, state, token, key, entry, say)
    return manifest


def upload_queue(node: Node, *, say: Say = lambda _: None) -> dict[str, int]:
    with node.locked("sync"):
        state = node.state()
        key = node.key(state)
        return _upload(node, state, key, node.token(state, key), say)


def _upload(
    node: Node, state: dict[str, Any], key: NodeKey, token: str, say: Say
) -> dict[str, int]:
    queue = UploadQueue(node, key)
    totals = {"accepted": 0, "duplicates": 0}
    batch: list[dict[str, Any]] = []
    for item in queue.pending():
        batch.append(item)
        if len(batch) >= _UPLOAD_BATCH:
            _send(state, token, queue, batch, totals)
            batch = []
    if batch:
        _send(state, token, queue, batch, totals)
    queue.trim()  # what the server has need not stay on a device that could be lost
    if totals["accepted"] or totals["duplicates"]:
        say(f"uploaded {totals['accepted']} offline check(s) ({totals['duplicates']} known)")
    return totals


def _send(
    state: dict[str, Any],
    token: str,
    queue: UploadQueue,
    batch: list[dict[str, Any]],
    totals: dict[str, int],
) -> None:
    body = {"node_id": state["node_id"], "items": batch}
    answer = _request("POST", state["server"], token, "/v1/sync/uploads", json=body).json()
    queue.set_uploaded(int(batch[-1]["seq"]))  # only after the server said it has them
    totals["accepted"] += int(answer["accepted"])
    totals["duplicates"] += int(answer["duplicates"])


class _Gone(SyncFailed):
    """A file of the manifest is no longer on the server (compacted since)."""


class _NotReadyYet(SyncFailed):
    """The server is preparing what was asked for; ask again in ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def _manifest(
    state: dict[str, Any],
    token: str,
    say: Say = lambda _: None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """The signed manifest, verified; while the server cuts a snapshot, asked again when it
    says (up to ``_PREPARING_FOR`` seconds)."""
    copy = state.get("copy") or {}
    params: dict[str, Any] = {"since": copy.get("version", 0), **_scope_params(state["scope"])}
    deadline = time.monotonic() + _PREPARING_FOR
    while True:
        try:
            answer = _get(state["server"], token, "/v1/sync/manifest", params)
            break
        except _NotReadyYet as pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise SyncFailed(
                    f"the server is still preparing the copy ({pending.message}); sync again later"
                ) from None
            say(f"the server is preparing the copy; asking again in {pending.retry_after:g} s")
            sleep(min(pending.retry_after, left))
    manifest: dict[str, Any] = answer.json()
    if manifest.get("format") != FORMAT or not verify(
        state["public_key"], manifest_message(manifest), str(manifest.get("signature", ""))
    ):
        raise SyncFailed(
            "the manifest's signature does not verify with the pinned server key: a wrong "
            "server or a tampered answer; the copy is unchanged"
        )
    for entry in manifest["files"]:
        if not verify(state["public_key"], entry_message(entry), entry["signature"]):
            raise SyncFailed(f"{entry['name']}: bad signature; the copy is unchanged")
        if "/" in entry["name"] or entry["name"].startswith("."):
            raise SyncFailed(f"{entry['name']}: not a file name")
    return manifest


def _asked_scope(
    kinds: list[str] | None, owner: str | None, operation: str | None, border_point: str | None
) -> dict[str, Any]:
    """The scope as node.json keeps it, checked here first (no server needed to refuse a
    bad owner code): kinds, owners joined (``BEL,DEU,FRA``), operation and border point."""
    parsed = Scope.parse(",".join(kinds) if kinds else None, owner)
    if border_point is not None and operation is None:
        raise InvalidInput.for_field("border_point", "is given with an operation only")
    context = check_context(operation, border_point)
    return {
        "kinds": [kind.value for kind in parsed.kinds] if kinds else None,
        "owner": ",".join(parsed.owners) or None,
        "operation": context.operation_id,
        "border_point": context.border_point,
    }


def _scope_params(scope: dict[str, Any]) -> dict[str, str]:
    params = {"kinds": ",".join(scope.get("kinds") or []), "owner": scope.get("owner")}
    params["operation"] = scope.get("operation")
    return {name: value for name, value in params.items() if value}


def _check_border_point(scope: dict[str, Any], hello: dict[str, Any]) -> None:
    wanted = scope["border_point"]
    points = hello.get("scope", {}).get("border_points") or []
    if wanted is not None and wanted not in points:
        raise InvalidInput.for_field(
            "border_point",
            f"{wanted} is not a border point of {scope['operation']} ({', '.join(points)})",
        )


def _download(
    node: Node, state: dict[str, Any], token: str, key: NodeKey, entry: dict[str, Any], say: Say
) -> None:
    """Fetch one file (resuming a part), verify it, seal it into the copy folder."""
    sealed = node.copy_dir() / f"{entry['name']}.sealed"
    if sealed.exists():
        return  # already verified and kept by an earlier, interrupted sync
    part = node.runtime_dir(state) / "downloads" / f"{entry['name']}.part"
    part.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    have = part.stat().st_size if part.exists() else 0
    if have > entry["size"]:
        part.unlink()
        have = 0
    if have < entry["size"]:
        if have:
            say(f"resuming {entry['name']} at byte {have} of {entry['size']}")
        _fetch(state, token, entry["name"], part, have)
    digest = hashlib.sha256()
    with part.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if part.stat().st_size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        part.unlink()
        raise SyncFailed(
            f"{entry['name']}: checksum or size does not match the signed manifest "
            "(tampered or damaged); the copy is unchanged, sync again"
        )
    key.write_file(sealed, _read_chunks(part))
    part.unlink()
    say(f"verified {entry['name']} ({entry['records']} records, {entry['size']} bytes)")


def _read_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from iter(lambda: handle.read(1 << 20), b"")


def _fetch(state: dict[str, Any], token: str, name: str, part: Path, have: int) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    if have:
        headers["Range"] = f"bytes={have}-"
    url = f"{state['server']}/v1/sync/files/{name}"
    params = _scope_params(state["scope"])
    try:
        with httpx.stream("GET", url, params=params, headers=headers, timeout=30) as response:
            _refuse_errors(response)
            mode = "ab" if response.status_code == 206 else "wb"
            with part.open(mode) as out:
                for chunk in response.iter_bytes(1 << 20):
                    out.write(chunk)
    except httpx.TransportError as error:
        raise SyncFailed(
            f"the download of {name} stopped ({error}); sync again to resume"
        ) from error
    except OSError as error:
        raise StorageFailed(
            f"cannot write {name}: {error.strerror}; the copy is unchanged"
        ) from error


def _adopt(node: Node, state: dict[str, Any], key: NodeKey, manifest: dict[str, Any]) -> None:
    """Make the verified files the node's copy: one atomic write of node.json."""
    old = state.get("copy") or {"files": [], "generation": 0, "version": 0}
    files = [
        {name: entry[name] for name in ("name", "type", "from", "to", "sha256", "records")}
        for entry in manifest["files"]
    ]
    is_fresh = files[0]["type"] == "snapshot"
    kept = [] if is_fresh else old["files"]
    state["copy"] = {
        "version": manifest["version"],
        "data_as_of": manifest["issued_at"],
        "generation": old["generation"] + 1 if is_fresh else old["generation"],
        "files": kept + files,
    }
    node.save(state)
    names = {f"{entry['name']}.sealed" for entry in state["copy"]["files"]}
    for path in node.copy_dir().glob("*.sealed"):
        if path.name not in names:
            path.unlink(missing_ok=True)


def _get(
    server: str, token: str, path: str, params: dict[str, Any] | None = None
) -> httpx.Response:
    return _request("GET", server, token, path, params=params, timeout=_WAIT)


def _request(method: str, server: str, token: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    try:
        response = httpx.request(
            method, f"{server.rstrip('/')}{path}", headers=headers, **{"timeout": 120, **kwargs}
        )
    except httpx.TransportError as error:
        raise SyncFailed(f"the server {server} cannot be reached ({error})") from error
    _refuse_errors(response)
    return response


def _refuse_errors(response: httpx.Response) -> None:
    if response.status_code == 401:
        raise AuthenticationFailed(
            "the server refused the node's token (expired or revoked): "
            "run `frontline node init` again with a new token"
        )
    if response.status_code >= 400:
        response.read()
        try:
            error = orjson.loads(response.content)["error"]
            code, message = str(error["code"]), str(error["message"])
        except (ValueError, KeyError, TypeError):
            code, message = "", response.text[:200]
        if (
            response.status_code == 404
            and code == "not_found"
            and "/v1/sync/files/" in str(response.url)
        ):
            raise _Gone(message)
        if response.status_code == 503 and code == "not_ready":
            retry_after = response.headers.get("Retry-After", "")
            raise _NotReadyYet(message, float(retry_after) if retry_after.isdigit() else 15.0)
        raise SyncFailed(f"the server answered {response.status_code}: {message}")


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat()
