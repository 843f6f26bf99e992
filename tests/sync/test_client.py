"""The node's side of a manifest while the server is still cutting the snapshot it needs."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from frontline.errors import SyncFailed
from frontline.services import Services
from frontline.sync import client
from frontline.sync.feed import Feed, Scope
from tests.factories import document
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
