"""A real ``frontline serve`` on a free port over a temporary SQLite database seeded with
the demo world, and Debian's Chromium driven by Playwright.

The browser tests skip, saying why, where Chromium or Playwright is missing (the
Makefile's test setup installs Chromium with apt-get when it can). They never download
a browser.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (make install puts it in the test extras)"
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM}: install Debian's chromium package (make test does)"
    return None


@dataclass
class Server:
    url: str
    data_dir: Path
    output: Path

    def logins(self) -> dict[str, str]:
        return _pairs(self.data_dir / "demo-logins.txt")

    def tokens(self) -> dict[str, str]:
        return _pairs(self.data_dir / "demo-tokens.txt")

    def add_login(self, name: str, role: str, country: str) -> str:
        """A new user with a console password, made with the CLI as an administrator
        would; the password."""
        password = f"{name}-console-password"
        env = {**os.environ, "FRONTLINE_DATA_DIR": str(self.data_dir), "COLUMNS": "200"}
        env.pop("FRONTLINE_DATABASE_URL", None)
        for arguments in (
            ["users", "add", name, "--role", role, "--country", country],
            ["users", "password", name, "--password", password],
        ):
            subprocess.run(
                [sys.executable, "-m", "frontline", *arguments],
                env=env,
                check=True,
                capture_output=True,
                timeout=60,
            )
        return password

    def api(self, path: str, user: str = "demo-admin") -> Any:
        headers = {"Authorization": f"Bearer {self.tokens()[user]}"}
        response = httpx.get(f"{self.url}{path}", headers=headers, timeout=10)
        response.raise_for_status()
        return response.json()


def _pairs(path: Path) -> dict[str, str]:
    return dict(line.split(" ", 1) for line in path.read_text().splitlines() if " " in line)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], output: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"frontline serve exited:\n{output.read_text()}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)  # polling a starting server, not timing a test
    raise RuntimeError(f"frontline serve did not answer in 60 s:\n{output.read_text()}")


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    problem = _missing()
    if problem:
        pytest.skip(problem)
    folder = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    env = {
        **os.environ,
        "FRONTLINE_DATA_DIR": str(folder / "data"),
        "FRONTLINE_DEMO_SIZE": "300",
        "FRONTLINE_INDEX_REFRESH_SECONDS": "0.2",
        "COLUMNS": "200",
    }
    env.pop("FRONTLINE_DATABASE_URL", None)
    output = folder / "serve.log"
    command = [sys.executable, "-m", "frontline", "serve", "--port", str(port), "--demo"]
    with output.open("wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process, output)
        yield Server(url, folder / "data", output)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def chromium(server: Server) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Any, server: Server) -> Iterator[Any]:
    """A fresh browser window (no cookies) at a desk screen's width."""
    context = chromium.new_context(base_url=server.url, viewport={"width": 1920, "height": 1080})
    context.set_default_timeout(10_000)
    opened = context.new_page()
    yield opened
    context.close()
