"""Offline node sync at scale (issue 6): snapshot size and sync time over loopback, a delta
of 10,000 changes applied, and check latency on the node against the server's.

Usage: python -m bench.bench_sync [--documents 10000000] [--persons 1000000]
       [--delta 10000] [--checks 300]

A real `frontline serve` on a loopback port and a node in this process (its folders in a
temporary directory, the working copy in RAM); the check latencies are both over HTTP on
loopback: the server's POST /v1/checks against `frontline node serve`'s, one at a time.
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.bench_persons import make_people
from bench.common import Stopwatch, emit, load_documents, percentiles
from frontline.domain.records import RecordKind
from frontline.domain.users import Role
from frontline.records.kinds import build_row
from frontline.services import open_services
from frontline.settings import Settings
from frontline.sync import client
from frontline.sync.node import Node
from frontline.sync.working import ensure_working_copy


def _progress(step: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {step}", file=sys.stderr, flush=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    for _ in range(6000):
        if process.poll() is not None:
            raise SystemExit(f"{url}: the process ended")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")


def _person_rows(count: int) -> list[dict[str, Any]]:
    return [
        build_row(
            RecordKind.PERSONS,
            {
                "id": f"BENCH-P{n:07d}",
                "owner": "FRA",
                "type": "red",
                "name": person["names"][0],
                "aliases": person["names"][1:],
                "birth_date": person["born"].isoformat(),
                "sex": person["sex"],
                "action": "Arrest and inform the owner.",
            },
        )
        for n, person in enumerate(make_people(count, seed=3))
    ]


def _timed_checks(
    url: str, headers: dict[str, str], bodies: list[dict[str, Any]]
) -> dict[str, float]:
    samples = []
    with httpx.Client(base_url=url, headers=headers, timeout=30) as http:
        for body in bodies[:20]:  # warm up
            http.post("/v1/checks", json=body)
        for body in bodies:
            start = time.perf_counter_ns()
            response = http.post("/v1/checks", json=body)
            samples.append(time.perf_counter_ns() - start)
            assert response.status_code == 200, response.text
    return {
        key.replace("_us", "_ms"): round(value / 1000, 3) if key != "n" else value
        for key, value in percentiles(samples).items()
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--persons", type=int, default=10_000)
    parser.add_argument("--delta", type=int, default=10_000)
    parser.add_argument("--checks", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="Keep the temporary folders.")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    data = root / "server"
    settings = Settings(data_dir=data)
    services = open_services(settings, use_index=False)
    _progress("loading the server")
    with Stopwatch() as load:
        load_documents(services.store, args.documents)
        rows = _person_rows(args.persons)
        for start in range(0, len(rows), 10_000):
            services.store.upsert(
                RecordKind.PERSONS, rows[start : start + 10_000], now=services.clock()
            )
    token = services.users.add(
        name="bench-officer", role=Role.OFFICER, country="FRA", now=services.clock()
    ).token
    numbers = [
        (row.number, row.issuing_country)
        for row in services.store.search(RecordKind.DOCUMENTS, limit=args.checks // 2)
        if row.number
    ]
    services.close()

    port = _free_port()
    env = {
        **os.environ,
        "FRONTLINE_DATA_DIR": str(data),
        "FRONTLINE_DELIVER_NOTIFICATIONS": "false",
    }
    env.pop("FRONTLINE_DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "frontline", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    node_process = None
    try:
        _wait(base, server)
        key_text = base64.b64encode(os.urandom(32)).decode()
        os.environ["FRONTLINE_NODE_KEY"] = key_text
        node_settings = Settings(
            node_dir=root / "node", node_runtime_dir=Path("/dev/shm") / root.name
        )
        node = Node(node_settings)
        client.init_node(
            node,
            server=base,
            token=token,
            passphrase=None,
            key_text=key_text,
            expected_fingerprint=None,
            kinds=None,
            owner=None,
        )
        headers = {"Authorization": f"Bearer {token}"}
        _progress(f"loaded in {load.seconds:.0f} s; the server cuts its first snapshot")
        with Stopwatch() as cut:  # the first manifest starts the cut, answered when it is done
            while (
                answer := httpx.get(f"{base}/v1/sync/manifest", headers=headers, timeout=120)
            ).status_code != 200:
                if answer.status_code != 503 or answer.json()["error"]["code"] != "not_ready":
                    raise SystemExit(f"the manifest: {answer.status_code} {answer.text}")
                time.sleep(1)
        _progress(f"cut in {cut.seconds:.0f} s; the node syncs")
        with Stopwatch() as first:
            summary = client.sync_node(node)
        state = node.state()
        snapshot = state["copy"]["files"][0]
        sealed = sum(path.stat().st_size for path in (root / "node" / "copy").glob("*.sealed"))
        working = ensure_working_copy(node, state, node.key(state))

        _progress(f"synced in {first.seconds:.0f} s; a delta of {args.delta} changes")
        # A delta of --delta changes: documents whose status changes, one write.
        services = open_services(settings, use_index=False)
        changed = [
            {
                **build_row(
                    RecordKind.DOCUMENTS,
                    {
                        "id": f"BENCH-D{n:06d}",
                        "owner": "DEU",
                        "number": f"BD{n:07d}",
                        "issuing_country": "DEU",
                        "type": "passport",
                        "status": "stolen",
                    },
                )
            }
            for n in range(args.delta)
        ]
        services.store.upsert(RecordKind.DOCUMENTS, changed, now=services.clock())
        services.close()
        with Stopwatch() as delta_total:
            state = node.state()
            key = node.key(state)
            token_text = node.token(state, key)
            manifest = client._manifest(state, token_text)
            for entry in manifest["files"]:
                client._download(node, state, token_text, key, entry, lambda _: None)
            client._adopt(node, state, key, manifest)
            with Stopwatch() as delta_apply:
                ensure_working_copy(node, state, key)

        node_port = _free_port()
        node_env = {
            **os.environ,
            "FRONTLINE_NODE_DIR": str(root / "node"),
            "FRONTLINE_NODE_RUNTIME_DIR": str(node_settings.node_runtime_dir),
        }
        node_process = subprocess.Popen(
            [sys.executable, "-m", "frontline", "node", "serve", "--port", str(node_port)],
            env=node_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        node_base = f"http://127.0.0.1:{node_port}"
        _wait(node_base, node_process)
        rng = random.Random(5)
        bodies = [
            {"document": {"number": number, "country": country}} for number, country in numbers
        ]
        bodies += [
            {"document": {"number": f"N{rng.randrange(10**8):08d}", "country": "FRA"}}
            for _ in range(args.checks - len(bodies))
        ]
        rng.shuffle(bodies)
        _progress("check latency, server then node")
        server_latency = _timed_checks(base, headers, bodies)
        node_latency = _timed_checks(node_base, {}, bodies)
        emit(
            {
                "benchmark": "sync",
                "documents": args.documents,
                "persons": args.persons,
                "load_seconds": round(load.seconds, 1),
                "snapshot": {
                    "records": snapshot["records"],
                    "gzip_bytes": (data / "sync" / snapshot["name"]).stat().st_size,
                    "sealed_bytes_on_node": sealed,
                    "working_copy_bytes_in_ram": working.stat().st_size,
                    "server_cut_seconds": round(cut.seconds, 2),
                    "node_sync_seconds": round(first.seconds, 2),
                    "version": summary["version"],
                },
                "delta": {
                    "changes": args.delta,
                    "download_verify_seal_apply_seconds": round(delta_total.seconds, 3),
                    "apply_seconds": round(delta_apply.seconds, 3),
                },
                "check_latency_ms_http": {
                    "server": server_latency,
                    "node": node_latency,
                    "node_over_server_p50": round(
                        node_latency["p50_ms"] / server_latency["p50_ms"], 2
                    ),
                },
            }
        )
    finally:
        for process in (server, node_process):
            if process is not None:
                process.terminate()
                process.wait(timeout=60)
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(Path("/dev/shm") / root.name, ignore_errors=True)


if __name__ == "__main__":
    main()
