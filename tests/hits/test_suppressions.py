"""Suppressions: only the owner decides, the same traveller is let through, everyone else is
still stopped, reversal restores the hit, history and audit are kept (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from frontline.domain.records import RecordKind
from frontline.domain.suppressions import Suppression, subject_keys
from frontline.domain.users import Principal
from frontline.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from frontline.hits.cache import SuppressionCache
from frontline.hits.suppressions import Suppressions
from frontline.services import Services
from frontline.store.database import make_engine
from frontline.store.repository import RecordStore
from frontline.store.suppressions import SuppressionStore
from tests.conftest import FrozenClock
from tests.factories import ADMIN, OFFICER, person, principal

RUSSIAN_BUREAU = principal("bureau", "RUS", "bureau-RUS")
FRENCH_BUREAU = principal("bureau", "FRA", "bureau-FRA")
ANNA = "name:anna petrova|1974-08-12"


@pytest.fixture
def notice(services: Services) -> str:
    """A red notice owned by Russia, on a person named Анна Петрова."""
    raw = person("Анна Петрова", owner="RUS", id="PER-ANNA", birth_date="1974-08-12")
    services.records.create(principal=ADMIN, kind=RecordKind.PERSONS, raw=raw)
    return "PER-ANNA"


def _suppress(services: Services, who: Principal = RUSSIAN_BUREAU, **fields: str) -> Suppression:
    """Suppress the notice's hit for Anna Petrova, born 1974-08-12, unless told otherwise."""
    return services.suppressions.suppress_hit(
        principal=who,
        subject_key=fields.get("subject_key", ANNA),
        record_kind=fields.get("record_kind", "persons"),
        record_id=fields.get("record_id", "PER-ANNA"),
        reason=fields.get("reason", "Fingerprints taken at the border do not match the notice"),
    )


def _traveller(name: str, born: str, *documents: tuple[str, str]) -> tuple[str, ...]:
    return subject_keys(name=name, birth_date=born, documents=documents)


def test_the_decided_traveller_is_let_through_and_everyone_else_still_stopped(
    services: Services, notice: str
) -> None:
    cache = services.suppression_cache
    made = services.suppressions.suppress_hit(
        principal=RUSSIAN_BUREAU,
        subject_key="name:PETROVA<<ANNA|1974-08-12",
        record_kind="persons",
        record_id=notice,
        reason="Fingerprints differ",
    )
    assert made.id.startswith("sup_")
    assert made.subject_key == ANNA
    same_traveller = _traveller("Анна Петрова", "1974-08-12", ("FRA", "X1234567"))
    assert cache.is_suppressed(same_traveller, "persons", notice)
    assert cache.suppression_for(same_traveller, RecordKind.PERSONS, notice) == made.id
    assert not cache.is_suppressed(_traveller("Anna Petrova", "1980-01-01"), "persons", notice)
    assert not cache.is_suppressed(_traveller("Ivan Petrov", "1974-08-12"), "persons", notice)
    assert not cache.is_suppressed(same_traveller, "persons", "PER-OTHER")
    assert not cache.is_suppressed(same_traveller, "documents", notice)


def test_a_suppression_by_document_lets_only_that_document_through(
    services: Services, notice: str
) -> None:
    _suppress(services, subject_key="doc:FRA|X1234567")
    cache = services.suppression_cache
    assert cache.is_suppressed(
        _traveller("Анна Петрова", "1974-08-12", ("FR", "X1234567")), "persons", notice
    )
    namesake = _traveller("Анна Петрова", "1974-08-12", ("FRA", "Y7654321"))
    assert not cache.is_suppressed(namesake, "persons", notice)


@pytest.mark.parametrize(
    "who",
    [FRENCH_BUREAU, OFFICER, principal("officer", "RUS"), principal("partner", "RUS")],
    ids=["another-bureau", "officer", "officer-of-the-owner", "partner"],
)
def test_only_the_owner_bureau_or_an_admin_may_suppress(
    services: Services, notice: str, who: Principal
) -> None:
    with pytest.raises(PermissionDenied):
        _suppress(services, who=who)
    assert services.suppression_store.list() == []
    assert _suppress(services, who=ADMIN).created_by == "admin-1"


def test_unknown_record_kind_or_reason_are_refused(services: Services, notice: str) -> None:
    with pytest.raises(NotFound):
        _suppress(services, record_id="PER-NOBODY")
    with pytest.raises(InvalidInput) as bad_kind:
        _suppress(services, record_kind="spaceships")
    assert bad_kind.value.errors[0].field == "record_kind"
    with pytest.raises(InvalidInput) as no_reason:
        _suppress(services, reason="   ")
    assert no_reason.value.errors[0].field == "reason"
    with pytest.raises(InvalidInput):
        _suppress(services, subject_key="Anna Petrova")
    assert services.suppression_store.list() == []


def test_one_active_suppression_per_subject_and_record(services: Services, notice: str) -> None:
    _suppress(services)
    with pytest.raises(Conflict):
        _suppress(services, subject_key="name:Анна Петрова|1974-08-12")


