"""Someone is always behind the volunteer: an escalation nobody acknowledges climbs by itself,
to the next professional on call, then the backstop psychiatrist, and when nobody at all
answers the volunteer is told and the young person is offered the crisis line.

The clock is frozen and moved by the tests; the worker's step (``fire_due``) is called as the
worker calls it, except in the tests about the worker itself."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from app.escalation.climb import fire_due
from tests.actors import Person
from tests.conftest import AppStarter, client_for
from tests.devices import Device
from tests.escalation.conftest import acted, opened, pages
from tests.stored import rows, scalar


async def fire(app: FastAPI) -> int:
    state = app.state
    return await fire_due(state.sessionmaker, state.settings, state.announce)


async def test_nobody_acknowledges_so_it_climbs_to_the_next_professional_then_the_backstop(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    with clock.frozen() as frozen:
        asked = await opened(client, volunteer, chat, "urgent")
        frozen.advance(timedelta(minutes=1, seconds=59))
        early = await fire(app)
        paged_before = [page.recipient_id for page in await pages(app)]
        climbs = []
        for _ in range(3):
            frozen.advance(timedelta(minutes=2, seconds=1))
            climbs.append(await fire(app))
        stored = (await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)).json()

    vera = Device(client, volunteer)
    await vera.sync()
    young = Device(client, young_person)
    await young.sync()

    people = on_call
    assert early == 0
    assert paged_before == [people["pim"].account_id]
    assert climbs == [1, 1, 1]
    assert [page.recipient_id for page in await pages(app)] == [
        people["pim"].account_id,
        people["bas"].account_id,
        people["sara"].account_id,
    ]
    results = await rows(app, "SELECT result FROM escalation_deadline ORDER BY due_at")
    assert [r["result"] for r in results] == ["climbed", "climbed", "unanswered"]
    assert stored["unanswered_at"] is not None and stored["state"] == "requested"
    thread = [m["body"] for m in vera.room_messages(stored["thread_room_id"])]
    assert any("Niemand van dienst heeft op tijd gereageerd" in body for body in thread)
    offered = young.room_messages(chat["room_id"])[-1]
    assert offered["notice"]["code"] == "nobody_answered"
    assert "113" in offered["body"]


async def test_an_acknowledgement_stops_the_climb(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    with clock.frozen() as frozen:
        asked = await opened(client, volunteer, chat, "advice")
        frozen.advance(timedelta(minutes=9))
        await acted(client, on_call["pim"], asked, "acknowledge")
        frozen.advance(timedelta(minutes=2))
        fired = await fire(app)

    assert fired == 1
    assert [page.recipient_id for page in await pages(app)] == [on_call["pim"].account_id]
    settled = await scalar(app, "SELECT result FROM escalation_deadline")
    assert settled == "settled"


async def test_each_kind_has_its_own_configurable_deadline(
    app_with: AppStarter,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    expected = {"urgent": 2, "join": 5, "advice": 10}
    with clock.frozen() as frozen:
        for kind, minutes in expected.items():
            asked = await opened(client, volunteer, chat, kind)
            due = datetime.fromisoformat(asked["acknowledge_by"])
            assert due == frozen.at + timedelta(minutes=minutes)
        async with (
            app_with(escalation={"advice_minutes": 0.5}) as quicker,
            client_for(quicker) as other,
        ):
            asked = await opened(other, volunteer, chat, "advice")
            due = datetime.fromisoformat(asked["acknowledge_by"])
            assert due == frozen.at + timedelta(seconds=30)


async def wait_for(condition: Any, timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not await condition():  # noqa: ASYNC110 - the worker offers no event to wait on
            await asyncio.sleep(0.02)


async def test_a_deadline_that_passed_while_no_instance_ran_fires_once_when_one_starts(
    app: FastAPI,
    app_with: AppStarter,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    with clock.frozen() as frozen:
        await opened(client, volunteer, chat, "urgent")  # this instance runs no worker
        frozen.advance(timedelta(minutes=5))

        async with app_with(escalation={"worker": True, "worker_poll_seconds": 0.02}) as started:

            async def climbed() -> bool:
                return len(await pages(started)) == 1

            await wait_for(climbed)
            await asyncio.sleep(0.2)  # a few more rounds of the worker: nothing more happens
            paged = await pages(started)

    assert [page.recipient_id for page in paged] == [on_call["bas"].account_id]
    done = await rows(app, "SELECT result FROM escalation_deadline ORDER BY due_at")
    assert [d["result"] for d in done] == ["climbed", None]


async def test_with_two_instances_each_deadline_fires_exactly_once(
    app: FastAPI,
    app_with: AppStarter,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    """On PostgreSQL the two workers race for the same rows (``SKIP LOCKED``); on SQLite
    they take turns at the single writer."""
    count = 30
    with clock.frozen() as frozen:
        for _ in range(count):
            body = {"id": str(uuid.uuid4()), "kind": "consult", "summary": "Overleg"}
            opened_now = await client.post("/escalations", json=body, headers=volunteer.headers)
            assert opened_now.status_code == 201
        frozen.advance(timedelta(minutes=11))
        fast = {"worker": True, "worker_poll_seconds": 0.01}
        async with app_with(escalation=fast) as one, app_with(escalation=fast) as two:

            async def all_fired() -> bool:
                left = await scalar(
                    app,
                    "SELECT count(*) FROM escalation_deadline WHERE done_at IS NULL "
                    "AND result IS NULL AND due_at <= :now",
                    now=frozen.at,
                )
                return int(left) == 0

            await wait_for(all_fired, timeout=30)
            await asyncio.sleep(0.2)
            by_one, by_two = await pages(one), await pages(two)

    climbs = by_one + by_two
    assert len(climbs) == count
    assert {page.recipient_id for page in climbs} == {on_call["bas"].account_id}
    per_escalation = await rows(
        app, "SELECT escalation_id, count(*) AS n FROM escalation_page GROUP BY escalation_id"
    )
    assert len(per_escalation) == count
    assert {row["n"] for row in per_escalation} == {2}  # Pim at first, Bas once after
    fired = await rows(
        app, "SELECT count(*) AS n FROM escalation_deadline WHERE result = 'climbed'"
    )
    assert fired == [{"n": count}]
