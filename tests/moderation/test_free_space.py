"""The free space stays peer-run: peers moderate (a coordinator appoints only the first
ones), staff post only on an invited visit and never moderate, and coordinators keep only
their guard role, in the public log."""

from __future__ import annotations

from datetime import timedelta

import httpx
from fastapi import FastAPI

from app import clock
from tests.actors import People, Person, open_room
from tests.devices import Device
from tests.moderation.conftest import Community, appoint


async def test_a_coordinator_appoints_the_first_moderators_and_then_only_they_appoint(
    client: httpx.AsyncClient, people: People, coordinator: Person
) -> None:
    ada, bo, cas = [await people.member(handle) for handle in ("ada", "bob", "cas")]
    room = await open_room(client, coordinator, "Verhuizen", ada, bo, cas)
    listed = await client.get(f"/moderation/rooms/{room}/moderators", headers=bo.headers)
    assert listed.json() == []
    by_peer = await appoint(client, bo, room, bo)
    assert by_peer.json()["error"]["code"] == "moderation.not_moderator"

    assert (await appoint(client, coordinator, room, ada)).status_code == 201
    again = await appoint(client, coordinator, room, bo)
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "moderation.moderators_exist"
    assert (await appoint(client, ada, room, bo)).status_code == 201
    listed = await client.get(f"/moderation/rooms/{room}/moderators", headers=cas.headers)
    assert [m["handle"] for m in listed.json()] == ["ada", "bob"]

    retired = await client.delete(f"/moderation/rooms/{room}/moderators/ada", headers=bo.headers)
    assert retired.status_code == 204
    log = (await client.get(f"/moderation/rooms/{room}/log", headers=cas.headers)).json()
    assert [(e["action"], e["member"], e["by"]["kind"]) for e in log] == [
        ("retire", "ada", "moderator"),
        ("appoint", "bob", "moderator"),
        ("appoint", "ada", "coordinators"),
    ]


async def test_only_members_of_the_room_become_its_moderators(
    client: httpx.AsyncClient, people: People, coordinator: Person, volunteer: Person
) -> None:
    ada, outsider = await people.member("ada"), await people.member("buiten")
    room = await open_room(client, coordinator, "Geld", ada)
    for candidate in (outsider, volunteer):
        refused = await appoint(client, coordinator, room, candidate)
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "moderation.not_a_member"


async def test_staff_do_not_post_or_moderate_in_community_rooms(
    community: Community, coordinator: Person, professional: Person, admin: Person
) -> None:
    for staff in (coordinator, professional, admin):
        joined = await community.client.post(f"/rooms/{community.room}/join", headers=staff.headers)
        assert joined.status_code == 403
        assert joined.json()["error"]["code"] == "auth.members_only"
        phone = Device(community.client, staff)
        phone.send(community.room, "hallo jongeren")
        [refused] = await phone.push()
        assert refused["error"]["code"] == "rooms.not_found"
        policy = await community.client.get(
            f"/moderation/rooms/{community.room}/policy", headers=staff.headers
        )
        assert policy.json()["error"]["code"] == "moderation.free_space"


async def test_the_moderators_invite_a_professional_for_an_evening_and_it_ends_on_time(
    community: Community, professional: Person, now: clock.FrozenClock, app: FastAPI
) -> None:
    starts = now.now() + timedelta(hours=1)
    invited = await community.client.post(
        f"/moderation/rooms/{community.room}/visits",
        json={
            "staff": professional.handle,
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=2)).isoformat(),
            "purpose": "Vragenavond over slapen",
        },
        headers=community.moderator.headers,
    )
    assert invited.status_code == 201, invited.text
    visit = invited.json()
    early = await community.client.post(
        f"/moderation/visits/{visit['id']}/enter", headers=professional.headers
    )
    assert early.json()["error"]["code"] == "moderation.visit_not_now"

    now.advance(timedelta(hours=1, minutes=1))
    entered = await community.client.post(
        f"/moderation/visits/{visit['id']}/enter", headers=professional.headers
    )
    assert entered.status_code == 200, entered.text
    phone = Device(community.client, professional)
    phone.send(community.room, "Welkom! Stel gerust je vragen over slaap.")
    [posted] = await phone.push()
    assert posted["status"] == "applied"
    assert posted["result"]["message"]["author"] == {"kind": "staff", "name": "Pim (GZ-psycholoog)"}
    moderating = await community.client.get(
        f"/moderation/rooms/{community.room}/queue", headers=professional.headers
    )
    assert moderating.json()["error"]["code"] == "moderation.free_space"

    now.advance(timedelta(hours=2))
    phone.send(community.room, "nog één ding")
    [late] = await phone.push()
    assert late["error"]["code"] == "rooms.visit_over"
    assert await app.state.visit_sweep.step() == 1  # every instance sweeps now and then
    await phone.sync()
    assert community.room not in phone.rooms  # nor does the visitor read along any more
    log = await community.log(community.readers[0])
    assert log[0]["action"] == "end_visit"
    log = log[1:]
    assert log[0]["action"] == "invite_visit"
    assert log[0]["member"] == "Pim (GZ-psycholoog)"


async def test_a_coordinator_archives_a_room_and_removes_what_is_illegal_in_the_log(
    community: Community, coordinator: Person
) -> None:
    message, _ = await community.post(community.writer, "iets wat echt niet mag")
    removal = await community.client.post(
        f"/moderation/rooms/{community.room}/illegal-content",
        json={"message_id": message, "reason": "Strafbaar beeldmateriaal gemeld."},
        headers=coordinator.headers,
    )
    assert removal.status_code == 201, removal.text
    by_peer = await community.client.post(
        f"/moderation/rooms/{community.room}/illegal-content",
        json={"message_id": message, "reason": "Ik vind het illegaal."},
        headers=community.moderator.headers,
    )
    assert by_peer.json()["error"]["code"] == "auth.role_required"
    community.tick()
    archived = await community.client.post(
        f"/rooms/{community.room}/archive", headers=coordinator.headers
    )
    assert archived.status_code == 200
    assert archived.json()["archived"] is True
    log = await community.log(community.readers[0])
    assert [(e["action"], e["by"]["kind"], e["rule"]) for e in log[:2]] == [
        ("archive", "coordinators", None),
        ("remove_illegal", "coordinators", "illegal"),
    ]
    reader = Device(community.client, community.readers[0])
    await reader.sync()
    assert message not in reader.messages
