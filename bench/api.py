"""The few calls the benchmark makes to set a scene: accounts, rooms, memberships, sends, syncs.

Setting up goes through the public API like any client would, so the scenes are consistent
with whatever the service stores; only bulk history is written in SQL (``bench.seed``).
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.server import ADMIN_HANDLE, PASSPHRASE

RETRIES = 10


class ApiError(RuntimeError):
    pass


@dataclass
class Member:
    """A registered person with one device: a token and an outbox of their own."""

    handle: str
    token: str
    account_id: str
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    seq: int = 0

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq


def _expect(response: httpx.Response, *statuses: int) -> Any:
    if response.status_code not in statuses:
        raise ApiError(
            f"{response.request.method} {response.request.url.path}: "
            f"HTTP {response.status_code} {response.text[:300]}"
        )
    return response.json() if response.content else None


class Api:
    def __init__(self, base_url: str) -> None:
        limits = httpx.Limits(max_connections=50, max_keepalive_connections=50)
        self.http = httpx.AsyncClient(base_url=base_url, timeout=120.0, limits=limits)
        self.retried = 0  # pushes answered 503 and sent again

    async def close(self) -> None:
        await self.http.aclose()

    async def admin(self) -> Member:
        body = _expect(
            await self.http.post(
                "/auth/login", json={"handle": ADMIN_HANDLE, "passphrase": PASSPHRASE}
            ),
            200,
        )
        return Member(ADMIN_HANDLE, body["token"], body["account"]["id"])

    async def create_rooms(self, admin: Member, count: int, prefix: str) -> list[str]:
        rooms = []
        for number in range(1, count + 1):
            body = _expect(
                await self.http.post(
                    "/rooms",
                    headers=admin.headers,
                    json={
                        "name": f"{prefix} {number}",
                        "theme": "just_chatting",
                        "age_band": "all",
                    },
                ),
                201,
            )
            rooms.append(body["id"])
        return rooms

    async def register(self, handles: list[str], parallel: int = 6) -> list[Member]:
        """Register in parallel: each costs an argon2 hash on the server (tens of ms)."""
        gate = asyncio.Semaphore(parallel)

        async def one(handle: str) -> Member:
            async with gate:
                body = _expect(
                    await self.http.post(
                        "/auth/register",
                        json={"handle": handle, "passphrase": PASSPHRASE, "age_band": "18-25"},
                    ),
                    201,
                )
            return Member(handle, body["token"], body["account"]["id"])

        return list(await asyncio.gather(*(one(handle) for handle in handles)))

    async def join(self, pairs: list[tuple[Member, str]], parallel: int = 10) -> None:
        gate = asyncio.Semaphore(parallel)

        async def one(member: Member, room_id: str) -> None:
            async with gate:
                _expect(await self.http.post(f"/rooms/{room_id}/join", headers=member.headers), 200)

        await asyncio.gather(*(one(member, room_id) for member, room_id in pairs))

    async def push(self, member: Member, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Push operations (``seq`` is filled in) and insist that every one was applied.

        A 503 is retried with the very same batch, as the app's outbox would: the service
        answers it when its database was too busy, and nothing was stored."""
        for op in ops:
            op["seq"] = member.next_seq()
        payload = {"client_id": member.client_id, "ops": ops}
        for attempt in range(RETRIES):
            response = await self.http.post("/sync/push", headers=member.headers, json=payload)
            if response.status_code != 503 or attempt == RETRIES - 1:
                break
            self.retried += 1
            await asyncio.sleep(0.2 * (attempt + 1))
        body = _expect(response, 200)
        results: list[dict[str, Any]] = body["results"]
        if any(result["status"] != "applied" for result in results):
            raise ApiError(f"push not applied: {results}")
        return results

    async def send(self, member: Member, room_id: str, text: str) -> dict[str, Any]:
        op = {"type": "send", "room_id": room_id, "message_id": str(uuid.uuid4()), "body": text}
        return (await self.push(member, [op]))[0]["result"]["message"]  # type: ignore[no-any-return]

    async def sync(
        self, member: Member, cursor: str | None = None, limit: int | None = None
    ) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if cursor is not None:
            params["cursor"] = cursor
        if limit is not None:
            params["limit"] = limit
        return _expect(  # type: ignore[no-any-return]
            await self.http.get("/sync", headers=member.headers, params=params), 200
        )
