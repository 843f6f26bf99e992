"""Running the API under several worker processes (``frontline serve --workers N``)."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile

import uvicorn
from uvicorn.supervisors import Multiprocess

from frontline.api.logs import log_config

__all__ = ["serve_workers"]


class _TcpConfig(uvicorn.Config):
    """uvicorn's own listening socket leaves its protocol number 0, so asyncio never sets
    TCP_NODELAY on the connections accepted from it, and each keep-alive response waits out
    the client's 40 ms delayed ACK. This socket names TCP, and its connections inherit it."""

    def bind_socket(self) -> socket.socket:
        family = socket.AF_INET6 if self.host and ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.set_inheritable(True)
        return sock


def serve_workers(*, host: str, port: int, workers: int, log_format: str = "json") -> None:
    """Serve with ``workers`` processes sharing one socket; each opens its own services
    (and builds its own memory index) from the ``FRONTLINE_*`` settings.

    The workers count their metrics in files of one folder (prometheus_client's multiprocess
    mode), so ``/metrics`` on any of them reports the whole node; the folder is made here,
    before the workers start (they read its name when they import the client), and removed
    at exit."""
    config = _TcpConfig(
        "frontline.api.app:app_from_settings",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
        access_log=False,
        log_config=log_config(log_format),
    )
    given = os.environ.get(_METRICS_DIR)
    folder = given or tempfile.mkdtemp(prefix="frontline-metrics-")
    os.environ[_METRICS_DIR] = folder
    try:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    finally:
        if given is None:
            shutil.rmtree(folder, ignore_errors=True)


_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"
