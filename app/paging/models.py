"""The delivery log: every attempt to deliver a page, kept so an operator can see what reached
whom and when (a page carries no personal data: see ``pager.Page``)."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import utc_column


class PageDelivery(SQLModel, table=True):
    __tablename__ = "page_delivery"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    page_id: uuid.UUID = Field(index=True)
    recipient_id: uuid.UUID = Field(foreign_key="account.id", ondelete="CASCADE")
    attempt: int
    delivered: bool
    status_code: int | None = None
    error: str | None = Field(default=None, sa_type=sa.String(120))
    at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
