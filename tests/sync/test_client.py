"""The node's side of a manifest while the server is still cutting the snapshot it needs."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from frontline.errors import SyncFailed
from frontline.services import Services
from frontline.sync import client
from frontline.sync.feed import Feed, Scope
from tests.factories import document
from tests.sync.test_checking import _node
from tests.sync.test_feed import add, feed

__all__ = ["feed"]  # the fixture


def _state(feed: Feed) -> dict[str, Any]:
    scope = {"kinds": None, "owner": None, "operation": None, "border_point": None}
    return {"server": "http://server", "scope": scope, "public_key": feed.key.public_text}


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: Any) -> list[dict[str, Any]]:
    asked: list[dict[str, Any]] = []
    queue = list(answers)

    def get(server: str, token: str, path: str, params: dict[str, Any]) -> Any:
        asked.append(params)
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return SimpleNamespace(json=lambda: answer)

    monkeypatch.setattr(client, "_get", get)
    return asked


def test_a_node_asks_again_when_the_server_says_and_verifies_what_comes(
    services: Services, feed: Feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(services, document("AA1111111", id="d-1"))
    ready = feed.manifest(scope=Scope(), since=0)
    cutting = client._NotReadyYet("the server is cutting a new snapshot", 15)
    asked = _answers(monkeypatch, cutting, cutting, ready)
    slept: list[float] = []
    said: list[str] = []
    assert client._manifest(_state(feed), "token", said.append, sleep=slept.append) == ready
    assert slept == [15, 15]
    assert len(asked) == 3
    assert said == ["the server is preparing the copy; asking again in 15 s"] * 2


def test_a_node_gives_up_waiting_with_a_clear_error(
    feed: Feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answers(monkeypatch, client._NotReadyYet("cutting a new snapshot of all.any", 15))
    monkeypatch.setattr(client, "_PREPARING_FOR", 0.0)
    with pytest.raises(SyncFailed, match="still preparing the copy"):
        client._manifest(_state(feed), "token", sleep=lambda _: None)


def test_a_file_compacted_away_before_its_download_makes_the_node_ask_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    node, key = _node(tmp_path, monkeypatch)
    state = node.state()
    state["token"] = key.seal(b"token", label="token")
    node.save(state)

    def entry(name: str, kind: str, since: int, to: int) -> dict[str, Any]:
        return {"name": name, "type": kind, "from": since, "to": to, "sha256": "0", "records": 1}

    delta = entry("all.any.delta.0-2.jsonl.gz", "delta", 0, 2)
    snapshot = entry("all.any.snapshot.0-3.jsonl.gz", "snapshot", 0, 3)
    issued = "2026-12-01T10:00:00+00:00"
    manifests = [
        {"files": [delta], "version": 2, "issued_at": issued},
        {"files": [snapshot], "version": 3, "issued_at": issued},
    ]
    monkeypatch.setattr(client, "_manifest", lambda *_: manifests.pop(0))

    def download(_node: Any, _state: Any, _token: str, _key: Any, got: Any, _say: Any) -> None:
        if got is delta:
            raise client._Gone("no sync file all.any.delta.0-2.jsonl.gz (compacted since)")

    monkeypatch.setattr(client, "_download", download)
    monkeypatch.setattr(client, "ensure_working_copy", lambda *_: None)
    said: list[str] = []
    summary = client.sync_node(node, say=said.append)
    assert summary["files"] == [snapshot["name"]]
    assert summary["version"] == 3
    assert said == [
        "no sync file all.any.delta.0-2.jsonl.gz (compacted since); asking for a new manifest"
    ]
