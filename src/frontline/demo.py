"""Seeding the synthetic demo world into a store, or writing it out as import files."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import orjson

from frontline.domain.records import RecordKind
from frontline.errors import Conflict
from frontline.records.kinds import build_row
from frontline.services import Services
from frontline.store.database import write_transaction
from frontline.synth import generate_world, world_rows

__all__ = ["DEMO_USERS", "is_empty", "seed_world", "write_world_files"]

DEMO_USERS = (
    ("demo-officer", "officer", "FRA"),
    ("demo-bureau", "bureau", "FRA"),
    ("demo-admin", "admin", "FRA"),
)


def _world_rows(
    size: int, seed: int, today: dt.date
) -> tuple[Any, dict[RecordKind, list[dict[str, Any]]]]:
    world = generate_world(size=size, seed=seed, today=today)
    return world, {kind: list(world_rows(world, kind)) for kind in RecordKind}


def is_empty(services: Services) -> bool:
    return all(services.store.count(kind) == 0 for kind in RecordKind)


def seed_world(services: Services, *, size: int, seed: int, today: dt.date) -> dict[str, Any]:
    """Load a synthetic world (validated like any import) and make the demo users.

    Demo tokens go to ``<data_dir>/demo-tokens.txt`` (owner-only) so a newcomer can make a
    first check; they are demo accounts on demo data, and a new token is made each seeding.
    """
    world, rows = _world_rows(size, seed, today)
    now = services.clock()
    counts = {}
    with write_transaction(services.engine) as connection:
        for kind, raw_rows in rows.items():
            valid = [build_row(kind, raw) for raw in raw_rows]
            counts[kind.value] = services.store.upsert_in(connection, kind, valid, now=now)
    if services.index is not None:
        services.index.refresh()
    tokens = _demo_users(services, now)
    samples = [
        {"label": sample.label, "mrz": list(sample.lines), "expected": sample.expected_verdict}
        for sample in world.sample_mrzs
    ]
    return {"records": counts, "demo_tokens": tokens, "sample_mrzs": samples}


def _demo_users(services: Services, now: dt.datetime) -> dict[str, str]:
    tokens = {}
    for name, role, country in DEMO_USERS:
        try:
            tokens[name] = services.users.add(name=name, role=role, country=country, now=now).token
        except Conflict:
            continue
    if tokens:
        path = services.settings.data_dir / "demo-tokens.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(f"{name} {token}\n" for name, token in tokens.items())
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a") as handle:
            handle.write(lines)
    return tokens


def write_world_files(folder: Path, *, size: int, seed: int, today: dt.date) -> dict[str, int]:
    """Write the world as one JSON lines file per kind (the import format)."""
    folder.mkdir(parents=True, exist_ok=True)
    _world, rows = _world_rows(size, seed, today)
    counts = {}
    for kind, raw_rows in rows.items():
        with (folder / f"{kind.value}.jsonl").open("wb") as handle:
            for row in raw_rows:
                handle.write(orjson.dumps(row) + b"\n")
        counts[kind.value] = len(raw_rows)
    return counts
