"""Wiring: settings -> engine -> migrated schema -> stores -> use cases. One per process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from frontline.biometrics.dna_service import DnaProfiles
from frontline.biometrics.faces import FaceLimits, Faces
from frontline.biometrics.model import face_model
from frontline.biometrics.purge import BiometricPurge
from frontline.hits.cache import SuppressionCache
from frontline.hits.cases import Cases
from frontline.hits.delivery import Dispatcher, RetryPolicy
from frontline.hits.notifications import Notifications
from frontline.hits.suppressions import Suppressions
from frontline.manifests.service import ManifestScreening
from frontline.operations.scope import OperationScope
from frontline.operations.service import Operations
from frontline.partners.service import PartnerScreening
from frontline.records.service import Records
from frontline.references.catalogue import Catalogue
from frontline.references.screening import ReferencedScreening
from frontline.references.service import References
from frontline.screening.index import IndexedSource
from frontline.screening.service import Screening
from frontline.screening.sql import SqlCandidates
from frontline.settings import Settings
from frontline.store.audit import AuditLog
from frontline.store.cases import CaseStore
from frontline.store.database import make_engine, migrate
from frontline.store.dna import DnaStore
from frontline.store.faces import FaceStore
from frontline.store.manifests import ManifestStore
from frontline.store.operations import OperationStore
from frontline.store.outbox import OutboxStore
from frontline.store.partners import PartnerLimits, PartnerStore
from frontline.store.removals import RemovalStore
from frontline.store.repository import RecordStore
from frontline.store.specimens import SpecimenStore
from frontline.store.suppressions import SuppressionStore
from frontline.store.training import TrainingStore
from frontline.store.users import UserStore
from frontline.training.service import Training

__all__ = ["Services", "open_services", "utc_now"]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(slots=True)
class Services:
    """Everything a front door (API, CLI) calls; built once by ``open_services``."""

    settings: Settings
    engine: Engine
    store: RecordStore
    users: UserStore
    audit: AuditLog
    screening: Screening
    operations: Operations
    records: Records
    suppression_store: SuppressionStore
    suppression_cache: SuppressionCache  # checks ask it to drop hits decided false
    suppressions: Suppressions
    cases: Cases
    outbox: OutboxStore
    notifications: Notifications
    index: IndexedSource | None
    clock: Callable[[], dt.datetime]
    manifests: ManifestScreening
    partners: PartnerScreening
    dna: DnaProfiles  # holds this process's DNA index (biometrics.dna_service)
    references: References  # specimens and counterfeit alerts
    faces: Faces
    biometric_purge: BiometricPurge  # every face and DNA profile of a record, at once
    training: Training  # spaces are databases of their own; see frontline.training.spaces

    def close(self) -> None:
        self.training.close()
        self.store.close()

    def dispatcher(self) -> Dispatcher:
        """A dispatcher of owner notifications with the configured retry policy (the
        caller closes it)."""
        settings = self.settings
        policy = RetryPolicy(
            max_attempts=settings.webhook_max_attempts,
            base_seconds=settings.webhook_backoff_seconds,
            cap_seconds=settings.webhook_backoff_max_seconds,
            timeout_seconds=settings.webhook_timeout_seconds,
            lease_seconds=settings.webhook_lease_seconds,
        )
        return Dispatcher(outbox=self.outbox, cases=self.cases, clock=self.clock, policy=policy)


def open_services(
    settings: Settings,
    *,
    use_index: bool = True,
    clock: Callable[[], dt.datetime] = utc_now,
) -> Services:
    """Open (and migrate) the database; with ``use_index`` build the memory index.

    One-shot CLI checks pass ``use_index=False`` and query SQL directly, rather than load
    every key for a single question.
    """
    engine = make_engine(settings.resolved_database_url())
    migrate(engine)
    store = RecordStore(engine)
    audit = AuditLog(engine)
    index: IndexedSource | None = None
    source: IndexedSource | SqlCandidates
    if use_index:
        index = IndexedSource(store, refresh_seconds=settings.index_refresh_seconds, clock=clock)
        index.refresh()
        source = index
    else:
        source = SqlCandidates(store, clock=clock)
    on_write = index.refresh if index is not None else (lambda: 0)
    scope = OperationScope(OperationStore(engine), refresh_seconds=settings.index_refresh_seconds)
    suppression_store = SuppressionStore(engine)
    suppression_cache = SuppressionCache(
        suppression_store, refresh_seconds=settings.index_refresh_seconds
    )
    outbox = OutboxStore(engine)
    cases = Cases(
        store=CaseStore(engine),
        clock=clock,
        default_deadline_hours=settings.case_deadline_hours,
        deadlines=settings.case_deadlines,
    )
    specimens = SpecimenStore(engine)
    catalogue = Catalogue(specimens, refresh_seconds=settings.index_refresh_seconds)
    screening = ReferencedScreening(
        catalogue=catalogue,
        records=store,
        audit=audit,
        source=source,
        clock=clock,
        suppressions=suppression_cache,
        scope=scope,
        cases=cases,
    )
    users = UserStore(engine)
    removals = RemovalStore(engine)
    faces = Faces(
        store=FaceStore(engine),
        removals=removals,
        records=store,
        audit=audit,
        clock=clock,
        model=face_model,
        limits=FaceLimits(
            max_bytes=settings.face_max_image_bytes,
            max_pixels=settings.face_max_pixels,
            use_gpu=settings.face_gpu,
        ),
        refresh_seconds=settings.index_refresh_seconds,
        cases=cases,
    )
    if use_index:
        faces.refresh()  # the gallery, from the stored descriptors (the model loads later)
    dna = DnaProfiles(
        store=DnaStore(engine),
        removals=removals,
        records=store,
        audit=audit,
        clock=clock,
        refresh_seconds=settings.index_refresh_seconds,
    )
    return Services(
        settings=settings,
        engine=engine,
        store=store,
        users=users,
        audit=audit,
        screening=screening,
        operations=Operations(store=scope.store, scope=scope, clock=clock),
        records=Records(store=store, clock=clock, on_write=on_write),
        suppression_store=suppression_store,
        suppression_cache=suppression_cache,
        suppressions=Suppressions(
            store=suppression_store, records=store, cache=suppression_cache, clock=clock
        ),
        cases=cases,
        outbox=outbox,
        notifications=Notifications(outbox=outbox, clock=clock),
        index=index,
        dna=dna,
        references=References(store=specimens, catalogue=catalogue, clock=clock),
        clock=clock,
        manifests=ManifestScreening(screening=screening, store=ManifestStore(engine), clock=clock),
        partners=PartnerScreening(
            screening=screening,
            store=PartnerStore(engine),
            users=users,
            clock=clock,
            defaults=PartnerLimits(
                daily_quota=settings.partner_daily_quota,
                per_minute=settings.partner_per_minute,
                max_batch=settings.partner_max_batch,
            ),
        ),
        faces=faces,
        biometric_purge=BiometricPurge(
            faces=faces, dna=dna, removals=removals, records=store, clock=clock
        ),
        training=Training(
            store=TrainingStore(engine), settings=settings, engine=engine, clock=clock
        ),
    )
