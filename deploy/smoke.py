"""The loopback smoke test: the reference topology works end to end, through nginx.

    deploy/loopback.sh up && .venv/bin/python deploy/smoke.py; deploy/loopback.sh down

1. ``/readyz`` answers 200 from every instance, reached through nginx (the loopback's nginx names
   the instance that answered in ``X-Ruimte-Upstream``); ``/metrics`` is 404 there.
2. The first admin is created the operator's way (``python3 -m app create-admin``), opens a room;
   two members join. One holds a WebSocket on one instance; the other sends a message through
   ``POST /sync/push`` that another instance takes; it arrives on the socket.
3. A backup is restored the way deploy/README.md says (``pg_dump -Fc``, ``pg_restore`` into a fresh
   database): the restored copy holds the same rows, and an instance on it is ready.

It reads ``$RUIMTE_LOOPBACK_DIR/urls`` (written by ``loopback.sh up``). Standard library and the
project's own dependencies (httpx, websockets) only.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shlex
import socket
import string
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

ROOT = Path(__file__).resolve().parents[1]
STATE = Path(os.environ.get("RUIMTE_LOOPBACK_DIR", "/tmp/ruimte-loopback"))  # noqa: S108 - loopback.sh's
UPSTREAM = "x-ruimte-upstream"
PASSPHRASE = "paarse olifant danst op het dak"  # noqa: S105 - a throwaway cluster's
ADMIN = "beheer-rookproef"
TRIES = 20  # round robin over two instances: two tries suffice, a few more absorb noise


def read_env(path: Path) -> dict[str, str]:
    pairs = (shlex.split(line)[0].split("=", 1) for line in path.read_text().splitlines() if line)
    return {name: value for name, value in pairs}


def step(text: str) -> None:
    print(f"smoke: {text}", flush=True)


async def until_upstream(
    wanted: Callable[[str], bool], attempt: Callable[[], Awaitable[tuple[str, Any]]]
) -> tuple[str, Any]:
    """Repeat ``attempt`` (which answers the instance it reached) until nginx picks a wanted one."""
    for _ in range(TRIES):
        upstream, result = await attempt()
        if wanted(upstream):
            return upstream, result
    raise AssertionError(f"nginx never chose the instance wanted in {TRIES} tries")


async def ready_everywhere(client: httpx.AsyncClient, instances: set[str]) -> None:
    seen: set[str] = set()
    for _ in range(TRIES):
        response = await client.get("/readyz")
        assert response.status_code == 200, (response.status_code, response.text)
        seen.add(response.headers[UPSTREAM])
        if seen == instances:
            step(f"/readyz is 200 on {len(seen)} instances through nginx: {sorted(seen)}")
            return
    raise AssertionError(f"/readyz reached only {sorted(seen)} of {sorted(instances)}")


def create_admin(settings: dict[str, str], handle: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUIMTE_")} | settings
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "create-admin",
            "--handle",
            handle,
            "--display-name",
            "Beheer",
        ],
        input=PASSPHRASE + "\n",
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if "identity.admin_exists" in done.stderr:  # a second run on the same loopback
        return
    assert done.returncode == 0, done.stderr
    step("first admin created with `python3 -m app create-admin`")


async def register(client: httpx.AsyncClient, handle: str) -> dict[str, str]:
    body = {"handle": handle, "passphrase": PASSPHRASE, "age_band": "18-25"}
    response = await client.post("/auth/register", json=body)
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def message_crosses_instances(client: httpx.AsyncClient, settings: dict[str, str]) -> None:
    # letters only: a handle with many digits is refused (it could be a phone number)
    suffix = "".join(secrets.choice(string.ascii_lowercase) for _ in range(6))
    create_admin(settings, ADMIN)
    login = await client.post("/auth/login", json={"handle": ADMIN, "passphrase": PASSPHRASE})
    assert login.status_code == 200, login.text
    admin = {"Authorization": f"Bearer {login.json()['token']}"}
    room = await client.post(
        "/rooms",
        json={"name": "Rookproef", "theme": "just_chatting", "age_band": "all"},
        headers=admin,
    )
    assert room.status_code == 201, room.text
    room_id = room.json()["id"]
    sender = await register(client, f"zender-{suffix}")
    listener = await register(client, f"luisteraar-{suffix}")
    for person in (sender, listener):
        joined = await client.post(f"/rooms/{room_id}/join", headers=person)
        assert joined.status_code == 200, joined.text

    # The socket lands where nginx puts it; then pushes go in until another instance takes one.
    ws_url = str(client.base_url.copy_with(scheme="ws", path="/ws"))
    async with connect(ws_url, open_timeout=5) as listening:
        assert listening.response is not None
        socket_upstream = listening.response.headers[UPSTREAM]
        token = listener["Authorization"].removeprefix("Bearer ")
        await listening.send(json.dumps({"type": "auth", "token": token}))
        await frame_of(listening, lambda f: f["type"] == "live")
        step(f"a WebSocket through nginx is live on {socket_upstream}")

        client_id, seq = str(uuid.uuid4()), 0

        async def push() -> tuple[str, str]:
            nonlocal seq
            seq += 1
            message_id = str(uuid.uuid4())
            op = {"seq": seq, "type": "send", "room_id": room_id, "message_id": message_id}
            response = await client.post(
                "/sync/push",
                json={"client_id": client_id, "ops": [{**op, "body": f"hallo ({seq})"}]},
                headers=sender,
            )
            assert response.status_code == 200, response.text
            assert response.json()["results"][0]["status"] == "applied", response.text
            return response.headers[UPSTREAM], message_id

        push_upstream, message_id = await until_upstream(lambda u: u != socket_upstream, push)
        started = time.monotonic()
        await frame_of(
            listening, lambda f: f["type"] == "message" and f["message"]["id"] == message_id
        )
        step(
            f"a message pushed through {push_upstream} reached the socket on {socket_upstream} "
            f"in {time.monotonic() - started:.2f} s"
        )


async def frame_of(
    connection: ClientConnection, wanted: Callable[[dict[str, Any]], bool], seconds: float = 10
) -> dict[str, Any]:
    async with asyncio.timeout(seconds):
        while True:
            frame: dict[str, Any] = json.loads(await connection.recv())
            if wanted(frame):
                return frame


async def nginx_guards(client: httpx.AsyncClient) -> None:
    metrics = await client.get("/metrics")
    assert metrics.status_code == 404, metrics.status_code
    assert UPSTREAM not in metrics.headers, "/metrics reached an instance"
    assert metrics.json()["error"]["code"] == "request.not_found"
    too_large = await client.post("/sync/push", content=b"x" * (2_097_152 + 1))
    assert too_large.status_code == 413, too_large.status_code
    assert too_large.json()["error"]["code"] == "request.too_large"
    step("nginx answers /metrics with 404 and a body over the limit with 413, in the app's shape")


async def metrics_on_each_instance(instances: set[str], settings: dict[str, str]) -> None:
    """Prometheus scrapes each instance directly, with the token; without it: 404."""
    token = settings["RUIMTE_METRICS__TOKEN"]
    async with httpx.AsyncClient(timeout=10) as direct:
        for address in sorted(instances):
            refused = await direct.get(f"http://{address}/metrics")
            assert refused.status_code == 404, (address, refused.status_code)
            scraped = await direct.get(
                f"http://{address}/metrics", headers={"Authorization": f"Bearer {token}"}
            )
            assert scraped.status_code == 200, (address, scraped.status_code)
            for name in ("ruimte_http_requests_total", "ruimte_escalations_open"):
                assert name in scraped.text, (address, name)
    step("each instance answers /metrics with the token only")


def pg(bin_dir: str, tool: str, *args: str) -> str:
    done = subprocess.run(
        [f"{bin_dir}/{tool}", *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, f"{tool}: {done.stderr}"
    return done.stdout


async def row_counts(url: str) -> dict[str, int]:
    """Rows per table (``alembic_version`` by its revision): what a restore must give back."""
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
        counts = {
            row[0]: await connection.fetchval(f'SELECT count(*) FROM "{row[0]}"')  # noqa: S608
            for row in tables
        }
        revision = await connection.fetchval("SELECT version_num FROM alembic_version")
        return counts | {f"alembic_version {revision}": 1}
    finally:
        await connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def ready_on(database_url: str, settings: dict[str, str]) -> None:
    """An instance on ``database_url`` without `serve`'s own migrate: ready only if the restored
    schema is at the newest migration by itself."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUIMTE_")}
    env |= settings | {"RUIMTE_DATABASE__URL": database_url, "RUIMTE_ESCALATION__WORKER": "false"}
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--log-level", "warning"], cwd=ROOT, env=env
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert process.poll() is None, "the instance on the restored database stopped"
            assert time.monotonic() < deadline, "the restored database never became ready"
            time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=20)


