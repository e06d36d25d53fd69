"""Sync cursors: opaque to clients, ``<epoch>_<position>`` inside.

The epoch changes when the stream starts over (a restored backup, a new database); a cursor
from another epoch, from beyond the head, or from before the horizon gets a reset, never a
silent hole.
"""

from __future__ import annotations

from app.messaging.errors import CursorInvalid


def encode(epoch: str, position: int) -> str:
    return f"{epoch}_{position}"


def decode(cursor: str) -> tuple[str, int]:
    epoch, _, position = cursor.rpartition("_")
    if not epoch or not position.isdigit() or len(cursor) > 64:
        raise CursorInvalid()
    return epoch, int(position)
