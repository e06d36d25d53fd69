"""Every refusal, whatever produced it, has one shape, a stable code and a Dutch or English
message; nothing is half-written."""

from __future__ import annotations

import httpx
import pytest
from httpx import AsyncClient

from app.config import Settings
from app.i18n import negotiate
from app.middleware import holds_nul
from tests.actors import Person
from tests.conftest import AppStarter, client_for


def assert_error_shape(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


async def test_an_unknown_route_in_dutch_by_default_and_english_on_request(
    client: AsyncClient,
) -> None:
    dutch = assert_error_shape(await client.get("/bestaat-niet"), 404, "request.not_found")
    english = assert_error_shape(
        await client.get("/bestaat-niet", headers={"Accept-Language": "en-GB,en;q=0.9"}),
        404,
        "request.not_found",
    )
    assert dutch["message"] == "Dit adres bestaat niet."
    assert english["message"] == "There is nothing at this address."


async def test_a_wrong_method(client: AsyncClient) -> None:
    response = await client.put("/healthz")
    assert_error_shape(response, 405, "request.method_not_allowed")
    assert "GET" in response.headers["allow"]


async def test_validation_errors_name_each_field(client: AsyncClient) -> None:
    error = assert_error_shape(
        await client.post("/auth/register", json={"handle": "x", "age_band": "99-100"}),
        422,
        "request.invalid",
    )
    fields = {problem["field"] for problem in error["details"]["fields"]}
    assert fields == {"body.passphrase", "body.age_band"}


async def test_malformed_json(client: AsyncClient) -> None:
    response = await client.post(
        "/auth/login", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 422, "request.invalid")


async def test_a_body_that_is_not_even_text(client: AsyncClient) -> None:
    """Found by schemathesis: bytes that are no UTF-8 were a bare 400 ``request.bad``."""
    response = await client.post(
        "/auth/login", content=b"\xff\xfe{", headers={"content-type": "application/json"}
    )
    error = assert_error_shape(response, 422, "request.invalid")
    assert error["details"]["fields"][0]["field"] == "body"


async def test_the_character_nul_is_refused_in_every_field(
    client: AsyncClient, coordinator: Person
) -> None:
    """Found by schemathesis: a room name with NUL was a 500 on PostgreSQL (it cannot store
    it) and stored on SQLite. A backslash followed by "u0000" is just text."""
    nul = await client.post(
        "/rooms",
        json={"name": "Na\u0000school", "theme": "work", "age_band": "all"},
        headers=coordinator.headers,
    )
    text = await client.post(
        "/rooms",
        json={"name": "Na\\u0000school", "theme": "work", "age_band": "all"},
        headers=coordinator.headers,
    )
    error = assert_error_shape(nul, 422, "request.invalid")
    assert error["details"]["fields"][0]["type"] == "nul_character"
    assert text.status_code == 201, text.text
    assert text.json()["name"] == "Na\\u0000school"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"a": "\\u0000"}', True),
        (b'{"a": "\\\\u0000"}', False),
        (b'{"a": "\\\\\\u0000"}', True),
        (b'{"a": "u0000"}', False),
    ],
)
def test_finding_nul_in_json(data: bytes, expected: bool) -> None:
    assert holds_nul(data) is expected


async def test_a_declared_oversized_body_is_refused_before_it_is_read(
    client: AsyncClient, settings: Settings
) -> None:
    limit = settings.http.max_body_bytes
    big = b"{" + b" " * (limit + 10) + b"}"
    response = await client.post(
        "/auth/login", content=big, headers={"content-type": "application/json"}
    )
    error = assert_error_shape(response, 413, "request.too_large")
    assert error["details"] == {"limit_bytes": limit}


async def test_a_streamed_oversized_body_is_cut_off(
    client: AsyncClient, settings: Settings
) -> None:
    async def chunks():
        for _ in range(settings.http.max_body_bytes // 65_536 + 2):
            yield b" " * 65_536

    response = await client.post(
        "/auth/login", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_error_shape(response, 413, "request.too_large")


async def test_an_unreachable_database_answers_503_with_retry_after(
    app_with: AppStarter,
) -> None:
    nowhere = {"database": {"url": "postgresql+asyncpg://nobody@127.0.0.1:1/nothing"}}
    async with app_with(**nowhere) as app, client_for(app) as client:
        response = await client.post(
            "/auth/register",
            json={
                "handle": "treinreiziger",
                "passphrase": "paarse olifant danst",
                "age_band": "18-25",
            },
        )
        ready = await client.get("/readyz")

    error = assert_error_shape(response, 503, "service.unavailable")
    assert response.headers["retry-after"] == "5"
    assert error["details"]["retry_after"] == 5
    assert ready.status_code == 503
    assert ready.json()["database"] == "unreachable"


async def test_responses_carry_security_headers_and_are_never_cached(client: AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "nl"),
        ("", "nl"),
        ("en", "en"),
        ("en-US,en;q=0.8", "en"),
        ("de-DE, en;q=0.5", "en"),
        ("fr, de", "nl"),
        ("en;q=0.4, nl;q=0.9", "nl"),
        ("nl-BE", "nl"),
        ("*", "nl"),
        ("en;q=abc", "nl"),
    ],
)
def test_language_negotiation(header: str | None, expected: str) -> None:
    assert negotiate(header) == expected
