"""What the matrix's rows send: fresh targets for the roles that succeed, and bodies.

A ``prepare`` makes something new for one call and returns the ids it made (they replace the
cast's for that call); a body function builds the JSON for one role.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from app import clock
from tests.actors import DEFAULT_PASSPHRASE, open_room
from tests.contract.cast import (
    ADMIN,
    ANONYMOUS,
    COORDINATOR,
    MEMBER,
    MODERATOR_OTHER,
    PROFESSIONAL,
    PSYCHIATRIST,
    Cast,
    care_task,
    escalation,
    worry,
)

Ids = Mapping[str, str]


def new_handle(prefix: str) -> str:
    """A new handle (letters only: six digits in a handle are refused)."""
    return prefix + "-" + "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:10])


def hours_from_now(hours: float) -> str:
    return (clock.now() + timedelta(hours=hours)).isoformat()


# --- fresh targets, one per role that succeeds ---------------------------------------------


async def fresh_member(cast: Cast, role: str) -> dict[str, str]:
    person = await cast.people.member()
    assert person.recovery_code is not None
    return {"handle": person.handle, "recovery_code": person.recovery_code}


async def fresh_invite(cast: Cast, role: str) -> dict[str, str]:
    code = await cast.people.invite_code("volunteer", invited_by=someone(cast, COORDINATOR))
    invites = await cast.client.get("/staff/invites", headers=cast.headers(COORDINATOR))
    newest = max(invites.json(), key=lambda invite: invite["created_at"])
    return {"invite_code": code, "invite": newest["id"]}


async def role_invite(cast: Cast, role: str) -> dict[str, str]:
    """An invite for a role this person does not hold yet."""
    wanted = "volunteer" if role == PSYCHIATRIST else "psychiatrist"
    return {"invite_code": await cast.people.invite_code(wanted, invited_by=someone(cast, ADMIN))}


async def own_other_session(cast: Cast, role: str) -> dict[str, str]:
    device = await cast.fresh_device(role)
    assert device is not None
    sessions = await cast.client.get("/me/sessions", headers=device.headers)
    current = [s for s in sessions.json() if s.get("current")]
    return {"nobody": current[0]["id"]}


async def fresh_room(cast: Cast, role: str) -> dict[str, str]:
    room = await open_room(cast.client, someone(cast, COORDINATOR), "Iets nieuws")
    return {"room": room}


async def fresh_closure(cast: Cast, role: str) -> dict[str, str]:
    response = await cast.client.post(
        f"/locations/{cast.ids['location']}/closures",
        json={"starts_at": hours_from_now(24 * 40), "ends_at": hours_from_now(24 * 41)},
        headers=cast.headers(COORDINATOR),
    )
    assert response.status_code == 201, response.text
    return {"closure": response.json()["id"]}


async def fresh_slot(cast: Cast, role: str) -> dict[str, str]:
    response = await cast.client.post(
        "/oncall",
        json=slot_body(cast.ids, cast, role),
        headers=cast.headers(COORDINATOR),
    )
    assert response.status_code == 201, response.text
    return {"slot": response.json()["id"]}


async def joined_room(cast: Cast, role: str) -> dict[str, str]:
    room = await open_room(
        cast.client, someone(cast, COORDINATOR), "Iets nieuws", someone(cast, role)
    )
    return {"room": room}


async def room_with_member(cast: Cast, role: str) -> dict[str, str]:
    room = await open_room(
        cast.client, someone(cast, COORDINATOR), "Iets nieuws", someone(cast, MEMBER)
    )
    return {"room": room}


async def fresh_visit(cast: Cast, role: str) -> dict[str, str]:
    response = await cast.client.post(
        f"/moderation/rooms/{cast.ids['other_room']}/visits",
        json=visit(cast.ids, cast, role),
        headers=cast.headers(MODERATOR_OTHER),
    )
    assert response.status_code == 201, response.text
    return {"visit": response.json()["id"]}


async def fresh_care_task(cast: Cast, role: str) -> dict[str, str]:
    await worry(cast)
    return {"care_task": await care_task(cast)}


async def fresh_escalation(cast: Cast, role: str) -> dict[str, str]:
    """A new escalation about the chat, acknowledged by the professional on call."""
    return {"escalation": await escalation(cast)}


async def waiting_escalation(cast: Cast, role: str) -> dict[str, str]:
    return {"escalation": await escalation(cast, acknowledged=False)}


def someone(cast: Cast, role: str) -> Any:
    person = cast.person(role)
    assert person is not None
    return person


# --- bodies ---------------------------------------------------------------------------------


def about_message(**fields: Any) -> Any:
    """A body about the member's message in their room."""
    return lambda ids, cast, role: {"message_id": ids["message"], **fields}


def register(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    handle = new_handle("nieuw")
    return {"handle": handle, "passphrase": DEFAULT_PASSPHRASE, "age_band": "18-25"}


def login(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    person = someone(cast, MEMBER if role == ANONYMOUS else role)
    return {"handle": person.handle, "passphrase": person.passphrase}


def recover(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {
        "handle": ids.get("handle", "niemand-hier"),
        "recovery_code": ids.get("recovery_code", "0000-0000-0000-0000"),
        "new_passphrase": "een heel ander geheim zinnetje",
    }


def staff_join(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {
        "invite_code": ids.get("invite_code", "niet-echt"),
        "handle": new_handle("staf"),
        "passphrase": DEFAULT_PASSPHRASE,
        "display_name": "Nieuwe collega",
    }


def slot_body(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {
        "tier": "professional",
        "account_id": ids["professional"],
        "location_id": ids["location"],
        "starts_at": hours_from_now(24 * 3),
        "ends_at": hours_from_now(24 * 3 + 4),
    }


def shift_body(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {
        "location_id": ids["location"],
        "starts_at": hours_from_now(24 * 5),
        "ends_at": hours_from_now(24 * 5 + 3),
        "seats": 2,
        "age_bands": ["12-17", "18-25"],
    }


def chat_request(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "location_id": ids["location"], "first_message": "Hoi"}


def escalation_body(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "advice",
        "summary": "Ik wil graag even overleggen.",
        "request_id": ids["chat"],
    }


def visit(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    return {
        "staff": someone(cast, PROFESSIONAL).handle,
        "starts_at": hours_from_now(1),
        "ends_at": hours_from_now(2),
        "purpose": "Vragenavond",
    }


def new_passphrase(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    """The person's next passphrase; the cast remembers it, for the rows after this one."""
    person = cast.person(role)
    current = person.passphrase if person else DEFAULT_PASSPHRASE
    if person is not None:
        person.passphrase = current + "!"
    return {"current_passphrase": current, "new_passphrase": current + "!"}


def erasure(ids: Ids, cast: Cast, role: str) -> dict[str, Any]:
    """Erasing oneself: the passphrase once more, and what happens to one's community words."""
    person = cast.person(role)
    return {
        "passphrase": person.passphrase if person else DEFAULT_PASSPHRASE,
        "community_messages": "delete",
    }
