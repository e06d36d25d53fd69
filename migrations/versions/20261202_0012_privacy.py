"""privacy: records that outlive an erased chat; a chat held for an open escalation after its
young person erased their account; indexes for the retention sweep

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

Consent records, staff access to a chat and the read audit are kept longer than the chat
itself (retention), so their link to the chat becomes "none" instead of taking them along. A
chat's young person can erase their account while an escalation still holds the chat: the
request then keeps no requester until the escalation closes and the chat is erased.

Downgrading erases what the older schema cannot hold: records whose chat is gone, and chats
whose young person is gone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("state IN ('waiting', 'active')")


def _refer(
    batch: object, table: str, column: str, referred: str, ondelete: str, *, nullable: bool
) -> None:
    name = f"fk_{table}_{column}_{referred}"
    batch.drop_constraint(name, type_="foreignkey")  # type: ignore[attr-defined]
    batch.alter_column(column, existing_type=sa.Uuid(), nullable=nullable)  # type: ignore[attr-defined]
    batch.create_foreign_key(name, referred, [column], ["id"], ondelete=ondelete)  # type: ignore[attr-defined]


def _links(ondelete: str, *, nullable: bool) -> None:
    with op.batch_alter_table("chat_consent") as batch:
        _refer(batch, "chat_consent", "request_id", "chat_request", ondelete, nullable=nullable)
    with op.batch_alter_table("chat_access") as batch:
        _refer(batch, "chat_access", "request_id", "chat_request", ondelete, nullable=nullable)
        _refer(batch, "chat_access", "room_id", "room", ondelete, nullable=nullable)
    with op.batch_alter_table("conversation_read") as batch:
        _refer(
            batch, "conversation_read", "request_id", "chat_request", ondelete, nullable=nullable
        )
    # the partial unique index is made again by hand: a rebuilt SQLite table may lose its WHERE
    op.drop_index("uq_chat_request_open", table_name="chat_request")
    with op.batch_alter_table("chat_request") as batch:
        _refer(batch, "chat_request", "requester_id", "account", ondelete, nullable=nullable)
    op.create_index(
        "uq_chat_request_open",
        "chat_request",
        ["requester_id"],
        unique=True,
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )


def upgrade() -> None:
    with op.batch_alter_table("chat_request") as batch:
        batch.add_column(sa.Column("erase_requested_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_chat_request_closed_at", ["closed_at"], unique=False)
    with op.batch_alter_table("message") as batch:
        batch.create_index("ix_message_deleted_at", ["deleted_at"], unique=False)
    _links("SET NULL", nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM chat_request WHERE requester_id IS NULL")
    for table in ("chat_consent", "chat_access", "conversation_read"):
        op.execute(f"DELETE FROM {table} WHERE request_id IS NULL")  # noqa: S608
    op.execute("DELETE FROM chat_access WHERE room_id IS NULL")
    _links("CASCADE", nullable=False)
    with op.batch_alter_table("message") as batch:
        batch.drop_index("ix_message_deleted_at")
    with op.batch_alter_table("chat_request") as batch:
        batch.drop_index("ix_chat_request_closed_at")
        batch.drop_column("erase_requested_at")
