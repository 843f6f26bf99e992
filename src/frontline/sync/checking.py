"""A check on the node: the server's check code over the working copy, queued for upload.

The result has the server's shape; ``data_as_of`` is when the server issued the copy (not
when this node last looked at it), and past ``node_stale_hours`` a ``stale_data`` warning
says how old the data is.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from frontline.domain.checks import result_as_dict
from frontline.errors import FrontlineError, StorageFailed
from frontline.screening.requests import parse_check_request
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.sync.node import Node
from frontline.sync.queue import UploadQueue
from frontline.sync.sealing import NodeKey
from frontline.sync.uploads import CLOCK_TOLERANCE
from frontline.sync.working import database_url, ensure_working_copy

__all__ = ["NodeChecker"]


@dataclass(frozen=True, slots=True)
class _Opened:
    """A copy brought up to date: its state, its database and, when it is another database
    than the one in use, services over it."""

    state: dict[str, Any]
    path: str
    services: Services | None
    seen: int


class NodeChecker:
    """Checks on one node: opens the working copy, and follows the syncs that replace it.

    ``in_background`` (``node serve``): once open, a newer copy is brought up and opened in a
    background thread (a new snapshot's working copy and its index take minutes at 10M
    records) while checks go on, and on the old copy's ``data_as_of``, until it is ready.
    Otherwise (one check from the command line) it is done before the check.
    """

    def __init__(
        self,
        node: Node,
        *,
        use_index: bool,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        in_background: bool = False,
    ) -> None:
        self.node = node
        self.state = node.state()  # the state of the copy the checks use
        self.key: NodeKey = node.key(self.state)
        self.queue = UploadQueue(node, self.key)
        self.use_index = use_index
        self.clock = clock
        self.in_background = in_background
        self._services: Services | None = None
        self._path: str | None = None
        self._seen: int | None = None  # node.json's mtime when the copy was last looked at
        self._lock = threading.Lock()
        self._follower: threading.Thread | None = None
        self._ready: _Opened | None = None  # a newer copy, opened in the background
        self.follow_error: str | None = None  # why the last background attempt failed

    def close(self) -> None:
        # A background opening still running is left to end with the process (a daemon).
        with self._lock:
            ready, self._ready = self._ready, None
        for services in (self._services, ready.services if ready else None):
            if services is not None:
                services.close()
        self._services = self._path = None

    def services(self) -> Services:
        """The services over the working copy in use; after a sync, over the new one (at
        once, or once the background has it ready)."""
        self._take_ready()
        seen = self.node.state_path.stat().st_mtime_ns
        if self._services is not None and seen == self._seen:
            return self._services  # no sync since: the copy in use is the current one
        if self._services is None or not self.in_background:
            return self._install(self._open(seen))
        if self._follower is None or not self._follower.is_alive():
            self._follower = threading.Thread(
                target=self._follow, args=(seen,), name="node-follow", daemon=True
            )
            self._follower.start()
        return self._services

    def _open(self, seen: int) -> _Opened:
        """The working copy node.json names, brought up to date, and services over it (the
        services in use when it is the same database: their index follows its deltas)."""
        state = self.node.state()
        path = str(ensure_working_copy(self.node, state, self.key))
        if path == self._path and self._services is not None:
            return _Opened(state, path, None, seen)
        settings = Settings(
            database_url=database_url(path),  # type: ignore[arg-type]
            data_dir=self.node.runtime_dir(state),
            index_refresh_seconds=1.0,
        )
        services = open_services(settings, use_index=self.use_index, clock=self.clock)
        return _Opened(state, path, services, seen)

    def _install(self, opened: _Opened) -> Services:
        """Use ``opened`` from now on; the services in use."""
        if opened.services is not None:
            if self._services is not None:
                self._services.close()
            self._services, self._path = opened.services, opened.path
        self.state, self._seen = opened.state, opened.seen
        if self._services is None:  # _open gives services whenever none are in use
            raise StorageFailed("the node's working copy is not open")
        return self._services

    def _follow(self, seen: int) -> None:
        try:
            opened = self._open(seen)  # with its index loaded (open_services does it)
        except FrontlineError as error:  # the old copy keeps answering; tried again later
            self.follow_error = error.message
            return
        self.follow_error = None
        with self._lock:
            self._ready = opened

    def _take_ready(self) -> None:
        with self._lock:
            ready, self._ready = self._ready, None
        if ready is not None:
            self._install(ready)

    def check(self, raw: dict[str, Any]) -> dict[str, Any]:
        """Check ``raw`` (the body of POST /v1/checks), queue it, return the result."""
        services = self.services()
        request = parse_check_request(raw, today=self.clock().date())
        result = services.screening.check(
            principal=self.node.principal(self.state), request=request
        )
        shown = result_as_dict(result)
        as_of = dt.datetime.fromisoformat(self.state["copy"]["data_as_of"])
        shown["data_as_of"] = as_of.isoformat().replace("+00:00", "Z")
        age = self.clock() - as_of
        stale_hours = self.node.settings.node_stale_hours
        if age > dt.timedelta(hours=stale_hours):
            hours = age.total_seconds() / 3600
            shown["warnings"].append(
                {
                    "code": "stale_data",
                    "field": "data_as_of",
                    "message": f"the data is {hours:.0f} hours old (more than {stale_hours:g}): "
                    "sync when in range; a no-hit may miss recent records",
                }
            )
        if age < -CLOCK_TOLERANCE:  # a clock reset (a flat battery) or set wrongly by hand
            shown["warnings"].append(
                {
                    "code": "clock_behind",
                    "field": "data_as_of",
                    "message": f"this device's clock reads {self.clock():%Y-%m-%d %H:%M} UTC, "
                    "before the copy was issued: set the clock (document expiry is judged by "
                    "it; the server will date this check no earlier than the copy)",
                }
            )
        shown["offline"] = {"node_id": self.state["node_id"]}
        scope = self.state["scope"]
        context = {
            name: scope[key]
            for name, key in (("operation_id", "operation"), ("border_point", "border_point"))
            if scope.get(key)
        }
        shown["offline"].update(context)
        shown["offline"]["seq"] = self.queue.append(
            at=self.clock().isoformat(), request=raw, result=shown, context=context
        )
        return shown
