"""GET /v1/audit/verify: the chain's state, for administrators."""

from __future__ import annotations

from sqlalchemy import update

from frontline.store import tables
from tests.api.conftest import Api


def test_an_admin_reads_the_chain_state_and_sees_where_it_breaks(api: Api) -> None:
    check = {"document": {"number": "X1", "country": "FRA"}}
    for _ in range(3):
        assert api.client.post("/v1/checks", json=check, headers=api.headers()).status_code == 200
    answer = api.client.get("/v1/audit/verify", headers=api.headers("admin"))
    assert answer.status_code == 200
    assert answer.json()["intact"] is True
    assert answer.json()["entries"] == 3

    with api.services.engine.begin() as connection:
        connection.execute(update(tables.audit).where(tables.audit.c.seq == 2).values(query={}))
    broken = api.client.get("/v1/audit/verify", headers=api.headers("admin")).json()
    assert broken["intact"] is False
    assert broken["problems"] == [
        {"seq": 2, "problem": "edited", "detail": "its fields no longer give its stored hash"}
    ]
