"""Delivery to one big room, and the memory an idle socket costs.

Subscribers (``bench.sockets``) open one authenticated socket each, in steps, while the
server's RSS is read after every step; then a member sends a few messages and every socket
notes when each arrived.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import Any

from bench import stats
from bench.api import Api, Member
from bench.scene import Plan, handles, scene
from bench.server import Server
from bench.sockets import Subscribers, spread_open


async def run(plan: Plan, postgres_url: str | None, log_dir: Path) -> dict[str, Any]:
    """Memory per idle socket while opening ``plan.subscribers`` sockets, then the delivery
    latency of sends to the one room they all listen to."""
    async with scene(postgres_url, log_dir) as current:
        server, _ = await current.service("delivery")
        api = Api(server.base_url)
        pools = [Subscribers(server.ws_url) for _ in range(plan.loaders)]
        try:
            admin = await api.admin()
            (room,) = await api.create_rooms(admin, 1, "Big room")
            started = time.monotonic()
            members = await api.register(handles("luisteraar", plan.subscribers))
            (sender,) = await api.register(["afzender"])
            print(
                f"  registered {len(members)} subscribers in {time.monotonic() - started:.0f}s",
                flush=True,
            )
            await api.join([(member, room) for member in [*members, sender]])
            memory = await _memory(server, pools, [member.token for member in members])
            print(
                f"  {memory['per_socket_kib']:.1f} KiB per idle socket "
                f"(marginal {memory['marginal_kib']:.1f} KiB)",
                flush=True,
            )
            repetitions = []
            for _ in range(plan.delivery_repetitions):
                await server.wait_quiet()
                repetitions.append(await _deliver(plan, api, pools, sender, room, len(members)))
                print(
                    f"  delivery p50 {repetitions[-1]['p50_ms']:.0f} ms, "
                    f"p99 {repetitions[-1]['p99_ms']:.0f} ms, "
                    f"missing {repetitions[-1]['missing']}",
                    flush=True,
                )
        finally:
            await api.close()
            for pool in pools:
                await pool.close()
    return {"memory": memory, "repetitions": repetitions, "subscribers": len(members)}


async def _memory(server: Server, pools: list[Subscribers], tokens: list[str]) -> dict[str, Any]:
    """RSS before and after opening the sockets in four steps; the steps give the slope too."""
    await server.wait_quiet()
    points = [(0, server.rss_kib())]
    steps = 4
    for step in range(steps):
        chunk = tokens[step * len(tokens) // steps : (step + 1) * len(tokens) // steps]
        opened = await spread_open(pools, chunk)
        if opened["failed"]:
            raise RuntimeError(f"{opened['failed']} sockets failed: {opened['errors']}")
        await server.wait_quiet()
        points.append((points[-1][0] + len(chunk), server.rss_kib()))
    sockets, rss_after = points[-1]
    return {
        "sockets": sockets,
        "rss_before_kib": points[0][1],
        "rss_after_kib": rss_after,
        "per_socket_kib": (rss_after - points[0][1]) / sockets,
        "marginal_kib": stats.slope(points[1:]),
        "points": points,
    }


async def _deliver(
    plan: Plan, api: Api, pools: list[Subscribers], sender: Member, room: str, sockets: int
) -> dict[str, Any]:
    """Send a few messages at a steady pace; latency is from issuing the send request to the
    frame's arrival at each subscriber."""
    issued: dict[str, float] = {}
    answered: list[float] = []
    for _ in range(plan.messages_per_repetition):
        message_id = str(uuid.uuid4())
        op = {"type": "send", "room_id": room, "message_id": message_id, "body": "hallo allemaal"}
        issued[message_id] = time.monotonic()
        await api.push(sender, [op])
        answered.append((time.monotonic() - issued[message_id]) * 1000)
        await asyncio.sleep(max(0.0, issued[message_id] + plan.delivery_gap - time.monotonic()))
    replies = await asyncio.gather(*(pool.collect(list(issued), 15.0) for pool in pools))
    latencies = [
        (arrival - issued[message_id]) * 1000
        for reply in replies
        for message_id, arrivals in reply["arrivals"].items()
        for arrival in arrivals
    ]
    return {
        "p50_ms": stats.percentile(latencies, 50),
        "p99_ms": stats.percentile(latencies, 99),
        "max_ms": max(latencies, default=float("nan")),
        "send_response_ms": stats.median(answered),
        "delivered": len(latencies),
        "missing": sockets * len(issued) - len(latencies),
    }
