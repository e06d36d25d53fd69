"""Make ``python3 -m app`` and ``python3 -m tests`` work on a machine that has only python3.

Standard library only: this runs before any dependency is installed. It creates ``.venv`` beside
the repository when missing, installs the dependencies declared in ``pyproject.toml`` (again when
that file or the requested extras change) and re-executes the command inside the environment.
The project itself is not installed: commands run from the repository root, which is on
``sys.path``, so an edit is live without a reinstall.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _requirements(extras: tuple[str, ...]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += project["optional-dependencies"][extra]
    return requirements


def _fingerprint(requirements: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(requirements)).encode()).hexdigest()


def _running_inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def _satisfied(fingerprints: set[str], wanted: str) -> bool:
    return wanted in fingerprints


def ensure_environment(module: str, extras: tuple[str, ...] = ()) -> None:
    """Return when running inside an up-to-date ``.venv``; otherwise build it and re-exec.

    The stamp holds one fingerprint per installed requirement set, so ``python3 -m tests``
    (which needs the dev extras) after ``python3 -m app`` installs only what is missing.
    """
    requirements = _requirements(extras)
    wanted = _fingerprint(requirements)
    installed = set(STAMP.read_text().split()) if STAMP.exists() else set()
    if _running_inside_venv() and _satisfied(installed, wanted):
        return
    if not _venv_python().exists():
        print(f"creating the virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not _satisfied(installed, wanted):
        print("installing dependencies (first run only) ...", flush=True)
        subprocess.run(
            [
                str(_venv_python()),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                *requirements,
            ],
            check=True,
        )
        STAMP.write_text("\n".join(sorted(installed | {wanted})) + "\n")
    os.chdir(ROOT)
    os.execv(str(_venv_python()), [str(_venv_python()), "-m", module, *sys.argv[1:]])  # noqa: S606
