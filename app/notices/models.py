"""A private notice for one person (a moderator's warning, a hidden message, a volunteer
reaching out). It travels through the change stream like everything else a client syncs, so
a phone that was offline gets it when it comes back."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import utc_column


class Notice(SQLModel, table=True):
    __tablename__ = "notice"
    __table_args__ = (
        sa.Index("ix_notice_account_id_position", "account_id", "position"),
        sa.Index("ix_notice_position", "position"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    code: str = Field(sa_type=sa.String(48), description="what it is about, for the app to show")
    details: str = Field(default="{}", sa_type=sa.Text, description="JSON: what it refers to")
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    position: int | None = Field(default=None, sa_type=sa.BigInteger)
