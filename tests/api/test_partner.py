"""/v1/partner: a reference and no_hit or refer, nothing else; hits reach both bureaus as
cases; names refused; quotas and rates answered 429 with Retry-After; every check audited."""

from __future__ import annotations

from frontline.domain.records import RecordKind
from frontline.store.partners import PartnerLimits
from tests.api.conftest import Api
from tests.conftest import FrozenClock
from tests.factories import ADMIN, document

STOLEN = {"number": "X1234567", "country": "FRA", "type": "passport"}
CLEAN = {"number": "C7654321", "country": "FRA"}


def _stolen(api: Api) -> None:
    api.services.records.create(
        principal=ADMIN, kind=RecordKind.DOCUMENTS, raw=document("X1234567", id="DOC-1")
    )


def _partner(api: Api, **limits: int) -> dict[str, str]:
    headers = api.headers("partner", "DEU")
    if limits:
        values = {"daily_quota": 10_000, "per_minute": 1_000, "max_batch": 1_000, **limits}
        api.services.partners.set_limits(
            principal=ADMIN, partner="partner-DEU", limits=PartnerLimits(**values)
        )
    return headers


def test_a_partner_learns_a_reference_and_refer_or_no_hit_only(api: Api) -> None:
    _stolen(api)
    headers = _partner(api)
    hit = api.client.post("/v1/partner/checks", json=STOLEN, headers=headers)
    clean = api.client.post("/v1/partner/checks", json=CLEAN, headers=headers)
    assert (hit.status_code, clean.status_code) == (200, 200)
    assert set(hit.json()) == set(clean.json()) == {"reference", "result"}
    assert (hit.json()["result"], clean.json()["result"]) == ("refer", "no_hit")
    for field in ("DOC-1", "stolen", "Seize"):
        assert field not in hit.text


def test_the_hit_goes_to_the_owner_and_the_partners_bureau_as_one_case(api: Api) -> None:
    _stolen(api)
    reference = api.client.post("/v1/partner/checks", json=STOLEN, headers=_partner(api)).json()[
        "reference"
    ]
    cases = api.client.get("/v1/cases", headers=api.headers("bureau", "FRA")).json()["items"]
    [case] = cases
    assert (case["check_id"], case["record_owner"], case["checking_country"]) == (
        reference,
        "FRA",
        "DEU",
    )
    seen = api.client.get("/v1/cases", headers=api.headers("bureau", "DEU")).json()["items"]
    assert [item["id"] for item in seen] == [case["id"]]
    told = {(event.receiver, event.event_type) for event in api.services.outbox.events()}
    assert told == {("FRA", "case.opened"), ("DEU", "case.opened")}


def test_a_batch_answers_in_order_with_the_partners_ids(api: Api) -> None:
    _stolen(api)
    body = {"checks": [{**CLEAN, "id": "a"}, {**STOLEN, "id": "b"}, CLEAN]}
    answer = api.client.post("/v1/partner/checks/batch", json=body, headers=_partner(api))
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [(item.get("id"), item["result"]) for item in results] == [
        ("a", "no_hit"),
        ("b", "refer"),
        (None, "no_hit"),
    ]
    assert answer.json()["summary"] == {"checks": 3, "no_hit": 2, "refer": 1}


def test_a_name_is_refused_and_nothing_is_checked(api: Api) -> None:
    headers = _partner(api)
    for body in ({**CLEAN, "name": "Anna Petrova"}, {**CLEAN, "surname": "Petrova"}):
        refused = api.client.post("/v1/partner/checks", json=body, headers=headers)
        assert refused.status_code == 422
        assert "partners never send names" in refused.json()["error"]["message"]
    batch = {"checks": [CLEAN, {**CLEAN, "given_names": "Anna"}]}
    refused = api.client.post("/v1/partner/checks/batch", json=batch, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["error"]["details"][0]["field"] == "checks[1].given_names"
    assert api.client.get("/v1/partner/usage", headers=headers).json()["used"] == 0
    assert api.services.audit.list(limit=10) == []


def test_bad_fields_and_shapes_are_422_in_the_one_error_shape(api: Api) -> None:
    headers = _partner(api)
    for body in ({"number": "X1"}, {**CLEAN, "country": "ZZZ"}, {**CLEAN, "colour": "red"}):
        answer = api.client.post("/v1/partner/checks", json=body, headers=headers)
        assert answer.status_code == 422
        assert set(answer.json()["error"]) == {"code", "message", "details"}
    answer = api.client.post("/v1/partner/checks/batch", json=[CLEAN], headers=headers)
    assert answer.status_code == 422


def test_over_the_daily_quota_is_429_until_midnight_utc(api: Api, clock: FrozenClock) -> None:
    headers = _partner(api, daily_quota=3)
    body = {"checks": [CLEAN, CLEAN]}
    first = api.client.post("/v1/partner/checks/batch", json=body, headers=headers)
    assert first.status_code == 200
    over = api.client.post("/v1/partner/checks/batch", json=body, headers=headers)
    assert over.status_code == 429
    assert over.json()["error"]["code"] == "rate_limited"
    assert "daily quota of 3" in over.json()["error"]["message"]
    # The frozen clock stands at 10:00 UTC: 14 hours to midnight.
    assert over.headers["Retry-After"] == str(14 * 3600)
    assert api.client.post("/v1/partner/checks", json=CLEAN, headers=headers).status_code == 200
    usage = api.client.get("/v1/partner/usage", headers=headers).json()
    assert (usage["used"], usage["daily_quota"]) == (3, 3)
    clock.advance(hours=14)
    assert api.client.post("/v1/partner/checks", json=CLEAN, headers=headers).status_code == 200


def test_over_the_rate_is_429_with_retry_after(api: Api, clock: FrozenClock) -> None:
    headers = _partner(api, per_minute=2)
    codes = [
        api.client.post("/v1/partner/checks", json=CLEAN, headers=headers).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 429]
    over = api.client.post("/v1/partner/checks", json=CLEAN, headers=headers)
    assert over.headers["Retry-After"] == "30"
    clock.advance(seconds=30)
    assert api.client.post("/v1/partner/checks", json=CLEAN, headers=headers).status_code == 200


def test_a_batch_over_the_partners_size_is_413(api: Api) -> None:
    headers = _partner(api, max_batch=2)
    body = {"checks": [CLEAN, CLEAN, CLEAN]}
    answer = api.client.post("/v1/partner/checks/batch", json=body, headers=headers)
    assert answer.status_code == 413


def test_every_partner_check_is_audited(api: Api) -> None:
    _stolen(api)
    headers = _partner(api)
    api.client.post("/v1/partner/checks/batch", json={"checks": [CLEAN, STOLEN]}, headers=headers)
    entries = api.services.audit.list(limit=10)
    assert sorted(entry.verdict or "" for entry in entries) == ["hit", "no_hit"]
    assert {(entry.event, entry.user_name, entry.role) for entry in entries} == {
        ("partner_check", "partner-DEU", "partner")
    }


def test_officers_do_not_use_the_partner_door(api: Api) -> None:
    answer = api.client.post("/v1/partner/checks", json=CLEAN, headers=api.headers("officer"))
    assert answer.status_code == 403
