"""``python -m bench``: run every scenario, print the Markdown table, write the JSON."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import bench
from bench import catch_up, delivery, report, throughput
from bench.scene import FULL, QUICK
from bench.server import raise_fd_limit

SCENARIOS = {
    "throughput": throughput.run,
    "catch_up": catch_up.run,
    "delivery": delivery.run,
}
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.json"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=bench.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer and shorter runs: a smoke test (~2 minutes)"
    )
    parser.add_argument(
        "--database-url",
        help="postgresql+asyncpg://... of a server where throwaway databases may be created "
        "(default: SQLite files in a temporary directory)",
    )
    parser.add_argument(
        "--only",
        choices=sorted(SCENARIOS),
        action="append",
        help="run only this scenario (repeatable)",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the JSON goes")
    return parser.parse_args(argv)


def _finite(value: Any) -> Any:
    """JSON has no NaN: write null instead."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def _command(arguments: argparse.Namespace) -> str:
    """The command line as run, without the database password."""
    words = [".venv/bin/python -m bench"]
    if arguments.quick:
        words.append("--quick")
    if arguments.database_url:
        words.append("--database-url postgresql+asyncpg://...")
    words += [f"--only {name}" for name in arguments.only or ()]
    return " ".join(words)


async def _run(arguments: argparse.Namespace, log_dir: Path) -> dict[str, Any]:
    plan = QUICK if arguments.quick else FULL
    results: dict[str, Any] = {}
    for name, scenario in SCENARIOS.items():
        if arguments.only and name not in arguments.only:
            continue
        print(f"\n{name.replace('_', ' ')}:", flush=True)
        started = time.monotonic()
        results[name] = await scenario(plan, arguments.database_url, log_dir)
        print(f"  ({time.monotonic() - started:.0f}s)", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    arguments = _arguments(argv)
    raise_fd_limit()
    plan = QUICK if arguments.quick else FULL
    log_dir = Path(tempfile.mkdtemp(prefix="ruimte-bench-logs-"))
    started = time.monotonic()
    try:
        results = asyncio.run(_run(arguments, log_dir))
    except BaseException:
        print(f"\nbenchmark failed; server logs are in {log_dir}", file=sys.stderr)
        raise
    shutil.rmtree(log_dir, ignore_errors=True)
    context = {
        "mode": "quick" if arguments.quick else "full",
        "database": "PostgreSQL" if arguments.database_url else "SQLite",
        "command": _command(arguments),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "elapsed_s": time.monotonic() - started,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "plan": asdict(plan),
    }
    summary = report.summarise(results)
    print("\n" + report.markdown(results, summary, context), flush=True)
    document = {"context": context, "summary": summary, "results": results}
    arguments.output.write_text(json.dumps(_finite(document), indent=2) + "\n")
    print(f"\nwrote {arguments.output}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
