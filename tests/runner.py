"""Run pytest once per database and report both halves."""

from __future__ import annotations

import os
import subprocess
import sys
import time

POSTGRES_URL_VARIABLE = "RUIMTE_TEST_POSTGRES_URL"


def _run(database: str, args: list[str]) -> int:
    print(f"\n=== test suite on {database} ===", flush=True)
    environment = {**os.environ, "RUIMTE_TEST_DATABASE": database}
    started = time.monotonic()
    code = subprocess.call([sys.executable, "-m", "pytest", *args], env=environment)
    print(f"=== {database}: exit {code} after {time.monotonic() - started:.0f}s ===", flush=True)
    return code


def main(args: list[str]) -> int:
    results = {"sqlite": _run("sqlite", args)}
    if os.environ.get(POSTGRES_URL_VARIABLE):
        results["postgresql"] = _run("postgresql", args)
    else:
        print(
            f"\n*** PostgreSQL half SKIPPED: set {POSTGRES_URL_VARIABLE} to run it "
            "(`bash .ci/run` starts a throwaway server and does). ***",
            flush=True,
        )
        if os.environ.get("CI"):
            print("*** In CI a skipped PostgreSQL half is a failure. ***", flush=True)
            results["postgresql"] = 1
    print(
        "\nsummary: "
        + ", ".join(f"{db}: {'passed' if code == 0 else 'FAILED'}" for db, code in results.items()),
        flush=True,
    )
    return 0 if all(code == 0 for code in results.values()) else 1
