"""A check on the node: the server's check code over the working copy, queued for upload.

The result has the server's shape; ``data_as_of`` is when the server issued the copy (not
when this node last looked at it), and past ``node_stale_hours`` a ``stale_data`` warning
says how old the data is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from frontline.domain.checks import result_as_dict
from frontline.screening.requests import parse_check_request
from frontline.services import Services, open_services
from frontline.settings import Settings
from frontline.sync.node import Node
from frontline.sync.queue import UploadQueue
from frontline.sync.sealing import NodeKey
from frontline.sync.uploads import CLOCK_TOLERANCE
from frontline.sync.working import database_url, ensure_working_copy

__all__ = ["NodeChecker"]


class NodeChecker:
    """Checks on one node: opens the working copy, reopens it when a sync replaced it."""

    def __init__(
        self,
        node: Node,
        *,
        use_index: bool,
        clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        self.node = node
        self.state = node.state()
        self.key: NodeKey = node.key(self.state)
        self.queue = UploadQueue(node, self.key)
        self.use_index = use_index
        self.clock = clock
        self._services: Services | None = None
        self._path: str | None = None
        self._seen: int | None = None  # node.json's mtime when the copy was last looked at

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None

    def services(self) -> Services:
        """The services over the current working copy (reopened after a sync)."""
        seen = self.node.state_path.stat().st_mtime_ns
        if self._services is not None and seen == self._seen:
            return self._services  # no sync since: the copy in use is the current one
        self.state = self.node.state()
        path = str(ensure_working_copy(self.node, self.state, self.key))
        if self._services is None or path != self._path:
            self.close()
            settings = Settings(
                database_url=database_url(path),  # type: ignore[arg-type]
                data_dir=self.node.runtime_dir(self.state),
                index_refresh_seconds=1.0,
            )
            self._services = open_services(settings, use_index=self.use_index, clock=self.clock)
            self._path = path
        self._seen = seen
        return self._services

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
