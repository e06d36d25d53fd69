"""Turning the scenarios' raw data into figures: medians, ratios, targets met or not.

The summary is what goes into the Markdown table and, together with every raw run, into
``bench/results.json``, so a figure in the table can always be traced to the runs behind it.
"""

from __future__ import annotations

from typing import Any

from bench.stats import median

SEND_RATIO_TARGET = 0.5  # the full send path reaches at least half of the bare ceiling
CATCH_UP_RATIO_TARGET = 1.5  # catch-up at 100k history within 1.5x of catch-up at 10k
DELIVERY_P99_TARGET_MS = 250.0


def _pick(runs: list[dict[str, Any]], target: str, clients: int, batch: int = 1) -> list[dict]:
    return [
        run
        for run in runs
        if run["target"] == target and run["clients"] == clients and run["batch"] == batch
    ]


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    if "throughput" in results:
        summary["throughput"] = _throughput(results["throughput"])
    if "catch_up" in results:
        sizes = results["catch_up"]["sizes"]
        ratio = sizes[-1]["median_ms"] / sizes[0]["median_ms"]
        paired = [
            large / small
            for small, large in zip(sizes[0]["runs_ms"], sizes[-1]["runs_ms"], strict=True)
        ]
        summary["catch_up"] = {
            "by_history": {str(size["history"]): size["median_ms"] for size in sizes},
            "ratio": ratio,
            "paired_ratio_median": median(paired),
            "met": ratio <= CATCH_UP_RATIO_TARGET,
        }
    if "delivery" in results:
        repetitions = results["delivery"]["repetitions"]
        p99 = median([rep["p99_ms"] for rep in repetitions])
        summary["delivery"] = {
            "subscribers": results["delivery"]["subscribers"],
            "p50_ms": median([rep["p50_ms"] for rep in repetitions]),
            "p99_ms": p99,
            "max_ms": max(rep["max_ms"] for rep in repetitions),
            "missing": sum(rep["missing"] for rep in repetitions),
            "met": p99 < DELIVERY_P99_TARGET_MS,
        }
        summary["memory"] = results["delivery"]["memory"]
    return summary


def _throughput(data: dict[str, Any]) -> dict[str, Any]:
    runs = data["runs"]
    by_clients: dict[str, Any] = {}
    for clients in sorted({run["clients"] for run in runs if run["batch"] == 1}):
        full = _pick(runs, "full", clients)
        bare = _pick(runs, "bare", clients)
        bare_by_rep = {run["repetition"]: run["messages_per_s"] for run in bare}
        paired = [
            run["messages_per_s"] / bare_by_rep[run["repetition"]]
            for run in full
            if bare_by_rep.get(run["repetition"])
        ]
        full_median = median([run["messages_per_s"] for run in full])
        bare_median = median([run["messages_per_s"] for run in bare])
        by_clients[str(clients)] = {
            "full_per_s": full_median,
            "bare_per_s": bare_median,
            "ratio": full_median / bare_median if bare_median else float("nan"),
            "paired_ratio_median": median(paired),
            "met": full_median / bare_median >= SEND_RATIO_TARGET if bare_median else False,
        }
    batched = [run for run in runs if run["batch"] > 1]
    return {
        "by_clients": by_clients,
        "batch_of_10_per_s": median([run["messages_per_s"] for run in batched])
        if batched
        else None,
        "failures": sum(run["failures"] for run in runs),
        "fan_out": data["fan_out"],
    }


def _runs(values: list[float], unit: str = "") -> str:
    return ", ".join(f"{value:.0f}{unit}" for value in values)


def _met(flag: bool) -> str:
    return "yes" if flag else "**no**"


