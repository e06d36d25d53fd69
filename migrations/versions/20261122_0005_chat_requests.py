"""chat requests: the queue of young people asking for a 1:1 chat, and anonymous outcomes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)
OPEN = sa.text("state IN ('waiting', 'active')")


def _fk(
    column: str, referred: str, ondelete: str = "CASCADE", table: str = "chat_request"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{referred}.id"],
        name=op.f(f"fk_{table}_{column}_{referred}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "chat_request",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("requester_id", sa.Uuid(), nullable=False),
        sa.Column("about", sa.String(length=16), nullable=False),
        sa.Column("theme", sa.String(length=32), nullable=True),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("queue_key", UTC_TIMESTAMP, nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("volunteer_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("assigned_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("closed_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("heavy", sa.Boolean(), nullable=False),
        sa.Column("debrief_requested_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("debriefed_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("survey_answered", sa.Boolean(), nullable=False),
        _fk("location_id", "location"),
        _fk("room_id", "room"),
        _fk("requester_id", "account"),
        _fk("volunteer_id", "account", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_request")),
    )
    op.create_index(
        "ix_chat_request_location_id_state_queue_key",
        "chat_request",
        ["location_id", "state", "queue_key"],
    )
    op.create_index(
        "uq_chat_request_open",
        "chat_request",
        ["requester_id"],
        unique=True,
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )
    op.create_table(
        "chat_outcome",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("next_step", sa.String(length=24), nullable=True),
        sa.Column("felt_heard", sa.Integer(), nullable=True),
        _fk("location_id", "location", table="chat_outcome"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_outcome")),
    )
    op.create_index(op.f("ix_chat_outcome_location_id"), "chat_outcome", ["location_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_chat_outcome_location_id"), table_name="chat_outcome")
    op.drop_table("chat_outcome")
    op.drop_index("uq_chat_request_open", table_name="chat_request")
    op.drop_index("ix_chat_request_location_id_state_queue_key", table_name="chat_request")
    op.drop_table("chat_request")