async def backup_restores(urls: dict[str, str], settings: dict[str, str]) -> None:
    bin_dir, source = urls["RUIMTE_LOOPBACK_PG_BIN"], urls["RUIMTE_LOOPBACK_PG_URL"]
    dump = STATE / "backup" / "ruimte.dump"
    dump.parent.mkdir(exist_ok=True)
    started = time.monotonic()
    pg(bin_dir, "pg_dump", "--format=custom", f"--file={dump}", f"--dbname={source}")
    restored = source.rsplit("/", 1)[0] + "/ruimte_restored"
    pg(bin_dir, "dropdb", "--if-exists", f"--maintenance-db={source}", "ruimte_restored")
    pg(bin_dir, "createdb", f"--maintenance-db={source}", "ruimte_restored")
    pg(bin_dir, "pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump))
    before, after = await row_counts(source), await row_counts(restored)
    assert before == after, (before, after)
    assert before["message"] > 0, before
    assert before["account"] > 0, before
    app_url = settings["RUIMTE_DATABASE__URL"].rsplit("/", 1)[0] + "/ruimte_restored"
    await asyncio.to_thread(ready_on, app_url, settings)
    step(
        f"pg_dump -Fc ({dump.stat().st_size} bytes) restored into a fresh database: "
        f"{len(before) - 1} tables with the same rows (messages: {before['message']}), and an "
        f"instance on it is ready ({time.monotonic() - started:.1f} s)"
    )


async def main() -> None:
    started = time.monotonic()
    urls = read_env(STATE / "urls")
    settings = read_env(STATE / "ruimte.env")
    instances = set(urls["RUIMTE_LOOPBACK_INSTANCES"].split())
    assert len(instances) >= 2, instances
    async with httpx.AsyncClient(base_url=urls["RUIMTE_LOOPBACK_URL"], timeout=10) as client:
        await ready_everywhere(client, instances)
        await nginx_guards(client)
        await message_crosses_instances(client, settings)
    await metrics_on_each_instance(instances, settings)
    await backup_restores(urls, settings)
    step(f"passed in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
