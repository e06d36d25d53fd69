"""Logs leave the machine, so nothing in them may point at a person: a whole evening of use,
logged the way ``python -m app serve`` logs (uvicorn with the same options, every logger down to
DEBUG, SQLAlchemy's too), holds no token, passphrase, recovery or invite code; at the level
production runs, no handle, address, user agent or message text either."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from websockets.asyncio.client import connect

from app import logs
from app.cli import server_options
from app.config import Settings
from tests.actors import DEFAULT_PASSPHRASE, People, open_room
from tests.conftest import AppStarter, client_for
from tests.sockets import Socket, opened

SECRET_TEXT = "mijn geheim: ik woon op de Zonnebloemstraat"
AGENT = "Mozilla/5.0 (Linux; Android 14) UniekeBrowser/9.9"
ADDRESS = "203.0.113.99"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """``logs.configure`` takes over the root logger; give pytest's handlers back after."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    libraries = {
        name: (logging.getLogger(name).level, logging.getLogger(name).propagate)
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "sqlalchemy")
    }
    yield
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name, (level, propagate) in libraries.items():
        logging.getLogger(name).setLevel(level)
        logging.getLogger(name).propagate = propagate


@asynccontextmanager
async def served(app: FastAPI, settings: Settings) -> AsyncIterator[str]:
    """The app behind uvicorn with the options ``serve`` uses."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app,
        lifespan="off",
        log_level=settings.log.level.lower(),
        ws_ping_interval=None,
        **server_options(settings),
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[listener]))
    while not server.started:  # noqa: ASYNC110 - uvicorn offers no event to wait on
        await asyncio.sleep(0.01)
    try:
        yield f"127.0.0.1:{listener.getsockname()[1]}"
    finally:
        server.should_exit = True
        await task


async def an_evening(app: FastAPI, address: str) -> dict[str, Any]:
    """Everything that handles a secret, over real sockets; returns what must not be logged."""
    said: dict[str, Any] = {"handles": [], "secrets": [DEFAULT_PASSPHRASE, SECRET_TEXT]}
    async with httpx.AsyncClient(
        base_url=f"http://{address}", headers={"User-Agent": AGENT}
    ) as web:
        people = People(web, app)
        admin = await people.first_admin("beheer-logboek")
        coordinator = await people.staff("coordinator", invited_by=admin, display_name="Co")
        code = await people.invite_code("volunteer", invited_by=coordinator)
        joined = await web.post(
            "/auth/staff-join",
            json={
                "invite_code": code,
                "handle": "vrijwilliger-log",
                "passphrase": DEFAULT_PASSPHRASE,
                "display_name": "Vera",
            },
        )
        member = await people.member("geheimhouder")
        await web.post("/auth/login", json={"handle": "geheimhouder", "passphrase": "fout" * 4})
        second = await people.login("geheimhouder")
        room = await open_room(web, coordinator, "Logboek", member)
        new_passphrase = "een heel nieuw wachtwoord voor mij"
        recovered = await web.post(
            "/auth/recover",
            json={
                "handle": "geheimhouder",
                "recovery_code": member.recovery_code,
                "new_passphrase": new_passphrase,
            },
        )
        await web.get(f"/me?access_token={member.token}")  # refused: a token in a URL
        await web.delete(
            f"/moderation/rooms/{room}/moderators/geheimhouder", headers=coordinator.headers
        )
        member.token = recovered.json()["token"]
        async with connect(f"ws://{address}/ws?token={member.token}") as refused:
            await refused.recv()
        async with opened(address, member) as phone:
            await phone.receive_until("live")
            await Socket.send(
                phone,
                {
                    "type": "push",
                    "ref": "r1",
                    "client_id": str(uuid.uuid4()),
                    "ops": [
                        {
                            "type": "send",
                            "seq": 1,
                            "room_id": room,
                            "message_id": str(uuid.uuid4()),
                            "body": SECRET_TEXT,
                        }
                    ],
                },
            )
            result = await phone.receive_until("push_result")
        assert result[-1]["results"][0]["status"] == "applied", result
        await web.post("/auth/logout", headers=member.headers)
    async with client_for(app, ADDRESS) as near:  # in-process, from a known address
        await near.get("/me", headers={**second.headers, "User-Agent": AGENT})
    said["secrets"] += [
        new_passphrase,
        code,
        member.recovery_code,
        recovered.json()["recovery_code"],
        joined.json()["token"],
        joined.json()["recovery_code"],
        *(person.token for person in (admin, coordinator, member, second)),
    ]
    said["handles"] += ["geheimhouder", "vrijwilliger-log", "beheer-logboek"]
    return said


async def run_logged(app_with: AppStarter, **log: str) -> tuple[str, dict[str, Any]]:
    buffer = io.StringIO()
    async with app_with(log=log) as app:
        logs.configure(app.state.settings, buffer)
        logging.getLogger("sqlalchemy").setLevel(log["level"])
        logging.getLogger("ruimte").setLevel(log["level"])
        async with served(app, app.state.settings) as address:
            said = await an_evening(app, address)
    return buffer.getvalue(), said


@pytest.mark.usefixtures("restore_logging")
async def test_no_secret_reaches_the_log_even_at_debug(app_with: AppStarter) -> None:
    written, said = await run_logged(app_with, level="DEBUG", format="text")

    assert "POST /auth/login 401" in written  # the log is there, and busy
    assert "sqlalchemy" in written and "uvicorn" in written
    leaked = [secret for secret in said["secrets"] if secret and secret in written]
    assert leaked == []


@pytest.mark.usefixtures("restore_logging")
async def test_production_logs_are_json_lines_without_people(app_with: AppStarter) -> None:
    written, said = await run_logged(app_with, level="INFO", format="json")

    lines = [json.loads(line) for line in written.splitlines()]
    assert all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    # The test's own HTTP client logs the addresses it calls; it is not the service.
    service = [line for line in lines if not line["logger"].startswith(("httpx", "httpcore"))]
    written = "\n".join(json.dumps(line, ensure_ascii=False) for line in service)
    access = [line for line in service if line["logger"] == "ruimte.access"]
    retire = next(line for line in access if line["method"] == "DELETE")
    assert retire["route"] == "/moderation/rooms/{room_id}/moderators/{member}"
    assert isinstance(retire["status"], int) and isinstance(retire["duration_ms"], float)
    for person_said in [*said["secrets"], *said["handles"], ADDRESS, "UniekeBrowser"]:
        assert person_said not in written
    assert '"WebSocket' not in written  # uvicorn's handshake lines name the client's address


def test_whatever_looks_like_a_token_or_code_is_masked() -> None:
    line = logs.redact("token vr_AbC-12_x code ABCD-EFGH-JKMN-PQRS-TVWX and ABCD-EFGH-JKMN")
    assert line == "token vr_[token] code [code] and ABCD-EFGH-JKMN"
