"""The pager the service uses, and its delivery log: each attempt in a transaction of its own,
so that a failure later in the paging flow never takes the record of what was tried with it."""

from __future__ import annotations

import httpx
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import PagingSettings
from app.paging.models import PageDelivery
from app.paging.pager import Attempt, InMemoryPager, Page, Pager, WebhookPager


def delivery_log(sessionmaker: async_sessionmaker[AsyncSession]) -> Attempt:
    async def record(page: Page, attempt: int, status: int | None, error: str | None) -> None:
        async with sessionmaker() as session:
            session.add(
                PageDelivery(
                    page_id=page.id,
                    recipient_id=page.recipient_id,
                    attempt=attempt,
                    delivered=error is None,
                    status_code=status,
                    error=error,
                )
            )
            await session.commit()

    return record


def create_pager(
    settings: PagingSettings,
    sessionmaker: async_sessionmaker[AsyncSession],
    client: httpx.AsyncClient,
) -> Pager:
    """The signed webhook when one is configured; otherwise pages stay in the service (they
    still reach staff who are online, over the WebSocket)."""
    if settings.webhook_url is None or settings.webhook_secret is None:
        return InMemoryPager()
    return WebhookPager(
        settings.webhook_url,
        settings.webhook_secret.get_secret_value(),
        client=client,
        record=delivery_log(sessionmaker),
        attempts=settings.attempts,
        backoff_seconds=settings.backoff_seconds,
    )
