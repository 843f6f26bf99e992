"""training spaces, exercises, courses (issue 10)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

Reserved in the chain so that work in parallel on issues 8, 9 and 10 does not collide on
revision numbers; it changes nothing until its issue's tables land here.
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
