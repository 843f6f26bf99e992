"""One validated settings object, read from ``FRONTLINE_*`` environment variables.

Every field is documented here; ``tests/test_settings.py`` checks that README.md names each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Frontline's settings; each field is read from ``FRONTLINE_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="FRONTLINE_", extra="ignore", frozen=True)

    data_dir: Path = Field(
        default=Path("frontline-data"),
        description="Folder of the embedded SQLite database (frontline.db); made on first run.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the database, e.g. postgresql+psycopg://host/db; "
        "when unset, SQLite in data_dir.",
    )
    host: str = Field(default="127.0.0.1", description="Address `frontline serve` binds.")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `frontline serve` binds.")
    workers: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Server processes of `frontline serve`; each keeps its own memory index.",
    )
    seed_demo: bool = Field(
        default=False,
        description="Seed the synthetic demo world when the database is empty at start-up.",
    )
    demo_size: int = Field(
        default=2000, ge=10, le=10_000_000, description="Documents in the seeded demo world."
    )
    index_refresh_seconds: float = Field(
        default=1.0,
        ge=0.0,
        le=3600.0,
        description="How often a check looks for writes made by other processes.",
    )
    max_batch: int = Field(
        default=10_000, ge=1, le=1_000_000, description="Most checks in one batch request."
    )
    max_body_bytes: int = Field(
        default=16 * 1024 * 1024, ge=1024, description="Largest accepted request body."
    )
    rate_limit_per_token: int = Field(
        default=1_200,
        ge=0,
        le=10_000_000,
        description="Requests a minute one bearer token may send to one server process "
        "(a burst of that many, then 429 with Retry-After); 0 turns it off.",
    )
    rate_limit_per_address: int = Field(
        default=6_000,
        ge=0,
        le=10_000_000,
        description="Requests a minute one source address may send to one server process, "
        "whatever its token; 0 turns it off (behind a proxy, see docs/security.md).",
    )
    request_timeout_seconds: float = Field(
        default=60.0,
        gt=0.0,
        le=3600.0,
        description="Longest wait for an answer to begin: past it the caller gets 503 "
        "timeout (work already started finishes whole or not at all).",
    )
    hsts_seconds: int = Field(
        default=31_536_000,
        ge=0,
        description="Strict-Transport-Security max-age sent on answers served over HTTPS "
        "(never over plain HTTP); 0 sends none.",
    )
    metrics_token: str | None = Field(
        default=None,
        description="Bearer token that opens GET /metrics from anywhere (32+ characters); "
        "when unset, /metrics answers loopback callers only.",
    )
    log_format: Literal["json", "text"] = Field(
        default="json",
        description="`frontline serve` logs: one JSON object a line (with the request id), "
        "or plain text.",
    )

    session_idle_minutes: float = Field(
        default=15.0,
        gt=0.0,
        le=24 * 60.0,
        description="Console: minutes without a request after which a login must be repeated.",
    )
    session_max_hours: float = Field(
        default=12.0,
        gt=0.0,
        le=24 * 7.0,
        description="Console: hours after login after which a login must be repeated anyway.",
    )
    session_secret: str | None = Field(
        default=None,
        description="Console: key that signs session cookies (32+ characters); when unset, "
        "a random one kept in data_dir/session-secret. Set it when several hosts serve.",
    )

    audit_retention_days: int = Field(
        default=1096,
        ge=1,
        le=36_600,
        description="Days audit entries are kept: `frontline audit purge` removes older ones "
        "(3 years, the EU SIS rule), leaving the hash chain verifiable.",
    )

    partner_daily_quota: int = Field(
        default=10_000,
        ge=1,
        le=10_000_000,
        description="Partners: document numbers a partner may check a UTC day, unless an "
        "administrator set its own (`frontline partners limits`).",
    )
    partner_per_minute: int = Field(
        default=120,
        ge=1,
        le=1_000_000,
        description="Partners: requests a minute per partner and API node (then 429 with "
        "Retry-After), unless set per partner.",
    )
    partner_max_batch: int = Field(
        default=1_000,
        ge=1,
        le=100_000,
        description="Partners: most document numbers in one partner batch, unless set per partner.",
    )

    case_deadline_hours: float = Field(
        default=12.0,
        gt=0.0,
        le=24 * 30.0,
        description="Hours a record's owner has to answer a hit before the case is escalated.",
    )
    case_deadlines: dict[str, float] = Field(
        default_factory=dict,
        description='Per notice type or status, JSON, e.g. {"red": 2, "stolen": 12}: hours to '
        "answer hits of that kind (the others get case_deadline_hours).",
    )
    deliver_notifications: bool = Field(
        default=True,
        description="`frontline serve` sends owner notifications to the bureaus' webhooks "
        "(else run `frontline outbox deliver` beside it).",
    )
    webhook_max_attempts: int = Field(
        default=10, ge=1, le=100, description="Attempts before a notification is dead-lettered."
    )
    webhook_backoff_seconds: float = Field(
        default=2.0,
        gt=0.0,
        le=3600.0,
        description="Wait before the second attempt; it doubles each attempt (with jitter).",
    )
    webhook_backoff_max_seconds: float = Field(
        default=3600.0, gt=0.0, le=86_400.0, description="Longest wait between two attempts."
    )
    webhook_timeout_seconds: float = Field(
        default=5.0, gt=0.0, le=120.0, description="How long one delivery may take."
    )
    webhook_lease_seconds: float = Field(
        default=30.0,
        gt=0.0,
        le=3600.0,
        description="How long a dispatcher holds the events it took; a dispatcher that dies "
        "delays its events by this long, then another sends them.",
    )

    sync_compact_records: int = Field(
        default=100_000,
        ge=1,
        description="Sync: when the delta since a scope's snapshot holds more records than "
        "this, a new snapshot is cut and older files deleted.",
    )
    node_dir: Path = Field(
        default=Path("frontline-node"),
        description="Offline node: folder of its encrypted copy, queue and node.json.",
    )
    node_runtime_dir: Path | None = Field(
        default=None,
        description="Offline node: folder of the decrypted working copy, best in RAM; "
        "when unset, /dev/shm/frontline-node-<uid> (or node_dir/run where /dev/shm is missing).",
    )
    node_stale_hours: float = Field(
        default=24.0,
        gt=0.0,
        le=24 * 365.0,
        description="Offline node: a check on data older than this carries a stale_data warning.",
    )

    face_max_image_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="Faces: largest photo accepted for enrolment or search (413 beyond).",
    )
    face_max_pixels: int = Field(
        default=40_000_000,
        ge=10_000,
        le=200_000_000,
        description="Faces: most pixels in a photo, read from its header before decoding "
        "(413 beyond).",
    )
    face_gpu: bool = Field(
        default=True,
        description="Faces: copy the gallery's index to a GPU where FAISS has GPU support and "
        "a GPU is present (faiss-cpu, the pinned build, has none: the CPU index is used).",
    )

    @field_validator("case_deadlines")
    @classmethod
    def _positive_deadlines(cls, value: dict[str, float]) -> dict[str, float]:
        for kind, hours in value.items():
            if not 0 < hours <= 24 * 30:
                raise ValueError(f"{kind}: hours must be above 0 and at most 720")
        return {kind.strip().lower(): hours for kind, hours in value.items()}

    @field_validator("session_secret", "metrics_token")
    @classmethod
    def _strong_secret(cls, value: str | None) -> str | None:
        # A guessable key lets anyone forge a session cookie for any user (or read the
        # metrics: how busy the service is, which databases hit).
        if value is not None and (len(value) < 32 or len(set(value)) < 12):
            raise ValueError("must be at least 32 random characters, not a placeholder")
        return value

    def resolved_database_url(self) -> str:
        """The database URL in force: the configured one, or SQLite in ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'frontline.db').resolve()}"
