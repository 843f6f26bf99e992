"""The upload queue: every check made on the node, kept durably until the server has it.

``queue.log`` holds one sealed line per check: ``{"seq", "at", "request", "result"}`` (and
``context``, the node's operation and border point, when it was initialised for one); a
line is fsynced before the officer sees the result, so a check shown is a check kept.
``uploaded`` holds the highest sequence the server acknowledged. A node that dies during an
upload sends the unacknowledged lines again; the server knows ``(node_id, seq)`` and skips
what it has, so nothing is lost and nothing counted twice. A line cut short by a crash
while it was written was never shown to anyone: it is dropped at the next append.

Once the server has acknowledged lines, ``trim`` drops them from the log (a new file, renamed
over the old one): a device lost later holds only the checks not yet uploaded, and the log
stays as small as the backlog. Sequence numbers go on from the acknowledged one, so the
server never mistakes a new check for one it has.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import orjson

from frontline.errors import StorageFailed
from frontline.sync.node import Node, write_atomically
from frontline.sync.sealing import NodeKey

__all__ = ["UploadQueue"]

_LABEL = "queue"


class UploadQueue:
    def __init__(self, node: Node, key: NodeKey) -> None:
        self.node = node
        self.key = key
        folder = node.queue_dir()
        self.log = folder / "queue.log"
        self.mark = folder / "uploaded"

    def append(
        self,
        *,
        at: str,
        request: dict[str, Any],
        result: dict[str, Any],
        context: dict[str, str] | None = None,
    ) -> int:
        """Queue one check (``context``: its operation_id and border_point, if any); its
        sequence number."""
        with self.node.locked("queue"):
            last = self._repair_and_last()
            seq = last + 1
            item = {"seq": seq, "at": at, "request": request, "result": result}
            if context:
                item["context"] = context
            line = self.key.seal(orjson.dumps(item), label=_LABEL)
            try:
                descriptor = os.open(self.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                with os.fdopen(descriptor, "ab") as out:
                    out.write(line.encode() + b"\n")
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as error:
                raise StorageFailed(f"cannot queue the check: {error.strerror}") from error
            return seq

    def uploaded(self) -> int:
        return int(self.mark.read_text()) if self.mark.exists() else 0

    def set_uploaded(self, seq: int) -> None:
        write_atomically(self.mark, str(seq).encode())

    def pending(self) -> Iterator[dict[str, Any]]:
        """Queued checks the server has not acknowledged, in order."""
        done = self.uploaded()
        for item in self._items():
            if item["seq"] > done:
                yield item

    def counts(self) -> dict[str, int]:
        """``queued``: waiting for upload; ``uploaded``: the highest sequence the server
        acknowledged; ``checks_made``: the last sequence number given."""
        done = self.uploaded()
        last = done
        queued = 0
        for item in self._items():
            last = max(last, int(item["seq"]))
            queued += item["seq"] > done
        return {"queued": queued, "uploaded": done, "checks_made": last}

    def trim(self) -> int:
        """Drop the lines the server acknowledged; how many were dropped."""
        with self.node.locked("queue"):
            self._repair_and_last()
            if not self.log.exists():
                return 0
            done = self.uploaded()
            kept: list[bytes] = []
            dropped = 0
            with self.log.open("rb") as handle:
                for raw in handle:
                    if self._seq(raw) > done:
                        kept.append(raw)
                    else:
                        dropped += 1
            if dropped:
                try:
                    write_atomically(self.log, b"".join(kept))
                except OSError as error:  # the old log is intact: trimmed at the next upload
                    raise StorageFailed(f"cannot trim the queue: {error.strerror}") from error
            return dropped

    def _items(self) -> Iterator[dict[str, Any]]:
        if not self.log.exists():
            return
        with self.log.open("rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    return  # cut short by a crash: never shown, see the module docstring
                yield self._item(raw)

    def _item(self, raw: bytes) -> dict[str, Any]:
        item: dict[str, Any] = orjson.loads(self.key.open(raw.decode().strip(), label=_LABEL))
        return item

    def _seq(self, raw: bytes) -> int:
        return int(self._item(raw)["seq"])

    def _repair_and_last(self) -> int:
        """Drop a line cut short at the end; the last sequence number given (that of the
        last line, else the last acknowledged one: the log may have been trimmed)."""
        return max(self._repair_and_last_line(), self.uploaded())

    def _repair_and_last_line(self) -> int:
        if not self.log.exists():
            return 0
        size = self.log.stat().st_size
        with self.log.open("rb+") as handle:
            start = max(0, size - (1 << 20))
            handle.seek(start)
            tail = handle.read()
            if tail and not tail.endswith(b"\n"):
                cut = tail.rfind(b"\n") + 1
                handle.truncate(start + cut)
                tail = tail[:cut]
        lines = [line for line in tail.split(b"\n") if line]
        if not lines:
            return 0 if start == 0 else self._last_seq_scanning()
        return self._seq(lines[-1])

    def _last_seq_scanning(self) -> int:
        seq = 0
        with self.log.open("rb") as handle:
            for raw in handle:
                seq = self._seq(raw)
        return seq
