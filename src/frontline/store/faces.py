"""Face enrolments: descriptors stored per person record, read back in order of arrival."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection, Engine, func, insert, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from frontline.errors import Conflict, NotFound, StorageFailed
from frontline.store.codecs import naive_utc, utc
from frontline.store.database import write_transaction
from frontline.store.face_tables import face_enrolments

__all__ = ["Enrolment", "EnrolmentBatch", "FaceStore"]

_LITTLE_FLOAT32 = np.dtype("<f4")


@dataclass(frozen=True, slots=True, kw_only=True)
class Enrolment:
    """One enrolled photo: whose record, by whom, with which algorithm (no biometrics)."""

    id: str
    record_id: str
    owner: str
    algorithm: str
    enrolled_at: dt.datetime
    enrolled_by: str

    def as_dict(self) -> dict[str, str]:
        return {
            "id": self.id,
            "record_id": self.record_id,
            "owner": self.owner,
            "algorithm": self.algorithm,
            "enrolled_at": self.enrolled_at.isoformat().replace("+00:00", "Z"),
            "enrolled_by": self.enrolled_by,
        }


@dataclass(frozen=True, slots=True)
class EnrolmentBatch:
    """Descriptors newer than a sequence number, as one matrix, with their ids."""

    last_seq: int
    enrolment_ids: list[str]
    record_ids: list[str]
    vectors: npt.NDArray[np.float32]


class FaceStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self,
        enrolment: Enrolment,
        *,
        vector: npt.NDArray[np.float32],
        photo_sha256: str,
        then: Callable[[Connection], None],
    ) -> int:
        """Store one enrolment and, in the same transaction, ``then`` (its audit entry);
        its sequence number. Refuses the same photo enrolled twice to one record."""
        row = {
            "id": enrolment.id,
            "record_id": enrolment.record_id,
            "owner": enrolment.owner,
            "algorithm": enrolment.algorithm,
            "embedding": np.ascontiguousarray(vector, dtype=_LITTLE_FLOAT32).tobytes(),
            "photo_sha256": photo_sha256,
            "enrolled_at": naive_utc(enrolment.enrolled_at),
            "enrolled_by": enrolment.enrolled_by,
        }
        try:
            with write_transaction(self.engine) as connection:
                result = connection.execute(insert(face_enrolments).values(**row))
                then(connection)
        except IntegrityError:
            raise Conflict(
                f"this photo is already enrolled to person record {enrolment.record_id}"
            ) from None
        except SQLAlchemyError as error:
            raise StorageFailed("the enrolment could not be stored; nothing was written") from error
        key = result.inserted_primary_key
        return int(key[0]) if key else 0

    def newer_than(self, seq: int, *, algorithm: str) -> EnrolmentBatch:
        """Every enrolment by ``algorithm`` after ``seq``, oldest first."""
        table = face_enrolments
        query = (
            select(table.c.seq, table.c.id, table.c.record_id, table.c.embedding)
            .where(table.c.seq > seq, table.c.algorithm == algorithm)
            .order_by(table.c.seq)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        if not rows:
            return EnrolmentBatch(seq, [], [], np.empty((0, 0), dtype=np.float32))
        vectors = np.frombuffer(b"".join(row.embedding for row in rows), dtype=_LITTLE_FLOAT32)
        return EnrolmentBatch(
            rows[-1].seq,
            [row.id for row in rows],
            [row.record_id for row in rows],
            vectors.reshape(len(rows), -1).astype(np.float32),
        )

    def for_record(self, record_id: str) -> list[Enrolment]:
        table = face_enrolments
        query = select(*_ENROLMENT).where(table.c.record_id == record_id).order_by(table.c.seq)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [_enrolment(row) for row in rows]

    def get(self, enrolment_id: str) -> Enrolment:
        """One enrolment (no descriptor); NotFound if there is none by that id."""
        query = select(*_ENROLMENT).where(face_enrolments.c.id == enrolment_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        if row is None:
            raise NotFound(f"no face enrolment {enrolment_id}")
        return _enrolment(row)

    def existing(self, enrolment_ids: Sequence[str]) -> set[str]:
        """Those of ``enrolment_ids`` still stored (a removed one is gone from the table)."""
        if not enrolment_ids:
            return set()
        query = select(face_enrolments.c.id).where(face_enrolments.c.id.in_(enrolment_ids))
        with self.engine.connect() as connection:
            return set(connection.execute(query).scalars())

    def count(self) -> int:
        with self.engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(face_enrolments)).scalar_one()
            )


_ENROLMENT = (
    face_enrolments.c.id,
    face_enrolments.c.record_id,
    face_enrolments.c.owner,
    face_enrolments.c.algorithm,
    face_enrolments.c.enrolled_at,
    face_enrolments.c.enrolled_by,
)


def _enrolment(row: Any) -> Enrolment:
    return Enrolment(
        id=row.id,
        record_id=row.record_id,
        owner=row.owner,
        algorithm=row.algorithm,
        enrolled_at=utc(row.enrolled_at) or row.enrolled_at,
        enrolled_by=row.enrolled_by,
    )
