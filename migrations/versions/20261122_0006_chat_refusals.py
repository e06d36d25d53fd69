"""chat refusals: how many asked while a location was closed, per day

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "chat_refusal",
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["location.id"],
            name=op.f("fk_chat_refusal_location_id_location"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("location_id", "day", name=op.f("pk_chat_refusal")),
    )


def downgrade() -> None:
    op.drop_table("chat_refusal")
