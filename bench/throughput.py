"""Send throughput: the full send path against the bare stack's ceiling.

Clients send one message per request as fast as they are answered (``bench.load``), at each
concurrency, against the service (``POST /sync/push``: authenticated, idempotent, persisted,
fanned out) and against ``bench.bare_app`` (one row, nothing else), taking turns. A live
socket in every room counts the frames it receives, to show every send was fanned out.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import stats
from bench.api import Api, Member
from bench.load import Client, run_load
from bench.scene import Plan, handles, scene
from bench.server import Server
from bench.sockets import Subscribers


@dataclass
class _Bench:
    """The throughput scene: the service and the bare app side by side, one set of clients."""

    plan: Plan
    service: Server
    bare: Server
    clients: list[Client]
    runs: list[dict[str, Any]]
    applied: int = 0  # every applied send, for the fan-out check

    async def measure(self, target: str, count: int, repetition: int, batch: int = 1) -> None:
        server = self.service if target == "full" else self.bare
        await server.wait_quiet()
        result = await run_load(
            server.base_url,
            "send" if target == "full" else "bare",
            self.clients[:count],
            processes=self.plan.loaders,
            warmup=self.plan.warmup,
            duration=self.plan.duration,
            batch=batch,
            server=server,
        )
        self.applied += result.applied_total
        window = self.plan.duration
        self.runs.append(
            {
                "repetition": repetition,
                "target": target,
                "clients": count,
                "batch": batch,
                "requests_per_s": result.requests / window,
                "messages_per_s": result.operations / window,
                "latency_p50_ms": stats.percentile(result.latencies_ms, 50),
                "latency_p99_ms": stats.percentile(result.latencies_ms, 99),
                "failures": result.failures,
                "first_error": result.first_error,
                "server_cpu_cores": result.server_cpu_seconds / window,
                "server_loop_cpu_cores": result.server_loop_cpu_seconds / window,
                "loader_cpu_cores": result.cpu_seconds / window,
            }
        )
        _progress(self.runs[-1])


async def _senders(plan: Plan, service: Server) -> tuple[list[Member], list[str]]:
    """As many registered senders as the highest concurrency, spread over the rooms."""
    api = Api(service.base_url)
    try:
        admin = await api.admin()
        rooms = await api.create_rooms(admin, plan.rooms, "Bench room")
        senders = await api.register(handles("zender", max(plan.concurrency)))
        await api.join([(member, rooms[i % len(rooms)]) for i, member in enumerate(senders)])
    finally:
        await api.close()
    return senders, rooms


async def run(plan: Plan, postgres_url: str | None, log_dir: Path) -> dict[str, Any]:
    """Full send path against the bare ceiling at each concurrency, the two taking turns
    (and swapping who goes first every repetition)."""
    async with scene(postgres_url, log_dir) as current:
        service, _ = await current.service("send")
        bare = await current.bare()
        senders, rooms = await _senders(plan, service)
        clients = [Client(member.token, rooms[i % len(rooms)]) for i, member in enumerate(senders)]
        bench = _Bench(plan, service, bare, clients, runs=[])
        # One live socket per room (a member of it) shows that every send was fanned out.
        listener = Subscribers(service.ws_url)
        try:
            opened = await listener.open([member.token for member in senders[: plan.rooms]])
            if opened["failed"]:
                raise RuntimeError(f"fan-out listener sockets failed: {opened['errors']}")
            for repetition in range(plan.repetitions):
                for count in plan.concurrency:
                    order = ["bare", "full"] if repetition % 2 == 0 else ["full", "bare"]
                    for target in order:
                        await bench.measure(target, count, repetition)
            for repetition in range(plan.batch_repetitions):
                await bench.measure("full", plan.concurrency[0], repetition, batch=10)
            received = await _fan_out_count(listener, bench.applied)
        finally:
            await listener.close()
    return {"runs": bench.runs, "fan_out": {"applied": bench.applied, "received": received}}


async def _fan_out_count(listener: Subscribers, expected: int, patience: float = 20.0) -> int:
    """Frames the room sockets received, once they stop arriving or all are in."""
    deadline = time.monotonic() + patience
    received = 0
    while True:
        received += (await listener.count())["frames"]
        if received >= expected or time.monotonic() > deadline:
            return received
        await asyncio.sleep(0.5)


def _progress(run: dict[str, Any]) -> None:
    print(
        f"  {run['target']:>4} c={run['clients']:<3} batch={run['batch']:<2} "
        f"{run['messages_per_s']:8.1f} msg/s  p50 {run['latency_p50_ms']:6.1f} ms  "
        f"server {run['server_cpu_cores']:.2f} cores (loop {run['server_loop_cpu_cores']:.2f})  "
        f"loaders {run['loader_cpu_cores']:.2f} cores"
        f"  failures {run['failures']}",
        flush=True,
    )
