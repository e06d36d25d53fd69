"""A WebSocket client as a phone app would use it."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from tests.actors import Person


class Socket:
    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    async def receive(self, timeout: float = 5.0) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            frame: dict[str, Any] = json.loads(await self.connection.recv())
            return frame

    async def receive_until(self, kind: str, timeout: float = 5.0) -> list[dict[str, Any]]:
        """Frames up to and including the first of ``kind``."""
        frames = []
        while True:
            frame = await self.receive(timeout)
            frames.append(frame)
            if frame["type"] == kind:
                return frames

    async def send(self, frame: dict[str, Any]) -> None:
        await self.connection.send(json.dumps(frame))


@asynccontextmanager
async def opened(
    address: str, person: Person | None, cursor: str | None = None, **options: Any
) -> AsyncIterator[Socket]:
    async with connect(f"ws://{address}/ws", open_timeout=5, **options) as connection:
        socket = Socket(connection)
        if person is not None:
            await socket.send({"type": "auth", "token": person.token, "cursor": cursor})
        yield socket


class StalledPhone:
    """A WebSocket client that can stop reading altogether, as a phone in a tunnel does.

    Sans-I/O protocol over a plain socket with a tiny receive buffer: when it does not read,
    the server feels it at once, instead of a client library reading on its behalf.
    """

    def __init__(self, address: str) -> None:
        from websockets.client import ClientProtocol
        from websockets.uri import parse_uri

        self.address = address
        self.protocol = ClientProtocol(parse_uri(f"ws://{address}/ws"), max_size=None)
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4_096)
        self.socket.setblocking(False)
        self.loop = asyncio.get_running_loop()

    async def _flush(self) -> None:
        for data in self.protocol.data_to_send():
            if data:
                await self.loop.sock_sendall(self.socket, data)

    async def open(self, person: Person) -> None:
        host, port = self.address.split(":")
        await self.loop.sock_connect(self.socket, (host, int(port)))
        self.protocol.send_request(self.protocol.connect())
        await self._flush()
        while self.protocol.handshake_exc is None and self.protocol.state.name == "CONNECTING":
            self.protocol.receive_data(await self.loop.sock_recv(self.socket, 4_096))
        self.protocol.send_text(json.dumps({"type": "auth", "token": person.token}).encode())
        await self._flush()

    async def frames(self, timeout: float = 10.0) -> AsyncIterator[Any]:
        """Every frame from now on, until the server closes (the close frame comes last)."""
        from websockets.frames import Opcode

        async with asyncio.timeout(timeout):
            while True:
                for event in self.protocol.events_received():
                    if hasattr(event, "opcode"):
                        yield event
                        if event.opcode is Opcode.CLOSE:
                            return
                data = await self.loop.sock_recv(self.socket, 65_536)
                if not data:
                    return
                self.protocol.receive_data(data)

    def close(self) -> None:
        self.socket.close()
