"""zonnebloem erases her account. She chooses what happens to what she wrote in the
community; her chat with Vera goes, unless an escalation still needs it; every device learns
of it through sync; and afterwards nothing in the database says she was ever here."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from app.all_models import metadata
from tests.actors import Person
from tests.devices import Device
from tests.escalation.conftest import acted, opened
from tests.escalation.test_who_sees_what import consented
from tests.privacy.conftest import chat_room, erase, said
from tests.stored import rows, scalar


async def test_deleting_my_community_messages_leaves_tombstones_on_everyone_s_devices(
    client: AsyncClient, young_person: Person, other_young_person: Person, thuis: str
) -> None:
    mine = await said(Device(client, young_person), thuis, "Vanavond was zwaar thuis.")
    merel = Device(client, other_young_person)
    await merel.sync()
    assert mine in merel.messages

    erased = await erase(client, young_person, "delete")

    assert erased.status_code == 200, erased.text
    assert erased.json()["community_messages_deleted"] == 1
    await merel.sync()
    assert mine not in merel.messages
    assert merel.tombstones[mine] == "deleted"


async def test_keeping_my_community_messages_shows_them_as_a_former_member_s(
    client: AsyncClient, young_person: Person, other_young_person: Person, thuis: str
) -> None:
    mine = await said(Device(client, young_person), thuis, "Wat hielp bij mij: wandelen.")
    merel = Device(client, other_young_person)
    await merel.sync()
    assert merel.messages[mine]["author"] == {"kind": "member", "name": young_person.handle}

    erased = await erase(client, young_person, "keep")

    assert erased.json()["community_messages_kept"] == 1
    await merel.sync()
    assert merel.messages[mine]["body"] == "Wat hielp bij mij: wandelen."
    assert merel.messages[mine]["author"] == {"kind": "former_member", "name": None}
    fresh = Device(client, other_young_person)  # a new phone sees the same
    await fresh.sync()
    assert fresh.messages[mine]["author"]["kind"] == "former_member"


async def test_my_chat_is_erased_from_the_volunteer_s_devices_too(
    client: AsyncClient, app: FastAPI, young_person: Person, volunteer: Person, chat: dict[str, Any]
) -> None:
    room = chat_room(chat)
    mine = await said(Device(client, young_person), room, "Ik durf het thuis niet te zeggen.")
    vera = Device(client, volunteer)
    reply = await said(vera, room, "Fijn dat je het hier zegt.")
    await vera.sync()
    assert {mine, reply} <= set(vera.messages)

    erased = await erase(client, young_person, "delete")

    assert erased.json()["chats_erased"] == 1
    await vera.sync()
    assert not vera.room_messages(room)
    assert {mine, reply} <= set(vera.tombstones)
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 0
    assert await scalar(app, "SELECT count(*) FROM message WHERE body IS NOT NULL") == 0


async def test_a_wrong_passphrase_erases_nothing(
    client: AsyncClient, app: FastAPI, young_person: Person, thuis: str, chat: dict[str, Any]
) -> None:
    await said(Device(client, young_person), thuis, "Nog even hier.")

    refused = await erase(client, young_person, "delete", passphrase="dit is niet mijn wachtzin")

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "identity.wrong_passphrase"
    assert (await client.get("/me", headers=young_person.headers)).status_code == 200
    assert await scalar(app, "SELECT count(*) FROM message WHERE deleted_at IS NOT NULL") == 0
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 1


async def test_a_choice_is_required_and_must_be_one_of_the_two(
    client: AsyncClient, young_person: Person
) -> None:
    for body in (
        {"passphrase": young_person.passphrase},
        {
            "passphrase": young_person.passphrase,
            "community_messages": "archive",
        },
    ):
        refused = await client.request("DELETE", "/me", json=body, headers=young_person.headers)
        assert refused.status_code == 422
        assert refused.json()["error"]["code"] == "request.invalid"
    assert (await client.get("/me", headers=young_person.headers)).status_code == 200


async def test_a_chat_an_open_escalation_needs_stays_until_it_closes(
    client: AsyncClient,
    app: FastAPI,
    young_person: Person,
    volunteer: Person,
    chat: dict[str, Any],
    on_call: dict[str, Person],
) -> None:
    pim, room = on_call["pim"], chat_room(chat)
    mine = await said(Device(client, young_person), room, "Ik weet niet meer hoe het verder moet.")
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, pim, asked, "acknowledge")
    vera = Device(client, volunteer)
    await vera.sync()

    erased = await erase(client, young_person, "delete")

    assert erased.json()["chats_held"] == 1
    assert (await client.get("/me", headers=young_person.headers)).status_code == 401
    await vera.sync()
    assert mine in vera.messages  # Pim and Vera still need it
    assert await scalar(app, "SELECT count(*) FROM chat_request WHERE requester_id IS NULL") == 1

    await acted(client, pim, asked, "resolve", outcome="advice_given")

    await vera.sync()
    assert mine in vera.tombstones
    assert await scalar(app, "SELECT count(*) FROM chat_request") == 0


async def test_nothing_of_an_erased_person_remains_in_any_table(
    client: AsyncClient,
    app: FastAPI,
    young_person: Person,
    other_young_person: Person,
    volunteer: Person,
    thuis: str,
    chat: dict[str, Any],
    on_call: dict[str, Person],
) -> None:
    """Everything she could leave behind: a community message (one that also opens a care
    task for the volunteers), a flag, a chat with a consent and a professional's reads, a
    second device, a notice; erased while the chat is held, then released."""
    pim, room = on_call["pim"], chat_room(chat)
    phone = Device(client, young_person)
    said_here = "Soms wil ik gewoon niet meer leven, zonnebloemzin-een."
    await said(phone, thuis, said_here)
    theirs = await said(Device(client, other_young_person), thuis, "Hoi allemaal!")
    flagged = await client.post(
        "/moderation/flags",
        json={"message_id": theirs, "reason": "hurtful"},
        headers=young_person.headers,
    )
    about_her = await client.post(
        "/moderation/flags",
        json={"room_id": thuis, "member": young_person.handle, "reason": "hurtful"},
        headers=other_young_person.headers,
    )
    assert (flagged.status_code, about_her.status_code) == (202, 202), flagged.text
    await said(phone, room, "In de chat: zonnebloemzin-twee.")
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    await consented(client, young_person, chat, asked, pim)
    await acted(client, pim, asked, "join")
    await client.get(f"/rooms/{room}/messages", headers=pim.headers)
    await phone.sync()
    assert await scalar(app, "SELECT count(*) FROM care_task") >= 1  # she is someone's task
    assert await scalar(app, "SELECT count(*) FROM chat_consent") == 1

    assert (await erase(client, young_person, "delete")).json()["chats_held"] == 1
    await acted(client, pim, asked, "resolve", outcome="joined")

    traces = {
        str(young_person.account_id),
        young_person.account_id.hex,
        young_person.handle,
        "zonnebloemzin",
        "niet meer leven",
    }
    found = []
    for table in metadata.sorted_tables:
        for row in await rows(app, f"SELECT * FROM {table.name}"):
            for column, value in row.items():
                text = str(value)
                found += [(table.name, column, t) for t in traces if t in text]
    assert found == []
    # what she did stays as an unnamed record: the consent and the reads, kept for the audit
    assert await scalar(app, "SELECT count(*) FROM chat_consent WHERE request_id IS NULL") == 1
    assert await scalar(app, "SELECT count(*) FROM conversation_read") >= 1
