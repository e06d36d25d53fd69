"""Messages, and the record that makes every client operation idempotent forever."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from app import clock
from app.tables import TextEnum, utc_column


class Withheld(StrEnum):
    """Why a message is kept from the room while its author still sees it (moderation)."""

    held = "held"  # holds contact details: waits for its author to confirm or edit
    pending_review = "pending_review"  # its flags passed the room's threshold
    hidden = "hidden"  # hidden by the room's moderators
    removed = "removed"  # removed by a coordinator as illegal


class Message(SQLModel, table=True):
    """A message. Its id comes from the client; its order (``seq``) and time from the server.

    Deleting keeps a tombstone (no body) so that every device learns of the deletion through
    sync; tombstones are compacted once no cursor can still need them.
    """

    __tablename__ = "message"
    __table_args__ = (
        sa.Index("ix_message_room_id_seq", "room_id", "seq", unique=True),
        sa.Index("ix_message_room_id_position", "room_id", "position"),
        sa.Index("ix_message_position", "position"),
        sa.Index("ix_message_deleted_at", "deleted_at"),  # tombstones to compact
    )

    id: uuid.UUID = Field(primary_key=True)
    room_id: uuid.UUID = Field(foreign_key="room.id", ondelete="CASCADE")
    author_id: uuid.UUID | None = Field(default=None, foreign_key="account.id", ondelete="SET NULL")
    body: str | None = Field(default=None, sa_type=sa.Text)
    reply_to_id: uuid.UUID | None = None
    client_time: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
    edited_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    deleted_at: datetime | None = Field(default=None, sa_column=utc_column(nullable=True))
    version: int = 1
    withheld: Withheld | None = Field(default=None, sa_type=TextEnum(Withheld, 16))
    withheld_note: str | None = Field(
        default=None, sa_type=sa.Text, description="JSON: what the author is told about why"
    )
    notice: str | None = Field(
        default=None, sa_type=sa.Text, description="JSON: what a message from the service is about"
    )
    seq: int | None = Field(default=None, sa_type=sa.BigInteger)
    position: int | None = Field(default=None, sa_type=sa.BigInteger)


class OperationStatus(StrEnum):
    applied = "applied"
    rejected = "rejected"


class ClientCursor(SQLModel, table=True):
    """The last operation sequence number taken from one client (one app install)."""

    __tablename__ = "client_cursor"

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    client_id: uuid.UUID = Field(primary_key=True)
    last_seq: int = Field(default=0, sa_type=sa.BigInteger)


class ClientOperation(SQLModel, table=True):
    """The outcome of one client operation, kept so that a retry, however late, gets the
    original answer instead of a second write."""

    __tablename__ = "client_operation"

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    client_id: uuid.UUID = Field(primary_key=True)
    seq: int = Field(primary_key=True, sa_type=sa.BigInteger)
    kind: str = Field(sa_type=sa.String(16))
    fingerprint: str = Field(sa_type=sa.String(64))
    status: OperationStatus = Field(sa_type=TextEnum(OperationStatus, 16))
    outcome: str = Field(sa_type=sa.Text, description="JSON: the result or the error")
    created_at: datetime = Field(default_factory=clock.now, sa_column=utc_column())
