"""Two real processes: a node initialised for an operation syncs what the operation opens,
and its checks reach the server counted in the operation, at its border point."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sync.test_offline_node import PASSPHRASE, NodeCli, Server

pytestmark = pytest.mark.slow


def test_a_node_of_an_operation_syncs_its_databases_and_uploads_into_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FRONTLINE_NODE_PASSPHRASE", PASSPHRASE)
    server = Server(tmp_path / "server")
    server.start()
    try:
        now = dt.datetime.now(dt.UTC)
        operation = server.call(
            "POST",
            "/v1/operations",
            json={
                "name": "Operation Sulu",
                "host_country": "FRA",
                "starts_at": (now - dt.timedelta(hours=1)).isoformat(),
                "ends_at": (now + dt.timedelta(days=1)).isoformat(),
                "databases": ["SLTD"],
                "border_points": [{"code": "PHMNL", "type": "sea", "name": "Port of Manila"}],
                "officers": ["demo-officer"],
            },
        )
        server.stolen("OPS00001")
        node = NodeCli(tmp_path / "node", tmp_path / "ram")
        init = ["init", "--server", server.base, "--operation"]
        bureau = server.token("demo-bureau")
        unknown = node.run(*init, "op_nosuch", "--token", bureau, expect=2)
        assert "no operation op_nosuch" in unknown
        assert "not a participant" in node.run(*init, operation["id"], "--token", bureau, expect=2)
        officer = server.token("demo-officer")
        node.run(*init, operation["id"], "--token", officer, "--border-point", "PHMNL")
        node.run("sync")
        files = [path.name for path in (tmp_path / "node" / "copy").iterdir()]
        assert files
        assert all(name.startswith("documents.any.") for name in files)

        hit = node.check("OPS00001")
        assert hit["verdict"] == "hit"
        assert hit["offline"]["operation_id"] == operation["id"]
        node.run("upload")
        rows = server.rows(
            "select operation_id, border_point from audit where user_name = 'demo-officer'"
        )
        assert rows == [(operation["id"], "PHMNL")]
    finally:
        server.stop()
