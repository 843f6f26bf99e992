"""The audit trail's hash chain: every entry carries the hash of the one before it.

An entry's hash is SHA-256 over the previous entry's hash and the entry's stored fields in a
fixed order (``entry_hash``). The head row (``audit_chain``, one row) holds the newest hash
and how many entries were ever chained; a writer takes the head with ``SELECT ... FOR
UPDATE`` inside its own transaction, chains its entries from it and moves it, so on
PostgreSQL concurrent writers queue on that one row and the chain follows commit order
(SQLite has one writer at a time already). A purge removes the oldest entries and keeps the
hash of the last one it removed as the anchor the first kept entry follows.

``verify_chain`` walks the entries in ``seq`` order and reports every entry whose stored
fields no longer give its hash (edited), that does not follow the entry before it (an entry
deleted or moved), and a head that the last entry does not reach (entries cut off the end).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from frontline.store import tables
from frontline.store.codecs import naive_utc
from frontline.store.database import write_transaction
from frontline.store.security_tables import audit_chain

__all__ = [
    "GENESIS",
    "ChainProblem",
    "ChainReport",
    "chain_rows",
    "entry_hash",
    "purge_before",
    "verify_chain",
]

GENESIS = "0" * 64
"""The hash the first entry ever written follows."""

_PAGE = 5000
# Canonical bytes: keys sorted, no spaces, UTF-8 as is; orjson, since a check's write hashes
# its entry on the request path (2 us here, 45 with the standard json module).
_CANONICAL = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS


def entry_hash(prev_hash: str, row: Any) -> str:
    """The hash of one entry (a dict or a row with the audit columns) after ``prev_hash``:
    SHA-256 over the previous hash and the stored fields, in a fixed order."""
    get = row.get if isinstance(row, dict) else row._mapping.get
    at: Any = get("at")  # a datetime, stored naive in UTC
    if at.tzinfo is not None:
        at = naive_utc(at)
    verdict = get("verdict")
    values = (
        prev_hash,
        at.isoformat(timespec="microseconds"),
        get("user_id"),
        get("user_name"),
        get("role"),
        get("country"),
        get("event"),
        get("check_id"),
        get("query"),
        None if verdict is None else str(verdict),
        get("record_ids"),
        get("result"),
        get("operation_id"),
        get("border_point"),
    )
    return hashlib.sha256(orjson.dumps(values, option=_CANONICAL)).hexdigest()


def chain_rows(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Give ``rows`` (about to be inserted, in this order) their ``prev_hash`` and ``hash``
    from the chain head, and move the head past them: in the caller's transaction, which
    holds the head's row lock until it ends."""
    if connection.dialect.name == "sqlite":
        _chain_on_sqlite(connection, rows)
        return
    head = _locked_head(connection)
    previous = _link(head.hash, rows)
    connection.execute(_MOVE_HEAD, {"new_hash": previous, "new_length": head.length + len(rows)})


def _link(previous: str, rows: Sequence[dict[str, Any]]) -> str:
    """Chain ``rows`` after ``previous``; returns the last one's hash."""
    for row in rows:
        row["prev_hash"] = previous
        previous = row["hash"] = entry_hash(previous, row)
    return previous


def _chain_on_sqlite(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """The same on SQLite, on the driver's own cursor, as ``dialect.insert_rows`` writes
    the entries: two statements through Core cost ten times what they do there (about
    200 us against 20 on every check). The writer already holds the database's one write
    lock (BEGIN IMMEDIATE), so the head needs no row lock."""
    driver = connection.connection.driver_connection  # sqlite3's own connection, in the txn
    cursor = driver.cursor()  # type: ignore[union-attr]  # None only once closed
    try:
        head = cursor.execute("SELECT hash, length FROM audit_chain WHERE id = 1").fetchone()
        if head is None:  # a database made before the head row existed: start it
            _locked_head(connection)
            head = (GENESIS, 0)
        previous = _link(head[0], rows)
        cursor.execute(
            "UPDATE audit_chain SET hash = ?, length = ? WHERE id = 1",
            (previous, head[1] + len(rows)),
        )
    except connection.dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            "audit chain head", None, error, connection.dialect.loaded_dbapi.Error
        ) from error
    finally:
        cursor.close()


# Built once: a check's audit write runs these two on every request, and building a
# statement costs more than running it.
_HEAD = select(audit_chain).where(audit_chain.c.id == 1).with_for_update()
_MOVE_HEAD = (
    update(audit_chain)
    .where(audit_chain.c.id == 1)
    .values(hash=bindparam("new_hash"), length=bindparam("new_length"))
)


def _locked_head(connection: Connection) -> Any:
    head = connection.execute(_HEAD).first()
    if head is None:  # a database made before the head row existed: start it
        connection.execute(
            insert(audit_chain).values(
                id=1, hash=GENESIS, length=0, anchor_hash=GENESIS, anchor_length=0
            )
        )
        head = connection.execute(_HEAD).one()
    return head


@dataclass(frozen=True, slots=True)
class ChainProblem:
    """Where the chain breaks: the entry, and what is wrong with it."""

    seq: int | None
    problem: str
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "problem": self.problem, "detail": self.detail}


