"""shifts: volunteer shifts, sign-ups with check-in and check-out, chat capacity

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def _fk(
    table: str, column: str, referred: str, ondelete: str = "CASCADE"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{referred}.id"],
        name=op.f(f"fk_{table}_{column}_{referred}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "shift",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("ends_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("serves_12_17", sa.Boolean(), nullable=False),
        sa.Column("serves_18_25", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        _fk("shift", "location_id", "location"),
        _fk("shift", "created_by", "account", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift")),
    )
    op.create_index("ix_shift_location_id_starts_at", "shift", ["location_id", "starts_at"])
    op.create_table(
        "shift_signup",
        sa.Column("shift_id", sa.Uuid(), nullable=False),
        sa.Column("volunteer_id", sa.Uuid(), nullable=False),
        sa.Column("signed_up_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("checked_in_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("checked_out_at", UTC_TIMESTAMP, nullable=True),
        _fk("shift_signup", "shift_id", "shift"),
        _fk("shift_signup", "volunteer_id", "account"),
        sa.PrimaryKeyConstraint("shift_id", "volunteer_id", name=op.f("pk_shift_signup")),
    )
    op.create_table(
        "volunteer_capacity",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("chats", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTC_TIMESTAMP, nullable=False),
        _fk("volunteer_capacity", "account_id", "account"),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_volunteer_capacity")),
    )


def downgrade() -> None:
    op.drop_table("volunteer_capacity")
    op.drop_table("shift_signup")
    op.drop_index("ix_shift_location_id_starts_at", table_name="shift")
    op.drop_table("shift")
