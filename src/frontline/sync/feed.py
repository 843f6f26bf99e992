"""Snapshot and delta files from the change feed, each checksummed and signed.

A scope (``scopes``) is some kinds and an owner region. A file is gzip'd JSON lines: a
header ``{"format", "type", "from", "to", "scope"}``, then one ``{"kind", "record"}`` per
record written in ``(from, to]`` (cancelled records included: a node must learn that they
stopped hitting), or, in a delta, ``{"kind", "withdraw"}`` with only the id of a record
since restricted by its owner. A scope keeps one base snapshot; deltas run from it. When
the delta since the base outgrows ``compact_records``, a new snapshot is cut at the current
version and the older files are deleted (compaction); a node whose version is older than
the base gets the snapshot instead (full-reload fallback).

Cutting a snapshot of millions of records takes minutes, longer than a request may wait.
A manifest that needs one starts it in a background thread (one cut at a time, one per
scope however many nodes ask) and waits ``cut_wait`` seconds for it: a small copy comes in
the same answer, a big one answers ``NotReady`` with a Retry-After, and the node asks again.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import re
import threading
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import orjson

from frontline.domain.records import RecordKind
from frontline.errors import InvalidInput, NotReady, StorageFailed
from frontline.records.kinds import FIELDS
from frontline.settings import Settings
from frontline.store.codecs import record_to_dict
from frontline.store.repository import RecordStore
from frontline.store.restrictions import restrictions_for
from frontline.sync.scopes import Scope
from frontline.sync.signing import ServerKey

__all__ = ["FORMAT", "Feed", "Scope", "entry_message", "manifest_message", "open_feed"]

FORMAT = "frontline-sync/1"
_NAME = re.compile(r"^[a-z0-9_.+-]+\.jsonl\.gz$")
CUT_WAIT = 20.0
"""Seconds a manifest waits for a snapshot being cut before it answers not_ready: well
inside the API's request timeout."""
RETRY_AFTER = 15


def entry_message(entry: dict[str, Any]) -> bytes:
    """What a file's signature covers: its name, type, versions, size and checksum."""
    return "\n".join(
        str(entry[key]) for key in ("name", "type", "from", "to", "size", "sha256")
    ).encode()


def manifest_message(manifest: dict[str, Any]) -> bytes:
    """What the manifest's signature covers: all of it but the signature."""
    body = {key: value for key, value in manifest.items() if key != "signature"}
    return orjson.dumps(body, option=orjson.OPT_SORT_KEYS)


