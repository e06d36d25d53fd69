"""Once a volunteer has the chat: a warm handover (the young person is told who took over),
no check-out with a chat left behind, an ending either side can choose, and a few anonymous
questions afterwards."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient

from tests.actors import People, Person
from tests.chat.conftest import asked_and_taken, on_shift
from tests.devices import Device
from tests.stored import rows


async def test_a_warm_handover_to_a_colleague_who_sees_the_history(
    client: AsyncClient, young_person: Person, checked_in: Person, colleague: Person, centre: str
) -> None:
    request = await asked_and_taken(client, young_person, checked_in, centre)
    phone = Device(client, young_person)
    await phone.sync()

    handed = await client.post(
        f"/chat/requests/{request['id']}/handover",
        json={"to": str(colleague.account_id)},
        headers=checked_in.headers,
    )
    seen_by_young_person = await phone.sync()
    seen_by_colleague = (await client.get("/sync", headers=colleague.headers)).json()
    former = await client.post(f"/chat/requests/{request['id']}/end", headers=checked_in.headers)

    assert handed.status_code == 204
    arrivals = [
        (c["member"]["name"], c["state"])
        for c in seen_by_young_person["changes"]
        if c["type"] == "member"
    ]
    assert arrivals[-2:] == [("Noor", "joined"), ("Vera", "left")]
    history = [c["message"]["body"] for c in seen_by_colleague["changes"] if c["type"] == "message"]
    assert history == ["Mag ik even praten?"]
    assert former.status_code == 404  # no longer theirs


async def test_handing_back_puts_the_chat_at_the_front_of_the_queue(
    client: AsyncClient, people: People, young_person: Person, checked_in: Person, centre: str
) -> None:
    request = await asked_and_taken(client, young_person, checked_in, centre)
    other = await people.member("later", age_band="12-17")
    await client.post(
        "/chat/requests",
        json={"id": str(uuid.uuid4()), "location_id": centre},
        headers=other.headers,
    )

    back = await client.post(
        f"/chat/requests/{request['id']}/handover", json={}, headers=checked_in.headers
    )
    queue = (await client.get("/chat/queue", headers=checked_in.headers)).json()
    mine = (
        await client.get(f"/chat/requests/{request['id']}", headers=young_person.headers)
    ).json()

    assert back.status_code == 204
    assert queue[0]["id"] == request["id"]
    assert (mine["state"], mine["position"]) == ("waiting", 1)


async def test_no_check_out_with_a_chat_left_behind(
    client: AsyncClient, coordinator: Person, young_person: Person, volunteer: Person, centre: str
) -> None:
    shift_id = await on_shift(client, coordinator, centre, [volunteer])
    request = await asked_and_taken(client, young_person, volunteer, centre)

    refused = await client.post(f"/shifts/{shift_id}/check-out", headers=volunteer.headers)
    await client.post(f"/chat/requests/{request['id']}/end", headers=volunteer.headers)
    allowed = await client.post(f"/shifts/{shift_id}/check-out", headers=volunteer.headers)

    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "chat.open_chats"
    assert refused.json()["error"]["details"]["requests"] == [request["id"]]
    assert allowed.status_code == 200


async def test_after_the_end_a_few_anonymous_questions_once(
    app: Any,
    client: AsyncClient,
    young_person: Person,
    checked_in: Person,
    professional: Person,
    centre: str,
) -> None:
    request = await asked_and_taken(client, young_person, checked_in, centre)
    survey = f"/chat/requests/{request['id']}/survey"
    answers = {"next_step": "gp", "felt_heard": 4}

    too_soon = await client.post(survey, json=answers, headers=young_person.headers)
    ended = await client.post(f"/chat/requests/{request['id']}/end", headers=young_person.headers)
    phone = Device(client, young_person)
    phone.send(request["room_id"], "nog één ding")
    after_the_end = await phone.push()
    answered = await client.post(survey, json=answers, headers=young_person.headers)
    twice = await client.post(survey, json=answers, headers=young_person.headers)
    heavy = await client.post(
        f"/chat/requests/{request['id']}/heavy", json={"debrief": True}, headers=checked_in.headers
    )
    waiting = (await client.get("/chat/debriefs", headers=professional.headers)).json()
    not_for_members = await client.get("/chat/debriefs", headers=young_person.headers)
    done = await client.post(
        f"/chat/requests/{request['id']}/debriefed", headers=professional.headers
    )
    after = (await client.get("/chat/debriefs", headers=professional.headers)).json()

    assert too_soon.json()["error"]["code"] == "chat.not_ended"
    assert ended.status_code == 204
    assert after_the_end[0]["error"]["code"] == "rooms.archived"
    assert answered.status_code == 204
    assert twice.json()["error"]["code"] == "chat.survey_answered"
    assert heavy.status_code == 204
    assert [(d["request_id"], d["volunteer"]) for d in waiting] == [(request["id"], "Vera")]
    assert "Mag ik" not in str(waiting)
    assert not_for_members.status_code == 403
    assert done.status_code == 204 and after == []
    outcomes = await rows(app, "SELECT * FROM chat_outcome")
    assert [(o["next_step"], o["felt_heard"]) for o in outcomes] == [("gp", 4)]
    assert set(outcomes[0]) == {"id", "location_id", "day", "next_step", "felt_heard"}
