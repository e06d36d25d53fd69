"""rooms, messages, read markers, the change stream and the outbox record

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def _account_fk(
    table: str, column: str = "account_id", ondelete: str = "CASCADE"
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["account.id"], name=op.f(f"fk_{table}_{column}_account"), ondelete=ondelete
    )


def _room_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["room_id"], ["room.id"], name=op.f(f"fk_{table}_room_id_room"), ondelete="CASCADE"
    )


def upgrade() -> None:
    stream_head = op.create_table(
        "stream_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("horizon", sa.BigInteger(), nullable=False),
        sa.Column("epoch", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stream_head")),
    )
    # The epoch tells cursors from this stream apart from those of any other database.
    op.bulk_insert(
        stream_head, [{"id": 1, "position": 0, "horizon": 0, "epoch": secrets.token_hex(4)}]
    )
    op.create_table(
        "client_cursor",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        _account_fk("client_cursor"),
        sa.PrimaryKeyConstraint("account_id", "client_id", name=op.f("pk_client_cursor")),
    )
    op.create_table(
        "client_operation",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        _account_fk("client_operation"),
        sa.PrimaryKeyConstraint("account_id", "client_id", "seq", name=op.f("pk_client_operation")),
    )
    op.create_table(
        "room",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("rules", sa.Text(), nullable=False),
        sa.Column("theme", sa.String(length=32), nullable=True),
        sa.Column("age_band", sa.String(length=8), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("updated_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("archived_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("position", sa.BigInteger(), nullable=True),
        _account_fk("room", "created_by", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room")),
    )
    op.create_index("ix_room_kind_archived_at", "room", ["kind", "archived_at"])
    op.create_index("ix_room_position", "room", ["position"])
    op.create_table(
        "message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("reply_to_id", sa.Uuid(), nullable=True),
        sa.Column("client_time", UTC_TIMESTAMP, nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("edited_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("deleted_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.Column("position", sa.BigInteger(), nullable=True),
        _account_fk("message", "author_id", "SET NULL"),
        _room_fk("message"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message")),
    )
    op.create_index("ix_message_position", "message", ["position"])
    op.create_index("ix_message_room_id_position", "message", ["room_id", "position"])
    op.create_index("ix_message_room_id_seq", "message", ["room_id", "seq"], unique=True)
    op.create_table(
        "read_marker",
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("up_to_seq", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=True),
        _account_fk("read_marker"),
        _room_fk("read_marker"),
        sa.PrimaryKeyConstraint("room_id", "account_id", name=op.f("pk_read_marker")),
    )
    op.create_index("ix_read_marker_account_id_position", "read_marker", ["account_id", "position"])
    op.create_table(
        "room_member",
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.Column("joined_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("left_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("position", sa.BigInteger(), nullable=True),
        _account_fk("room_member"),
        _room_fk("room_member"),
        sa.PrimaryKeyConstraint("room_id", "account_id", name=op.f("pk_room_member")),
    )
    op.create_index("ix_room_member_account_id_state", "room_member", ["account_id", "state"])
    op.create_index("ix_room_member_position", "room_member", ["position"])
    op.create_index("ix_room_member_room_id_position", "room_member", ["room_id", "position"])


def downgrade() -> None:
    for table in (
        "room_member",
        "read_marker",
        "message",
        "room",
        "client_operation",
        "client_cursor",
        "stream_head",
    ):
        op.drop_table(table)  # their indexes go with them
