"""locations: centres and online services, weekly opening hours, closures

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def _location_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["location_id"],
        ["location.id"],
        name=op.f(f"fk_{table}_location_id_location"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "location",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("always_open", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_location")),
    )
    op.create_table(
        "opening_hours",
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=True),
        _location_fk("opening_hours"),
        sa.PrimaryKeyConstraint("location_id", "weekday", "opens", name=op.f("pk_opening_hours")),
    )
    op.create_table(
        "location_closure",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("ends_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("reason", sa.String(length=120), nullable=False),
        _location_fk("location_closure"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_location_closure")),
    )
    op.create_index(op.f("ix_location_closure_location_id"), "location_closure", ["location_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_location_closure_location_id"), table_name="location_closure")
    op.drop_table("location_closure")
    op.drop_table("opening_hours")
    op.drop_table("location")
