"""Catch-up: how long a reader takes to pull the messages they missed, by size of history.

History is seeded in SQL (``bench.seed``); the reader has read it all and synced; then 1,000
messages arrive over 20 rooms; the figure is the wall time to follow ``GET /sync`` pages from
the reader's cursor to the end. Catch-up should cost what was missed, not the history.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import stats
from bench.api import Api, Member
from bench.scene import Plan, Scene, handles, scene
from bench.seed import count_messages, seed_history
from bench.server import Server


async def _send_missed(api: Api, writers: list[Member], rooms: list[str], total: int) -> None:
    """``total`` messages, spread evenly over the rooms, each room's writer pushing its share
    in batches (how they were sent does not matter to the reader; batches keep setup short)."""

    async def write(member: Member, room_id: str, count: int) -> None:
        for first in range(0, count, 25):
            await api.push(
                member,
                [
                    {
                        "type": "send",
                        "room_id": room_id,
                        "message_id": str(uuid.uuid4()),
                        "body": f"gemist bericht {number}",
                    }
                    for number in range(first, min(first + 25, count))
                ],
            )

    share, rest = divmod(total, len(rooms))
    await asyncio.gather(
        *(
            write(member, room_id, share + (1 if index < rest else 0))
            for index, (member, room_id) in enumerate(zip(writers, rooms, strict=True))
        )
    )


async def _pull_all(api: Api, reader: Member, cursor: str) -> tuple[float, int, int, str]:
    """Follow ``GET /sync`` pages from ``cursor`` to the end:
    (seconds, pages, messages, the cursor at the end)."""
    started = time.perf_counter()
    pages = messages = 0
    while True:
        body = await api.sync(reader, cursor, limit=500)
        pages += 1
        messages += sum(1 for change in body["changes"] if change["type"] == "message")
        cursor = body["cursor"]
        if not body["has_more"]:
            return time.perf_counter() - started, pages, messages, cursor


@dataclass
class _History:
    """One catch-up server: ``size`` messages of history, then ``plan.missed`` more that the
    reader, whose cursor is ``cursor``, has not seen yet."""

    size: int
    server: Server
    api: Api
    reader: Member
    cursor: str
    end_cursor: str = ""


async def _prepare_history(plan: Plan, current: Scene, size: int) -> _History:
    server, database = await current.service(f"catchup{size}")
    api = Api(server.base_url)
    try:
        admin = await api.admin()
        rooms = await api.create_rooms(admin, plan.rooms, "Catch-up room")
        writers = await api.register(handles("schrijver", plan.rooms))
        (reader,) = await api.register(["lezer"])
        await api.join([*zip(writers, rooms, strict=True), *((reader, room) for room in rooms)])
    finally:
        await api.close()
    await server.stop()
    authors = {room: member.account_id for member, room in zip(writers, rooms, strict=True)}
    newest = await seed_history(database, authors, size - await count_messages(database))
    await server.start(current.log_dir)
    api = Api(server.base_url)
    # The reader has read all history, synced, and then went offline.
    await api.push(
        reader, [{"type": "read", "room_id": room, "up_to": newest[room]} for room in rooms]
    )
    history = _History(size, server, api, reader, (await api.sync(reader))["cursor"])
    await _send_missed(api, writers, rooms, plan.missed)
    return history


async def run(plan: Plan, postgres_url: str | None, log_dir: Path) -> dict[str, Any]:
    """Catch-up after missing ``plan.missed`` messages, with each size of history.

    Every size has its own server, all running at once, and the repetitions take turns, so
    that noise from the rest of the machine falls on every size alike."""
    async with scene(postgres_url, log_dir) as current:
        histories = [await _prepare_history(plan, current, size) for size in plan.histories]
        timings: dict[int, list[float]] = {history.size: [] for history in histories}
        idle: dict[int, list[float]] = {history.size: [] for history in histories}
        pages = 0
        try:
            for history in histories:
                await history.server.wait_quiet()
            for repetition in range(plan.catchup_repetitions):
                for history in histories if repetition % 2 == 0 else histories[::-1]:
                    seconds, pages, messages, history.end_cursor = await _pull_all(
                        history.api, history.reader, history.cursor
                    )
                    if messages != plan.missed:
                        raise RuntimeError(f"catch-up gave {messages} messages, not {plan.missed}")
                    timings[history.size].append(seconds * 1000)
                    # The same request with nothing new: the fixed cost of a sync page.
                    seconds, *_ = await _pull_all(history.api, history.reader, history.end_cursor)
                    idle[history.size].append(seconds * 1000)
        finally:
            retried = sum(history.api.retried for history in histories)
            for history in histories:
                await history.api.close()
    sizes = [
        {
            "history": size,
            "runs_ms": runs,
            "median_ms": stats.median(runs),
            "pages": pages,
            "nothing_new_median_ms": stats.median(idle[size]),
        }
        for size, runs in timings.items()
    ]
    for size in sizes:
        print(
            f"  history {size['history']:>7,}: catch-up median {size['median_ms']:.0f} ms "
            f"({size['pages']} pages; nothing new: {size['nothing_new_median_ms']:.0f} ms)",
            flush=True,
        )
    return {"sizes": sizes, "setup_pushes_retried_after_503": retried}