@dataclass(slots=True)
class ChainReport:
    """What ``verify_chain`` found: entries walked, the head, and every break."""

    entries: int = 0
    head_hash: str = GENESIS
    anchor_hash: str = GENESIS
    purged_before: dt.datetime | None = None
    problems: list[ChainProblem] = field(default_factory=list)

    @property
    def is_intact(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "intact": self.is_intact,
            "entries": self.entries,
            "head_hash": self.head_hash,
            "anchor_hash": self.anchor_hash,
            "purged_before": self.purged_before.isoformat() if self.purged_before else None,
            "problems": [problem.as_dict() for problem in self.problems[:1000]],
            "problem_count": len(self.problems),
        }


def verify_chain(engine: Engine) -> ChainReport:
    """Walk the whole trail in ``seq`` order (a page at a time) and report every break."""
    with engine.connect() as connection:
        head = connection.execute(select(audit_chain).where(audit_chain.c.id == 1)).first()
    report = ChainReport()
    if head is not None:
        report.head_hash, report.anchor_hash = head.hash, head.anchor_hash
        report.purged_before = head.purged_before
    previous, previous_seq = report.anchor_hash, None
    unexplained: dict[str, int] = {}  # prev_hash -> seq of an entry that follows nothing seen
    seen: dict[str, int] = {}
    # Entries committed after the head was read are the next run's to check: the walk ends
    # at the head's entry, or after as many entries as the head counts.
    expected = head.length - head.anchor_length if head is not None else None
    for row in _rows(engine):
        if expected is not None and report.entries >= expected:
            break
        report.entries += 1
        if row.hash is None or entry_hash(row.prev_hash or "", row) != row.hash:
            report.problems.append(
                ChainProblem(row.seq, "edited", "its fields no longer give its stored hash")
            )
        if row.prev_hash != previous:
            after = f"entry {previous_seq}" if previous_seq is not None else "the chain's start"
            report.problems.append(
                ChainProblem(
                    row.seq,
                    "broken_link",
                    f"it does not follow {after}: an entry between them was deleted, or "
                    "entries were reordered",
                )
            )
            if row.prev_hash:
                unexplained[row.prev_hash] = row.seq
        if row.hash in unexplained:
            seen[row.hash] = row.seq
        previous, previous_seq = row.hash or "", row.seq
        if head is not None and row.hash == head.hash:
            break
    _explain_moves(report, unexplained, seen)
    _check_end(report, head, previous, previous_seq)
    return report


def _explain_moves(report: ChainReport, unexplained: dict[str, int], seen: dict[str, int]) -> None:
    """An entry that follows one found later in the table was moved, not deleted."""
    for prev_hash, seq in unexplained.items():
        if prev_hash in seen and seen[prev_hash] > seq:
            report.problems.append(
                ChainProblem(
                    seq,
                    "reordered",
                    f"it was written after entry {seen[prev_hash]}, which now comes later",
                )
            )


def _check_end(report: ChainReport, head: Any, last_hash: str, last_seq: int | None) -> None:
    if head is None:
        if report.entries:
            report.problems.append(ChainProblem(None, "no_head", "the chain head row is missing"))
        return
    expected = head.length - head.anchor_length
    if last_hash != head.hash:
        after = f"after entry {last_seq}" if last_seq is not None else "at all"
        report.problems.append(
            ChainProblem(
                last_seq,
                "truncated",
                f"the newest entry is not the chain head's: entries {after} were deleted "
                f"(the head counts {expected} entries, the table holds {report.entries})",
            )
        )
    elif expected != report.entries and not report.problems:  # else already explained
        report.problems.append(
            ChainProblem(
                None,
                "count_mismatch",
                f"the head counts {expected} entries, the table holds {report.entries}",
            )
        )


def _rows(engine: Engine) -> Iterator[Any]:
    audit = tables.audit
    after = 0
    while True:
        with engine.connect() as connection:
            page = connection.execute(
                select(audit).where(audit.c.seq > after).order_by(audit.c.seq).limit(_PAGE)
            ).all()
        yield from page
        if len(page) < _PAGE:
            return
        after = page[-1].seq


def purge_before(engine: Engine, *, cutoff: dt.datetime) -> int:
    """Delete the oldest entries, up to the first one at or after ``cutoff``, and anchor the
    chain on the last one deleted; returns how many went. Entries are removed only from the
    start of the chain, so an old entry written after a newer one waits for it."""
    audit = tables.audit
    with write_transaction(engine) as connection:
        head = _locked_head(connection)
        first_kept = connection.execute(
            select(func.min(audit.c.seq)).where(audit.c.at >= naive_utc(cutoff))
        ).scalar()
        bound = audit.c.seq < first_kept if first_kept is not None else audit.c.seq.is_not(None)
        last = connection.execute(
            select(audit.c.seq, audit.c.hash).where(bound).order_by(audit.c.seq.desc()).limit(1)
        ).first()
        if last is None:
            return 0
        count = connection.execute(select(func.count()).select_from(audit).where(bound)).scalar()
        connection.execute(delete(audit).where(audit.c.seq <= last.seq))
        connection.execute(
            update(audit_chain)
            .where(audit_chain.c.id == 1)
            .values(
                anchor_hash=last.hash or GENESIS,
                anchor_length=head.anchor_length + (count or 0),
                purged_before=naive_utc(cutoff),
            )
        )
    return int(count or 0)
