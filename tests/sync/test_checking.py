"""``node serve`` follows a sync that brings a new snapshot without stopping its checks:
the new working copy and its index are opened in the background while the old answer."""

from __future__ import annotations

import base64
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from frontline.services import Services
from frontline.settings import Settings
from frontline.sync.checking import NodeChecker
from frontline.sync.feed import Feed, Scope
from frontline.sync.node import Node
from frontline.sync.sealing import NodeKey
from tests.factories import document
from tests.sync.test_feed import _seal, add, feed

__all__ = ["feed"]  # the fixture

CHECK = {"document": {"number": "AA2222222", "country": "FRA"}}


def _node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Node, NodeKey]:
    raw = os.urandom(32)
    monkeypatch.setenv("FRONTLINE_NODE_KEY", base64.b64encode(raw).decode())
    node = Node(Settings(node_dir=tmp_path / "node", node_runtime_dir=tmp_path / "ram"))
    hello = {
        "public_key": "k",
        "fingerprint": "f",
        "user": "u",
        "role": "officer",
        "country": "FRA",
    }
    state = node.new_state(server="http://server", hello=hello, scope={})
    key = NodeKey(raw)
    state["key_check"] = key.key_check()
    node.save(state)
    return node, key


def _adopt(node: Node, key: NodeKey, feed: Feed, generation: int) -> str:
    """Give the node the feed's snapshot as its copy, the way a sync adopts one."""
    feed.compact(Scope())
    manifest = feed.manifest(scope=Scope(), since=0)
    _seal(node, key, feed, manifest["files"])
    state = node.state()
    state["copy"] = {
        "version": manifest["version"],
        "data_as_of": manifest["issued_at"],
        "generation": generation,
        "files": manifest["files"],
    }
    node.save(state)
    return str(manifest["issued_at"])


def test_checks_go_on_on_the_old_copy_until_the_new_one_is_open(
    services: Services, feed: Feed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(services, document("AA1111111", id="first"))
    node, key = _node(tmp_path, monkeypatch)
    first_as_of = _adopt(node, key, feed, generation=1)
    checker = NodeChecker(node, use_index=True, in_background=True)
    try:
        assert checker.check(CHECK)["verdict"] == "no_hit"

        add(services, document("AA2222222", id="second"))  # then a new snapshot is synced
        time.sleep(0.01)  # node.json's new mtime
        second_as_of = _adopt(node, key, feed, generation=2)
        gate = threading.Event()
        opening = checker._open

        def slow_open(seen: int) -> Any:
            assert gate.wait(30)
            return opening(seen)

        monkeypatch.setattr(checker, "_open", slow_open)
        while_opening = checker.check(CHECK)  # answered at once, on the old copy
        assert while_opening["verdict"] == "no_hit"
        assert while_opening["data_as_of"].replace("Z", "+00:00") == first_as_of
        gate.set()
        for _ in range(300):
            if checker._ready is not None or checker._follower is None:
                break
            time.sleep(0.05)
        assert checker._follower is not None
        checker._follower.join(30)
        after = checker.check(CHECK)
        assert after["verdict"] == "hit"
        assert after["data_as_of"].replace("Z", "+00:00") == second_as_of
    finally:
        checker.close()
