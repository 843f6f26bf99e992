"""The suppressions table: migrated as declared, one active row per subject and record."""

from __future__ import annotations

import dataclasses

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from frontline.domain.records import RecordKind
from frontline.domain.suppressions import Suppression
from frontline.errors import Conflict
from frontline.services import Services
from frontline.store import tables
from tests.factories import ADMIN


def test_the_migration_creates_the_suppressions_table_as_declared(services: Services) -> None:
    with services.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, tables.metadata)
    mine = [item for item in differences if "suppressions" in repr(item)]
    assert mine == []


def test_the_store_itself_refuses_a_second_active_row_but_keeps_reversed_ones(
    services: Services,
) -> None:
    store = services.suppression_store
    first = Suppression(
        id="sup_a",
        subject_key="doc:FRA|X1",
        record_kind=RecordKind.DOCUMENTS,
        record_id="DOC-1",
        record_owner="FRA",
        reason="Misread",
        created_by="admin-1",
        created_at=services.clock(),
    )
    store.add(first, principal=ADMIN)
    with pytest.raises(Conflict):
        store.add(dataclasses.replace(first, id="sup_b"), principal=ADMIN)
    store.reverse("sup_a", principal=ADMIN, at=services.clock(), reason="undone")
    store.add(dataclasses.replace(first, id="sup_b"), principal=ADMIN)
    assert [item.id for item in store.list()] == ["sup_b", "sup_a"]
    assert store.active() == {("doc:FRA|X1", "documents", "DOC-1"): "sup_b"}
