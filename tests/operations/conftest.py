from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

import pytest

from frontline.domain.operations import Operation
from frontline.errors import Conflict
from frontline.services import Services
from tests.conftest import FrozenClock
from tests.factories import ADMIN

START = dt.datetime(2026, 11, 22, 6, 0, tzinfo=dt.UTC)
END = dt.datetime(2026, 11, 27, 6, 0, tzinfo=dt.UTC)
POINTS: list[dict[str, Any]] = [
    {"code": "MNL", "type": "air", "name": "Manila NAIA"},
    {"code": "PHMNL", "type": "sea", "name": "Port of Manila"},
    {"code": "PHCEB", "type": "land", "name": "Cebu crossing"},
]


def make_operation(services: Services, **overrides: Any) -> Operation:
    """Operation Manila: PHL, 22-27 November, NOMINAL and SMV opened, officer-1 taking part."""
    for name, role, country in (("officer-1", "officer", "FRA"), ("officer-2", "officer", "FRA")):
        with contextlib.suppress(Conflict):  # already made
            services.users.add(name=name, role=role, country=country, now=services.clock())
    arguments: dict[str, Any] = {
        "principal": ADMIN,
        "name": "Operation Manila",
        "host_country": "PHL",
        "starts_at": START,
        "ends_at": END,
        "border_points": POINTS,
        "databases": ["NOMINAL", "SMV"],
        "crime_areas": ["human trafficking"],
        "officers": ["officer-1"],
        "devices": ["tablet-7"],
    }
    arguments.update(overrides)
    return services.operations.create(**arguments)


@pytest.fixture
def operation(services: Services, clock: FrozenClock) -> Operation:
    return make_operation(services)
