"""A deliberately tiny HTTP/1.1 client for the load generator: one keep-alive connection,
one request at a time, nothing else.

httpx was the first choice, but on two cores it was the bottleneck: about 1.2 ms of loader CPU
per request at 20 connections and over 4 ms at 100 (its pool does work per connection), so the
bare app's "ceiling" measured the loader instead of the server. Writing the request bytes and
reading a ``Content-Length`` body costs a small fraction of that. The setup calls
(``bench.api``) still use httpx, where convenience matters more than CPU.
"""

from __future__ import annotations

import asyncio
import contextlib


class ProtocolError(Exception):
    pass


class Connection:
    """A keep-alive connection to ``127.0.0.1:port`` that reconnects when the server closes."""

    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host = host
        self.port = port
        fixed = {"host": f"{host}:{port}", "content-type": "application/json", **headers}
        self._headers = "".join(f"{name}: {value}\r\n" for name, value in fixed.items()).encode()
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        """Send one POST and return (status, body)."""
        if self._writer is None or self._reader is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self._writer.write(
            b"POST %s HTTP/1.1\r\n%scontent-length: %d\r\n\r\n%s"
            % (path.encode(), self._headers, len(body), body)
        )
        await self._writer.drain()
        try:
            head = await self._reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError as closed:
            await self.close()
            raise ProtocolError("the server closed the connection") from closed
        status = int(head[9:12])
        length = None
        keep_alive = True
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                keep_alive = False
        if length is None:
            await self.close()
            raise ProtocolError(f"no content-length in {head[:200]!r}")
        content = await self._reader.readexactly(length)
        if not keep_alive:
            await self.close()
        return status, content

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None
