"""The kill test: a dispatcher process killed with SIGKILL mid-delivery loses nothing, and
a receiver that honours idempotency keys acts on every notification exactly once, while it
refuses 30% of requests (SQLite and PostgreSQL; real processes on loopback)."""

from __future__ import annotations

from pathlib import Path

from bench.outbox_drill import run_drill


def test_every_notification_arrives_once_across_a_kill_and_a_failing_receiver(
    database_url: str, tmp_path: Path
) -> None:
    result = run_drill(tmp_path / "data", hits=150, database_url=database_url, fail_rate=0.3)
    assert result.events == 300  # each hit: to the owner, then to the checking country
    assert 0 < result.killed_after_delivered < 300  # the kill came mid-way
    assert result.receiver["refused"] > 0
    assert result.missing == 0
    assert result.unexpected == 0
    assert result.outbox == {"pending": 0, "delivered": 300, "dead": 0}
    assert result.receiver["acted"] == 300
    assert result.exactly_once
