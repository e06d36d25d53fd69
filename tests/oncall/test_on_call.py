"""Someone is always behind the volunteer: a coordinator sets who is on call, and anyone on
staff can see who that is right now, a professional for the location and a psychiatrist as
backstop for every location."""

from __future__ import annotations

from datetime import timedelta

from httpx import AsyncClient

from app import clock
from tests.actors import Person, open_location


async def test_who_is_on_call_now(
    client: AsyncClient,
    coordinator: Person,
    volunteer: Person,
    professional: Person,
    psychiatrist: Person,
    young_person: Person,
) -> None:
    centre = await open_location(client, coordinator, "@ease Zwolle", "centre")
    now = clock.now()
    window = {
        "starts_at": (now - timedelta(hours=1)).isoformat(),
        "ends_at": (now + timedelta(hours=2)).isoformat(),
    }
    slots = [
        {
            "tier": "professional",
            "account_id": str(professional.account_id),
            "location_id": centre["id"],
            **window,
        },
        {"tier": "psychiatrist", "account_id": str(psychiatrist.account_id), **window},
    ]
    for slot in slots:
        added = await client.post("/oncall", json=slot, headers=coordinator.headers)
        assert added.status_code == 201, added.text

    seen = await client.get(
        "/oncall/now", params={"location_id": centre["id"]}, headers=volunteer.headers
    )
    by_a_member = await client.get(
        "/oncall/now", params={"location_id": centre["id"]}, headers=young_person.headers
    )

    on_call = seen.json()
    assert [s["name"] for s in on_call["professional"]] == ["Pim (GZ-psycholoog)"]
    assert [s["name"] for s in on_call["psychiatrist"]] == ["Dr. Sara"]
    assert on_call["psychiatrist"][0]["location_id"] is None  # the backstop covers every place
    assert by_a_member.status_code == 403


async def test_where_cover_is_required_no_shift_goes_out_without_a_professional(
    client: AsyncClient, coordinator: Person, professional: Person
) -> None:
    centre = await open_location(
        client, coordinator, "@ease Deventer", "centre", always_open=True, requires_cover=True
    )
    starts = clock.now() + timedelta(days=7)
    shift = {
        "location_id": centre["id"],
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=3)).isoformat(),
        "seats": 2,
        "age_bands": ["18-25"],
    }
    uncovered = await client.post("/shifts", json=shift, headers=coordinator.headers)
    slot = {
        "tier": "professional",
        "account_id": str(professional.account_id),
        "location_id": centre["id"],
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(),
    }
    await client.post("/oncall", json=slot, headers=coordinator.headers)
    partly = await client.post("/shifts", json=shift, headers=coordinator.headers)
    slot |= {"starts_at": slot["ends_at"], "ends_at": (starts + timedelta(hours=4)).isoformat()}
    await client.post("/oncall", json=slot, headers=coordinator.headers)
    covered = await client.post("/shifts", json=shift, headers=coordinator.headers)

    assert uncovered.status_code == 409
    assert uncovered.json()["error"]["code"] == "shifts.no_cover"
    assert (
        partly.json()["error"]["details"]["starts_at"] == (starts + timedelta(hours=2)).isoformat()
    )
    assert covered.status_code == 201
