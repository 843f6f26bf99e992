"""Two real processes on loopback: `frontline serve` and an offline node (docs/offline.md).

One server and one node go through a field day in order: sync in range, check with the
server stopped, reconnect and upload (once, however often it is sent), a cancellation
reaching the node, a tampered file and a wrong key refused with the old copy still
answering, a cut download resumed, a disk that refuses writes mid-sync, and the node killed
with -9 during a sync and during an upload.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from frontline.settings import Settings
from frontline.sync.checking import NodeChecker
from frontline.sync.node import Node
from frontline.sync.queue import UploadQueue

pytestmark = pytest.mark.slow

PASSPHRASE = "correct horse battery staple"
DAYS_2 = dt.timedelta(days=2)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`frontline serve` on a data folder that outlives restarts."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, "FRONTLINE_DATA_DIR": str(self.data), "FRONTLINE_DEMO_SIZE": "100"}
        env.pop("FRONTLINE_DATABASE_URL", None)
        env["FRONTLINE_DELIVER_NOTIFICATIONS"] = "false"
        command = [sys.executable, "-m", "frontline", "serve", "--demo", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(300):
            try:
                if httpx.get(f"{self.base}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        pytest.fail("the server did not answer within 30 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def token(self, name: str) -> str:
        lines = (self.data / "demo-tokens.txt").read_text().splitlines()
        return dict(line.split() for line in lines)[name]

    def call(self, method: str, path: str, *, as_user: str = "demo-admin", **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token(as_user)}"}
        response = httpx.request(
            method, f"{self.base}{path}", headers=headers, timeout=30, **kwargs
        )
        assert response.status_code < 300, response.text
        return response.json() if "json" in response.headers.get("content-type", "") else response

    def stolen(self, number: str) -> None:
        body = {
            "id": f"doc-{number}",
            "owner": "DEU",
            "number": number,
            "issuing_country": "DEU",
            "type": "passport",
            "status": "stolen",
            "action": "Seize the document.",
        }
        self.call("POST", "/v1/records/documents", json=body)

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.data / "frontline.db") as connection:
            return connection.execute(sql).fetchall()


class NodeCli:
    def __init__(self, folder: Path, runtime: Path) -> None:
        self.env = {
            **os.environ,
            "FRONTLINE_NODE_DIR": str(folder),
            "FRONTLINE_NODE_RUNTIME_DIR": str(runtime),
            "FRONTLINE_NODE_PASSPHRASE": PASSPHRASE,
        }
        self.settings = Settings(node_dir=folder, node_runtime_dir=runtime)

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "frontline", "node", *args]

    def run(self, *args: str, expect: int = 0, file_limit: int | None = None) -> str:
        """The command's output; ``file_limit``: no file it writes may grow past so many
        bytes (RLIMIT_FSIZE), a disk that refuses writes as a full one does."""

        def limit() -> None:
            if file_limit is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

        done = subprocess.run(
            self.command(*args),
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=limit,
        )
        assert done.returncode == expect, done.stdout + done.stderr
        return done.stdout + done.stderr

    def check(self, number: str) -> dict[str, Any]:
        """A check through the CLI, as an officer makes it."""
        out = self.run("check", "document", "--number", number, "--country", "DEU", "--json")
        result: dict[str, Any] = orjson.loads(out)
        return result

    def verdict(self, number: str) -> str:
        """The same check code in this process (quicker than a CLI start)."""
        checker = NodeChecker(Node(self.settings), use_index=False)
        try:
            return str(checker.check({"document": {"number": number, "country": "DEU"}})["verdict"])
        finally:
            checker.close()

    def queue(self) -> UploadQueue:
        folder = Node(self.settings)
        return UploadQueue(folder, folder.key(folder.state()))

    def spawn(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.command(*args), env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )


@pytest.fixture
def field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Server, NodeCli]]:
    monkeypatch.setenv("FRONTLINE_NODE_PASSPHRASE", PASSPHRASE)  # the test's own queue reads
    server = Server(tmp_path / "server")
    server.start()
    try:
        yield server, NodeCli(tmp_path / "node", tmp_path / "ram")
    finally:
        server.stop()


def test_a_field_day_sync_offline_checks_upload_cancel_and_refusals(
    field: tuple[Server, NodeCli],
) -> None:
    server, node = field
    server.stolen("SYNC0001")
    hello = server.call("GET", "/v1/sync/hello", as_user="demo-officer")

    out = node.run(
        "init",
        "--server",
        server.base,
        "--token",
        server.token("demo-officer"),
        "--fingerprint",
        hello["fingerprint"],
    )
    assert hello["fingerprint"] in out
    node.run("sync")
    assert not list(Path(node.env["FRONTLINE_NODE_DIR"]).rglob("*.db"))  # nothing clear on disk

    # Offline: the server is gone, checks go on and are queued.
    server.stop()
    hit = node.check("SYNC0001")
    assert hit["verdict"] == "hit"
    assert hit["hits"][0]["record_id"] == "doc-SYNC0001"
    assert hit["data_as_of"].endswith("Z")
    assert node.verdict("CLEAN0001") == "no_hit"
    two_days_on = NodeChecker(
        Node(node.settings), use_index=False, clock=lambda: dt.datetime.now(dt.UTC) + DAYS_2
    )
    late = two_days_on.check({"document": {"number": "CLEAN0002", "country": "DEU"}})
    two_days_on.close()
    assert [warning["code"] for warning in late["warnings"]] == ["stale_data"]
    flat_battery = NodeChecker(Node(node.settings), use_index=False, clock=lambda: EPOCH)
    early = flat_battery.check({"document": {"number": "CLEAN0003", "country": "DEU"}})
    flat_battery.close()
    assert [warning["code"] for warning in early["warnings"]] == ["clock_behind"]
    wrong = {**node.env, "FRONTLINE_NODE_PASSPHRASE": "not the passphrase"}
    refused = subprocess.run(node.command("status"), env=wrong, capture_output=True, text=True)
    assert refused.returncode == 2
    assert "wrong node passphrase" in refused.stdout + refused.stderr
    assert "cannot be reached" in node.run("sync", expect=2)

    # Back in range: the queue goes up, its hit opens a case at its true time, marked offline.
    server.start()
    queued = node.queue().log.read_bytes()
    node.run("sync")
    assert node.queue().log.read_bytes() == b""  # delivered: trimmed off the device
    cases = server.rows("SELECT check_id, created_at FROM cases WHERE record_id = 'doc-SYNC0001'")
    assert [row[0] for row in cases] == [hit["check_id"]]
    offline = server.rows("SELECT check_id, checked_at FROM offline_checks ORDER BY seq")
    assert len(offline) == 4  # the hit, the clean one, the late one, the early one
    (dated,) = [row[1] for row in offline if row[0] == early["check_id"]]
    assert str(dated) >= early["data_as_of"][:10]  # dated no earlier than its copy
    assert offline[0][0] == hit["check_id"]
    assert cases[0][1] == offline[0][1]
    payloads = [orjson.loads(row[0]) for row in server.rows("SELECT payload FROM outbox")]
    opened = [p for p in payloads if p["case"]["record_id"] == "doc-SYNC0001"]
    assert opened[0]["origin"]["offline"] is True
    assert opened[0]["origin"]["node_seq"] == 1

    # Sent again (as after a crash before the acknowledgement and the trim): nothing is
    # counted twice.
    node.queue().log.write_bytes(queued)
    node.queue().set_uploaded(0)
    assert "0 uploaded, 4 already known" in node.run("upload")
    assert len(server.rows("SELECT 1 FROM cases WHERE record_id = 'doc-SYNC0001'")) == 1
    assert len(server.rows("SELECT 1 FROM audit WHERE result LIKE '%\"offline\"%'")) == 4

    # A cancelled record stops hitting at the next sync.
    server.call("POST", "/v1/records/documents/doc-SYNC0001/cancel")
    node.run("sync")
    assert node.check("SYNC0001")["verdict"] == "no_hit"

    # A tampered delta is refused and the old copy keeps answering.
    server.stolen("SYNC0002")
    since = orjson.loads(node.run("status", "--json"))["version"]
    manifest = server.call("GET", "/v1/sync/manifest", params={"since": since})
    served = server.data / "sync" / manifest["files"][0]["name"]
    good = served.read_bytes()
    served.write_bytes(good[:-8] + bytes(8))
    assert "checksum" in node.run("sync", expect=2)
    assert node.verdict("SYNC0001") == "no_hit"
    assert node.verdict("SYNC0002") == "no_hit"  # the old copy: not yet known
    served.write_bytes(good)

    # A server key other than the pinned one is refused.
    state_path = Path(node.env["FRONTLINE_NODE_DIR"]) / "node.json"
    pinned = state_path.read_bytes()
    state = orjson.loads(pinned)
    state["public_key"] = "Z" * 43 + "="
    state_path.write_bytes(orjson.dumps(state))
    assert "does not verify" in node.run("sync", expect=2)
    state_path.write_bytes(pinned)

    # A download cut in the middle resumes where it stopped.
    part = Path(node.env["FRONTLINE_NODE_RUNTIME_DIR"]) / state["node_id"] / "downloads"
    part.mkdir(parents=True, exist_ok=True)
    (part / f"{served.name}.part").write_bytes(good[: len(good) // 2])
    assert f"resuming {served.name} at byte {len(good) // 2}" in node.run("sync")
    assert node.verdict("SYNC0002") == "hit"

    # A disk that refuses writes during a sync (Python ignores SIGXFSZ, so a write past the
    # limit fails as on a full disk): a clear error, and the copy in force still answers.
    server.stolen("SYNC0003")
    full = " ".join(node.run("sync", expect=2, file_limit=64).split())  # unwrapped
    assert "cannot write all.any.delta." in full
    assert "the copy is unchanged" in full
    assert "Traceback" not in full
    assert node.verdict("SYNC0002") == "hit"
    assert node.verdict("SYNC0003") == "no_hit"
    node.run("sync")
    assert node.verdict("SYNC0003") == "hit"


def test_a_node_killed_during_sync_and_upload_keeps_its_copy_and_counts_once(
    field: tuple[Server, NodeCli], tmp_path: Path
) -> None:
    server, node = field
    node.run("init", "--server", server.base, "--token", server.token("demo-officer"))
    server.stolen("KILL0001")
    node.run("sync")

    # A big delta (20,000 documents): the node is killed while it syncs it.
    lines = (
        orjson.dumps(
            {
                "id": f"bulk-{n}",
                "owner": "DEU",
                "number": f"B{n:07d}",
                "issuing_country": "DEU",
                "type": "passport",
                "status": "lost",
            }
        )
        for n in range(20_000)
    )
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_bytes(b"\n".join(lines) + b"\n")
    env = {**os.environ, "FRONTLINE_DATA_DIR": str(server.data)}
    env.pop("FRONTLINE_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "frontline", "import", "documents", str(bulk)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    syncing = node.spawn("sync")
    time.sleep(2.0)  # started, and into the download or the apply
    syncing.send_signal(signal.SIGKILL)
    syncing.wait()
    assert node.verdict("KILL0001") == "hit"  # a copy, old or new, answers
    node.run("sync")
    assert node.verdict("B0019999") == "hit"

    # 2,000 checks queued; the node is killed during their upload, then uploads again.
    queue = node.queue()
    before = queue.counts()["checks_made"]
    request = {"document": {"number": "NOHIT", "country": "DEU"}}
    for n in range(2000):
        result = {"check_id": f"chk_bulk{n:08d}", "verdict": "no_hit", "hits": [], "warnings": []}
        queue.append(at="2026-11-30T08:00:00+00:00", request=request, result=result)
    uploading = node.spawn("upload")
    time.sleep(2.0)
    uploading.send_signal(signal.SIGKILL)
    uploading.wait()
    node.run("upload")
    rows = server.rows("SELECT count(*), count(DISTINCT check_id) FROM offline_checks")
    assert rows == [(before + 2000, before + 2000)]
    audited = server.rows("SELECT count(*) FROM audit WHERE check_id LIKE 'chk_bulk%'")
    assert audited == [(2000,)]
    # What the server has is gone from the device; numbering goes on from it.
    assert queue.counts() == {"queued": 0, "uploaded": before + 2000, "checks_made": before + 2000}
    assert queue.log.stat().st_size == 0

    # `node serve` answers the server's check body on loopback, from the same copy.
    port = _free_port()
    serving = node.spawn("serve", "--port", str(port))
    try:
        for _ in range(300):
            try:
                httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        body = {"document": {"number": "KILL0001", "country": "DEU"}}
        answer = httpx.post(f"http://127.0.0.1:{port}/v1/checks", json=body, timeout=30).json()
        assert answer["verdict"] == "hit"
        assert answer["data_as_of"].endswith("Z")
    finally:
        serving.terminate()
        serving.wait(timeout=30)

    # The officer's token revoked (a lost device): the node is told so, and checks go on.
    subprocess.run(
        [sys.executable, "-m", "frontline", "users", "revoke", "demo-officer"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert "expired or revoked" in node.run("sync", expect=2)
    assert node.verdict("KILL0001") == "hit"
