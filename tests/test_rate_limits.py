"""Every write has a budget per actor: a new route is covered the day it is added, or this
fails. Over budget the answer is 429 with ``Retry-After``, in the one error shape."""

from __future__ import annotations

import re
import uuid

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute, iter_route_contexts

from app.ratelimit import OWN_BUDGET, WRITE_METHODS
from tests.actors import DEFAULT_PASSPHRASE, People
from tests.conftest import AppStarter, client_for
from tests.devices import Device
from tests.test_errors import assert_error_shape

ONE_WRITE = {"security": {"rate_limits": {"writes_per_minute": 1}}}
#: Write routes that budget inside their own protocol, and the test that shows it.
OWN_BUDGETS = {
    ("POST", "/sync/push"): "tests/messaging/test_outbox.py::"
    "test_too_many_operations_answer_retry_later_and_keep_the_order",
}


def write_routes(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    found = []
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            for method in sorted((context.methods or set()) & WRITE_METHODS):
                found.append((method, str(context.path), route))
    return found


def concrete(path: str) -> str:
    """The template with every parameter filled in (an id that exists nowhere will do: the
    budget is charged before the route looks at anything)."""
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


async def test_every_write_route_is_charged_to_the_actor(app_with: AppStarter) -> None:
    async with app_with(**ONE_WRITE) as app, client_for(app) as client:
        routes = write_routes(app)
        unbudgeted, own = [], set()
        for method, path, route in routes:
            if OWN_BUDGET in (route.openapi_extra or {}):
                own.add((method, path))
                continue
            headers = {"Authorization": f"Bearer vr_{uuid.uuid4().hex}"}  # a fresh actor
            first = await client.request(method, concrete(path), json={}, headers=headers)
            second = await client.request(method, concrete(path), json={}, headers=headers)
            assert first.status_code not in (429, 500), (method, path, first.text)
            if second.status_code != 429:
                unbudgeted.append(f"{method} {path}: {second.status_code}")
                continue
            error = assert_error_shape(second, 429, "request.rate_limited")
            assert int(second.headers["retry-after"]) == error["details"]["retry_after"] >= 1

    assert len(routes) > 50  # the enumeration sees the whole app, not one router
    assert unbudgeted == []
    assert own == set(OWN_BUDGETS)


async def test_without_a_token_the_budget_is_the_clients_and_reads_are_free(
    app_with: AppStarter,
) -> None:
    limits = {"security": {"rate_limits": {"writes_per_minute": 2}}}
    body = {"handle": "niemand", "passphrase": "fout fout fout"}
    async with (
        app_with(**limits) as app,
        client_for(app, "198.51.100.1") as first_phone,
        client_for(app, "198.51.100.2") as second_phone,
    ):
        answers = [(await first_phone.post("/auth/login", json=body)).status_code for _ in "abc"]
        elsewhere = await second_phone.post("/auth/login", json=body)
        reads = [(await first_phone.get("/healthz")).status_code for _ in range(5)]

    assert answers == [401, 401, 429]
    assert elsewhere.status_code == 401
    assert reads == [200] * 5


async def test_each_device_has_its_own_budget_and_a_push_is_not_counted_twice(
    app_with: AppStarter,
) -> None:
    async with (
        app_with(**ONE_WRITE) as app,
        client_for(app) as client,
        client_for(app, "198.51.100.3") as laptop,
    ):
        # The registration spends this address's one write, the login the laptop's.
        person = await People(client, app).member("spoorzoeker")
        other_device = await People(laptop, app).login("spoorzoeker")
        refused = await client.post("/auth/login", json={"handle": "x", "passphrase": "y"})
        logged_out = await client.post("/auth/logout", headers=other_device.headers)
        again = await client.post("/auth/logout", headers=other_device.headers)
        phone = Device(client, person)
        await phone.sync()
        pushes = [await phone.push() for _ in range(3)]  # the outbox counts operations

    assert_error_shape(refused, 429, "request.rate_limited")
    assert logged_out.status_code == 204  # another token, another budget
    assert_error_shape(again, 429, "request.rate_limited")
    assert pushes == [[], [], []]


async def test_behind_a_trusted_proxy_each_client_has_its_own_budget(
    app_with: AppStarter,
) -> None:
    """nginx connects from 127.0.0.1 for everyone; the address it forwards is the client's."""
    from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

    from app.cli import server_options

    async with app_with(
        server={"trusted_proxies": "127.0.0.1"},
        security={"rate_limits": {"register_per_hour": 1}},
    ) as limited:
        options = server_options(limited.state.settings)
        assert options["proxy_headers"] is True
        behind = ProxyHeadersMiddleware(limited, trusted_hosts=options["forwarded_allow_ips"])
        transport = httpx.ASGITransport(app=behind, client=("127.0.0.1", 40_000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as nginx:

            async def register(handle: str, client: str) -> int:
                body = {"handle": handle, "passphrase": DEFAULT_PASSPHRASE, "age_band": "18-25"}
                answer = await nginx.post(
                    "/auth/register", json=body, headers={"X-Forwarded-For": client}
                )
                return answer.status_code

            assert await register("eerste-telefoon", "198.51.100.1") == 201
            assert await register("tweede-telefoon", "198.51.100.2") == 201
            assert await register("derde-poging", "198.51.100.1") == 429
