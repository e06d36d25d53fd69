"""Appeals: the member an action concerns appeals once; another moderator decides; the
outcome is logged, and an overturned action is undone."""

from __future__ import annotations

import uuid

import httpx

from tests.actors import Person
from tests.devices import Device
from tests.moderation.conftest import Community


async def _hide(community: Community, body: str) -> tuple[str, str]:
    message, _ = await community.post(community.writer, body)
    hidden = await community.act(
        community.moderator,
        action="hide",
        message_id=message,
        rule="1",
        reason="Dit kwam hard aan bij anderen.",
    )
    assert hidden.status_code == 201, hidden.text
    return message, hidden.json()["id"]


async def _appeal(community: Community, person: Person, action_id: str) -> httpx.Response:
    return await community.client.post(
        f"/moderation/actions/{action_id}/appeal",
        json={"statement": "Het was een grapje tussen vrienden."},
        headers=person.headers,
    )


async def test_an_appeal_is_decided_by_another_moderator_and_undoes_the_action(
    community: Community,
) -> None:
    message, action = await _hide(community, "haha jij bent echt een sukkel")
    appealed = await _appeal(community, community.writer, action)
    assert appealed.status_code == 201, appealed.text
    appeal = appealed.json()
    [listed] = (
        await community.client.get(
            f"/moderation/rooms/{community.room}/appeals", headers=community.moderator.headers
        )
    ).json()
    assert listed["may_decide"] is False  # lotte hid it

    same = await community.client.post(
        f"/moderation/appeals/{appeal['id']}/decision",
        json={"outcome": "overturned", "reason": "Toch maar niet."},
        headers=community.moderator.headers,
    )
    assert same.status_code == 403
    assert same.json()["error"]["code"] == "moderation.same_moderator"

    community.tick()
    decided = await community.client.post(
        f"/moderation/appeals/{appeal['id']}/decision",
        json={"outcome": "overturned", "reason": "Tussen vrienden, geen kwaad bedoeld."},
        headers=community.second_moderator.headers,
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["outcome"] == "overturned"
    reader_phone = Device(community.client, community.readers[0])
    await reader_phone.sync()
    assert message in reader_phone.messages
    entry = (await community.log(community.readers[0]))[0]
    assert entry["action"] == "appeal_overturned"
    assert entry["refers_to"] == action
    assert entry["by"] == {"kind": "moderator", "name": "sam"}
    writer_phone = Device(community.client, community.writer)
    await writer_phone.sync()
    assert writer_phone.notices[-1]["code"] == "moderation.appeal_decided"
    again = await community.client.post(
        f"/moderation/appeals/{appeal['id']}/decision",
        json={"outcome": "upheld", "reason": "Toch wel."},
        headers=community.second_moderator.headers,
    )
    assert again.json()["error"]["code"] == "moderation.appeal_decided"


async def test_an_action_is_appealed_once_and_only_by_the_member_it_concerns(
    community: Community,
) -> None:
    _, action = await _hide(community, "wat een stomme regel")
    by_other = await _appeal(community, community.readers[0], action)
    assert by_other.status_code == 404
    unknown = await _appeal(community, community.writer, str(uuid.uuid4()))
    assert unknown.json() == by_other.json()
    first = await _appeal(community, community.writer, action)
    assert first.status_code == 201
    second = await _appeal(community, community.writer, action)
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "moderation.appeal_exists"


async def test_a_removed_member_appeals_from_outside_and_is_let_back_in(
    community: Community,
) -> None:
    removed = await community.act(
        community.moderator, action="remove", member="schrijver", rule="2", reason="Reclame."
    )
    appealed = await _appeal(community, community.writer, removed.json()["id"])
    assert appealed.status_code == 201
    upheld = await community.client.post(
        f"/moderation/appeals/{appealed.json()['id']}/decision",
        json={"outcome": "overturned", "reason": "Het was geen reclame maar een tip."},
        headers=community.second_moderator.headers,
    )
    assert upheld.status_code == 200, upheld.text
    phone = Device(community.client, community.writer)
    phone.send(community.room, "dank je, ik let beter op")
    [sent] = await phone.push()
    assert sent["status"] == "applied"


async def test_staff_never_decide_appeals(community: Community, coordinator: Person) -> None:
    _, action = await _hide(community, "dit is een test")
    appealed = await _appeal(community, community.writer, action)
    decided = await community.client.post(
        f"/moderation/appeals/{appealed.json()['id']}/decision",
        json={"outcome": "overturned", "reason": "Ik vind het wel prima."},
        headers=coordinator.headers,
    )
    assert decided.status_code == 403
    assert decided.json()["error"]["code"] == "moderation.free_space"