class Feed:
    """Builds and serves the files of every scope in ``folder``."""

    def __init__(
        self,
        *,
        store: RecordStore,
        key: ServerKey,
        folder: Path,
        clock: Callable[[], dt.datetime],
        compact_records: int,
        cut_wait: float = CUT_WAIT,
    ) -> None:
        self.store = store
        self.key = key
        self.folder = folder
        self.clock = clock
        self.compact_records = compact_records
        self.cut_wait = cut_wait
        self._cuts: dict[str, Future[dict[str, Any]]] = {}
        self._cuts_lock = threading.Lock()
        self._one_cut = threading.Lock()  # a 2-core server cuts one snapshot at a time
        folder.mkdir(parents=True, exist_ok=True)
        _remove_orphans(folder)

    def manifest(self, *, scope: Scope, since: int, wait: bool = True) -> dict[str, Any]:
        """The signed list of files that bring a node at ``since`` to the current version.

        ``wait``: cut a snapshot it needs here, however long it takes (the command line);
        otherwise in the background, raising NotReady past ``cut_wait`` seconds (the API).
        """
        current = self.store.current_version()
        base_to = self._base_version(scope)
        files: list[dict[str, Any]] = []
        # New, older than the base, ahead (a restored server), or so far behind that a delta
        # would carry more than a snapshot should: the snapshot, and what followed it.
        far_behind = (
            base_to is not None and base_to <= since < current and self._outgrown(scope, since)
        )
        if base_to is None or since == 0 or since < base_to or since > current or far_behind:
            # Outgrown since ``since`` (not before the base) is outgrown since the base too.
            if base_to is None or far_behind or self._outgrown(scope, base_to):
                base = self._cut(scope, wait=wait)
            else:
                base = self._file(scope, "snapshot", 0, base_to)
            files = [base]
            if base["to"] < current:
                files.append(self._file(scope, "delta", base["to"], current))
        elif since < current:
            files = [self._file(scope, "delta", since, current)]
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "scope": scope.as_dict(),
            "since": since,
            "version": files[-1]["to"] if files else since,
            "issued_at": self.clock().isoformat(),
            "files": files,
        }
        manifest["signature"] = self.key.sign(manifest_message(manifest))
        return manifest

    def compact(self, scope: Scope) -> dict[str, Any]:
        """Cut a snapshot of ``scope`` at the current version; delete its older files."""
        snapshot = self._file(scope, "snapshot", 0, self.store.current_version())
        for path in self.folder.glob(f"{scope.name}.*"):
            if not path.name.startswith(snapshot["name"]) and not path.name.endswith(".tmp"):
                path.unlink(missing_ok=True)
        return snapshot

    def path_of(self, name: str) -> Path:
        """The file called ``name`` (checked: no path tricks), or NotFound upstream."""
        if not _NAME.match(name) or "/" in name:
            raise InvalidInput.for_field("name", "is not a sync file name")
        return self.folder / name

    def _base_version(self, scope: Scope) -> int | None:
        """The version of the scope's newest snapshot, or None when it has none."""
        versions = [
            int(path.name.split("-")[-1].split(".")[0])
            for path in self.folder.glob(f"{scope.name}.snapshot.0-*.jsonl.gz")
        ]
        return max(versions, default=None)

    def _outgrown(self, scope: Scope, since: int) -> bool:
        """Whether more records changed since version ``since`` than a delta should carry
        (counted over every owner: a region's copy may be compacted a little early)."""
        changed = sum(self.store.count_changed(kind, since=since) for kind in scope.kinds)
        return changed > self.compact_records

    def _cut(self, scope: Scope, *, wait: bool) -> dict[str, Any]:
        """A new snapshot of ``scope`` (compaction): cut here, or by the background cut of
        the scope, started if none is running, waited for ``cut_wait`` seconds."""
        if wait:
            return self.compact(scope)
        with self._cuts_lock:
            future = self._cuts.get(scope.name)
            if future is None or future.done():  # none running (one done is of older data)
                future = Future()
                self._cuts[scope.name] = future
                threading.Thread(
                    target=self._cut_in_background,
                    args=(scope, future),
                    name=f"sync-cut-{scope.name}",
                    daemon=True,  # a stopping server does not wait; its part file is removed
                ).start()
        try:
            return future.result(timeout=self.cut_wait)
        except TimeoutError:
            raise NotReady(
                f"the server is cutting a new snapshot of {scope.name} (minutes for millions "
                f"of records): ask again in {RETRY_AFTER} s",
                retry_after=RETRY_AFTER,
            ) from None
        finally:
            with self._cuts_lock:
                if future.done() and self._cuts.get(scope.name) is future:
                    del self._cuts[scope.name]  # done or failed: the next asks afresh

    def _cut_in_background(self, scope: Scope, future: Future[dict[str, Any]]) -> None:
        try:
            with self._one_cut:
                future.set_result(self.compact(scope))
        except BaseException as error:  # handed to whoever waits on the future
            future.set_exception(error)

    def _file(self, scope: Scope, kind: str, since: int, to: int) -> dict[str, Any]:
        name = f"{scope.name}.{kind}.{since}-{to}.jsonl.gz"
        path = self.folder / name
        if not path.exists():
            self._write(path, scope, kind, since, to)
        return self._entry(path, kind, since, to)

    def _entry(self, path: Path, kind: str, since: int, to: int) -> dict[str, Any]:
        # The checksum was taken when the file was written: a file changed on the server's
        # disk since then is refused by every node rather than signed afresh.
        facts = orjson.loads(_facts_file(path).read_bytes())
        entry: dict[str, Any] = {
            "name": path.name,
            "type": kind,
            "from": since,
            "to": to,
            "size": facts["size"],
            "sha256": facts["sha256"],
            "records": facts["records"],
        }
        entry["signature"] = self.key.sign(entry_message(entry))
        return entry

    def _write(self, path: Path, scope: Scope, kind: str, since: int, to: int) -> None:
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        count = 0
        # No time or name in the gzip header: two workers cutting the same file at once
        # write the same bytes, so the checksum either one recorded holds for both.
        try:
            with (
                temporary.open("wb") as raw,
                gzip.GzipFile(filename="", mode="wb", compresslevel=5, fileobj=raw, mtime=0) as out,
            ):
                header = {"format": FORMAT, "type": kind, "from": since, "to": to}
                out.write(orjson.dumps({**header, "scope": scope.as_dict()}) + b"\n")
                for line in self._lines(scope, kind, since, to):
                    out.write(line)
                    count += 1
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise StorageFailed(f"cannot write the sync file {path.name}: {error}") from error
        digest = hashlib.sha256()
        with temporary.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        facts = {"size": temporary.stat().st_size, "sha256": digest.hexdigest(), "records": count}
        facts_temporary = temporary.with_name(f"{temporary.name}.facts")
        facts_temporary.write_bytes(orjson.dumps(facts))
        os.replace(facts_temporary, _facts_file(path))
        os.replace(temporary, path)

    def _lines(self, scope: Scope, kind: str, since: int, to: int) -> Iterator[bytes]:
        # A snapshot starts a node afresh: cancelled records have nothing to replace there,
        # so they stay out of it (a stolen device holds less). A delta carries them.
        skip_cancelled = kind == "snapshot"
        # A record its owner restricted to some countries goes to no node: files are cut
        # per scope, not per country, and a stolen device should hold the least. A delta
        # carries a withdrawal for it instead (its id alone), so a node that holds it from
        # before stops hitting on it (restricting a record gives it a new version).
        restricted = set(restrictions_for(self.store.engine).current())
        for record_kind in scope.kinds:
            if record_kind is RecordKind.DOCUMENTS:
                lines = self._document_lines(scope, skip_cancelled, since, to, restricted)
            else:
                lines = self._record_lines(
                    record_kind, scope, skip_cancelled, since, to, restricted
                )
            yield from lines

    def _record_lines(
        self,
        kind: RecordKind,
        scope: Scope,
        skip_cancelled: bool,
        since: int,
        to: int,
        restricted: Collection[tuple[str, str]] = (),
    ) -> Iterator[bytes]:
        wanted = FIELDS[kind]  # the import format's fields: what build_row takes
        for rows in self.store.changed_batches(kind, since=since, columns=("owner",)):
            rids = [int(row[0]) for row in rows if _is_sent(row, scope, skip_cancelled, to)]
            for _, record in sorted(self.store.by_rids(kind, rids), key=lambda pair: pair[0]):
                if restricted and (kind.value, record.id) in restricted:
                    if not skip_cancelled:  # a delta
                        yield _withdrawal(kind.value, record.id)
                    continue
                fields = record_to_dict(record)
                plain = {name: value for name, value in fields.items() if name in wanted}
                yield orjson.dumps({"kind": kind.value, "record": plain}) + b"\n"

    def _document_lines(
        self,
        scope: Scope,
        skip_cancelled: bool,
        since: int,
        to: int,
        restricted: Collection[tuple[str, str]] = (),
    ) -> Iterator[bytes]:
        """Documents (most of a snapshot) straight from their columns, which are their
        import fields: no record objects in between (three times as fast)."""
        batches = self.store.changed_batches(
            RecordKind.DOCUMENTS, since=since, columns=_DOCUMENT_COLUMNS
        )
        for rows in batches:
            for row in rows:
                if not _is_sent(row, scope, skip_cancelled, to):
                    continue
                if restricted and ("documents", row[5]) in restricted:  # row[5]: the id
                    if not skip_cancelled:  # a delta
                        yield _withdrawal("documents", row[5])
                    continue
                record = {"state": row[2], "expires_at": _iso(row[3])}
                record.update(zip(_DOCUMENT_COLUMNS, row[4:], strict=True))
                record["reported_at"] = _iso(record["reported_at"])
                plain = {name: value for name, value in record.items() if value is not None}
                yield orjson.dumps({"kind": "documents", "record": plain}) + b"\n"


