"""Pages and the pagers that deliver them.

A page says only that someone is needed and where to acknowledge: never a handle, never what
a young person wrote. The webhook body is signed (HMAC-SHA256 over the timestamp and the body,
as Stripe and GitHub sign theirs) so the receiver can trust it, and delivery is retried with
back-off; every attempt goes into the delivery log.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Protocol

import httpx

from app import clock

SIGNATURE_HEADER = "x-ruimte-signature"
TIMESTAMP_HEADER = "x-ruimte-timestamp"


@dataclass(frozen=True)
class Page:
    recipient_id: uuid.UUID
    subject: str  # e.g. "Urgent escalation: please acknowledge within 2 minutes"
    acknowledge_url: str | None
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    created_at: datetime = field(default_factory=clock.now)

    def body(self) -> bytes:
        fields = {key: str(value) for key, value in asdict(self).items() if value is not None}
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


class PagingFailed(Exception):
    """Every attempt failed; the caller climbs to the next person (it is not a client error)."""


class Pager(Protocol):
    async def send(self, page: Page) -> None:
        """Deliver ``page`` or raise ``PagingFailed``."""
        ...


class InMemoryPager:
    """For tests and for a service without a webhook: the pages, in order."""

    def __init__(self) -> None:
        self.pages: list[Page] = []

    async def send(self, page: Page) -> None:
        self.pages.append(page)


Attempt = Callable[[Page, int, int | None, str | None], Awaitable[None]]


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """What the receiver recomputes: ``sha256=`` and the hex HMAC of ``timestamp.body``."""
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


class WebhookPager:
    def __init__(
        self,
        url: str,
        secret: str,
        *,
        client: httpx.AsyncClient,
        record: Attempt,
        attempts: int = 5,
        backoff_seconds: float = 1.0,
        timeout_seconds: float = 5.0,
    ) -> None:
        self.url, self.secret, self.client, self.record = url, secret, client, record
        self.attempts, self.backoff, self.timeout = attempts, backoff_seconds, timeout_seconds

    async def send(self, page: Page) -> None:
        body = page.body()
        for attempt in range(1, self.attempts + 1):
            timestamp = str(int(time.time()))
            headers = {
                "content-type": "application/json",
                TIMESTAMP_HEADER: timestamp,
                SIGNATURE_HEADER: signature(self.secret, timestamp, body),
            }
            status: int | None = None
            problem: str | None = None
            try:
                response = await self.client.post(
                    self.url, content=body, headers=headers, timeout=self.timeout
                )
                status = response.status_code
                if response.is_success:
                    await self.record(page, attempt, status, None)
                    return
                problem = f"HTTP {status}"
            except httpx.HTTPError as failed:
                problem = type(failed).__name__
            await self.record(page, attempt, status, problem)
            if attempt < self.attempts:
                await asyncio.sleep(self.backoff * 2 ** (attempt - 1))
        raise PagingFailed(f"page {page.id}: {self.attempts} attempts failed")
