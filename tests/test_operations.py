"""Operators and load balancers ask whether the service is alive and ready."""

from __future__ import annotations

from pathlib import Path

from httpx import AsyncClient

from tests.conftest import AppStarter, client_for


async def test_alive_and_ready(client: AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
    assert ready.json()["revision"] == ready.json()["expected_revision"]


async def test_not_ready_while_the_database_is_not_migrated(
    app_with: AppStarter, tmp_path: Path
) -> None:
    empty = {"database": {"url": f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}"}}
    async with app_with(**empty) as app, client_for(app) as client:
        response = await client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["database"] == "not migrated"


async def test_every_route_is_documented_with_a_summary_and_its_errors(
    client: AsyncClient,
) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert (await client.get("/docs")).status_code == 200

    undocumented = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if not operation.get("summary") or not operation.get("description"):
                undocumented.append(f"{method.upper()} {path}: summary/description")
            if path not in {"/healthz", "/readyz"}:
                error_statuses = [code for code in operation["responses"] if code[0] in "45"]
                if not error_statuses:
                    undocumented.append(f"{method.upper()} {path}: error responses")
    assert undocumented == []
