"""zonnebloem downloads everything the service holds about her: her account, her rooms, what
she wrote, her chat with Vera (with who else read it, and why), and nothing about anyone
else."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.actors import Person
from tests.devices import Device
from tests.escalation.conftest import acted, opened
from tests.escalation.test_who_sees_what import consented
from tests.privacy.conftest import chat_room, said


async def test_my_export_holds_my_account_my_rooms_my_words_and_my_chat_with_its_audit(
    client: AsyncClient,
    young_person: Person,
    other_young_person: Person,
    volunteer: Person,
    thuis: str,
    chat: dict[str, Any],
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    phone = Device(client, young_person)
    await said(phone, thuis, "Mijn eigen woorden in Thuis.")
    await said(Device(client, other_young_person), thuis, "Woorden van merel.")
    await said(phone, chat_room(chat), "Mijn woorden in de chat.")
    await said(Device(client, volunteer), chat_room(chat), "Vera's antwoord.")
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    await consented(client, young_person, chat, asked, pim)
    await acted(client, pim, asked, "join")
    heavy = await client.post(
        f"/chat/requests/{chat['id']}/heavy", json={"debrief": True}, headers=volunteer.headers
    )
    assert heavy.status_code in (200, 204), heavy.text

    response = await client.get("/me/export", headers=young_person.headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].startswith("attachment")
    data = response.json()
    assert data["account"]["handle"] == young_person.handle
    assert {m["room_name"] for m in data["memberships"]} >= {"Thuis"}
    assert [m["body"] for m in data["messages"]] == ["Mijn eigen woorden in Thuis."]
    [mine] = data["chats"]
    bodies = [m["body"] for m in mine["messages"]]
    assert "Mijn woorden in de chat." in bodies and "Vera's antwoord." in bodies
    assert [c["answer"] for c in mine["consents"]] == ["yes"]
    assert [(a["role"], a["basis"]) for a in mine["access"]] == [("professional", "consent")]
    assert {r["reader_display_name"] for r in mine["read_by_staff"]} == {"Pim (GZ-psycholoog)"}
    assert "Woorden van merel." not in response.text
    assert other_young_person.handle not in response.text
    assert "heavy" not in mine and young_person.token not in response.text


async def test_an_export_needs_my_own_session(client: AsyncClient) -> None:
    response = await client.get("/me/export")
    assert response.status_code == 401


async def test_exports_are_limited_per_hour(
    client: AsyncClient, young_person: Person, app: Any
) -> None:
    per_hour = app.state.settings.privacy.exports_per_hour
    for _ in range(per_hour):
        assert (await client.get("/me/export", headers=young_person.headers)).status_code == 200

    refused = await client.get("/me/export", headers=young_person.headers)

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "request.rate_limited"
    assert int(refused.headers["retry-after"]) > 0
