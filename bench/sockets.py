"""WebSocket subscribers in processes of their own, steered from the benchmark over a pipe.

A thousand sockets in the benchmark's own process would make the measuring process the
bottleneck (and its clock late), so subscribers live in several loader processes. Each one
opens the sockets it is told to, authenticates them, waits until the server says ``live``, and
from then on notes the arrival time (``time.monotonic``, one clock for every process on Linux)
of every message frame, by message id. The controller later asks for the arrival times of the
messages it sent and compares them with the moment it issued each send.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import time
from collections import defaultdict
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from bench.server import raise_fd_limit

_SPAWN = multiprocessing.get_context("spawn")


class _Pool:
    """The sockets of one subscriber process."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.sockets: list[ClientConnection] = []
        self.readers: list[asyncio.Task[None]] = []
        self.arrivals: dict[str, list[float]] = defaultdict(list)
        self.frames = 0
        self.lost = 0  # sockets the server closed while we listened

    async def open(self, tokens: list[str], parallel: int = 25) -> dict[str, Any]:
        """Open one socket per token; return how many went live and how many failed."""
        gate = asyncio.Semaphore(parallel)
        failures: list[str] = []

        async def one(token: str) -> None:
            async with gate:
                try:
                    socket = await connect(self.ws_url, open_timeout=60, max_size=None)
                    await socket.send(json.dumps({"type": "auth", "token": token, "cursor": None}))
                    while True:
                        frame = json.loads(await asyncio.wait_for(socket.recv(), 60))
                        if frame.get("type") == "live":
                            break
                        if frame.get("type") == "error":
                            raise RuntimeError(str(frame))
                except Exception as error:
                    failures.append(repr(error)[:200])
                    return
                self.sockets.append(socket)
                self.readers.append(asyncio.create_task(self._read(socket)))

        await asyncio.gather(*(one(token) for token in tokens))
        return {"live": len(self.sockets), "failed": len(failures), "errors": failures[:3]}

    async def _read(self, socket: ClientConnection) -> None:
        try:
            async for raw in socket:
                arrived = time.monotonic()
                if '"type":"message"' not in raw:
                    continue  # heartbeats, membership changes and the like
                frame = json.loads(raw)
                self.frames += 1
                self.arrivals[frame["message"]["id"]].append(arrived)
        except Exception:
            self.lost += 1

    async def collect(self, message_ids: list[str], patience: float) -> dict[str, Any]:
        """Arrival times of ``message_ids`` once every socket has them (or after ``patience``
        seconds: what is missing then counts as not delivered)."""
        deadline = time.monotonic() + patience
        while time.monotonic() < deadline:
            if all(len(self.arrivals.get(m, ())) >= len(self.sockets) for m in message_ids):
                break
            await asyncio.sleep(0.02)
        arrivals = {message_id: self.arrivals.pop(message_id, []) for message_id in message_ids}
        return {"arrivals": arrivals, "sockets": len(self.sockets), "lost": self.lost}

    def forget(self) -> None:
        """Drop recorded arrivals (the fan-out listener only needs the count)."""
        self.arrivals.clear()

    async def close(self) -> None:
        for reader in self.readers:
            reader.cancel()
        for socket in self.sockets:
            with contextlib.suppress(Exception):
                await socket.close()


async def _serve(pipe: Any, ws_url: str) -> None:
    pool = _Pool(ws_url)
    while True:
        command, args = await asyncio.to_thread(pipe.recv)
        reply: Any = None
        if command == "open":
            reply = await pool.open(*args)
        elif command == "collect":
            reply = await pool.collect(*args)
        elif command == "count":
            reply = {"frames": pool.frames, "sockets": len(pool.sockets), "lost": pool.lost}
            pool.forget()
        elif command == "close":
            await pool.close()
            pipe.send(None)
            return
        pipe.send(reply)


def _main(pipe: Any, ws_url: str) -> None:
    raise_fd_limit()
    asyncio.run(_serve(pipe, ws_url))


class Subscribers:
    """One subscriber process, driven with awaitable commands."""

    def __init__(self, ws_url: str) -> None:
        self._pipe, child = _SPAWN.Pipe()
        self._process = _SPAWN.Process(target=_main, args=(child, ws_url), daemon=True)
        self._process.start()
        self._lock = asyncio.Lock()

    async def _call(self, command: str, *args: Any) -> Any:
        async with self._lock:
            self._pipe.send((command, args))
            return await asyncio.to_thread(self._pipe.recv)

    async def open(self, tokens: list[str]) -> dict[str, Any]:
        return await self._call("open", tokens)  # type: ignore[no-any-return]

    async def collect(self, message_ids: list[str], patience: float) -> dict[str, Any]:
        return await self._call("collect", message_ids, patience)  # type: ignore[no-any-return]

    async def count(self) -> dict[str, Any]:
        return await self._call("count")  # type: ignore[no-any-return]

    async def close(self) -> None:
        if self._process.is_alive():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._call("close"), 30)
        await asyncio.to_thread(self._process.join, 10)
        if self._process.is_alive():
            self._process.kill()


async def spread_open(pools: list[Subscribers], tokens: list[str]) -> dict[str, Any]:
    """Open ``tokens`` spread evenly over ``pools``, in parallel."""
    replies = await asyncio.gather(
        *(pool.open(tokens[index :: len(pools)]) for index, pool in enumerate(pools))
    )
    return {
        "live": sum(reply["live"] for reply in replies),
        "failed": sum(reply["failed"] for reply in replies),
        "errors": [error for reply in replies for error in reply["errors"]][:3],
    }
