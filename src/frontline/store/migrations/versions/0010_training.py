"""training spaces, exercises, decisions and courses (issue 10)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Training metadata only: each space's own records, checks, audit and cases live in the
space's own database (a SQLite file or a PostgreSQL schema), never in these tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_spaces",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("location", sa.String(length=400), nullable=False),
        sa.Column("world_seed", sa.Integer(), nullable=False),
        sa.Column("world_size", sa.Integer(), nullable=False),
        sa.Column("world_today", sa.Date(), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "training_exercises",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("space", sa.String(length=40), nullable=False),
        sa.Column("template", sa.String(length=24), nullable=False),
        sa.Column("course_id", sa.String(length=40), nullable=True),
        sa.Column("trainees", sa.JSON(), nullable=False),
        sa.Column("cases", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_training_exercises_space", "training_exercises", ["space"])
    op.create_index("ix_training_exercises_course_id", "training_exercises", ["course_id"])
    op.create_table(
        "training_decisions",
        sa.Column("exercise_id", sa.String(length=40), nullable=False),
        sa.Column("trainee", sa.String(length=80), nullable=False),
        sa.Column("case_number", sa.Integer(), nullable=False),
        sa.Column("case_type", sa.String(length=24), nullable=False),
        sa.Column("decision", sa.String(length=24), nullable=False),
        sa.Column("expected", sa.String(length=24), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("exercise_id", "trainee", "case_number"),
    )
    op.create_table(
        "training_courses",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("trainer", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "training_course_trainees",
        sa.Column("course_id", sa.String(length=40), nullable=False),
        sa.Column("trainee", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("course_id", "trainee"),
    )


def downgrade() -> None:
    op.drop_table("training_course_trainees")
    op.drop_table("training_courses")
    op.drop_table("training_decisions")
    op.drop_index("ix_training_exercises_course_id", table_name="training_exercises")
    op.drop_index("ix_training_exercises_space", table_name="training_exercises")
    op.drop_table("training_exercises")
    op.drop_table("training_spaces")