def markdown(results: dict[str, Any], summary: dict[str, Any], context: dict[str, Any]) -> str:
    lines = [
        f"## Benchmark results ({context['database']}, {context['mode']} run)",
        "",
        "| Measurement | Median | Runs | Target | Met |",
        "|---|---:|---|---|---|",
    ]
    if "throughput" in summary:
        runs = results["throughput"]["runs"]
        for clients, figures in summary["throughput"]["by_clients"].items():
            count = int(clients)
            full = [run["messages_per_s"] for run in _pick(runs, "full", count)]
            bare = [run["messages_per_s"] for run in _pick(runs, "bare", count)]
            lines += [
                f"| Send, full path, {clients} clients (msg/s) | {figures['full_per_s']:.0f} "
                f"| {_runs(full)} | | |",
                f"| Bare ceiling, {clients} clients (rows/s) | {figures['bare_per_s']:.0f} "
                f"| {_runs(bare)} | | |",
                f"| **Full / ceiling, {clients} clients** | **{figures['ratio']:.2f}** "
                f"| paired per repetition: median {figures['paired_ratio_median']:.2f} "
                f"| >= {SEND_RATIO_TARGET:.2f} | {_met(figures['met'])} |",
            ]
        batched = [run["messages_per_s"] for run in runs if run["batch"] > 1]
        if batched:
            lines.append(
                f"| Send, 10 per request, {runs[-1]['clients']} clients (msg/s) "
                f"| {summary['throughput']['batch_of_10_per_s']:.0f} | {_runs(batched)} | | |"
            )
    if "catch_up" in summary:
        for size in results["catch_up"]["sizes"]:
            lines.append(
                f"| Catch-up, 1,000 missed over 20 rooms, {size['history']:,} history (ms) "
                f"| {size['median_ms']:.0f} | {_runs(size['runs_ms'])} ({size['pages']} pages; "
                f"a sync with nothing new: {size['nothing_new_median_ms']:.0f}) | | |"
            )
        catch_up = summary["catch_up"]
        lines.append(
            f"| **Catch-up ratio, largest / smallest history** | **{catch_up['ratio']:.2f}** "
            f"| paired per repetition: median {catch_up['paired_ratio_median']:.2f} "
            f"| <= {CATCH_UP_RATIO_TARGET} | {_met(catch_up['met'])} |"
        )
    if "delivery" in summary:
        delivery = summary["delivery"]
        reps = results["delivery"]["repetitions"]
        who = f"{delivery['subscribers']:,} sockets of one room"
        lines += [
            f"| Delivery to {who}, p50 (ms) | {delivery['p50_ms']:.0f} "
            f"| {_runs([rep['p50_ms'] for rep in reps])} | | |",
            f"| **Delivery to {who}, p99 (ms)** | **{delivery['p99_ms']:.0f}** "
            f"| {_runs([rep['p99_ms'] for rep in reps])}; max {delivery['max_ms']:.0f}, "
            f"missing {delivery['missing']} | < {DELIVERY_P99_TARGET_MS:.0f} "
            f"| {_met(delivery['met'])} |",
        ]
        memory = summary["memory"]
        lines.append(
            f"| Memory per idle socket (KiB) | {memory['per_socket_kib']:.1f} "
            f"| one run: RSS {memory['rss_before_kib'] / 1024:.0f} -> "
            f"{memory['rss_after_kib'] / 1024:.0f} MiB for {memory['sockets']:,} sockets; "
            f"marginal {memory['marginal_kib']:.1f} | | |"
        )
    lines += _cpu_table(results)
    lines += _notes(summary, context)
    return "\n".join(lines)


def _cpu_table(results: dict[str, Any]) -> list[str]:
    if "throughput" not in results:
        return []
    runs = results["throughput"]["runs"]
    lines = [
        "",
        "Where the CPU went during the throughput windows (medians; 2.00 cores = the machine):",
        "",
        "| Target | Clients | Batch | msg/s | Request p50 / p99 (ms) | Server cores "
        "| of which event loop | Loader cores | Failures |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    keys = sorted({(run["target"], run["clients"], run["batch"]) for run in runs})
    for target, clients, batch in keys:
        chosen = _pick(runs, target, clients, batch)
        lines.append(
            f"| {target} | {clients} | {batch} "
            f"| {median([run['messages_per_s'] for run in chosen]):.0f} "
            f"| {median([run['latency_p50_ms'] for run in chosen]):.1f} / "
            f"{median([run['latency_p99_ms'] for run in chosen]):.1f} "
            f"| {median([run['server_cpu_cores'] for run in chosen]):.2f} "
            f"| {median([run['server_loop_cpu_cores'] for run in chosen]):.2f} "
            f"| {median([run['loader_cpu_cores'] for run in chosen]):.2f} "
            f"| {sum(run['failures'] for run in chosen)} |"
        )
    return lines


def _notes(summary: dict[str, Any], context: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"Command: `{context['command']}`. Machine: {context['cpus']} CPUs, "
        f"Python {context['python']}; total {context['elapsed_s']:.0f} s.",
        "Each server is one uvicorn process on 127.0.0.1 with a fresh database; the loaders are "
        "separate processes that share the same cores with it, so a server figure is a "
        "lower bound when server + loader cores approach the machine's total.",
        "Delivery latency runs from issuing the send request to the frame's arrival at each "
        "subscriber. Catch-up is the wall time for every `GET /sync` page from the cursor.",
    ]
    if context["database"] != "SQLite":
        lines.append(
            "The database server's own processes are not counted in the server's cores, and it "
            "shares the same machine."
        )
    if "throughput" in summary:
        fan_out = summary["throughput"]["fan_out"]
        lines.append(
            f"Fan-out check: a live socket in every room received {fan_out['received']:,} of "
            f"{fan_out['applied']:,} applied sends; send failures: "
            f"{summary['throughput']['failures']}."
        )
    return lines
