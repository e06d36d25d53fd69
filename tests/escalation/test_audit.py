"""Every time staff read a chat that is not their own, it is written down, and the young
person can see it: who (role and display name), why (the escalation), when. Coordinators see
the same for their services, without a handle or a word of the chat."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from httpx import AsyncClient

from app import clock
from app.escalation import audit
from tests.actors import Person
from tests.devices import Device
from tests.escalation.conftest import acted, opened
from tests.escalation.test_who_sees_what import consented


async def test_the_young_person_sees_who_read_their_chat_and_when(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    coordinator: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    history = f"/rooms/{chat['room_id']}/messages"
    with clock.frozen() as frozen:
        asked = await opened(client, volunteer, chat, "join")
        await acted(client, pim, asked, "acknowledge")
        await consented(client, young_person, chat, asked, pim)
        await acted(client, pim, asked, "join")
        frozen.advance(timedelta(seconds=61))
        await client.get(history, headers=pim.headers)
        await client.get(history, headers=pim.headers)  # the same minute: the same entry
        frozen.advance(timedelta(seconds=61))
        await Device(client, pim).sync()
        frozen.advance(timedelta(seconds=61))
        await client.get(history, headers=volunteer.headers)  # Vera's own chat
        await Device(client, volunteer).sync()

        log = await client.get(f"/chat/requests/{chat['id']}/access", headers=young_person.headers)
        review = await client.get(
            "/escalations/review",
            params={"location_id": chat["location_id"]},
            headers=coordinator.headers,
        )

    reads = log.json()["reads"]
    assert [(r["role"], r["name"], r["how"]) for r in reads] == [
        ("professional", "Pim (GZ-psycholoog)", "joined"),
        ("professional", "Pim (GZ-psycholoog)", "history"),
        ("professional", "Pim (GZ-psycholoog)", "sync"),
    ]
    assert {r["escalation_id"] for r in reads} == {asked["id"]}
    brought_in = log.json()["brought_in"]
    assert [(g["name"], g["basis"], g["until"]) for g in brought_in] == [
        ("Pim (GZ-psycholoog)", "consent", None)
    ]
    assert review.status_code == 200
    assert [r["how"] for r in review.json()["reads"]] == ["sync", "history", "joined"]
    assert "zonnebloem" not in review.text


async def test_a_read_that_cannot_be_written_down_does_not_happen(
    client: AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    """The audit entry is committed before the messages go out: when it cannot be written,
    the request fails and the professional gets no chat."""
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    await consented(client, young_person, chat, asked, pim)
    await acted(client, pim, asked, "join")

    async def unavailable(*_: Any) -> None:
        raise ConnectionError("the audit log is unavailable")

    monkeypatch.setattr(audit, "note_reads", unavailable)
    refused = await client.get(f"/rooms/{chat['room_id']}/messages", headers=pim.headers)
    assert refused.status_code == 503
    assert refused.json()["error"]["code"] == "service.unavailable"