_DOCUMENT_COLUMNS = (
    *("owner", "id", "action", "number", "number_from", "number_to"),
    *("issuing_country", "type", "status", "reported_at"),
)


def _withdrawal(kind: str, record_id: str) -> bytes:
    """A delta's line for a record no node may hold any more: its id, nothing else."""
    return orjson.dumps({"kind": kind, "withdraw": record_id}) + b"\n"


def _is_sent(row: Any, scope: Scope, skip_cancelled: bool, to: int) -> bool:
    """Whether a change-feed row ``(rid, version, state, expires_at, owner, ...)`` goes in."""
    return (
        int(row[1]) <= to
        and scope.holds_owner(row[4])
        and not (skip_cancelled and row[2] == "cancelled")
    )


def _iso(value: Any) -> Any:
    """A date or time as ISO text (SQLite's plain reads give text already)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def open_feed(settings: Settings, *, store: RecordStore, clock: Callable[[], dt.datetime]) -> Feed:
    """The feed of a server: files in ``data_dir/sync``, the key in ``data_dir``."""
    return Feed(
        store=store,
        key=ServerKey.in_folder(settings.data_dir),
        folder=settings.data_dir / "sync",
        clock=clock,
        compact_records=settings.sync_compact_records,
    )


def _facts_file(path: Path) -> Path:
    return path.with_name(f"{path.name}.facts")


def _remove_orphans(folder: Path) -> None:
    """Delete the part files of cuts whose process is gone (a server stopped mid-cut)."""
    for path in folder.glob("*.tmp*"):
        name = path.name.removesuffix(".facts")
        pid = name.removesuffix(".tmp").rsplit(".", 1)[-1]
        if name.endswith(".tmp") and pid.isdigit() and not _is_running(int(pid)):
            path.unlink(missing_ok=True)


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True
