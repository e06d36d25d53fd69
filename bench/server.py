"""Starting, watching and stopping the servers under test, each as a process of its own.

The service and the bare app are started with the very same ``uvicorn`` command line, so the
only difference between them is the application. Each gets a fresh database: a SQLite file in
a temporary directory, or (with ``--database-url``) a throwaway PostgreSQL database created
next to the one named and dropped at the end. The server's CPU time and RSS are read from
``/proc`` (there is no psutil here), which is what lets a report say where the time went.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PASSPHRASE = "paarse olifant danst op het dak"  # noqa: S105 - throwaway accounts
ADMIN_HANDLE = "beheer-bench"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# Generous budgets: the benchmark measures the send path, not the abuse limits around it.
_UNLIMITED = {
    "RUIMTE_SECURITY__RATE_LIMITS__REGISTER_PER_HOUR": "1000000",
    "RUIMTE_SECURITY__RATE_LIMITS__LOGIN_PER_MINUTE": "1000000",
    "RUIMTE_SECURITY__RATE_LIMITS__GLOBAL_REGISTER_PER_MINUTE": "1000000",
    "RUIMTE_SECURITY__RATE_LIMITS__GLOBAL_LOGIN_PER_MINUTE": "1000000",
    "RUIMTE_SECURITY__RATE_LIMITS__WRITES_PER_MINUTE": "1000000",
    "RUIMTE_SYNC__OPS_PER_MINUTE": "100000000",
    "RUIMTE_MODERATION__ROOM_MESSAGES_PER_MINUTE": "100000000",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def raise_fd_limit() -> None:
    """A thousand sockets need more descriptors than some shells allow by default."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65_536 if hard == resource.RLIM_INFINITY else min(hard, 65_536)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def _postgres_dsn(url: str) -> str:
    """asyncpg speaks plain ``postgresql://``; SQLAlchemy URLs name the driver too."""
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


@dataclass
class Database:
    """Where one server keeps its data. ``url`` is a SQLAlchemy async URL."""

    data_dir: Path
    url: str
    postgres_name: str | None = None
    admin_url: str | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path:
        return Path(self.url.split(":///", 1)[1])

    @classmethod
    async def create(cls, name: str, postgres_url: str | None) -> Database:
        data_dir = Path(tempfile.mkdtemp(prefix=f"ruimte-bench-{name}-"))
        if postgres_url is None:
            return cls(data_dir, f"sqlite+aiosqlite:///{data_dir / f'{name}.sqlite3'}")
        import asyncpg  # only needed with --database-url

        db_name = f"ruimte_bench_{name}_{secrets.token_hex(4)}"
        connection = await asyncpg.connect(_postgres_dsn(postgres_url))
        try:
            await connection.execute(f'CREATE DATABASE "{db_name}"')
        finally:
            await connection.close()
        base, _, _ = postgres_url.rpartition("/")
        return cls(data_dir, f"{base}/{db_name}", db_name, postgres_url)

    async def drop(self) -> None:
        if self.postgres_name is not None and self.admin_url is not None:
            import asyncpg

            connection = await asyncpg.connect(_postgres_dsn(self.admin_url))
            try:
                await connection.execute(
                    f'DROP DATABASE IF EXISTS "{self.postgres_name}" WITH (FORCE)'
                )
            finally:
                await connection.close()
        for path in sorted(self.data_dir.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        self.data_dir.rmdir()


def service_environment(database: Database) -> dict[str, str]:
    return {
        **os.environ,
        "RUIMTE_DATA_DIR": str(database.data_dir),
        "RUIMTE_DATABASE__URL": database.url,
        "RUIMTE_ENVIRONMENT": "test",
        "RUIMTE_SECURITY__SECRET_KEY": "bench-" + secrets.token_hex(24),
        **_UNLIMITED,
    }


def bare_environment(database: Database) -> dict[str, str]:
    return {**os.environ, "BENCH_BARE_DATABASE_URL": database.url}


async def _run(argv: list[str], env: dict[str, str], stdin: bytes = b"") -> str:
    process = await asyncio.create_subprocess_exec(
        *argv,
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    output, _ = await process.communicate(stdin)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:4])} failed:\n{output.decode(errors='replace')}")
    return output.decode()


async def prepare_service(env: dict[str, str]) -> None:
    """Migrate and create the first admin, exactly as an operator would."""
    await _run([PYTHON, "-m", "app", "migrate"], env)
    await _run(
        [
            PYTHON,
            "-m",
            "app",
            "create-admin",
            "--handle",
            ADMIN_HANDLE,
            "--display-name",
            "Bench Admin",
        ],
        env,
        stdin=f"{PASSPHRASE}\n".encode(),
    )


@dataclass
class Server:
    """One uvicorn process on 127.0.0.1."""

    name: str
    app: str
    env: dict[str, str]
    ready_path: str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def pid(self) -> int:
        assert self.process is not None, "not started"
        return self.process.pid

    async def start(self, log_dir: Path) -> None:
        self._launch(log_dir)
        await self._wait_ready()

    def _launch(self, log_dir: Path) -> None:
        argv = [
            PYTHON,
            "-m",
            "uvicorn",
            self.app,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
        self.log_path = log_dir / f"{self.name}-{uuid.uuid4().hex[:6]}.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                argv,
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=raise_fd_limit,
            )

    async def _wait_ready(self, patience: float = 60.0) -> None:
        deadline = time.monotonic() + patience
        async with httpx.AsyncClient(base_url=self.base_url, timeout=2.0) as client:
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited early; see {self.log_path}")
                with contextlib.suppress(httpx.TransportError):
                    if (await client.get(self.ready_path)).status_code == 200:
                        return
                await asyncio.sleep(0.1)
        raise RuntimeError(f"{self.name} did not become ready; see {self.log_path}")

    async def stop(self) -> None:
        """SIGTERM (uvicorn shuts down cleanly, closing sockets), SIGKILL if it hangs."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.to_thread(self.process.wait, 15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            await asyncio.to_thread(self.process.wait)

    def cpu_seconds(self) -> float:
        """User + system time of the server process, all its threads included."""
        return _cpu_of(Path(f"/proc/{self.pid}/stat"))

    def loop_cpu_seconds(self) -> float:
        """The same for the main thread alone: the event loop, where all the Python runs
        (the others are aiosqlite's and the thread pool's). A loop thread near one full core
        means the server is bound by its Python, not by the database."""
        return _cpu_of(Path(f"/proc/{self.pid}/task/{self.pid}/stat"))

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS in /proc status")

    async def wait_quiet(self, *, below: float = 0.05, window: float = 1.0, limit: float = 120):
        """Wait until the server is idle (less than ``below`` of a core over ``window``), so a
        measurement never starts while the previous one is still being worked off."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            before = self.cpu_seconds()
            await asyncio.sleep(window)
            if (self.cpu_seconds() - before) / window < below:
                return
        raise RuntimeError(f"{self.name} stayed busy for {limit:.0f}s")


def _cpu_of(stat: Path) -> float:
    fields = stat.read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def service_server(database: Database) -> Server:
    return Server("service", "app.main:app", service_environment(database), "/readyz")


def bare_server(database: Database) -> Server:
    return Server("bare", "bench.bare_app:app", bare_environment(database), "/ready")
