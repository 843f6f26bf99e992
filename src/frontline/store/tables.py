"""The schema, as SQLAlchemy Core tables. Alembic migrations create exactly this.

Every record table shares the meta columns (``rid`` surrogate key, ``id`` business key,
owner, state, action, times, ``version``) and keeps the normalised match keys beside the
values as entered, so a check by SQL and a check through the memory index agree.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

__all__ = [
    "audit",
    "case_events",
    "cases",
    "country_databases",
    "documents",
    "firearms",
    "manifest_travellers",
    "manifests",
    "metadata",
    "offline_checks",
    "operation_border_points",
    "operation_participants",
    "operations",
    "outbox",
    "partner_limits",
    "partner_usage",
    "person_documents",
    "persons",
    "settings_table",
    "suppressions",
    "users",
    "vehicles",
    "vessels",
    "webhooks",
]

metadata = MetaData()


def _meta_columns() -> list[Column[object]]:
    return [
        Column("rid", Integer, primary_key=True, autoincrement=True),
        Column("id", String(64), nullable=False, unique=True),
        Column("owner", String(3), nullable=False),
        Column("state", String(16), nullable=False),
        Column("action", Text, nullable=False, default=""),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
        Column("expires_at", DateTime, nullable=True),
        Column("version", BigInteger, nullable=False),
    ]


documents = Table(
    "documents",
    metadata,
    *_meta_columns(),
    Column("issuing_country", String(3), nullable=False),
    Column("country_key", String(3), nullable=False),
    Column("type", String(24), nullable=False),
    Column("status", String(16), nullable=False),
    Column("number", String(35), nullable=True),
    Column("number_key", String(35), nullable=True),
    Column("number_from", String(35), nullable=True),
    Column("number_to", String(35), nullable=True),
    Column("range_prefix", String(35), nullable=True),
    Column("range_start", BigInteger, nullable=True),
    Column("range_end", BigInteger, nullable=True),
    Column("range_width", Integer, nullable=True),
    Column("reported_at", Date, nullable=True),
    Index("ix_documents_number_key", "number_key", "country_key"),
    # Partial: only the few stolen-blank ranges have range columns.
    Index(
        "ix_documents_range",
        "country_key",
        "range_prefix",
        "range_width",
        "range_start",
        sqlite_where=text("range_start IS NOT NULL"),
        postgresql_where=text("range_start IS NOT NULL"),
    ),
    Index("ix_documents_version", "version", "rid"),
)

persons = Table(
    "persons",
    metadata,
    *_meta_columns(),
    Column("type", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("birth_date", String(10), nullable=True),
    Column("sex", String(1), nullable=False),
    Column("nationalities", JSON, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("documents", JSON, nullable=False),
    Index("ix_persons_version", "version", "rid"),
)

person_documents = Table(
    "person_documents",
    metadata,
    Column("person_rid", Integer, nullable=False, index=True),
    Column("number_key", String(35), nullable=False),
    Column("country_key", String(3), nullable=False),
    Index("ix_person_documents_key", "number_key", "country_key"),
)

vehicles = Table(
    "vehicles",
    metadata,
    *_meta_columns(),
    Column("status", String(16), nullable=False),
    Column("vin", String(17), nullable=True, index=True),
    Column("plate", String(15), nullable=True),
    Column("plate_country", String(3), nullable=True),
    Column("plate_key", String(20), nullable=True, index=True),
    Column("make", String(80), nullable=False, default=""),
    Column("model", String(80), nullable=False, default=""),
    Column("colour", String(40), nullable=False, default=""),
    Column("engine_number", String(40), nullable=True, index=True),
    Column("parts_numbers", JSON, nullable=False),
    Index("ix_vehicles_version", "version", "rid"),
)

vessels = Table(
    "vessels",
    metadata,
    *_meta_columns(),
    Column("status", String(16), nullable=False),
    Column("imo", String(7), nullable=True, index=True),
    Column("hull_id", String(20), nullable=True, index=True),
    Column("name", String(120), nullable=False, default=""),
    Column("engine_serials", JSON, nullable=False),
    Index("ix_vessels_version", "version", "rid"),
)

firearms = Table(
    "firearms",
    metadata,
    *_meta_columns(),
    Column("status", String(16), nullable=False),
    Column("serial", String(40), nullable=False),
    Column("serial_key", String(40), nullable=False, index=True),
    Column("make", String(80), nullable=False, default=""),
    Column("model", String(80), nullable=False, default=""),
    Column("calibre", String(40), nullable=False, default=""),
    Column("firearm_type", String(40), nullable=False, default=""),
    Index("ix_firearms_version", "version", "rid"),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("country", String(3), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=True),  # argon2id; null: no console login
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=True),
    Column("revoked_at", DateTime, nullable=True),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False, index=True),
    Column("user_id", Integer, nullable=True),
    Column("user_name", String(80), nullable=False),
    Column("role", String(16), nullable=False),
    Column("country", String(3), nullable=False),
    Column("event", String(32), nullable=False),
    Column("check_id", String(40), nullable=True, index=True),
    Column("query", JSON, nullable=False),
    Column("verdict", String(16), nullable=True),
    Column("record_ids", JSON, nullable=False),
    Column("result", JSON, nullable=False),
    # The operation and border point a check was made under (issue 5), for statistics.
    Column("operation_id", String(40), nullable=True),
    Column("border_point", String(16), nullable=True),
    # The hash chain (issue 8, store/audit_chain.py): the previous entry's hash and this one's.
    Column("prev_hash", String(64), nullable=True),
    Column("hash", String(64), nullable=True),
    Index("ix_audit_operation", "operation_id", "seq"),
)

settings_table = Table(
    "frontline_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# A bureau's decided false hits (frontline.domain.suppressions). Reversal keeps the row; at
# most one active suppression per (subject, record), which the partial unique index enforces.
suppressions = Table(
    "suppressions",
    metadata,
    Column("rid", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("subject_key", String(320), nullable=False),
    Column("record_kind", String(16), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("record_owner", String(3), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("reversed_by", String(80), nullable=True),
    Column("reversed_at", DateTime, nullable=True),
    Column("reversed_reason", Text, nullable=True),
    Column("version", BigInteger, nullable=False),
    Index("ix_suppressions_record", "record_kind", "record_id"),
    Index(
        "ix_suppressions_active",
        "subject_key",
        "record_kind",
        "record_id",
        unique=True,
        sqlite_where=text("reversed_at IS NULL"),
        postgresql_where=text("reversed_at IS NULL"),
    ),
)

# Every hit becomes a case (frontline.domain.cases); its history is in case_events.
cases = Table(
    "cases",
    metadata,
    Column("rid", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("check_id", String(40), nullable=False, index=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("state", String(16), nullable=False),
    Column("database", String(16), nullable=False),
    Column("record_kind", String(16), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("record_owner", String(3), nullable=False),
    Column("status", String(24), nullable=False),
    Column("is_possible", Integer, nullable=False),
    Column("checking_country", String(3), nullable=False),
    Column("checked_by", String(80), nullable=False),
    Column("operation_id", String(40), nullable=True),
    Column("border_point", String(16), nullable=True),
    Column("subject", JSON, nullable=False),
    Column("hit", JSON, nullable=False),
    Column("due_at", DateTime, nullable=False),
    Column("escalated_at", DateTime, nullable=True),
    Column("outcome", String(24), nullable=True),
    Column("closed_at", DateTime, nullable=True),
    Index("ix_cases_owner", "record_owner", "rid"),
    Index("ix_cases_checking", "checking_country", "rid"),
    Index("ix_cases_operation", "operation_id", "rid"),
    Index("ix_cases_due", "state", "due_at"),
)

case_events = Table(
    "case_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(40), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("actor_country", String(3), nullable=False),
    Column("from_state", String(16), nullable=True),
    Column("to_state", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("outcome", String(24), nullable=True),
)

# The transactional outbox: an event is written in the transaction that made it (a hit, a
# transition) and delivered afterwards, at least once, under its idempotency key (event_id).
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), nullable=False, unique=True),
    Column("receiver", String(3), nullable=False),
    Column("event_type", String(32), nullable=False),
    Column("case_id", String(40), nullable=True),
    Column("payload", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("state", String(12), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt_at", DateTime, nullable=False),
    Column("lease_until", DateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("delivered_at", DateTime, nullable=True),
    Index("ix_outbox_due", "state", "next_attempt_at"),
    Index("ix_outbox_receiver", "receiver", "seq"),
)

# One webhook per bureau. The secret signs deliveries (HMAC-SHA256), so it is kept as given:
# unlike a token it cannot be stored hashed, since the server must compute with it.
webhooks = Table(
    "webhooks",
    metadata,
    Column("country", String(3), primary_key=True),
    Column("url", String(500), nullable=False),
    Column("secret", String(100), nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

operations = Table(
    "operations",
    metadata,
    Column("rid", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("name", String(120), nullable=False),
    Column("host_country", String(3), nullable=False),
    Column("starts_at", DateTime, nullable=False),
    Column("ends_at", DateTime, nullable=False),
    Column("crime_areas", JSON, nullable=False),
    Column("databases", JSON, nullable=False),
    Column("description", Text, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("closed_at", DateTime, nullable=True),
)

operation_border_points = Table(
    "operation_border_points",
    metadata,
    Column("operation_id", String(40), primary_key=True),
    Column("code", String(16), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("type", String(8), nullable=False),
)

operation_participants = Table(
    "operation_participants",
    metadata,
    Column("operation_id", String(40), primary_key=True),
    Column("kind", String(8), primary_key=True),  # user | device
    Column("name", String(80), primary_key=True),
)

# A country's standing access: the databases its users may check outside operations. No row
# means every database (a bureau connected to the whole system); a row restricts it.
country_databases = Table(
    "country_databases",
    metadata,
    Column("country", String(3), primary_key=True),
    Column("databases", JSON, nullable=False),
    Column("updated_by", String(80), nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

# Manifests screened (PAXLST, JSON lines, CSV) and their travellers, kept so a flight not yet
# arrived can be screened again and raise only the hits it did not raise before.
manifests = Table(
    "manifests",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("received_at", DateTime, nullable=False),
    Column("received_by", String(80), nullable=False),
    Column("country", String(3), nullable=False),
    Column("format", String(8), nullable=False),
    Column("reference", String(80), nullable=True),
    Column("flight", JSON, nullable=True),
    Column("arrives_at", DateTime, nullable=True),
    Column("travellers", Integer, nullable=False),
    Column("rescreened_at", DateTime, nullable=True),
    Index("ix_manifests_arrives", "arrives_at"),
)

manifest_travellers = Table(
    "manifest_travellers",
    metadata,
    Column("manifest_id", String(40), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("traveller", JSON, nullable=False),
    Column("request", JSON, nullable=False),
    Column("raised", JSON, nullable=False),  # record ids hit so far
)

# A partner's limits, set by an administrator; a partner without a row gets the defaults
# of the settings. Usage is counted per partner and UTC day, in the database, so every API
# node counts against the same quota.
partner_limits = Table(
    "partner_limits",
    metadata,
    Column("partner", String(80), primary_key=True),
    Column("daily_quota", Integer, nullable=False),
    Column("per_minute", Integer, nullable=False),
    Column("max_batch", Integer, nullable=False),
    Column("updated_by", String(80), nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

partner_usage = Table(
    "partner_usage",
    metadata,
    Column("partner", String(80), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("checks", Integer, nullable=False),
)

# Checks made on an offline node (issue 6), one row per (node, local sequence) uploaded: the
# primary key is what makes an upload idempotent (a node that resends after dying mid-upload
# adds nothing), and the row keeps the check's true time next to when it arrived.
offline_checks = Table(
    "offline_checks",
    metadata,
    Column("node_id", String(40), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("check_id", String(40), nullable=False, index=True),
    Column("checked_at", DateTime, nullable=False),
    Column("received_at", DateTime, nullable=False),
    Column("user_name", String(80), nullable=False),
    Column("verdict", String(16), nullable=False),
)
