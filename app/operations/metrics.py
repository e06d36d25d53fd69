"""Prometheus metrics in the text exposition format (version 0.0.4), written out by hand.

Two kinds: what this process saw (requests, latency, open sockets), counted in memory; and
what the database says (the chat queue, open escalations, deadlines), read at scrape time by
a few aggregate queries on small or indexed tables. Labels are methods, route templates,
status codes and fixed words: never a raw path, an id or anything about a person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app.chat.models import ChatRequest, RequestState
from app.escalation.models import OPEN, Deadline, Escalation

# Seconds; the send path answers in milliseconds, an argon2 login in a few hundred.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
#: A deadline still not handled this long after it came due means no worker is firing them.
OVERDUE_AFTER = timedelta(seconds=60)
MISSED_RESULTS = ("climbed", "unanswered")  # Deadline.result when nobody acknowledged in time


class RequestMetrics:
    """Requests by method, route template and status, and their latency per route."""

    def __init__(self) -> None:
        self.requests: Counter[tuple[str, str, int]] = Counter()
        self.latency: dict[tuple[str, str], list[float]] = {}  # bucket counts, then sum

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests[method, route, status] += 1
        cells = self.latency.get((method, route))
        if cells is None:
            cells = self.latency[method, route] = [0.0] * (len(BUCKETS) + 2)
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                cells[index] += 1
                break
        else:
            cells[len(BUCKETS)] += 1  # only in +Inf
        cells[-1] += seconds

    def exposition(self) -> Iterable[str]:
        yield from _header(
            "ruimte_http_requests_total", "counter", "HTTP requests answered, by route template"
        )
        for (method, route, status), count in sorted(self.requests.items()):
            labels = _labels(method=method, route=route, status=str(status))
            yield f"ruimte_http_requests_total{labels} {count}"
        name = "ruimte_http_request_duration_seconds"
        yield from _header(name, "histogram", "time to answer an HTTP request")
        for (method, route), cells in sorted(self.latency.items()):
            running = 0.0
            for bound, in_bucket in zip((*BUCKETS, "+Inf"), cells[:-1], strict=True):
                running += in_bucket
                labels = _labels(method=method, route=route, le=str(bound))
                yield f"{name}_bucket{labels} {running:g}"
            labels = _labels(method=method, route=route)
            yield f"{name}_sum{labels} {cells[-1]:.6f}"
            yield f"{name}_count{labels} {running:g}"


@dataclass(frozen=True)
class Figures:
    """What the database says at scrape time."""

    waiting: int
    longest_wait_seconds: float
    open_escalations: int
    missed: dict[str, int]
    overdue: int


async def read_figures(session: AsyncSession, now: datetime) -> Figures:
    waiting, oldest = (
        await session.exec(
            select(sa.func.count(), sa.func.min(col(ChatRequest.created_at))).where(
                col(ChatRequest.state) == RequestState.waiting
            )
        )
    ).one()
    open_escalations = (
        await session.exec(select(sa.func.count()).where(col(Escalation.state).in_(OPEN)))
    ).one()
    missed = dict.fromkeys(MISSED_RESULTS, 0)
    rows = await session.exec(
        select(col(Deadline.result), sa.func.count())
        .where(col(Deadline.result).in_(MISSED_RESULTS))
        .group_by(col(Deadline.result))
    )
    missed.update({str(result): count for result, count in rows.all()})
    overdue = (
        await session.exec(
            select(sa.func.count()).where(
                col(Deadline.done_at).is_(None), col(Deadline.due_at) < now - OVERDUE_AFTER
            )
        )
    ).one()
    return Figures(
        waiting=waiting,
        longest_wait_seconds=max(0.0, (now - oldest).total_seconds()) if oldest else 0.0,
        open_escalations=open_escalations,
        missed=missed,
        overdue=overdue,
    )


def exposition(requests: RequestMetrics, figures: Figures, sockets: int) -> str:
    lines = [*requests.exposition()]
    gauges = [
        ("ruimte_chat_queue_waiting", "chat requests waiting for a volunteer", figures.waiting),
        (
            "ruimte_chat_queue_longest_wait_seconds",
            "how long the longest waiting chat request has waited",
            round(figures.longest_wait_seconds, 3),
        ),
        ("ruimte_escalations_open", "escalations not yet resolved", figures.open_escalations),
        (
            "ruimte_escalation_deadlines_overdue",
            "deadlines due over a minute ago that no worker has handled",
            figures.overdue,
        ),
        ("ruimte_websocket_connections", "open WebSockets on this instance", sockets),
    ]
    for name, description, value in gauges:
        lines += [*_header(name, "gauge", description), f"{name} {value}"]
    name = "ruimte_escalation_deadlines_missed_total"
    lines += _header(name, "counter", "acknowledgement deadlines that passed unanswered")
    lines += [f"{name}{_labels(result=r)} {count}" for r, count in sorted(figures.missed.items())]
    return "\n".join(lines) + "\n"


def _header(name: str, kind: str, description: str) -> list[str]:
    return [f"# HELP {name} {description}", f"# TYPE {name} {kind}"]


def _labels(**labels: str) -> str:
    def escaped(value: str) -> str:
        return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")

    return "{" + ",".join(f'{key}="{escaped(value)}"' for key, value in labels.items()) + "}"
