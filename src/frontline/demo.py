"""Seeding the synthetic demo world into a store, or writing it out as import files."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Any

import orjson

from frontline.domain.records import RecordKind
from frontline.domain.users import Principal, Role
from frontline.errors import Conflict
from frontline.records.kinds import build_row
from frontline.services import Services
from frontline.store.database import write_transaction
from frontline.synth import World, generate_world, world_rows
from frontline.synth.specimens import demo_alerts, demo_specimens

__all__ = [
    "DEMO_USERS",
    "demo_logins",
    "is_empty",
    "load_world",
    "seed_world",
    "write_world_files",
]

DEMO_LOGINS_FILE = "demo-logins.txt"

DEMO_USERS = (
    ("demo-officer", "officer", "FRA"),
    ("demo-bureau", "bureau", "FRA"),
    ("demo-admin", "admin", "FRA"),
)


def _world_rows(
    size: int, seed: int, today: dt.date
) -> tuple[World, dict[RecordKind, list[dict[str, Any]]]]:
    world = generate_world(size=size, seed=seed, today=today)
    return world, {kind: list(world_rows(world, kind)) for kind in RecordKind}


def is_empty(services: Services) -> bool:
    return all(services.store.count(kind) == 0 for kind in RecordKind)


def load_world(
    services: Services, *, size: int, seed: int, today: dt.date
) -> tuple[World, dict[str, int]]:
    """Load a synthetic world's records (validated like any import), in one write; the
    world and the records loaded per kind. No users: training spaces seed with this."""
    world, rows = _world_rows(size, seed, today)
    now = services.clock()
    counts = {}
    with write_transaction(services.engine) as connection:
        for kind, raw_rows in rows.items():
            valid = [build_row(kind, raw) for raw in raw_rows]
            counts[kind.value] = services.store.upsert_in(connection, kind, valid, now=now)
    if services.index is not None:
        services.index.refresh()
    seeder = Principal(0, "demo-seed", Role.ADMIN, "XXX")  # specimens of every country
    counts["specimens"] = services.references.load(
        principal=seeder, kind="specimens", raws=demo_specimens()
    )
    counts["alerts"] = services.references.load(
        principal=seeder, kind="alerts", raws=demo_alerts(today)
    )
    return world, counts


def seed_world(services: Services, *, size: int, seed: int, today: dt.date) -> dict[str, Any]:
    """Load a synthetic world (validated like any import) and make the demo users.

    Demo tokens go to ``<data_dir>/demo-tokens.txt`` and console passwords to
    ``<data_dir>/demo-logins.txt`` (both owner-only) so a newcomer can make a first check;
    they are demo accounts on demo data, and new ones are made each seeding.
    """
    world, counts = load_world(services, size=size, seed=seed, today=today)
    now = services.clock()
    tokens = _demo_users(services, now)
    logins = _demo_passwords(services, list(tokens))
    samples = [
        {"label": sample.label, "mrz": list(sample.lines), "expected": sample.expected_verdict}
        for sample in world.sample_mrzs
    ]
    return {
        "records": counts,
        "demo_tokens": tokens,
        "demo_logins": logins,
        "sample_mrzs": samples,
    }


def _demo_users(services: Services, now: dt.datetime) -> dict[str, str]:
    tokens = {}
    for name, role, country in DEMO_USERS:
        try:
            tokens[name] = services.users.add(name=name, role=role, country=country, now=now).token
        except Conflict:
            continue
    _append_secrets(services.settings.data_dir / "demo-tokens.txt", tokens)
    return tokens


def _demo_passwords(services: Services, names: list[str]) -> dict[str, str]:
    """A random console password for each new demo user (random, not a fixed "demo", so a
    demo server reachable from a network is not open to anyone who read the README)."""
    logins = {name: secrets.token_urlsafe(12) for name in names}
    for name, password in logins.items():
        services.users.set_password(name, password)
    _append_secrets(services.settings.data_dir / DEMO_LOGINS_FILE, logins)
    return logins


def _append_secrets(path: Path, pairs: dict[str, str]) -> None:
    if not pairs:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(f"{name} {value}\n" for name, value in pairs.items())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a") as handle:
        handle.write(lines)


def demo_logins(data_dir: Path) -> dict[str, str]:
    """The latest demo console logins saved in ``data_dir`` (name -> password), if any."""
    path = data_dir / DEMO_LOGINS_FILE
    if not path.exists():
        return {}
    logins = {}
    for line in path.read_text().splitlines():
        name, _, password = line.partition(" ")
        if name and password:
            logins[name] = password
    return logins


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
