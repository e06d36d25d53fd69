"""moderation: peer moderators, flags and cases, the public log, appeals, staff visits, care
tasks; messages kept from their room; muted and removed members; private notices

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01

Downgrading cannot keep what the older schema has no place for: a member removed from a room
becomes one who left, and a message kept from its room (held, hidden, removed) becomes a
tombstone rather than visible to everyone.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notice",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=48), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_notice_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notice_account_id_position", ["account_id", "position"], unique=False
        )
        batch_op.create_index("ix_notice_position", ["position"], unique=False)

    op.create_table(
        "moderation_case",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("target_kind", sa.String(length=8), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("auto_hidden", sa.Integer(), nullable=False),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["room_id"],
            ["room.id"],
            name=op.f("fk_moderation_case_room_id_room"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["account.id"],
            name=op.f("fk_moderation_case_subject_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_case")),
        sa.UniqueConstraint(
            "target_kind", "target_id", name=op.f("uq_moderation_case_target_kind_target_id")
        ),
    )
    with op.batch_alter_table("moderation_case", schema=None) as batch_op:
        batch_op.create_index(
            "ix_moderation_case_room_id_state_score", ["room_id", "state", "score"], unique=False
        )

    op.create_table(
        "room_moderator",
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("appointed_by", sa.Uuid(), nullable=True),
        sa.Column("appointed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_room_moderator_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["appointed_by"],
            ["account.id"],
            name=op.f("fk_room_moderator_appointed_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"],
            ["room.id"],
            name=op.f("fk_room_moderator_room_id_room"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("room_id", "account_id", name=op.f("pk_room_moderator")),
    )
    op.create_table(
        "room_policy",
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("flag_threshold", sa.Float(), nullable=True),
        sa.Column("sign_as_team", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_room_policy_room_id_room"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("room_id", name=op.f("pk_room_policy")),
    )
    op.create_table(
        "staff_visit",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("invited_by", sa.Uuid(), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["invited_by"],
            ["account.id"],
            name=op.f("fk_staff_visit_invited_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_staff_visit_room_id_room"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"],
            ["account.id"],
            name=op.f("fk_staff_visit_staff_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_visit")),
    )
    with op.batch_alter_table("staff_visit", schema=None) as batch_op:
        batch_op.create_index("ix_staff_visit_ends_at", ["ends_at"], unique=False)

    op.create_table(
        "care_task",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("message_id", sa.Uuid(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("acute", sa.Boolean(), nullable=False),
        sa.Column("cues", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("claimed_by", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claimed_by"],
            ["account.id"],
            name=op.f("fk_care_task_claimed_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["message.id"],
            name=op.f("fk_care_task_message_id_message"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_care_task_room_id_room"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["account.id"],
            name=op.f("fk_care_task_subject_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_task")),
    )
    with op.batch_alter_table("care_task", schema=None) as batch_op:
        batch_op.create_index(
            "ix_care_task_state_created_at", ["state", "created_at"], unique=False
        )
        batch_op.create_index(
            "ix_care_task_subject_id_room_id_state",
            ["subject_id", "room_id", "state"],
            unique=False,
        )

    op.create_table(
        "flag",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("flagger_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("target_kind", sa.String(length=8), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["moderation_case.id"],
            name=op.f("fk_flag_case_id_moderation_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["flagger_id"],
            ["account.id"],
            name=op.f("fk_flag_flagger_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_flag_room_id_room"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flag")),
        sa.UniqueConstraint(
            "flagger_id",
            "target_kind",
            "target_id",
            name=op.f("uq_flag_flagger_id_target_kind_target_id"),
        ),
    )
    with op.batch_alter_table("flag", schema=None) as batch_op:
        batch_op.create_index("ix_flag_case_id", ["case_id"], unique=False)
        batch_op.create_index("ix_flag_flagger_id_outcome", ["flagger_id", "outcome"], unique=False)

    op.create_table(
        "moderation_action",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sa.String(length=16), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("message_id", sa.Uuid(), nullable=True),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("rule", sa.String(length=32), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refers_to", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["account.id"],
            name=op.f("fk_moderation_action_actor_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["moderation_case.id"],
            name=op.f("fk_moderation_action_case_id_moderation_case"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["message.id"],
            name=op.f("fk_moderation_action_message_id_message"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"],
            ["room.id"],
            name=op.f("fk_moderation_action_room_id_room"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["account.id"],
            name=op.f("fk_moderation_action_subject_id_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moderation_action")),
    )
    with op.batch_alter_table("moderation_action", schema=None) as batch_op:
        batch_op.create_index(
            "ix_moderation_action_room_id_created_at", ["room_id", "created_at"], unique=False
        )

    op.create_table(
        "appeal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("action_id", sa.Uuid(), nullable=False),
        sa.Column("room_id", sa.Uuid(), nullable=False),
        sa.Column("appellant_id", sa.Uuid(), nullable=False),
        sa.Column("statement", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("decision_reason", sa.String(length=500), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["moderation_action.id"],
            name=op.f("fk_appeal_action_id_moderation_action"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["appellant_id"],
            ["account.id"],
            name=op.f("fk_appeal_appellant_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["account.id"],
            name=op.f("fk_appeal_decided_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["room_id"], ["room.id"], name=op.f("fk_appeal_room_id_room"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal")),
        sa.UniqueConstraint("action_id", name=op.f("uq_appeal_action_id")),
    )
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("withheld", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("withheld_note", sa.Text(), nullable=True))

    with op.batch_alter_table("room_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("muted_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("visiting_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE room_member SET state = 'left' WHERE state = 'removed'")
    op.execute(
        "UPDATE message SET body = NULL, deleted_at = created_at, version = version + 1"
        " WHERE withheld IS NOT NULL AND deleted_at IS NULL"
    )
    with op.batch_alter_table("room_member", schema=None) as batch_op:
        batch_op.drop_column("visiting_until")
        batch_op.drop_column("muted_until")

    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_column("withheld_note")
        batch_op.drop_column("withheld")

    op.drop_table("appeal")
    with op.batch_alter_table("moderation_action", schema=None) as batch_op:
        batch_op.drop_index("ix_moderation_action_room_id_created_at")

    op.drop_table("moderation_action")
    with op.batch_alter_table("flag", schema=None) as batch_op:
        batch_op.drop_index("ix_flag_flagger_id_outcome")
        batch_op.drop_index("ix_flag_case_id")

    op.drop_table("flag")
    with op.batch_alter_table("care_task", schema=None) as batch_op:
        batch_op.drop_index("ix_care_task_subject_id_room_id_state")
        batch_op.drop_index("ix_care_task_state_created_at")

    op.drop_table("care_task")
    with op.batch_alter_table("staff_visit", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_visit_ends_at")

    op.drop_table("staff_visit")
    op.drop_table("room_policy")
    op.drop_table("room_moderator")
    with op.batch_alter_table("moderation_case", schema=None) as batch_op:
        batch_op.drop_index("ix_moderation_case_room_id_state_score")

    op.drop_table("moderation_case")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_position")
        batch_op.drop_index("ix_notice_account_id_position")

    op.drop_table("notice")
