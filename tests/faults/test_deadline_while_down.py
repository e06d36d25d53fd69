"""An urgent escalation pages Pim; the service is killed before his two minutes (here: three
seconds) are up, and stays down past them. When it comes back, as two instances at once, the
deadline that passed while nothing ran fires exactly once: Bas is paged, once."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.actors import People, open_location
from tests.chat.conftest import asked_and_taken, on_shift
from tests.conftest import serving
from tests.escalation.conftest import opened, put_on_call
from tests.faults.conftest import Service, first_admin, rows, until
from tests.paging.test_webhook import SECRET, receiver

pytestmark = pytest.mark.postgres_only


async def test_a_deadline_that_passed_while_the_app_was_down_fires_once_after_the_restart(
    service: Service, engine: AsyncEngine, database_url: str, tmp_path: Path
) -> None:
    service_of_pagers, pages = receiver(failures_first=0)  # checks every signature
    async with serving(service_of_pagers) as pager_address:
        paging = {
            "RUIMTE_PAGING__WEBHOOK_URL": f"http://{pager_address}/pages",
            "RUIMTE_PAGING__WEBHOOK_SECRET": SECRET,
            "RUIMTE_ESCALATION__WORKER_POLL_SECONDS": "0.1",
        }
        first = service.instance(RUIMTE_ESCALATION__URGENT_MINUTES="0.05", **paging)
        first.start()
        await first.ready()
        async with httpx.AsyncClient(base_url=first.base_url, timeout=10) as http:
            people = People(http, None)  # type: ignore[arg-type]
            coordinator = await people.staff(
                "coordinator",
                invited_by=await first_admin(database_url, http, tmp_path),
                display_name="Coco",
            )
            vera = await people.staff("volunteer", invited_by=coordinator, display_name="Vera")
            pim = await people.staff("professional", invited_by=coordinator, display_name="Pim")
            bas = await people.staff("professional", invited_by=coordinator, display_name="Bas")
            young = await people.member("zonnebloem", age_band="12-17")
            centre = str(
                (await open_location(http, coordinator, "Chat 24/7", "online", always_open=True))[
                    "id"
                ]
            )
            await put_on_call(http, coordinator, pim, "professional", centre)
            await put_on_call(
                http, coordinator, bas, "professional", centre, started_minutes_ago=30
            )
            await on_shift(http, coordinator, centre, [vera])
            chat = await asked_and_taken(http, young, vera, centre)
            asked = await opened(http, vera, chat, "urgent")
            assert await until(lambda: len(pages) == 1, 10) < 10, "Pim was not paged"
            first.kill()

        due = datetime.fromisoformat(asked["acknowledge_by"])
        await asyncio.sleep(max(0.0, due.timestamp() - time.time()) + 0.5)
        [waiting] = await rows(engine, "SELECT done_at, due_at FROM escalation_deadline")
        assert waiting["done_at"] is None  # due, and nothing ran to see it

        # Back, as two instances at once; their own deadlines are long again.
        again = [service.restarted(first, **paging)]
        again.append(service.instance(**paging))
        for instance in again:
            instance.start()
        for instance in again:
            await instance.ready()
        assert await until(lambda: len(pages) == 2, 10) < 10, "no climb after the restart"
        await asyncio.sleep(1.0)  # ten more rounds of both workers: nothing more happens

    deadlines = await rows(
        engine, "SELECT result, done_at FROM escalation_deadline ORDER BY due_at"
    )
    paged = await rows(engine, "SELECT recipient_id FROM escalation_page ORDER BY sent_at")
    assert [page["page"]["recipient_id"] for page in pages] == [
        str(pim.account_id),
        str(bas.account_id),
    ]
    assert all(page["signed"] for page in pages)
    assert [row["recipient_id"] for row in paged] == [pim.account_id, bas.account_id]
    assert [row["result"] for row in deadlines] == ["climbed", None]  # Bas's is minutes away
    assert deadlines[0]["done_at"] is not None
