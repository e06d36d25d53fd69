"""Editing and deleting one's own messages; reading moves a marker that never goes back."""

from __future__ import annotations

from httpx import AsyncClient

from tests.actors import Person
from tests.devices import Device


async def sent(phone: Device, room: str, body: str) -> dict:
    phone.send(room, body)
    [result] = await phone.push()
    return result["result"]["message"]


async def test_an_edit_carries_the_version_it_was_made_on(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    message = await sent(phone, room, "ik ben morgen jarig")

    phone.edit(message["id"], 1, "ik ben overmorgen jarig")
    [edited] = await phone.push()

    assert edited["status"] == "applied"
    assert edited["result"]["message"]["version"] == 2
    assert edited["result"]["message"]["body"] == "ik ben overmorgen jarig"
    assert edited["result"]["message"]["edited_at"] is not None
    assert edited["result"]["message"]["seq"] == message["seq"]  # its place does not move


async def test_a_stale_edit_gets_a_conflict_with_the_current_version(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone, laptop = Device(client, young_person), Device(client, young_person)
    message = await sent(phone, room, "versie een")
    laptop.edit(message["id"], 1, "versie twee, van de laptop")
    await laptop.push()

    phone.edit(message["id"], 1, "versie twee, van de telefoon")
    [conflict] = await phone.push()

    assert conflict["status"] == "rejected"
    assert conflict["error"]["code"] == "messages.edit_conflict"
    assert conflict["error"]["details"]["current_version"] == 2
    assert conflict["error"]["details"]["current"]["body"] == "versie twee, van de laptop"


async def test_delete_wins_over_edit(client: AsyncClient, young_person: Person, room: str) -> None:
    phone, laptop = Device(client, young_person), Device(client, young_person)
    message = await sent(phone, room, "toch maar niet")
    laptop.delete(message["id"])
    await laptop.push()

    phone.edit(message["id"], 1, "of toch wel")
    [late_edit] = await phone.push()
    laptop.delete(message["id"])
    [delete_again] = await laptop.push()

    assert late_edit["error"]["code"] == "messages.deleted"
    assert delete_again["status"] == "applied"
    assert delete_again["result"]["message"]["deleted"] is True
    assert delete_again["result"]["message"]["body"] is None


async def test_only_the_author_edits_or_deletes(
    client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    message = await sent(Device(client, young_person), room, "van mij")
    other = Device(client, other_young_person)
    other.edit(message["id"], 1, "nu van mij")
    other.delete(message["id"])

    results = await other.push()

    assert [r["error"]["code"] for r in results] == ["messages.not_author"] * 2


async def test_replies_stay_in_their_room(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    first = await sent(phone, room, "vraag")
    phone.send(room, "antwoord", reply_to=first["id"])
    phone.send(room, "antwoord op niets", reply_to="00000000-0000-4000-8000-000000000000")

    reply, dangling = await phone.push()
    assert reply["status"] == "applied", reply

    assert reply["result"]["message"]["reply_to"] == first["id"]
    assert dangling["error"]["code"] == "messages.reply_not_found"


async def test_the_read_marker_only_moves_forward_and_unread_is_shared_by_devices(
    client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    writer = Device(client, other_young_person)
    messages = [await sent(writer, room, f"nieuws {n}") for n in range(3)]
    phone, laptop = Device(client, young_person), Device(client, young_person)

    phone.read(room, messages[1]["id"])
    [forward] = await phone.push()
    laptop.read(room, messages[0]["id"])
    [backward] = await laptop.push()
    await phone.sync()
    await laptop.sync()

    assert forward["result"] == {"room_id": room, "up_to_seq": messages[1]["seq"], "unread": 1}
    assert backward["result"]["up_to_seq"] == messages[1]["seq"]
    assert phone.unread[room] == laptop.unread[room] == 1


async def test_archived_rooms_are_read_only(
    client: AsyncClient, coordinator: Person, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    await client.post(f"/rooms/{room}/archive", headers=coordinator.headers)
    phone.send(room, "hallo?")

    [result] = await phone.push()

    assert result["error"]["code"] == "rooms.archived"
