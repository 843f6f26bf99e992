from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from frontline.domain.checks import CheckResult
from frontline.domain.records import RecordKind
from frontline.screening.requests import parse_check_request
from frontline.services import Services, open_services
from frontline.settings import Settings
from tests.conftest import FrozenClock
from tests.factories import ADMIN, OFFICER


@pytest.fixture(params=["index", "sql"])
def screening_services(
    request: pytest.FixtureRequest, settings: Settings, clock: FrozenClock
) -> Iterator[Services]:
    """Services answering checks from the memory index, then from SQL: both must agree."""
    opened = open_services(settings, clock=clock, use_index=request.param == "index")
    yield opened
    opened.close()


Add = Callable[..., None]
Check = Callable[..., CheckResult]


@pytest.fixture
def add(screening_services: Services) -> Add:
    def add_record(kind: str, raw: dict[str, Any]) -> None:
        screening_services.records.create(principal=ADMIN, kind=RecordKind(kind), raw=raw)

    return add_record


@pytest.fixture
def check(screening_services: Services, clock: FrozenClock) -> Check:
    def run(**raw: Any) -> CheckResult:
        request = parse_check_request(raw, today=clock().date())
        return screening_services.screening.check(principal=OFFICER, request=request)

    return run
