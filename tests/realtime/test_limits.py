"""One socket cannot take more than its share: frames have a size, a socket a pace, an
account a number of sockets. A frame over the pace is not taken but answered with when to send
it again, so nothing is lost."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import FastAPI
from websockets.exceptions import ConnectionClosed

from app.ratelimit import RateLimiter
from tests.actors import People, open_room
from tests.conftest import AppStarter, client_for, serving
from tests.devices import Device
from tests.sockets import Socket, opened


def stopped_clock(app: FastAPI) -> list[float]:
    """Give the app a limiter on a clock that moves only when the test moves it."""
    now = [1_000.0]
    app.state.rate_limiter = RateLimiter(monotonic=lambda: now[0])
    return now


async def closed_with(socket: Socket) -> int | None:
    """Read on until the server closes; the close code."""
    try:
        while True:
            await socket.receive()
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None


async def test_a_frame_above_the_limit_closes_the_socket_with_1009(
    app_with: AppStarter,
) -> None:
    async with app_with(realtime={"max_frame_bytes": 2_048}) as app, client_for(app) as client:
        person = await People(client, app).member("zwaargewicht")
        async with serving(app) as address, opened(address, person) as socket:
            await socket.receive_until("live")
            await socket.send({"type": "ping", "padding": "x" * 2_000})  # small enough: malformed
            malformed = await socket.receive()
            await socket.send({"type": "ping", "padding": "é" * 1_100})  # 2,200 bytes
            refused = await socket.receive()
            code = await closed_with(socket)

    assert malformed["error"]["code"] == "sync.malformed_operation"
    assert refused["error"]["code"] == "realtime.frame_too_large"
    assert refused["error"]["details"] == {"max_bytes": 2_048}
    assert code == 1009


async def test_frames_over_the_pace_get_retry_after_and_go_through_when_sent_again(
    app_with: AppStarter,
) -> None:
    async with app_with(realtime={"frames_per_second": 3}) as app, client_for(app) as client:
        now = stopped_clock(app)
        person = await People(client, app).member("snelle-jelle")
        async with serving(app) as address, opened(address, person) as socket:
            await socket.receive_until("live")
            for _ in range(5):
                await socket.send({"type": "ping"})
            answers = [await socket.receive() for _ in range(5)]
            now[0] += 1.0
            await socket.send({"type": "ping"})
            later = await socket.receive()

    assert [a["type"] for a in answers] == ["pong"] * 3 + ["error"] * 2
    assert answers[3]["error"]["code"] == "request.rate_limited"
    assert answers[3]["error"]["details"]["retry_after"] == 1
    assert later == {"type": "pong"}


async def test_a_push_over_the_operations_pace_is_not_taken_and_succeeds_when_resent(
    app_with: AppStarter,
) -> None:
    async with app_with(realtime={"ops_per_second": 100}) as app, client_for(app) as client:
        now = stopped_clock(app)
        people = People(client, app)
        person = await people.member("veelschrijver")
        room = await open_room(client, await people.first_admin(), "Druk", person)
        phone = Device(client, person)
        for n in range(101):
            phone.send(room, f"bericht {n}")
        first, rest = phone.outbox[:100], phone.outbox[100:]

        def push(ref: str, ops: list[dict[str, Any]]) -> dict[str, Any]:
            return {"type": "push", "ref": ref, "client_id": str(phone.client_id), "ops": ops}

        async with serving(app) as address, opened(address, person) as socket:
            await socket.receive_until("live")
            await socket.send(push("a", first))
            applied = await _first_of(socket, "push_result")
            await socket.send(push("b", rest))
            refused = await _first_of(socket, "error")
            now[0] += refused["error"]["details"]["retry_after"]
            await socket.send(push("b", rest))
            resent = await _first_of(socket, "push_result")

    assert [r["status"] for r in applied["results"]] == ["applied"] * 100
    assert refused["ref"] == "b"
    assert refused["error"]["code"] == "request.rate_limited"
    assert [r["status"] for r in resent["results"]] == ["applied"]
    assert resent["results"][0]["result"]["message"]["body"] == "bericht 100"


async def _first_of(socket: Socket, kind: str) -> dict[str, Any]:
    return (await socket.receive_until(kind))[-1]


async def test_an_account_holds_a_limited_number_of_sockets(app_with: AppStarter) -> None:
    async with (
        app_with(realtime={"connections_per_account": 2}) as app,
        client_for(app) as client,
    ):
        person = await People(client, app).member("veel-apparaten")
        async with serving(app) as address:
            async with opened(address, person) as phone, opened(address, person) as laptop:
                await phone.receive_until("live")
                await laptop.receive_until("live")
                async with opened(address, person) as tablet:
                    refused = await tablet.receive()
                    code = await closed_with(tablet)
            for _ in range(100):  # the server notices the two closed sockets
                if not app.state.hub.sockets_per_account:
                    break
                await asyncio.sleep(0.02)
            async with opened(address, person) as tablet:
                welcome = await tablet.receive_until("live")

    assert refused["error"]["code"] == "realtime.too_many_connections"
    assert refused["error"]["details"]["limit"] == 2
    assert code == 4429
    assert welcome[-1]["type"] == "live"
