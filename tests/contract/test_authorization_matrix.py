"""Every route, asked by every kind of person, answers exactly what the matrix says.

The rows live in ``tests/contract/matrix.py``. Each group of routes (the first part of the
path) gets a fresh cast; a mismatch anywhere in the group is reported with all the others,
as a list of "route as role: expected, got".
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIWebSocketRoute
from starlette.routing import WebSocketRoute
from websockets.exceptions import ConnectionClosed

from app.main import create_app
from tests import sockets
from tests.actors import Person
from tests.contract.cast import ROLES, Cast
from tests.contract.matrix import OPEN, PARAMETERS, TABLE, WEBSOCKET, Row

GROUPS = sorted({entry.group for entry in TABLE})


def routes_of(app: FastAPI) -> set[tuple[str, str]]:
    """Every HTTP operation in the OpenAPI document, and every WebSocket route."""
    operations = {
        (method.upper(), path) for path, item in app.openapi()["paths"].items() for method in item
    }
    return operations | {("WS", path) for path in _websocket_paths(app.routes, "")}


def _websocket_paths(routes: Iterable[Any], prefix: str) -> Iterator[str]:
    """WebSocket routes are not in OpenAPI; routers included in the app are walked for them."""
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _websocket_paths(included.routes, prefix + route.include_context.prefix)
        elif isinstance(route, (WebSocketRoute, APIWebSocketRoute)):
            yield prefix + route.path


def test_every_route_has_a_row() -> None:
    routes = routes_of(create_app())
    table = {entry.key for entry in TABLE} | {("WS", "/ws")}
    assert len(table) == len(TABLE) + 1, "a route has two rows"
    assert sorted(routes - table) == [], "routes without a row in tests/contract/matrix.py"
    assert sorted(table - routes) == [], "rows for routes that no longer exist"


def test_every_row_names_every_role() -> None:
    for entry in TABLE:
        assert set(entry.expect) == set(ROLES), entry.key


def test_a_wrong_row_fails() -> None:
    """The check that compares answers is the one the matrix uses (it can fail)."""
    [entry] = [e for e in TABLE if e.key == ("GET", "/staff/invites")]
    assert _mismatch(entry, "member", 200, {"error": {"code": "x"}}) is not None
    assert _mismatch(entry, "member", 403, {}) is None


def _mismatch(entry: Row, role: str, status: int, body: Any) -> str | None:
    expected = entry.expect[role]
    if status == expected:
        return None
    code = body.get("error", {}).get("code") if isinstance(body, dict) else None
    return f"{entry.method} {entry.path} as {role}: expected {expected}, got {status} ({code})"


async def _ask(cast: Cast, entry: Row, role: str) -> str | None:
    ids: dict[str, str] = dict(cast.ids)
    succeeds = 200 <= entry.expect[role] < 300
    if entry.prepare is not None and succeeds:
        ids.update(await entry.prepare(cast, role))
    person = await cast.fresh_device(role) if entry.spend else cast.person(role)
    path = re.sub(r"{(\w+)}", lambda m: ids[PARAMETERS[m.group(1)]], entry.path)
    query = {name: ids.get(key, key) for name, key in entry.query.items()}
    body = entry.body_for(ids, cast, role)
    response = await cast.client.request(
        entry.method,
        path,
        params=query,
        json=body,
        headers=person.headers if person is not None else {},
    )
    json_body = response.headers.get("content-type", "").startswith("application/json")
    return _mismatch(entry, role, response.status_code, response.json() if json_body else {})


@pytest.mark.parametrize("group", GROUPS)
async def test_the_matrix(cast: Cast, group: str) -> None:
    mismatches = []
    for entry in TABLE:
        if entry.group != group:
            continue
        for role in entry.order():
            found = await _ask(cast, entry, role)
            if found:
                mismatches.append(found)
    assert not mismatches, "\n".join(["", *mismatches])


async def test_the_websocket(cast: Cast, live_server: str) -> None:
    """``/ws`` opens for every account and closes with 4401 without one."""
    answers = {role: await _socket_answer(live_server, cast.person(role)) for role in ROLES}
    assert answers == WEBSOCKET


async def _socket_answer(address: str, person: Person | None) -> int:
    """``OPEN`` when the first frame is not an error, else the code the socket closed with."""
    async with sockets.opened(address, person) as socket:
        if person is None:
            await socket.send({"type": "auth", "token": uuid.uuid4().hex, "cursor": None})
        try:
            while (await socket.receive())["type"] == "error":
                pass
        except ConnectionClosed:
            return socket.connection.close_code or -1
        return OPEN
