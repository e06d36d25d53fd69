"""A throwaway PostgreSQL cluster the fault tests own, so that they may stop and start it.

The server named by ``RUIMTE_TEST_POSTGRES_URL`` is shared with the rest of the suite and
never restarted; this one lives in a temporary directory, listens on a free port of
127.0.0.1 (and a socket in its own directory), runs without fsync, and is removed afterwards.
As root, the server runs as the ``postgres`` user, which PostgreSQL insists on.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.test_commands import free_port


def binaries() -> Path | None:
    """The newest installed PostgreSQL's ``bin`` directory (Debian's layout), if any."""
    found = [
        Path(directory)
        for directory in glob.glob("/usr/lib/postgresql/*/bin")
        if (Path(directory) / "initdb").exists()
    ]
    if not found:
        return None
    return max(found, key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)


class Cluster:
    def __init__(self, bin_dir: Path) -> None:
        self._bin = bin_dir
        self.directory = Path(tempfile.mkdtemp(prefix="ruimte-faults-pg-"))
        self.port = free_port()
        self._as: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "-N")

    @property
    def data(self) -> str:
        return str(self.directory / "data")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self._as, str(self._bin / program), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def start(self) -> None:
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.directory} "
            "-c fsync=off -c full_page_writes=off -c max_connections=200"
        )
        log = str(self.directory / "server.log")
        self._run("pg_ctl", "-D", self.data, "-l", log, "-w", "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        """``fast``: what a service restart does (sessions are ended, then the server stops)."""
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # it was not running
            self.stop("immediate")
        shutil.rmtree(self.directory, ignore_errors=True)
