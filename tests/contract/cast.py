"""One cast for the contract tests: every kind of person the service knows, and an evening
around them (rooms, a centre with a shift, a chat, an escalation), built through the API.

The authorisation matrix and the schemathesis run both act as these people, so a role means
the same thing in both.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from app import clock
from tests.actors import People, Person, open_location, open_room
from tests.chat.conftest import asked_and_taken, on_shift
from tests.devices import Device
from tests.escalation.conftest import opened, put_on_call

ANONYMOUS = "anonymous"
MEMBER = "member"
OTHER_MEMBER = "member_of_another_room"
VOLUNTEER_OFF = "volunteer_off_shift"
VOLUNTEER_ON = "volunteer_on_shift"
PROFESSIONAL = "professional_without_escalation"
PROFESSIONAL_ON = "professional_with_escalation"
PSYCHIATRIST = "psychiatrist"
MODERATOR_OTHER = "moderator_of_another_room"
COORDINATOR = "coordinator"
ADMIN = "admin"

ROLES = (
    ANONYMOUS,
    MEMBER,
    OTHER_MEMBER,
    VOLUNTEER_OFF,
    VOLUNTEER_ON,
    PROFESSIONAL,
    PROFESSIONAL_ON,
    PSYCHIATRIST,
    MODERATOR_OTHER,
    COORDINATOR,
    ADMIN,
)


@dataclass
class Cast:
    """The people (``None`` for the anonymous visitor) and the ids of what they share.

    ``member`` is in ``room``, has written ``message`` there, and has the ``chat`` that the
    volunteer on shift took; the professional with escalation acknowledged ``escalation``
    about it. ``other_room`` is where the other member is and the other moderator moderates
    (and where ``action`` warned the other member, who appealed it: ``appeal``).
    """

    client: httpx.AsyncClient
    app: FastAPI
    people: People
    persons: dict[str, Person | None]
    ids: dict[str, str] = field(default_factory=dict)

    def person(self, role: str) -> Person | None:
        return self.persons[role]

    def headers(self, role: str) -> dict[str, str]:
        person = self.persons[role]
        return person.headers if person is not None else {}

    async def fresh_device(self, role: str) -> Person | None:
        """The same person logged in once more: a token a test may spend (log out, say)
        without taking the cast's own away."""
        person = self.persons[role]
        if person is None:
            return None
        again = await self.people.login(person.handle, person.passphrase)
        again.roles = person.roles
        return again


async def build_cast(client: httpx.AsyncClient, app: FastAPI) -> Cast:
    people = People(client, app)
    admin = await people.first_admin()
    coordinator = await people.staff("coordinator", invited_by=admin, display_name="Coco")
    member = await people.member("zonnebloem", age_band="18-25")
    other_member = await people.member("nachtuil", age_band="18-25")
    moderator = await people.member("lotte", age_band="18-25")

    def staff(role: str, name: str) -> Any:
        return people.staff(role, invited_by=coordinator, display_name=name)

    volunteer_off = await staff("volunteer", "Vera")
    volunteer_on = await staff("volunteer", "Noor")
    professional = await staff("professional", "Bas")
    professional_on = await staff("professional", "Pim")
    psychiatrist = await staff("psychiatrist", "Dr. Sara")
    cast = Cast(
        client,
        app,
        people,
        {
            ANONYMOUS: None,
            MEMBER: member,
            OTHER_MEMBER: other_member,
            VOLUNTEER_OFF: volunteer_off,
            VOLUNTEER_ON: volunteer_on,
            PROFESSIONAL: professional,
            PROFESSIONAL_ON: professional_on,
            PSYCHIATRIST: psychiatrist,
            MODERATOR_OTHER: moderator,
            COORDINATOR: coordinator,
            ADMIN: admin,
        },
    )
    await _rooms(cast, coordinator, member, other_member, moderator, professional)
    await _evening(cast, coordinator, member, volunteer_on, professional_on, psychiatrist)
    invite = await client.post(
        "/staff/invites", json={"role": "volunteer"}, headers=coordinator.headers
    )
    assert invite.status_code == 201, invite.text
    cast.ids["invite"] = invite.json()["invite"]["id"]
    cast.ids["professional"] = str(professional.account_id)
    cast.ids["volunteer_on"] = str(volunteer_on.account_id)
    cast.ids["member_handle"] = member.handle
    cast.ids["nobody"] = str(uuid.uuid4())  # an id nothing has
    return cast


async def _ok(response: Any) -> dict[str, Any]:
    answered: httpx.Response = await response
    assert answered.is_success, answered.text
    body: dict[str, Any] = answered.json() if answered.content else {}
    return body


