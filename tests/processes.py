"""The app as a real process of its own, the way an operator runs it: uvicorn serving
``app.main:app`` on 127.0.0.1, configured only through ``RUIMTE_*`` variables, that a test can
start, stop, and kill outright."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

from tests.test_commands import free_port

ROOT = Path(__file__).resolve().parents[1]


class AppProcess:
    """One instance. ``start`` may be called again after ``kill`` or ``stop``: the new process
    listens on the same port, as a restarted service would."""

    def __init__(
        self, environment: dict[str, str], *, port: int | None = None, log: Path | None = None
    ) -> None:
        self.port = port or free_port()
        self._environment = {k: v for k, v in os.environ.items() if not k.startswith("RUIMTE_")}
        self._environment.update(environment)
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"http://{self.address}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        output = self._log.open("ab") if self._log is not None else subprocess.DEVNULL
        command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
        self._process = subprocess.Popen(
            [*command, "--port", str(self.port), "--log-level", "warning", "--no-access-log"],
            cwd=ROOT,
            env=self._environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )

    async def ready(self, timeout: float = 30.0) -> None:
        """Wait until ``/readyz`` is green (the database answers, at the newest migration)."""
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(base_url=self.base_url, timeout=2) as probe:
            while True:
                assert self._process is not None and self._process.poll() is None, (
                    f"the app exited with {self._process and self._process.returncode}"
                )
                try:
                    if (await probe.get("/readyz")).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the app did not become ready"
                await asyncio.sleep(0.05)

    def kill(self) -> None:
        """``kill -9``: no shutdown, nothing flushed, connections cut."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGKILL)
            self._process.wait(timeout=10)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@asynccontextmanager
async def running(environment: dict[str, str], *, log: Path | None = None) -> AsyncIterator[str]:
    """A started, ready instance for the length of the block; yields ``host:port``."""
    instance = AppProcess(environment, log=log)
    instance.start()
    try:
        await instance.ready()
        yield instance.address
    finally:
        instance.stop()
