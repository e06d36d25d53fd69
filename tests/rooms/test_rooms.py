"""Coordinators open themed rooms; young people find them, join the ones for their age, and
leave; nobody sees what they are not in."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from httpx import AsyncClient

from tests.actors import People, Person


async def open_room(client: AsyncClient, coordinator: Person, **fields: Any) -> dict[str, Any]:
    body = {
        "name": "Examenstress",
        "description": "Over toetsen en stress",
        "rules": "Wees lief.",
        "theme": "school_and_study",
        "age_band": "all",
        **fields,
    }
    response = await client.post("/rooms", json=body, headers=coordinator.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_coordinator_opens_a_room_around_a_life_theme(
    client: AsyncClient, coordinator: Person
) -> None:
    room = await open_room(client, coordinator, name="  Verhuizen  ", theme="living_on_your_own")

    assert room["kind"] == "community"
    assert room["name"] == "Verhuizen"
    assert room["theme"] == "living_on_your_own"
    assert room["archived"] is False


@pytest.mark.parametrize("theme", ["depression", "adhd", "anxiety_disorder", "eating_disorder"])
async def test_a_diagnosis_is_never_a_theme(
    client: AsyncClient, coordinator: Person, theme: str
) -> None:
    response = await client.post(
        "/rooms",
        json={"name": "Een ruimte", "theme": theme, "age_band": "all"},
        headers=coordinator.headers,
    )
    assert response.status_code == 422


async def test_only_coordinators_open_rooms(
    client: AsyncClient, young_person: Person, volunteer: Person
) -> None:
    for person in (young_person, volunteer):
        response = await client.post(
            "/rooms",
            json={"name": "Eigen ruimte", "theme": "friendship", "age_band": "all"},
            headers=person.headers,
        )
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "auth.role_required"


async def test_young_people_see_rooms_of_their_age_band_and_can_search(
    client: AsyncClient, coordinator: Person, young_person: Person, other_young_person: Person
) -> None:
    await open_room(client, coordinator, name="Brugklas", age_band="12-17")
    await open_room(
        client, coordinator, name="Op kamers", age_band="18-25", theme="living_on_your_own"
    )
    await open_room(
        client,
        coordinator,
        name="Geldzorgen",
        age_band="all",
        theme="money",
        description="rondkomen met je studiefinanciering",
    )

    teen = [r["name"] for r in (await client.get("/rooms", headers=young_person.headers)).json()]
    adult = [
        r["name"] for r in (await client.get("/rooms", headers=other_young_person.headers)).json()
    ]
    found = await client.get(
        "/rooms", params={"q": "studiefin"}, headers=other_young_person.headers
    )
    by_theme = await client.get("/rooms", params={"theme": "money"}, headers=young_person.headers)

    assert teen == ["Brugklas", "Geldzorgen"]
    assert adult == ["Geldzorgen", "Op kamers"]
    assert [r["name"] for r in found.json()] == ["Geldzorgen"]
    assert [r["name"] for r in by_theme.json()] == ["Geldzorgen"]


async def test_joining_checks_the_age_band(
    client: AsyncClient, coordinator: Person, young_person: Person
) -> None:
    adults_only = await open_room(client, coordinator, age_band="18-25")

    response = await client.post(f"/rooms/{adults_only['id']}/join", headers=young_person.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "rooms.age_band_mismatch"


async def test_join_and_leave_are_idempotent_and_counted(
    client: AsyncClient, coordinator: Person, young_person: Person
) -> None:
    room = await open_room(client, coordinator)
    for _ in range(2):
        assert (
            await client.post(f"/rooms/{room['id']}/join", headers=young_person.headers)
        ).status_code == 200
    listed = (await client.get("/rooms", headers=young_person.headers)).json()[0]
    assert listed["joined"] is True
    assert listed["member_count"] == 1

    for _ in range(2):
        assert (
            await client.post(f"/rooms/{room['id']}/leave", headers=young_person.headers)
        ).status_code == 200
    listed = (await client.get("/rooms", headers=young_person.headers)).json()[0]
    assert listed["joined"] is False
    assert listed["member_count"] == 0


async def test_staff_do_not_join_the_free_space(
    client: AsyncClient, coordinator: Person, volunteer: Person
) -> None:
    room = await open_room(client, coordinator)
    response = await client.post(f"/rooms/{room['id']}/join", headers=volunteer.headers)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "auth.members_only"


async def test_editing_and_archiving(
    client: AsyncClient, people: People, coordinator: Person, young_person: Person
) -> None:
    room = await open_room(client, coordinator)
    await client.post(f"/rooms/{room['id']}/join", headers=young_person.headers)

    edited = await client.patch(
        f"/rooms/{room['id']}",
        json={"rules": "Geen namen of nummers delen."},
        headers=coordinator.headers,
    )
    # null leaves a field as it is (found by schemathesis: it was a 500)
    nulls = await client.patch(
        f"/rooms/{room['id']}",
        json={"rules": None, "name": None, "description": None, "age_band": None},
        headers=coordinator.headers,
    )
    archived = await client.post(f"/rooms/{room['id']}/archive", headers=coordinator.headers)
    late = await people.member("laatkomer", age_band="18-25")
    join_late = await client.post(f"/rooms/{room['id']}/join", headers=late.headers)
    edit_archived = await client.patch(
        f"/rooms/{room['id']}", json={"name": "Nieuw"}, headers=coordinator.headers
    )

    assert edited.json()["rules"] == "Geen namen of nummers delen."
    assert nulls.status_code == 200, nulls.text
    assert nulls.json()["rules"] == "Geen namen of nummers delen."
    assert nulls.json()["name"] == room["name"]
    assert archived.json()["archived"] is True
    assert join_late.json()["error"]["code"] == "rooms.archived"
    assert edit_archived.json()["error"]["code"] == "rooms.archived"
    assert (await client.get("/rooms", headers=young_person.headers)).json() == []
    # a member still reads an archived room
    assert (
        await client.get(f"/rooms/{room['id']}", headers=young_person.headers)
    ).status_code == 200


async def test_an_unknown_room_and_a_room_out_of_reach_look_the_same(
    client: AsyncClient, coordinator: Person, young_person: Person
) -> None:
    adults_only = await open_room(client, coordinator, age_band="18-25")

    unknown = await client.get(f"/rooms/{uuid.uuid4()}", headers=young_person.headers)
    out_of_reach = await client.get(f"/rooms/{adults_only['id']}", headers=young_person.headers)
    history = await client.get(f"/rooms/{adults_only['id']}/messages", headers=young_person.headers)

    assert unknown.status_code == out_of_reach.status_code == history.status_code == 404
    assert unknown.json() == out_of_reach.json() == history.json()
