"""identity: accounts, staff roles, staff invites, device sessions, login throttle

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("handle", sa.String(length=24), nullable=False),
        sa.Column("handle_key", sa.String(length=24), nullable=False),
        sa.Column("age_band", sa.String(length=8), nullable=True),
        sa.Column("display_name", sa.String(length=60), nullable=True),
        sa.Column("passphrase_hash", sa.String(length=255), nullable=False),
        sa.Column("recovery_code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.CheckConstraint(
            "(kind = 'member' AND age_band IS NOT NULL AND display_name IS NULL)"
            " OR (kind = 'staff' AND age_band IS NULL AND display_name IS NOT NULL)",
            name=op.f("ck_account_member_or_staff"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("handle_key", name=op.f("uq_account_handle_key")),
    )
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("locked_until", UTC_TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "device_session",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("device_label", sa.String(length=40), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("last_used_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("expires_at", UTC_TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_device_session_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device_session")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_device_session_token_digest")),
    )
    op.create_index(
        op.f("ix_device_session_account_id"), "device_session", ["account_id"], unique=False
    )
    op.create_table(
        "staff_invite",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code_digest", sa.String(length=64), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("created_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("expires_at", UTC_TIMESTAMP, nullable=False),
        sa.Column("used_at", UTC_TIMESTAMP, nullable=True),
        sa.Column("used_by", sa.Uuid(), nullable=True),
        sa.Column("revoked_at", UTC_TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["account.id"],
            name=op.f("fk_staff_invite_created_by_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["used_by"],
            ["account.id"],
            name=op.f("fk_staff_invite_used_by_account"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_invite")),
        sa.UniqueConstraint("code_digest", name=op.f("uq_staff_invite_code_digest")),
    )
    op.create_index(
        op.f("ix_staff_invite_created_by"), "staff_invite", ["created_by"], unique=False
    )
    op.create_table(
        "staff_role_grant",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("granted_at", UTC_TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_staff_role_grant_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "role", name=op.f("pk_staff_role_grant")),
    )


def downgrade() -> None:
    op.drop_table("staff_role_grant")
    op.drop_index(op.f("ix_staff_invite_created_by"), table_name="staff_invite")
    op.drop_table("staff_invite")
    op.drop_index(op.f("ix_device_session_account_id"), table_name="device_session")
    op.drop_table("device_session")
    op.drop_table("login_throttle")
    op.drop_table("account")
