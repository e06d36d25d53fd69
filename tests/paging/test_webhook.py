"""Paging reaches the person on call even when their pager service stumbles: the signed page
is tried again with back-off, and every attempt is written down."""

from __future__ import annotations

import hmac
import json
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response

from app.paging.delivery import delivery_log
from app.paging.pager import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    Page,
    PagingFailed,
    WebhookPager,
    signature,
)
from tests.actors import Person
from tests.conftest import serving
from tests.stored import rows

SECRET = "gedeeld-geheim-van-de-oproepdienst"


def receiver(failures_first: int) -> tuple[FastAPI, list[dict[str, Any]]]:
    """A pager service on 127.0.0.1 that fails the first ``failures_first`` deliveries and
    checks every signature."""
    received: list[dict[str, Any]] = []
    service = FastAPI()

    @service.post("/pages")
    async def take(request: Request) -> Response:
        body = await request.body()
        expected = signature(SECRET, request.headers[TIMESTAMP_HEADER], body)
        signed = hmac.compare_digest(expected, request.headers[SIGNATURE_HEADER])
        received.append({"signed": signed, "page": json.loads(body)})
        return Response(status_code=500 if len(received) <= failures_first else 204)

    return service, received


def pager_for(app: FastAPI, address: str, client: httpx.AsyncClient, attempts: int) -> WebhookPager:
    return WebhookPager(
        f"http://{address}/pages",
        SECRET,
        client=client,
        record=delivery_log(app.state.sessionmaker),
        attempts=attempts,
        backoff_seconds=0.01,
    )


async def test_a_page_gets_through_on_the_third_try_and_every_try_is_logged(
    app: FastAPI, professional: Person
) -> None:
    service, received = receiver(failures_first=2)
    page = Page(professional.account_id, "Spoed: bevestig binnen 2 minuten", "https://x/ack/t")
    async with serving(service) as address, httpx.AsyncClient() as client:
        await pager_for(app, address, client, attempts=5).send(page)

    log = await rows(
        app, "SELECT attempt, delivered, status_code FROM page_delivery ORDER BY attempt"
    )
    assert [(r["attempt"], bool(r["delivered"]), r["status_code"]) for r in log] == [
        (1, False, 500),
        (2, False, 500),
        (3, True, 204),
    ]
    assert all(delivery["signed"] for delivery in received)
    assert received[-1]["page"]["subject"] == "Spoed: bevestig binnen 2 minuten"
    assert set(received[-1]["page"]) == {
        "id",
        "recipient_id",
        "subject",
        "acknowledge_url",
        "created_at",
    }


async def test_when_every_try_fails_the_caller_is_told_so_it_can_climb(
    app: FastAPI, professional: Person
) -> None:
    service, _ = receiver(failures_first=99)
    async with serving(service) as address, httpx.AsyncClient() as client:
        with pytest.raises(PagingFailed):
            await pager_for(app, address, client, attempts=3).send(
                Page(professional.account_id, "Spoed", None)
            )

    log = await rows(app, "SELECT delivered FROM page_delivery")
    assert [bool(r["delivered"]) for r in log] == [False, False, False]