async def _rooms(
    cast: Cast,
    coordinator: Person,
    member: Person,
    other_member: Person,
    moderator: Person,
    visitor: Person,
) -> None:
    client = cast.client
    cast.ids["room"] = await open_room(client, coordinator, "Gewoon kletsen", member)
    other = await open_room(client, coordinator, "Na school", other_member, moderator)
    cast.ids["other_room"] = other
    await _ok(
        client.post(
            f"/moderation/rooms/{other}/moderators",
            json={"member": moderator.handle},
            headers=coordinator.headers,
        )
    )
    device = Device(client, member)
    cast.ids["message"] = device.send(cast.ids["room"], "Hoi allemaal, hoe gaat het?")
    [sent] = await device.push()
    assert sent["status"] == "applied", sent
    action = await _ok(
        client.post(
            f"/moderation/rooms/{other}/actions",
            json={
                "action": "warn",
                "member": other_member.handle,
                "rule": "personal_details",
                "reason": "Rustig",
            },
            headers=moderator.headers,
        )
    )
    cast.ids["action"] = action["id"]
    appeal = await _ok(
        client.post(
            f"/moderation/actions/{action['id']}/appeal",
            json={"statement": "Ik was gewoon eerlijk."},
            headers=other_member.headers,
        )
    )
    cast.ids["appeal"] = appeal["id"]
    now = clock.now()
    visit = await _ok(
        client.post(
            f"/moderation/rooms/{other}/visits",
            json={
                "staff": visitor.handle,
                "starts_at": (now - timedelta(minutes=5)).isoformat(),
                "ends_at": (now + timedelta(hours=2)).isoformat(),
                "purpose": "Vragenavond",
            },
            headers=moderator.headers,
        )
    )
    cast.ids["visit"] = visit["id"]


async def _evening(
    cast: Cast,
    coordinator: Person,
    member: Person,
    volunteer: Person,
    professional: Person,
    psychiatrist: Person,
) -> None:
    client = cast.client
    location = await open_location(client, coordinator, "Chat 24/7", "online", always_open=True)
    centre = str(location["id"])
    cast.ids["location"] = centre
    now = clock.now()
    closure = await _ok(
        client.post(
            f"/locations/{centre}/closures",
            json={
                "starts_at": (now + timedelta(days=30)).isoformat(),
                "ends_at": (now + timedelta(days=31)).isoformat(),
                "reason": "Training",
            },
            headers=coordinator.headers,
        )
    )
    cast.ids["closure"] = closure["id"]
    cast.ids["shift"] = await on_shift(client, coordinator, centre, [volunteer])
    await put_on_call(client, coordinator, professional, "professional", centre)
    await put_on_call(client, coordinator, psychiatrist, "psychiatrist", None)
    slots = await _ok(
        client.get("/oncall/now", params={"location_id": centre}, headers=coordinator.headers)
    )
    cast.ids["slot"] = slots["professional"][0]["id"]
    chat = await asked_and_taken(client, member, volunteer, centre)
    cast.ids["chat"] = chat["id"]
    cast.ids["chat_room"] = chat["room_id"]
    await worry(cast)
    cast.ids["care_task"] = await care_task(cast)
    cast.ids["escalation"] = await escalation(cast)


async def worry(cast: Cast) -> None:
    """The member writes something worrying in their room: a care task for the volunteers."""
    device = Device(cast.client, cast.persons[MEMBER])  # type: ignore[arg-type]
    device.send(cast.ids["room"], "Ik wil niet meer leven, ik zie het niet meer zitten.")
    [sent] = await device.push()
    assert sent["status"] == "applied", sent


async def care_task(cast: Cast) -> str:
    """The newest open care task the volunteer on shift sees."""
    tasks = await _ok(cast.client.get("/care/tasks", headers=cast.headers(VOLUNTEER_ON)))
    newest: dict[str, Any] = max(tasks, key=lambda task: task["created_at"])
    return str(newest["id"])


async def escalation(cast: Cast, *, acknowledged: bool = True) -> str:
    """The volunteer on shift asks advice about the chat; the professional on call picks it up
    (unless not ``acknowledged``)."""
    chat = {"id": cast.ids["chat"]}
    opened_ = await opened(cast.client, cast.persons[VOLUNTEER_ON], chat, "advice")  # type: ignore[arg-type]
    if acknowledged:
        await _ok(
            cast.client.post(
                f"/escalations/{opened_['id']}/acknowledge", headers=cast.headers(PROFESSIONAL_ON)
            )
        )
    return str(opened_["id"])
