"""DNA profiles, document specimens and counterfeit alerts (issue 9)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

Reserved in the chain so that work in parallel on issues 8, 9 and 10 does not collide on
revision numbers; it changes nothing until its issue's tables land here.
"""

from __future__ import annotations

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
