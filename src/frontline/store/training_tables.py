"""Training metadata kept in the live database: spaces, exercises, decisions, courses.

Only metadata lives here; each space's records, checks, audit and cases live in the
space's own database (see ``frontline.training.spaces``), which nothing here points into.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Date, DateTime, Integer, String, Table, Text

from frontline.store.tables import metadata

__all__ = [
    "training_course_trainees",
    "training_courses",
    "training_decisions",
    "training_exercises",
    "training_spaces",
]

training_spaces = Table(
    "training_spaces",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("location", String(400), nullable=False),  # a SQLite file or a PostgreSQL schema
    Column("world_seed", Integer, nullable=False),
    Column("world_size", Integer, nullable=False),
    Column("world_today", Date, nullable=False),
    Column("country", String(3), nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

training_exercises = Table(
    "training_exercises",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("space", String(40), nullable=False, index=True),
    Column("template", String(24), nullable=False),
    Column("course_id", String(40), nullable=True, index=True),
    Column("trainees", JSON, nullable=False),
    Column("cases", JSON, nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

training_decisions = Table(
    "training_decisions",
    metadata,
    Column("exercise_id", String(40), primary_key=True),
    Column("trainee", String(80), primary_key=True),
    Column("case_number", Integer, primary_key=True),
    Column("case_type", String(24), nullable=False),
    Column("decision", String(24), nullable=False),
    Column("expected", String(24), nullable=False),
    Column("verdict", String(16), nullable=True),  # what the trainee's last check said
    Column("decided_at", DateTime, nullable=False),
)

training_courses = Table(
    "training_courses",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("topic", Text, nullable=False),
    Column("place", String(200), nullable=False),
    Column("starts_on", Date, nullable=False),
    Column("ends_on", Date, nullable=False),
    Column("trainer", String(80), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

training_course_trainees = Table(
    "training_course_trainees",
    metadata,
    Column("course_id", String(40), primary_key=True),
    Column("trainee", String(80), primary_key=True),
)
