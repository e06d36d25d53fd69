"""The HTTP load generator: closed-loop clients spread over several processes.

Each simulated client is one coroutine with its own keep-alive connection (``bench.http``, a
minimal client: httpx itself was too heavy on CPU to stay out of the way) that sends a request,
waits for the answer and sends the next (a phone sending as fast as it is answered). Clients
are split over several processes so that one Python process's loop is not the limit, all start
at the same wall-clock instant, warm up, and then count what completes inside the measured
window. Every answer is checked: a send only counts when the service says ``applied``.

Each process also reports its own CPU time, so the report can show that the loaders were not
what saturated the machine (on two cores they share the CPU with the server).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import resource
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from bench.http import Connection, ProtocolError
from bench.server import Server

_SPAWN = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Client:
    """One simulated client: who it is (no token for the bare app) and where it sends."""

    token: str | None = None
    room_id: str | None = None


@dataclass(frozen=True)
class LoadSpec:
    base_url: str
    kind: str  # "send" (POST /sync/push) or "bare" (POST /rows)
    clients: list[Client]
    start_at: float  # time.time() at which every process starts
    warmup: float
    duration: float
    batch: int = 1  # operations per request (send only)


@dataclass
class LoadResult:
    requests: int = 0  # completed and correct, inside the window
    operations: int = 0  # messages stored by those requests
    failures: int = 0  # wrong status or an operation not applied, anywhere in the run
    applied_total: int = 0  # every applied send, warm-up included (for the fan-out check)
    latencies_ms: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0  # the loaders' CPU during the window
    server_cpu_seconds: float = 0.0  # the server's CPU during the window
    server_loop_cpu_seconds: float = 0.0  # of which its event-loop thread
    first_error: str | None = None

    def merge(self, other: LoadResult) -> None:
        self.requests += other.requests
        self.operations += other.operations
        self.failures += other.failures
        self.applied_total += other.applied_total
        self.latencies_ms += other.latencies_ms
        self.cpu_seconds += other.cpu_seconds
        self.first_error = self.first_error or other.first_error


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _Sender:
    """Builds requests for one client; a fresh ``client_id`` per run keeps ``seq`` simple."""

    def __init__(self, spec: LoadSpec, client: Client, number: int) -> None:
        self.spec = spec
        self.client = client
        self.number = number
        self.client_id = str(uuid.uuid4())
        self.seq = 0
        self.path = "/sync/push" if spec.kind == "send" else "/rows"
        self.headers = {} if client.token is None else {"authorization": f"Bearer {client.token}"}

    def request(self) -> bytes:
        ops = []
        for _ in range(self.spec.batch):
            self.seq += 1
            ops.append(
                {
                    "seq": self.seq,
                    "type": "send",
                    "room_id": self.client.room_id,
                    "message_id": str(uuid.uuid4()),
                    "body": f"bench message {self.seq} from client {self.number}",
                }
            )
        return json.dumps({"client_id": self.client_id, "ops": ops}).encode()

    def applied(self, status: int, body: bytes) -> tuple[int, str | None]:
        """How many operations the answer confirms, and what went wrong if not all."""
        if status != 200:
            return 0, f"HTTP {status}: {body[:300].decode(errors='replace')}"
        if self.spec.kind != "send":
            return 1, None
        results = json.loads(body)["results"]
        applied = sum(1 for result in results if result["status"] == "applied")
        if applied != self.spec.batch:
            return applied, f"not applied: {json.dumps(results)[:300]}"
        return applied, None


async def _client_loop(sender: _Sender, window: tuple[float, float], result: LoadResult) -> None:
    begin, end = window
    host, port = sender.spec.base_url.removeprefix("http://").split(":")
    connection = Connection(host, int(port), sender.headers)
    try:
        while time.monotonic() < end:
            body = sender.request()
            started = time.monotonic()
            try:
                status, answer = await connection.post(sender.path, body)
            except (OSError, ProtocolError) as error:
                result.failures += 1
                result.first_error = result.first_error or repr(error)
                continue
            finished = time.monotonic()
            applied, problem = sender.applied(status, answer)
            if sender.spec.kind == "send":
                result.applied_total += applied
            if problem is not None:
                result.failures += 1
                result.first_error = result.first_error or problem
                continue
            if begin <= finished <= end:  # throughput = completions per second of window
                result.requests += 1
                result.operations += applied
                result.latencies_ms.append((finished - started) * 1000)
    finally:
        await connection.close()


async def _run(spec: LoadSpec, first_number: int) -> LoadResult:
    result = LoadResult()
    await asyncio.sleep(max(0.0, spec.start_at - time.time()))
    begin = time.monotonic() + spec.warmup
    window = (begin, begin + spec.duration)
    senders = [
        _Sender(spec, client, first_number + index) for index, client in enumerate(spec.clients)
    ]
    tasks = [asyncio.create_task(_client_loop(sender, window, result)) for sender in senders]
    await asyncio.sleep(max(0.0, begin - time.monotonic()))
    cpu_before = _cpu()
    await asyncio.sleep(max(0.0, window[1] - time.monotonic()))
    result.cpu_seconds = _cpu() - cpu_before
    await asyncio.gather(*tasks)
    return result


def _worker(spec: LoadSpec, first_number: int, queue: Any) -> None:
    queue.put(asyncio.run(_run(spec, first_number)))


async def run_load(
    base_url: str,
    kind: str,
    clients: list[Client],
    *,
    processes: int,
    warmup: float,
    duration: float,
    batch: int = 1,
    server: Server | None = None,
) -> LoadResult:
    """Run ``clients`` against ``base_url`` from ``processes`` loader processes; merged result.

    The ``server``'s CPU time is sampled around the measured window."""
    processes = max(1, min(processes, len(clients)))
    start_at = time.time() + 1.5  # time for the spawned interpreters to start
    queue = _SPAWN.Queue()
    workers = []
    for index in range(processes):
        share = clients[index::processes]
        spec = LoadSpec(base_url, kind, share, start_at, warmup, duration, batch)
        worker = _SPAWN.Process(target=_worker, args=(spec, index * 10_000, queue), daemon=True)
        worker.start()
        workers.append(worker)
    merged = LoadResult()
    if server is not None:
        await asyncio.sleep(max(0.0, start_at + warmup - time.time()))
        before = server.cpu_seconds(), server.loop_cpu_seconds()
        await asyncio.sleep(duration)
        merged.server_cpu_seconds = server.cpu_seconds() - before[0]
        merged.server_loop_cpu_seconds = server.loop_cpu_seconds() - before[1]
    for _ in workers:
        merged.merge(await asyncio.to_thread(queue.get, True, warmup + duration + 120))
    for worker in workers:
        await asyncio.to_thread(worker.join, 10)
    return merged
