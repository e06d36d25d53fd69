"""A phone with an outbox: queues operations offline, pushes them later, syncs a replica.

Tests use it the way a client author would use the protocol, so the stories read like the
people in them: write on the train, send when the signal comes back.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests.actors import Person


@dataclass
class Device:
    client: httpx.AsyncClient
    person: Person
    client_id: uuid.UUID = field(default_factory=uuid.uuid4)
    seq: int = 0
    outbox: list[dict[str, Any]] = field(default_factory=list)
    cursor: str | None = None
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> message
    rooms: dict[str, dict[str, Any]] = field(default_factory=dict)
    unread: dict[str, int] = field(default_factory=dict)
    read_markers: dict[str, int] = field(default_factory=dict)
    tombstones: dict[str, str] = field(default_factory=dict)  # message id -> reason
    notices: list[dict[str, Any]] = field(default_factory=list)  # private, oldest first

    def _queue(self, op: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        op = {"seq": self.seq, **op}
        self.outbox.append(op)
        return op

    def send(self, room_id: str, body: str, *, reply_to: str | None = None) -> str:
        message_id = str(uuid.uuid4())
        op: dict[str, Any] = {
            "type": "send",
            "room_id": room_id,
            "message_id": message_id,
            "body": body,
        }
        if reply_to:
            op["reply_to"] = reply_to
        self._queue(op)
        return message_id

    def edit(self, message_id: str, base_version: int, body: str) -> None:
        self._queue(
            {"type": "edit", "message_id": message_id, "base_version": base_version, "body": body}
        )

    def delete(self, message_id: str) -> None:
        self._queue({"type": "delete", "message_id": message_id})

    def confirm(self, message_id: str) -> None:
        self._queue({"type": "confirm", "message_id": message_id})

    def read(self, room_id: str, up_to: str) -> None:
        self._queue({"type": "read", "room_id": room_id, "up_to": up_to})

    async def push(self, ops: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """Send ``ops`` (default: the whole outbox); settled ones leave the outbox."""
        batch = self.outbox if ops is None else ops
        response = await self.client.post(
            "/sync/push",
            json={"client_id": str(self.client_id), "ops": batch},
            headers=self.person.headers,
        )
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        settled = {r["seq"] for r in results if r["status"] != "retry_later"}
        self.outbox = [op for op in self.outbox if op["seq"] not in settled]
        return results

    async def sync(self) -> dict[str, Any]:
        """Pull until caught up, applying every change to the local replica."""
        while True:
            params = {"cursor": self.cursor} if self.cursor else {}
            response = await self.client.get("/sync", params=params, headers=self.person.headers)
            assert response.status_code == 200, response.text
            body: dict[str, Any] = response.json()
            if body["reset"]:
                self.messages.clear()
                self.rooms.clear()
            for change in body["changes"]:
                self.apply(change)
            self.cursor = body["cursor"]
            self.unread = body["unread"]
            if not body["has_more"]:
                return body

    def apply(self, change: dict[str, Any]) -> None:
        kind = change["type"]
        if kind == "message":
            self.messages[change["message"]["id"]] = change["message"]
            self.tombstones.pop(change["message"]["id"], None)
        elif kind == "tombstone":
            self.messages.pop(change["message_id"], None)
            self.tombstones[change["message_id"]] = change["reason"]
        elif kind == "membership":
            if change["state"] == "joined":
                self.rooms[change["room"]["id"]] = change["room"]
            else:
                self.rooms.pop(change["room"]["id"], None)
        elif kind == "room":
            self.rooms[change["room"]["id"]] = change["room"]
        elif kind == "read_marker":
            self.read_markers[change["room_id"]] = change["up_to_seq"]
        elif kind == "notice" and change["notice"] not in self.notices:
            self.notices.append(change["notice"])

    def room_messages(self, room_id: str) -> list[dict[str, Any]]:
        return sorted(
            (m for m in self.messages.values() if m["room_id"] == room_id), key=lambda m: m["seq"]
        )
