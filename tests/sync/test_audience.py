"""Who receives which change is decided once per event type (``app.sync.events``); the SQL of
``GET /sync`` and the live hub must agree on it for every person, or a private chat could leak.
This builds rooms of every kind, with people coming and going, and compares both paths."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient

from app.db import commit
from app.notices.service import notify
from app.rooms.models import Room, RoomAgeBand, RoomKind
from app.rooms.service import add_member, joined_room_ids
from app.sync.feed import changes_between
from app.sync.positions import current_head, mark_changed
from tests.actors import People, Person, open_room
from tests.devices import Device


async def private_room(app: FastAPI, kind: RoomKind, *people: Person) -> str:
    async with app.state.sessionmaker() as session:
        room = Room(kind=kind, name=f"{kind.value} room", age_band=RoomAgeBand.all)
        session.add(room)
        mark_changed(session, room)
        await session.flush()
        for person in people:
            await add_member(session, room, person.account_id)
        await commit(session, None)
        return str(room.id)


async def test_sync_and_the_hub_send_each_person_exactly_the_same_changes(
    app: FastAPI,
    client: AsyncClient,
    people: People,
    coordinator: Person,
    young_person: Person,
    other_young_person: Person,
    volunteer: Person,
    professional: Person,
    room: str,
) -> None:
    outsider = await people.member("buitenstaander")
    async with app.state.sessionmaker() as session:
        start = (await current_head(session)).position
    chat = await private_room(app, RoomKind.chat, young_person, volunteer)
    staff_thread = await private_room(app, RoomKind.staff, volunteer, professional)
    second = await open_room(
        client, coordinator, "Tweede", young_person, other_young_person, theme="loss"
    )
    mine, theirs = Device(client, young_person), Device(client, other_young_person)
    helper = Device(client, volunteer)
    kept = mine.send(room, "in de ruimte")
    gone = mine.send(room, "weg ermee")
    mine.send(chat, "in het gesprek")
    mine.send(second, "in de tweede")
    await mine.push()
    helper.send(chat, "ik ben er")
    helper.send(staff_thread, "overleg")
    await helper.push()
    mine.edit(kept, 1, "in de ruimte (aangepast)")
    mine.delete(gone)
    mine.read(room, kept)
    theirs.read(second, theirs.send(second, "ook hier"))
    theirs.send(room, "bel me: 0612345678")  # held for its author (contact details)
    await mine.push()
    await theirs.push()
    await client.post(f"/rooms/{second}/leave", headers=young_person.headers)
    await client.patch(f"/rooms/{room}", json={"rules": "Lief zijn."}, headers=coordinator.headers)
    async with app.state.sessionmaker() as session:
        notify(session, young_person.account_id, "moderation.warning", room_id=room)
        await commit(session, None)

    seen: dict[str, list[dict]] = {}
    async with app.state.sessionmaker() as session:
        head = (await current_head(session)).position
        everything = await changes_between(
            session, after=start, upto=head, viewer=None, limit=10_000
        )
        for person in (
            young_person,
            other_young_person,
            volunteer,
            professional,
            outsider,
            coordinator,
        ):
            rooms = await joined_room_ids(session, person.account_id)
            by_sql = await changes_between(
                session, after=start, upto=head, viewer=person.account_id, limit=10_000
            )
            by_hub = [
                c for c in everything.changes if c.audience.includes(person.account_id, rooms)
            ]
            assert [c.event.model_dump_json() for c in by_sql.changes] == [
                c.event.model_dump_json() for c in by_hub
            ], person.handle
            seen[person.handle] = [c.event.model_dump(mode="json") for c in by_sql.changes]

    def bodies(handle: str) -> set[str]:
        return {e["message"]["body"] for e in seen[handle] if e["type"] == "message"}

    # The rules, spelled out:
    assert seen[outsider.handle] == []
    assert seen[coordinator.handle] == []  # managers guard rooms; they do not read them
    assert bodies(volunteer.handle) == {"in het gesprek", "ik ben er", "overleg"}
    assert bodies(professional.handle) == {"overleg"}  # not the young person's chat
    assert "in het gesprek" not in bodies(other_young_person.handle)
    assert bodies(young_person.handle) >= {
        "in de ruimte (aangepast)",
        "in het gesprek",
        "ik ben er",
    }
    assert "overleg" not in bodies(young_person.handle)
    assert "bel me: 0612345678" in bodies(other_young_person.handle)  # the author's own copy
    assert "bel me: 0612345678" not in bodies(young_person.handle)  # nobody else's
    notices = {h: [e for e in seen[h] if e["type"] == "notice"] for h in seen}
    assert [n["notice"]["code"] for n in notices[young_person.handle]] == ["moderation.warning"]
    assert all(not found for h, found in notices.items() if h != young_person.handle)
    # reading is private; who comes and goes in a community room is nobody's business
    assert room not in {
        e["room_id"] for e in seen[other_young_person.handle] if e["type"] == "read_marker"
    }
    assert [e for e in seen[other_young_person.handle] if e["type"] == "member"] == []
    assert {e["room_id"] for e in seen[volunteer.handle] if e["type"] == "member"} == {
        chat,
        staff_thread,
    }
    own = [
        (e["room"]["id"], e["state"])
        for e in seen[young_person.handle]
        if e["type"] == "membership"
    ]
    assert (second, "left") in own
