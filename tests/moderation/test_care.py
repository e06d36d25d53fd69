"""Care first: risk in a post, or a member's worry, becomes a private task for the
volunteers on shift, who reach out with the offer of a chat and the crisis line. The post
is never hidden, and nobody is labelled."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi import FastAPI

from tests.actors import People, Person, open_location
from tests.chat.conftest import on_shift
from tests.devices import Device
from tests.moderation.conftest import Community


@pytest.fixture
async def on_duty(client: httpx.AsyncClient, coordinator: Person, volunteer: Person) -> Person:
    """Vera, checked in to an evening shift that serves both age bands."""
    service = await open_location(client, coordinator, "Chat 24/7", "online", always_open=True)
    await on_shift(client, coordinator, str(service["id"]), [volunteer])
    return volunteer


async def _tasks(client: httpx.AsyncClient, volunteer: Person) -> list[dict[str, object]]:
    response = await client.get("/care/tasks", headers=volunteer.headers)
    assert response.status_code == 200, response.text
    tasks: list[dict[str, object]] = response.json()
    return tasks


async def test_a_post_with_risk_reaches_the_volunteer_on_shift_and_stays_in_the_room(
    community: Community, on_duty: Person
) -> None:
    message, result = await community.post(community.writer, "ik wil er gewoon niet meer zijn")
    assert result["status"] == "applied"
    assert result["result"]["message"]["withheld"] is None
    reader = Device(community.client, community.readers[0])
    await reader.sync()
    assert message in reader.messages  # a signal never hides a message

    [task] = await _tasks(community.client, on_duty)
    assert task["source"] == "signal"
    assert task["room_name"] == "Na school"
    assert task["message"] == "ik wil er gewoon niet meer zijn"
    assert "schrijver" not in str(task)  # no handle: the volunteer reaches out through us
    assert not {"kind", "suicide", "self_harm"} & set(map(str, task.values()))


async def test_jokes_and_hyperbole_make_no_task(community: Community, on_duty: Person) -> None:
    await community.post(community.writer, "ik ga dood van de stress haha")
    await community.post(community.readers[0], "I'd die for pizza rn")
    assert await _tasks(community.client, on_duty) == []


async def test_more_cues_about_one_person_add_to_one_task(
    community: Community, on_duty: Person
) -> None:
    await community.post(community.writer, "niemand zou me missen")
    await community.flag(
        community.readers[0], room_id=community.room, member="schrijver", reason="worried"
    )
    [task] = await _tasks(community.client, on_duty)
    assert task["cues"] == 2


async def test_the_volunteer_reaches_out_privately_with_a_chat_and_the_crisis_line(
    community: Community, on_duty: Person, people: People, coordinator: Person
) -> None:
    colleague = await people.staff("volunteer", invited_by=coordinator, display_name="Noor")
    elsewhere = await open_location(
        community.client, coordinator, "Ook open", "online", always_open=True
    )
    await on_shift(community.client, coordinator, str(elsewhere["id"]), [colleague])
    await community.post(community.writer, "nobody would miss me tbh")
    [task] = await _tasks(community.client, on_duty)
    claimed = await community.client.post(
        f"/care/tasks/{task['id']}/claim", headers=on_duty.headers
    )
    assert claimed.json() == {"id": task["id"], "state": "claimed"}
    taken = await community.client.post(
        f"/care/tasks/{task['id']}/claim", headers=colleague.headers
    )
    assert taken.status_code == 409
    assert taken.json()["error"]["code"] == "moderation.care_task_taken"

    reached = await community.client.post(
        f"/care/tasks/{task['id']}/reach-out",
        json={"message": "Hoi, ik las je bericht. Wil je even praten?"},
        headers=on_duty.headers,
    )
    assert reached.json() == {"id": task["id"], "state": "done"}
    writer = Device(community.client, community.writer)
    await writer.sync()
    [notice] = writer.notices
    assert notice["code"] == "care.outreach"
    assert notice["details"]["volunteer"] == "Vera"
    assert notice["details"]["offers"] == ["chat", "crisis_line"]
    assert "113" in notice["details"]["crisis_line"]["nl"]
    reader = Device(community.client, community.readers[0])
    await reader.sync()
    assert reader.notices == []
    assert await _tasks(community.client, on_duty) == []


async def test_off_shift_there_are_no_tasks_to_see_or_take(
    community: Community, on_duty: Person, people: People, coordinator: Person
) -> None:
    off_duty = await people.staff("volunteer", invited_by=coordinator, display_name="Otto")
    await community.post(community.writer, "ik heb weer gekrast vannacht")
    [task] = await _tasks(community.client, on_duty)
    assert await _tasks(community.client, off_duty) == []
    claim = await community.client.post(f"/care/tasks/{task['id']}/claim", headers=off_duty.headers)
    assert claim.status_code == 404
    member = await community.client.get("/care/tasks", headers=community.readers[0].headers)
    assert member.status_code == 403


async def test_a_first_message_with_risk_raises_a_chat_request_in_the_queue(
    app: FastAPI,
    client: httpx.AsyncClient,
    coordinator: Person,
    people: People,
    volunteer: Person,
) -> None:
    service = await open_location(client, coordinator, "Chat", "online", always_open=True)
    await on_shift(client, coordinator, str(service["id"]), [volunteer])
    first, second = [await people.member(h) for h in ("eerste", "tweede")]
    for person, text in (
        (first, "hoi, ik heb een vraag over school"),
        (second, "ik heb mn pillen gespaard"),
    ):
        asked = await client.post(
            "/chat/requests",
            headers=person.headers,
            json={
                "id": str(uuid.uuid4()),
                "location_id": str(service["id"]),
                "first_message": text,
            },
        )
        assert asked.status_code in (200, 201), asked.text
    queue = (await client.get("/chat/queue", headers=volunteer.headers)).json()
    assert [item["urgent"] for item in queue] == [True, False]