def test_reversal_restores_the_hit_and_keeps_the_history(
    services: Services, notice: str, clock: FrozenClock
) -> None:
    made = _suppress(services)
    keys = _traveller("Anna Petrova", "1974-08-12")
    clock.advance(days=2)
    with pytest.raises(PermissionDenied):
        services.suppressions.reverse_suppression(
            principal=FRENCH_BUREAU, suppression_id=made.id, reason="not ours"
        )
    undone = services.suppressions.reverse_suppression(
        principal=RUSSIAN_BUREAU, suppression_id=made.id, reason="The prints were mixed up"
    )
    assert not services.suppression_cache.is_suppressed(keys, "persons", notice)
    assert (undone.reversed_by, undone.reversed_at) == ("bureau-RUS", clock())
    with pytest.raises(Conflict):
        services.suppressions.reverse_suppression(
            principal=ADMIN, suppression_id=made.id, reason="again"
        )
    with pytest.raises(NotFound):
        services.suppressions.reverse_suppression(
            principal=ADMIN, suppression_id="sup_nothing", reason="none"
        )

    again = _suppress(services, reason="Second decision, new prints")
    history = services.suppressions.list_suppressions(principal=OFFICER, record_id=notice)
    assert [item.id for item in history] == [again.id, made.id]
    assert history[1].reason == made.reason
    assert history[1].reversed_reason == "The prints were mixed up"
    assert [item.id for item in services.suppression_store.list(active_only=True)] == [again.id]
    reversed_only = services.suppressions.list_suppressions(principal=OFFICER, active=False)
    assert [item.id for item in reversed_only] == [made.id]
    with pytest.raises(PermissionDenied):
        services.suppressions.list_suppressions(principal=principal("partner", "FRA"))


def test_every_decision_is_audited_with_who_what_and_why(services: Services, notice: str) -> None:
    made = _suppress(services)
    services.suppressions.reverse_suppression(
        principal=ADMIN, suppression_id=made.id, reason="Bureau asked to reopen"
    )
    reversal, creation = services.audit.list(limit=2)
    assert (creation.event, creation.user_name, creation.country) == (
        "suppression_created",
        "bureau-RUS",
        "RUS",
    )
    assert creation.record_ids == [notice]
    assert creation.query == {"subject_key": ANNA, "record_kind": "persons"}
    assert creation.result["reason"] == made.reason
    assert (reversal.event, reversal.user_name) == ("suppression_reversed", "admin-1")
    assert reversal.result["reversed_reason"] == "Bureau asked to reopen"


def test_a_refused_decision_writes_nothing_to_the_audit(services: Services, notice: str) -> None:
    _suppress(services)
    before = len(services.audit.list())
    with pytest.raises(Conflict):
        _suppress(services)
    assert len(services.audit.list()) == before


def test_the_cache_sees_a_write_made_by_another_process(
    services: Services, notice: str, database_url: str
) -> None:
    cache = services.suppression_cache
    keys = _traveller("Anna Petrova", "1974-08-12")
    assert not cache.is_suppressed(keys, "persons", notice)
    other_engine = make_engine(database_url)
    try:
        other = SuppressionStore(other_engine)
        writer = Suppressions(
            store=other,
            records=RecordStore(other_engine),
            cache=SuppressionCache(other),
            clock=services.clock,
        )
        made = writer.suppress_hit(
            principal=RUSSIAN_BUREAU,
            subject_key=ANNA,
            record_kind="persons",
            record_id=notice,
            reason="decided elsewhere",
        )
        assert cache.is_suppressed(keys, "persons", notice)  # refresh_seconds is 0 in tests
        writer.reverse_suppression(principal=ADMIN, suppression_id=made.id, reason="undone")
        assert not cache.is_suppressed(keys, "persons", notice)
    finally:
        other_engine.dispose()


def test_the_cache_polls_the_store_at_most_once_per_refresh_interval(
    services: Services, notice: str
) -> None:
    now = [100.0]
    cache = SuppressionCache(
        services.suppression_store, refresh_seconds=1.0, monotonic=lambda: now[0]
    )
    keys = _traveller("Anna Petrova", "1974-08-12")
    assert not cache.is_suppressed(keys, "persons", notice)
    loaded_at = cache.version
    _suppress(services)  # a write this cache was not told about, like another process's
    now[0] += 0.5
    assert not cache.is_suppressed(keys, "persons", notice)
    assert cache.version == loaded_at
    now[0] += 0.6
    assert cache.is_suppressed(keys, "persons", notice)
    assert cache.version > loaded_at
    assert len(cache) == 1


def test_the_store_version_moves_on_every_create_and_reversal(
    services: Services, notice: str
) -> None:
    store = services.suppression_store
    start = store.version()
    made = _suppress(services)
    assert store.version() == start + 1
    assert store.active_pairs() == frozenset({(ANNA, "persons", notice)})
    services.suppressions.reverse_suppression(
        principal=ADMIN, suppression_id=made.id, reason="undone"
    )
    assert store.version() == start + 2
    assert store.active_pairs() == frozenset()
    assert store.get(made.id).reversed_by == "admin-1"
