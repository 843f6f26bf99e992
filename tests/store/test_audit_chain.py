"""The audit trail's hash chain: verify finds every edited, deleted or reordered entry and
says where; a purge keeps the rest verifiable; concurrent writers still chain."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import delete, select, update

from frontline.services import Services
from frontline.store import tables
from frontline.store.security_tables import audit_chain
from tests.factories import ADMIN, OFFICER


def _write(services: Services, count: int, *, at: dt.datetime | None = None) -> None:
    for number in range(count):
        services.audit.append(
            principal=OFFICER if number % 2 else ADMIN,
            event="check",
            at=at or services.clock(),
            entries=[{"check_id": f"chk_{number}", "query": {"n": number, "name": "Анна"}}],
        )


def _seqs(services: Services) -> list[int]:
    with services.engine.connect() as connection:
        return list(connection.execute(select(tables.audit.c.seq).order_by("seq")).scalars())


def _problems(services: Services) -> list[tuple[int | None, str]]:
    return [(problem.seq, problem.problem) for problem in services.audit.verify().problems]


def test_an_untouched_trail_verifies_including_batch_writes(services: Services) -> None:
    _write(services, 3)
    services.audit.append(
        principal=ADMIN,
        event="batch",
        at=services.clock(),
        entries=[{"check_id": f"chk_b{n}", "verdict": "no_hit"} for n in range(50)],
    )
    report = services.audit.verify()
    assert report.is_intact, report.problems
    assert report.entries == 53
    assert report.head_hash != "0" * 64


def test_an_edited_entry_is_found_by_its_seq(services: Services) -> None:
    _write(services, 5)
    third = _seqs(services)[2]
    with services.engine.begin() as connection:
        connection.execute(
            update(tables.audit).where(tables.audit.c.seq == third).values(user_name="someone")
        )
    assert _problems(services) == [(third, "edited")]


def test_a_deleted_entry_breaks_the_link_of_the_next(services: Services) -> None:
    _write(services, 5)
    seqs = _seqs(services)
    with services.engine.begin() as connection:
        connection.execute(delete(tables.audit).where(tables.audit.c.seq == seqs[1]))
    assert _problems(services) == [(seqs[2], "broken_link")]
    detail = services.audit.verify().problems[0].detail
    assert f"does not follow entry {seqs[0]}" in detail


def test_swapped_entries_are_reported_as_reordered(services: Services) -> None:
    _write(services, 4)
    seqs = _seqs(services)
    columns = [column for column in tables.audit.columns if column.name != "seq"]
    with services.engine.begin() as connection:
        second, third = (
            connection.execute(select(*columns).where(tables.audit.c.seq == seq)).one()
            for seq in seqs[1:3]
        )
        for seq, row in ((seqs[1], third), (seqs[2], second)):
            connection.execute(
                update(tables.audit).where(tables.audit.c.seq == seq).values(**row._mapping)
            )
    problems = _problems(services)
    assert (seqs[1], "reordered") in problems
    assert {seq for seq, _ in problems} == {seqs[1], seqs[2], seqs[3]}


def test_entries_cut_off_the_end_are_reported(services: Services) -> None:
    _write(services, 4)
    seqs = _seqs(services)
    with services.engine.begin() as connection:
        connection.execute(delete(tables.audit).where(tables.audit.c.seq >= seqs[2]))
    assert _problems(services) == [(seqs[1], "truncated")]


def test_a_purge_removes_the_old_entries_and_the_rest_still_verifies(
    services: Services,
) -> None:
    old = services.clock() - dt.timedelta(days=4 * 365)
    _write(services, 3, at=old)
    _write(services, 2)
    cutoff = services.clock() - dt.timedelta(days=3 * 365)
    assert services.audit.purge(cutoff=cutoff) == 3
    report = services.audit.verify()
    assert report.is_intact, report.problems
    assert report.entries == 2
    assert report.anchor_hash != "0" * 64
    assert services.audit.purge(cutoff=cutoff) == 0
    _write(services, 1)
    assert services.audit.verify().is_intact
    # the anchor holds: removing the oldest kept entry by hand is still found
    with services.engine.begin() as connection:
        connection.execute(delete(tables.audit).where(tables.audit.c.seq == _seqs(services)[0]))
    assert [problem for _, problem in _problems(services)] == ["broken_link"]


def test_an_edited_head_is_found(services: Services) -> None:
    _write(services, 2)
    with services.engine.begin() as connection:
        connection.execute(update(audit_chain).values(length=5))
    assert _problems(services) == [(None, "count_mismatch")]


def test_concurrent_writers_keep_one_chain_and_verify_meanwhile_sees_it_intact(
    services: Services,
) -> None:
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        try:
            for batch in range(10):
                services.audit.append(
                    principal=ADMIN,
                    event="check",
                    at=services.clock(),
                    entries=[{"check_id": f"chk_{number}_{batch}_{n}"} for n in range(3)],
                )
        except BaseException as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(6)]
    for thread in threads:
        thread.start()
    during = []  # verified while the writers write: what is newer than the head waits
    while any(thread.is_alive() for thread in threads):
        during.append(services.audit.verify())
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(report.is_intact for report in during), [r.problems for r in during][:3]
    report = services.audit.verify()
    assert report.is_intact, report.problems[:5]
    assert report.entries == 6 * 10 * 3
