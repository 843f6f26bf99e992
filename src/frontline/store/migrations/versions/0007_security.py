"""audit chain, record restrictions, token revocation (issue 8)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Reserved in the chain so that work in parallel on issues 8, 9 and 10 does not collide on
revision numbers; it changes nothing until its issue's tables land here.
"""

from __future__ import annotations

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
