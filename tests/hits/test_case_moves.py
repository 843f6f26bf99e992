"""Which moves each party may make on a case now (what the console offers), pure."""

from __future__ import annotations

import datetime as dt

import pytest

from frontline.domain.cases import Case, CaseState, Outcome, allowed_moves, outcomes_after
from frontline.domain.users import Principal
from tests.factories import ADMIN, principal

AT = dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC)


def case(state: str) -> Case:
    """A French record hit at a Spanish border."""
    return Case(
        id="case-1",
        check_id="chk-1",
        created_at=AT,
        state=CaseState(state),
        database="SLTD",
        record_kind="documents",
        record_id="DOC-1",
        record_owner="FRA",
        status="stolen",
        is_possible=False,
        checking_country="ESP",
        checked_by="officer-esp",
        due_at=AT + dt.timedelta(hours=12),
    )


@pytest.mark.parametrize(
    ("state", "who", "moves"),
    [
        ("potential", principal("bureau", "FRA"), ("confirming",)),
        ("potential", principal("officer", "ESP"), ()),
        ("confirming", principal("bureau", "FRA"), ("confirmed", "not_confirmed")),
        ("confirming", principal("bureau", "ESP"), ()),
        ("confirmed", principal("officer", "ESP"), ("closed",)),
        ("confirmed", principal("bureau", "ESP"), ("closed",)),
        ("confirmed", principal("coordinator", "ITA"), ("closed",)),
        ("confirmed", principal("officer", "FRA"), ()),
        ("not_confirmed", principal("bureau", "FRA"), ()),
        ("closed", ADMIN, ()),
        ("confirming", ADMIN, ("confirmed", "not_confirmed")),
        ("potential", principal("partner", "FRA"), ()),
    ],
)
def test_allowed_moves(state: str, who: Principal, moves: tuple[str, ...]) -> None:
    assert allowed_moves(case(state), who) == moves


def test_a_confirmed_case_never_closes_as_false_hit_nor_an_unconfirmed_one_seizes() -> None:
    assert Outcome.FALSE_HIT not in outcomes_after(CaseState.CONFIRMED)
    assert outcomes_after(CaseState.NOT_CONFIRMED) == ("released", "referred", "false_hit")
    assert outcomes_after(CaseState.CONFIRMING) == ()
