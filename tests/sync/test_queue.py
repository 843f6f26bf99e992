"""The node's upload queue: durable, sealed, trimmed once the server has its lines, and
numbered on across trims so the server never takes a new check for one it has."""

from __future__ import annotations

import os
from pathlib import Path

from frontline.settings import Settings
from frontline.sync.node import Node
from frontline.sync.queue import UploadQueue
from frontline.sync.sealing import NodeKey


def _queue(tmp_path: Path) -> UploadQueue:
    node = Node(Settings(data_dir=tmp_path / "data", node_dir=tmp_path / "node"))
    return UploadQueue(node, NodeKey(os.urandom(32)))


def _append(queue: UploadQueue, n: int) -> int:
    request = {"document": {"number": f"X{n:07d}", "country": "FRA"}}
    result = {"check_id": f"chk_{n:022d}", "verdict": "no_hit", "hits": []}
    return queue.append(at="2026-11-30T08:00:00+00:00", request=request, result=result)


def test_trimming_keeps_only_what_the_server_lacks_and_numbers_go_on(tmp_path: Path) -> None:
    queue = _queue(tmp_path)
    assert [_append(queue, n) for n in range(5)] == [1, 2, 3, 4, 5]
    assert b"X0000001" not in queue.log.read_bytes()  # sealed

    queue.set_uploaded(3)
    assert queue.trim() == 3
    assert [item["seq"] for item in queue.pending()] == [4, 5]
    assert queue.counts() == {"queued": 2, "uploaded": 3, "checks_made": 5}
    assert _append(queue, 5) == 6

    queue.set_uploaded(6)
    assert queue.trim() == 3
    assert queue.log.read_bytes() == b""
    assert queue.counts() == {"queued": 0, "uploaded": 6, "checks_made": 6}
    assert _append(queue, 6) == 7  # not 1: the server has 1 to 6 from this node
    assert queue.trim() == 0  # nothing acknowledged since
    assert [item["seq"] for item in queue.pending()] == [7]


def test_a_line_cut_short_by_a_crash_is_dropped_and_trimming_survives_it(
    tmp_path: Path,
) -> None:
    queue = _queue(tmp_path)
    for n in range(3):
        _append(queue, n)
    with queue.log.open("ab") as out:
        out.write(b"half a line, the power went")
    queue.set_uploaded(2)
    assert queue.trim() == 2
    assert [item["seq"] for item in queue.pending()] == [3]
    assert _append(queue, 3) == 4
