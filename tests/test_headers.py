"""What every answer tells a browser: load nothing, be framed by nobody, keep nothing; HTTPS
only when the operator says TLS is in front; and no other site's page may call the API unless
the operator names it."""

from __future__ import annotations

from httpx import AsyncClient

from tests.conftest import AppStarter, client_for

SITE = "https://app.vrijeruimte.example"
PREFLIGHT = {"Origin": SITE, "Access-Control-Request-Method": "POST"}


async def test_answers_forbid_loading_framing_and_caching(client: AsyncClient) -> None:
    for response in (await client.get("/healthz"), await client.get("/bestaat-niet")):
        headers = response.headers
        assert headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
        assert headers["x-frame-options"] == "DENY"
        assert headers["cache-control"] == "no-store"
        assert headers["cross-origin-opener-policy"] == "same-origin"
        assert "strict-transport-security" not in headers  # not configured: maybe no TLS yet
    docs = await client.get("/docs")
    assert "content-security-policy" not in docs.headers  # its page loads Swagger's scripts


async def test_hsts_when_configured(app_with: AppStarter) -> None:
    async with app_with(http={"hsts_seconds": 31_536_000}) as app, client_for(app) as client:
        response = await client.get("/healthz")
    assert response.headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"


async def test_cors_is_closed_by_default(client: AsyncClient) -> None:
    preflight = await client.options("/auth/login", headers=PREFLIGHT)
    simple = await client.get("/healthz", headers={"Origin": SITE})
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in simple.headers


async def test_cors_opens_for_the_configured_origins_only(app_with: AppStarter) -> None:
    async with app_with(http={"cors_origins": [SITE]}) as app, client_for(app) as client:
        preflight = await client.options(
            "/auth/login", headers={**PREFLIGHT, "Access-Control-Request-Headers": "content-type"}
        )
        simple = await client.get("/healthz", headers={"Origin": SITE})
        stranger = await client.options(
            "/auth/login", headers={**PREFLIGHT, "Origin": "https://elders.example"}
        )

    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == SITE
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in preflight.headers  # bearer tokens only
    assert simple.headers["access-control-allow-origin"] == SITE
    assert simple.headers["access-control-expose-headers"] == "Retry-After"
    assert stranger.status_code == 400
    assert "access-control-allow-origin" not in stranger.headers
