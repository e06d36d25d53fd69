"""escalations: the path from a volunteer to the professional and psychiatrist on call

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "escalation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=True),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("opened_by", sa.Uuid(), nullable=True),
        sa.Column("holder_id", sa.Uuid(), nullable=True),
        sa.Column("thread_room_id", sa.Uuid(), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("no_backstop_reason", sa.Text(), nullable=True),
        sa.Column("unanswered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["account.id"],
            name=op.f("fk_escalation_holder_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["location.id"],
            name=op.f("fk_escalation_location_id_location"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"],
            ["account.id"],
            name=op.f("fk_escalation_opened_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["escalation.id"],
            name=op.f("fk_escalation_parent_id_escalation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["chat_request.id"],
            name=op.f("fk_escalation_request_id_chat_request"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["thread_room_id"], ["room.id"], name=op.f("fk_escalation_thread_room_id_room")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation")),
    )
    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_escalation_location_id_state", ["location_id", "state"], unique=False
        )
        batch_op.create_index("ix_escalation_parent_id", ["parent_id"], unique=False)
        batch_op.create_index("ix_escalation_request_id", ["request_id"], unique=False)

    op.create_table(
        "chat_consent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("escalation_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("asked_by", sa.Uuid(), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["asked_by"],
            ["account.id"],
            name=op.f("fk_chat_consent_asked_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_chat_consent_escalation_id_escalation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["chat_request.id"],
            name=op.f("fk_chat_consent_request_id_chat_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_consent")),
    )
    with op.batch_alter_table("chat_consent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_chat_consent_escalation_id"), ["escalation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_chat_consent_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "conversation_read",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("escalation_id", sa.Uuid(), nullable=True),
        sa.Column("location_id", sa.Uuid(), nullable=False),
        sa.Column("reader_id", sa.Uuid(), nullable=True),
        sa.Column("reader_role", sa.String(length=16), nullable=False),
        sa.Column("reader_display_name", sa.String(length=60), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_conversation_read_escalation_id_escalation"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["location.id"],
            name=op.f("fk_conversation_read_location_id_location"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reader_id"],
            ["account.id"],
            name=op.f("fk_conversation_read_reader_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["chat_request.id"],
            name=op.f("fk_conversation_read_request_id_chat_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation_read")),
    )
    with op.batch_alter_table("conversation_read", schema=None) as batch_op:
        batch_op.create_index(
            "ix_conversation_read_reader_id_request_id_at",
            ["reader_id", "request_id", "at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_conversation_read_request_id_at", ["request_id", "at"], unique=False
        )

    op.create_table(
        "escalation_deadline",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("escalation_id", sa.Uuid(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_escalation_deadline_escalation_id_escalation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_deadline")),
    )
    with op.batch_alter_table("escalation_deadline", schema=None) as batch_op:
        batch_op.create_index(
            "ix_escalation_deadline_due_at_open",
            ["due_at"],
            unique=False,
            sqlite_where=sa.text("done_at IS NULL"),
            postgresql_where=sa.text("done_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_escalation_deadline_escalation_id"), ["escalation_id"], unique=False
        )

    op.create_table(
        "escalation_page",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("escalation_id", sa.Uuid(), nullable=False),
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_escalation_page_escalation_id_escalation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["account.id"],
            name=op.f("fk_escalation_page_recipient_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_page")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_escalation_page_token_digest")),
    )
    with op.batch_alter_table("escalation_page", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_escalation_page_escalation_id"), ["escalation_id"], unique=False
        )

    op.create_table(
        "escalation_transition",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("escalation_id", sa.Uuid(), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=True),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["account.id"],
            name=op.f("fk_escalation_transition_actor_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_escalation_transition_escalation_id_escalation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalation_transition")),
    )
    with op.batch_alter_table("escalation_transition", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_escalation_transition_escalation_id"), ["escalation_id"], unique=False
        )

    op.create_table(
        "chat_access",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("escalation_id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("basis", sa.String(length=16), nullable=False),
        sa.Column("consent_id", sa.Uuid(), nullable=True),
        sa.Column("justification", sa.Text(), nullable=True),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_chat_access_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["chat_consent.id"],
            name=op.f("fk_chat_access_consent_id_chat_consent"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["escalation_id"],
            ["escalation.id"],
            name=op.f("fk_chat_access_escalation_id_escalation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["chat_request.id"],
            name=op.f("fk_chat_access_request_id_chat_request"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by"],
            ["account.id"],
            name=op.f("fk_chat_access_reviewed_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_chat_access_room_id_room"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_access")),
    )
    with op.batch_alter_table("chat_access", schema=None) as batch_op:
        batch_op.create_index(
            "ix_chat_access_account_id_ended_at", ["account_id", "ended_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_chat_access_escalation_id"), ["escalation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_chat_access_request_id"), ["request_id"], unique=False)

    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notice", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_column("notice")

    with op.batch_alter_table("chat_access", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_access_request_id"))
        batch_op.drop_index(batch_op.f("ix_chat_access_escalation_id"))
        batch_op.drop_index("ix_chat_access_account_id_ended_at")

    op.drop_table("chat_access")
    with op.batch_alter_table("escalation_transition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_transition_escalation_id"))

    op.drop_table("escalation_transition")
    with op.batch_alter_table("escalation_page", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_page_escalation_id"))

    op.drop_table("escalation_page")
    with op.batch_alter_table("escalation_deadline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalation_deadline_escalation_id"))
        batch_op.drop_index(
            "ix_escalation_deadline_due_at_open",
            sqlite_where=sa.text("done_at IS NULL"),
            postgresql_where=sa.text("done_at IS NULL"),
        )

    op.drop_table("escalation_deadline")
    with op.batch_alter_table("conversation_read", schema=None) as batch_op:
        batch_op.drop_index("ix_conversation_read_request_id_at")
        batch_op.drop_index("ix_conversation_read_reader_id_request_id_at")

    op.drop_table("conversation_read")
    with op.batch_alter_table("chat_consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_consent_request_id"))
        batch_op.drop_index(batch_op.f("ix_chat_consent_escalation_id"))

    op.drop_table("chat_consent")
    with op.batch_alter_table("escalation", schema=None) as batch_op:
        batch_op.drop_index("ix_escalation_request_id")
        batch_op.drop_index("ix_escalation_parent_id")
        batch_op.drop_index("ix_escalation_location_id_state")

    op.drop_table("escalation")
