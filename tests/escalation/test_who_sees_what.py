"""Who may see what on the escalation path. Professionals read a young person's messages only
inside an escalation they hold, with consent or a recorded override; psychiatrists see only
the summary unless brought in the same way; nobody else sees an escalation at all. Each rule
with the attempts that must fail."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import People, Person, open_location
from tests.devices import Device
from tests.escalation.conftest import act, acted, opened, put_on_call


async def consented(
    client: AsyncClient,
    young_person: Person,
    chat: dict[str, Any],
    escalation: dict[str, Any],
    holder: Person,
) -> None:
    held = (await client.get(f"/escalations/{escalation['id']}", headers=holder.headers)).json()
    consent_id = held["consents"][-1]["id"]
    said = await client.post(
        f"/chat/requests/{chat['id']}/consents/{consent_id}",
        json={"answer": "yes"},
        headers=young_person.headers,
    )
    assert said.status_code == 200, said.text


async def test_only_the_volunteer_and_the_people_on_call_for_it_see_an_escalation(
    client: AsyncClient,
    people: People,
    coordinator: Person,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    asked = await opened(client, volunteer, chat, "advice")
    elsewhere = await open_location(client, coordinator, "Elders", "online", always_open=True)
    ellen = await people.staff("professional", invited_by=coordinator, display_name="Ellen")
    await put_on_call(client, coordinator, ellen, "professional", elsewhere["id"])
    colleague = await people.staff("volunteer", invited_by=coordinator, display_name="Noor")
    url = f"/escalations/{asked['id']}"

    seen_by = {
        name: await client.get(url, headers=person.headers)
        for name, person in {
            "bas (on call here)": on_call["bas"],
            "sara (backstop)": on_call["sara"],
            "ellen (on call elsewhere)": ellen,
            "noor (another volunteer)": colleague,
            "the coordinator": coordinator,
            "the young person": young_person,
        }.items()
    }

    assert {name: r.status_code for name, r in seen_by.items()} == {
        "bas (on call here)": 200,
        "sara (backstop)": 200,
        "ellen (on call elsewhere)": 404,
        "noor (another volunteer)": 404,
        "the coordinator": 404,
        "the young person": 404,
    }
    candidate = seen_by["bas (on call here)"].json()
    assert candidate["summary"] and candidate["age_band"] == "12-17"
    assert candidate["chat"] is None and candidate["thread_room_id"] is None
    assert candidate["consents"] == [] and candidate["transitions"] == []
    listed = await client.get("/escalations", headers=young_person.headers)
    assert listed.status_code == 403
    acknowledge = await act(client, ellen, asked, "acknowledge")
    assert acknowledge.status_code == 403
    assert acknowledge.json()["error"]["code"] == "escalation.not_on_call"

    async def listed_for(person: Person) -> list[str]:
        answer = await client.get("/escalations", headers=person.headers)
        return [escalation["id"] for escalation in answer.json()]

    assert await listed_for(on_call["bas"]) == [asked["id"]]
    assert await listed_for(on_call["sara"]) == [asked["id"]]
    assert await listed_for(volunteer) == [asked["id"]]
    assert await listed_for(ellen) == await listed_for(colleague) == []
    await acted(client, on_call["pim"], asked, "acknowledge")
    assert await listed_for(on_call["bas"]) == []  # taken: no longer Bas's to pick up
    assert await listed_for(on_call["pim"]) == [asked["id"]]


async def test_a_professional_reads_the_chat_only_while_holding_it_with_consent(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim, bas = on_call["pim"], on_call["bas"]
    asked = await opened(client, volunteer, chat, "join")
    history = f"/rooms/{chat['room_id']}/messages"
    before = await client.get(history, headers=pim.headers)
    await acted(client, pim, asked, "acknowledge")
    holding_without_yes = await client.get(history, headers=pim.headers)
    await consented(client, young_person, chat, asked, pim)
    not_the_holder = await act(client, volunteer, asked, "join")
    someone_else = await act(client, bas, asked, "join")
    await acted(client, pim, asked, "join")
    while_joined = await client.get(history, headers=pim.headers)
    await acted(client, pim, asked, "resolve", outcome="joined")
    after = await client.get(history, headers=pim.headers)
    synced = Device(client, pim)
    await synced.sync()

    assert [r.status_code for r in (before, holding_without_yes)] == [404, 404]
    assert not_the_holder.status_code == 403
    assert not_the_holder.json()["error"]["code"] == "escalation.not_holder"
    assert someone_else.status_code == 404  # once taken, it is not Bas's to see
    assert while_joined.status_code == 200
    assert after.status_code == 404
    # Membership ended: the room's history no longer comes with a first sync.
    assert all(m["room_id"] != chat["room_id"] for m in synced.messages.values())


async def test_the_backstop_sees_the_professionals_summary_never_the_handle_or_the_chat(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim, sara = on_call["pim"], on_call["sara"]
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    await consented(client, young_person, chat, asked, pim)
    await acted(client, pim, asked, "join")
    consult = await opened(
        client,
        pim,
        None,
        "consult",
        tier="psychiatrist",
        parent_id=asked["id"],
        summary="Jongere met plannen; ik twijfel over de crisisdienst.",
    )
    seen = await acted(client, sara, consult, "acknowledge")
    parent = await client.get(f"/escalations/{asked['id']}", headers=sara.headers)
    history = await client.get(f"/rooms/{chat['room_id']}/messages", headers=sara.headers)
    device = Device(client, sara)
    await device.sync()

    assert seen["summary"] == "Jongere met plannen; ik twijfel over de crisisdienst."
    assert seen["chat"] is None and seen["parent_id"] is None and seen["age_band"] is None
    assert parent.status_code == 404
    assert history.status_code == 404
    assert "zonnebloem" not in str(device.messages) + str(seen)


async def test_only_the_professional_holding_an_escalation_may_consult_about_it(
    client: AsyncClient, chat: dict[str, Any], volunteer: Person, on_call: dict[str, Person]
) -> None:
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, on_call["pim"], asked, "acknowledge")
    body = {
        "id": "7c1e0d1c-4f43-4c5e-9f8e-2d1a1c9b0e11",
        "kind": "consult",
        "summary": "Overleg",
        "tier": "psychiatrist",
        "parent_id": asked["id"],
    }
    by_bas = await client.post("/escalations", json=body, headers=on_call["bas"].headers)
    by_vera = await client.post("/escalations", json=body, headers=volunteer.headers)

    assert by_bas.status_code == 404
    assert by_vera.status_code == 404


async def test_only_the_young_person_answers_and_sees_who_read_their_chat(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    other_young_person: Person,
    on_call: dict[str, Person],
) -> None:
    asked = await opened(client, volunteer, chat, "join")
    held = (await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)).json()
    answer = f"/chat/requests/{chat['id']}/consents/{held['consents'][0]['id']}"

    by_someone_else = await client.post(
        answer, json={"answer": "yes"}, headers=other_young_person.headers
    )
    by_the_volunteer = await client.post(answer, json={"answer": "yes"}, headers=volunteer.headers)
    log_of_someone_else = await client.get(
        f"/chat/requests/{chat['id']}/access", headers=other_young_person.headers
    )
    review_by_volunteer = await client.get("/escalations/review", headers=volunteer.headers)

    assert by_someone_else.status_code == by_the_volunteer.status_code == 404
    assert by_someone_else.json()["error"]["code"] == "escalation.consent_not_found"
    assert log_of_someone_else.status_code == 404
    assert review_by_volunteer.status_code == 403
