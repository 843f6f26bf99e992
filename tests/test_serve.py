"""`frontline serve` starts on a bare data folder, seeds the demo world and answers checks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(params=[1, 2], ids=["one-process", "two-workers"])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = _free_port()
    env = {**os.environ, "FRONTLINE_DATA_DIR": str(tmp_path / "data"), "FRONTLINE_DEMO_SIZE": "300"}
    env.pop("FRONTLINE_DATABASE_URL", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "frontline",
            "serve",
            "--demo",
            "--port",
            str(port),
            "--workers",
            str(request.param),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not answer within 30 s")
        yield base, tmp_path / "data"
    finally:
        process.terminate()
        process.wait(timeout=30)
        assert process.stderr is not None
        process.stderr.close()


def test_serve_seeds_the_demo_world_into_sqlite_and_answers_checks(
    server: tuple[str, Path],
) -> None:
    base, data = server
    assert list(data.glob("*.db"))
    tokens = dict(line.split() for line in (data / "demo-tokens.txt").read_text().splitlines())
    headers = {"Authorization": f"Bearer {tokens['demo-officer']}"}
    body = {"document": {"number": "X0000000", "country": "FRA"}}
    response = httpx.post(f"{base}/v1/checks", json=body, headers=headers, timeout=10)
    assert response.status_code == 200
    assert response.json()["verdict"] == "no_hit"
    assert httpx.post(f"{base}/v1/checks", json=body, timeout=10).status_code == 401
    spec = httpx.get(f"{base}/openapi.json", timeout=10).json()
    assert spec["info"]["title"] == "Frontline"


def test_the_workers_socket_names_tcp_so_its_connections_get_nodelay() -> None:
    # asyncio sets TCP_NODELAY only on sockets whose protocol is IPPROTO_TCP; without it every
    # keep-alive answer of a multi-worker server waits out a 40 ms delayed ACK.
    from frontline.api.serving import _TcpConfig

    config = _TcpConfig("frontline.api.app:app_from_settings", host="127.0.0.1", port=0)
    listening = config.bind_socket()
    try:
        listening.listen(1)
        with socket.create_connection(listening.getsockname()):
            accepted, _ = listening.accept()
            assert accepted.proto == socket.IPPROTO_TCP
            accepted.close()
    finally:
        listening.close()
