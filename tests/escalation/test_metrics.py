"""What an operator's Prometheus sees on a busy evening, and what it can alert on: the queue,
the longest wait, open escalations, deadlines nobody answered and deadlines nobody handled.
The public sees nothing at all."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from app.config import Settings
from app.escalation.climb import fire_due
from tests.actors import Person
from tests.conftest import make_settings
from tests.escalation.conftest import opened
from tests.test_errors import assert_error_shape

TOKEN = "prometheus-scrapes-with-this-token-0123456789"
SCRAPER = {"Authorization": f"Bearer {TOKEN}"}
ALERTS = Path(__file__).resolve().parents[2] / "deploy" / "prometheus" / "alerts.yml"
SAMPLE = re.compile(r"^(?P<name>[a-z_]+)(?P<labels>\{.*\})? (?P<value>\S+)$")


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return make_settings(database_url, tmp_path, metrics={"token": TOKEN})


def samples(text: str) -> dict[str, float]:
    found = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            match = SAMPLE.match(line)
            assert match, line
            found[match["name"] + (match["labels"] or "")] = float(match["value"])
    return found


async def scrape(client: AsyncClient) -> dict[str, float]:
    response = await client.get("/metrics", headers=SCRAPER)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return samples(response.text)


async def test_the_public_finds_no_metrics(client: AsyncClient, app: FastAPI) -> None:
    for headers in ({}, {"Authorization": "Bearer raden-maar"}, {"Authorization": TOKEN}):
        assert_error_shape(await client.get("/metrics", headers=headers), 404, "request.not_found")
    app.state.settings.metrics.token = None  # not configured: not there for anyone
    assert_error_shape(await client.get("/metrics", headers=SCRAPER), 404, "request.not_found")
    assert "/metrics" not in app.openapi()["paths"]


async def test_requests_are_counted_by_route_template_never_by_raw_path(
    client: AsyncClient, young_person: Person
) -> None:
    room_id = uuid.uuid4()
    await client.get(f"/rooms/{room_id}", headers=young_person.headers)
    await client.get("/bestaat/niet/zonnebloem")
    text = (await client.get("/metrics", headers=SCRAPER)).text
    found = samples(text)

    assert found['ruimte_http_requests_total{method="GET",route="/rooms/{room_id}",status="404"}']
    assert found['ruimte_http_requests_total{method="GET",route="unmatched",status="404"}']
    assert found['ruimte_http_requests_total{method="POST",route="/auth/register",status="201"}']
    latency = "ruimte_http_request_duration_seconds"
    labels = 'method="GET",route="/rooms/{room_id}"'
    assert found[f"{latency}_count{{{labels}}}"] == found[f'{latency}_bucket{{{labels},le="+Inf"}}']
    assert found[f"{latency}_count{{{labels}}}"] == 1
    assert str(room_id) not in text and "zonnebloem" not in text


async def test_the_evening_as_the_operator_sees_it(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    other_young_person: Person,
    on_call: dict[str, Person],
    centre: str,
) -> None:
    state = app.state
    with clock.frozen() as frozen:
        waiting = {"id": str(uuid.uuid4()), "location_id": centre, "first_message": "Hoi"}
        asked = await client.post(
            "/chat/requests", json=waiting, headers=other_young_person.headers
        )
        assert asked.status_code == 201, asked.text
        await opened(client, volunteer, chat, "urgent")
        before = await scrape(client)
        frozen.advance(timedelta(minutes=2, seconds=1))  # Pim does not answer
        assert await fire_due(state.sessionmaker, state.settings, state.announce) == 1
        climbed = await scrape(client)
        frozen.advance(timedelta(minutes=4))  # Bas does not either, and no worker runs
        stuck = await scrape(client)

    missed = 'ruimte_escalation_deadlines_missed_total{result="climbed"}'
    assert before["ruimte_chat_queue_waiting"] == 1
    assert before["ruimte_escalations_open"] == 1
    assert before[missed] == 0
    assert climbed[missed] == 1
    assert climbed['ruimte_escalation_deadlines_missed_total{result="unanswered"}'] == 0
    assert climbed["ruimte_chat_queue_longest_wait_seconds"] == 121
    assert climbed["ruimte_escalation_deadlines_overdue"] == 0
    assert stuck["ruimte_escalation_deadlines_overdue"] == 1
    assert stuck["ruimte_websocket_connections"] == 0


def test_every_alert_is_about_a_metric_the_app_exports() -> None:
    rules = [
        rule for group in yaml.safe_load(ALERTS.read_text())["groups"] for rule in group["rules"]
    ]
    exported = set(re.findall(r"^# TYPE (\S+) ", _exposition_of_a_fresh_app(), re.MULTILINE))
    series = exported | {
        f"{name}_{part}" for name in exported for part in ("bucket", "sum", "count")
    }

    assert "EscalationDeadlineMissed" in {rule["alert"] for rule in rules}
    for rule in rules:
        named = set(re.findall(r"\b(ruimte_[a-z_]+)", rule["expr"]))
        assert named <= series, rule["alert"]
        assert named or "up{" in rule["expr"], rule["alert"]


def _exposition_of_a_fresh_app() -> str:
    from app.operations.metrics import Figures, RequestMetrics, exposition

    requests = RequestMetrics()
    requests.observe("GET", "/healthz", 200, 0.001)
    return exposition(requests, Figures(0, 0.0, 0, {"climbed": 0, "unanswered": 0}, 0), 0)
