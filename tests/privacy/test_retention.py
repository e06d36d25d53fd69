"""The service keeps nothing longer than it needs: a chat goes 90 days after it ended, a staff
thread 90 days after its escalation, tombstones once no device can need them, and the records
of who read or joined a chat after two years. Nothing goes while an escalation needs it."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from app.privacy.retention import RULES, RetentionSweeper
from tests.actors import Person
from tests.chat.conftest import asked_and_taken
from tests.devices import Device
from tests.escalation.conftest import acted, opened
from tests.privacy.conftest import chat_room, said, sweep
from tests.stored import scalar

README = Path(__file__).resolve().parents[2] / "README.md"
DAY = timedelta(days=1)


async def _end(client: AsyncClient, volunteer: Person, chat: dict[str, Any]) -> None:
    ended = await client.post(f"/chat/requests/{chat['id']}/end", headers=volunteer.headers)
    assert ended.status_code == 204, ended.text


async def test_a_chat_goes_ninety_days_after_it_ended_and_not_a_day_sooner(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    young_person: Person,
    volunteer: Person,
    chat: dict[str, Any],
) -> None:
    room = chat_room(chat)
    mine = await said(Device(client, young_person), room, "Dank je, dit hielp.")
    await _end(client, volunteer, chat)
    vera = Device(client, volunteer)
    await vera.sync()

    now.advance(89 * DAY)
    assert (await sweep(app))["chats"] == 0
    await vera.sync()
    assert mine in vera.messages

    now.advance(2 * DAY)
    assert (await sweep(app))["chats"] == 1
    await vera.sync()
    assert mine in vera.tombstones
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 0
    mine_now = await client.get(f"/chat/requests/{chat['id']}", headers=young_person.headers)
    assert mine_now.status_code == 404


async def test_an_open_escalation_keeps_a_chat_past_its_time(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    volunteer: Person,
    chat: dict[str, Any],
    on_call: dict[str, Person],
) -> None:
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, on_call["pim"], asked, "acknowledge")
    await _end(client, volunteer, chat)
    now.advance(120 * DAY)

    assert (await sweep(app))["chats"] == 0
    await acted(client, on_call["pim"], asked, "resolve", outcome="advice_given")
    assert (await sweep(app))["chats"] == 1


async def test_a_staff_thread_goes_ninety_days_after_its_escalation_ended(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    volunteer: Person,
    chat: dict[str, Any],
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, pim, asked, "acknowledge")
    thread = asked["thread_room_id"]
    await said(Device(client, pim), thread, "Vraag of ze vanavond iemand kan bellen.")
    await acted(client, pim, asked, "resolve", outcome="advice_given")
    live = "SELECT count(*) FROM message WHERE room_id = :room AND body IS NOT NULL"
    room_key = await scalar(app, "SELECT id FROM room WHERE kind = 'staff'")

    now.advance(89 * DAY)
    await sweep(app)
    assert await scalar(app, live, room=room_key) > 0
    now.advance(2 * DAY)
    assert (await sweep(app))["staff_threads"] == 1
    assert await scalar(app, live, room=room_key) == 0
    assert await scalar(app, "SELECT count(*) FROM escalation") == 1  # the record stays


async def test_tombstones_go_after_the_sync_horizon_and_a_phone_away_longer_starts_afresh(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    young_person: Person,
    other_young_person: Person,
    thuis: str,
) -> None:
    phone = Device(client, young_person)
    gone = await said(phone, thuis, "Oeps, verkeerde kamer.")
    stays = await said(phone, thuis, "Hallo!")
    away, here = Device(client, other_young_person), Device(client, other_young_person)
    await away.sync()  # then this phone goes in a drawer
    await here.sync()
    phone.delete(gone)
    await phone.push()
    await here.sync()
    assert here.tombstones == {gone: "deleted"}

    now.advance(29 * DAY)
    assert (await sweep(app))["tombstones"] == 0
    now.advance(2 * DAY)
    assert (await sweep(app))["tombstones"] >= 1

    assert await scalar(app, "SELECT count(*) FROM message") == 1
    caught_up = await here.sync()
    assert caught_up["reset"] is False
    back = await away.sync()
    assert back["reset"] is True
    assert set(away.messages) == {stays}


async def test_who_read_a_chat_is_kept_two_years_after_the_chat_itself_is_gone(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    young_person: Person,
    volunteer: Person,
    chat: dict[str, Any],
    on_call: dict[str, Person],
) -> None:
    from tests.escalation.test_who_sees_what import consented

    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    await consented(client, young_person, chat, asked, pim)
    await acted(client, pim, asked, "join")
    await acted(client, pim, asked, "resolve", outcome="joined")
    await _end(client, volunteer, chat)

    now.advance(91 * DAY)
    await sweep(app)
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 0
    records = (
        "SELECT (SELECT count(*) FROM conversation_read) + (SELECT count(*) FROM chat_consent)"
        " + (SELECT count(*) FROM chat_access) + (SELECT count(*) FROM escalation)"
    )
    assert await scalar(app, records) >= 4

    now.advance(730 * DAY)
    await sweep(app)
    assert await scalar(app, records) == 0
    assert await scalar(app, "SELECT count(*) FROM room WHERE kind != 'community'") == 0


async def test_a_backlog_clears_in_one_run_in_batches(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    young_person: Person,
    thuis: str,
) -> None:
    phone = Device(client, young_person)
    for n in range(7):
        phone.delete(await said(phone, thuis, f"bericht {n}"))
    await phone.push()
    now.advance(31 * DAY)
    app.state.retention._settings = app.state.settings.privacy.model_copy(update={"sweep_batch": 2})

    assert (await sweep(app))["tombstones"] == 7 + 14  # and the outbox receipts of 14 ops
    assert await scalar(app, "SELECT count(*) FROM message") == 0
    assert await scalar(app, "SELECT count(*) FROM client_operation") == 0


def test_the_readme_lists_every_retention_rule_with_its_setting() -> None:
    section = README.read_text().split("### What we keep, and for how long", 1)[1]
    table = section.split("\n\n", 2)[1]
    named = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE))
    assert named == {rule.name for rule in RULES}


@pytest.mark.postgres_only
async def test_two_instances_sweeping_at_once_erase_each_chat_once(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    young_person: Person,
    volunteer: Person,
    chat: dict[str, Any],
    centre: str,
) -> None:
    await _end(client, volunteer, chat)
    for _ in range(5):
        await _end(
            client, volunteer, await asked_and_taken(client, young_person, volunteer, centre)
        )
    now.advance(91 * DAY)
    other = RetentionSweeper(app.state.sessionmaker, app.state.settings.privacy, None)

    both = await asyncio.gather(sweep(app), other.step())

    assert sum(done["chats"] for done in both) == 6
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 0


async def test_an_operation_resent_after_the_horizon_is_never_applied_twice(
    client: AsyncClient,
    app: FastAPI,
    now: clock.FrozenClock,
    young_person: Person,
    thuis: str,
) -> None:
    phone = Device(client, young_person)
    phone.send(thuis, "Eindelijk bereik.")
    sent = list(phone.outbox)
    assert [r["status"] for r in await phone.push()] == ["applied"]
    now.advance(31 * DAY)
    await sweep(app)  # the receipt, holding what was sent, goes with the horizon

    [again] = await phone.push(sent)  # a stale copy that was still in some queue

    assert again["status"] == "rejected"
    assert again["error"]["code"] == "sync.out_of_order"
    assert await scalar(app, "SELECT count(*) FROM message") == 1
