"""The README's start command works as a newcomer would use it: it migrates the embedded
database, starts on 127.0.0.1 and says where the API docs are."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests import databases


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.skipif(databases.is_postgres(), reason="the start command is about embedded SQLite")
def test_python_m_app_migrates_and_serves_on_a_fresh_data_directory(tmp_path: Path) -> None:
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RUIMTE_")}
    environment["RUIMTE_DATA_DIR"] = str(tmp_path / "data")
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port)],
        cwd=Path(__file__).resolve().parents[1],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        ready = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert ready is not None and ready.status_code == 200, "service did not come up"
        assert (tmp_path / "data" / "ruimte.sqlite3").exists()
        assert httpx.get(f"http://127.0.0.1:{port}/docs", timeout=5).status_code == 200
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"API docs: http://127.0.0.1:{port}/docs" in output
