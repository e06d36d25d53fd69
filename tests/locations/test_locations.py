"""Coordinators set up where young people can talk; anyone, even without an account, can see
whether chat is open now, until when, when it opens next, and where to turn meanwhile."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from httpx import AsyncClient

from app import clock
from tests.actors import Person, open_location

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEEKDAY_EVENINGS = [{"weekday": day, "opens": "19:00", "closes": "22:00"} for day in range(5)]


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=AMSTERDAM)  # type: ignore[misc]


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def _centre(client: AsyncClient, coordinator: Person, **extra: Any) -> dict[str, Any]:
    settings = {"hours": WEEKDAY_EVENINGS, **extra}
    return await open_location(client, coordinator, "@ease Utrecht", "centre", **settings)


async def test_anyone_sees_whether_chat_is_open_and_until_when(
    client: AsyncClient, coordinator: Person
) -> None:
    centre = await _centre(client, coordinator)

    with clock.frozen(local(2026, 12, 1, 20).astimezone(UTC)):
        open_now = (await client.get(f"/locations/{centre['id']}/status")).json()
    with clock.frozen(local(2026, 12, 5, 14).astimezone(UTC)):  # a Saturday
        weekend = (
            await client.get(f"/locations/{centre['id']}/status", headers={"accept-language": "en"})
        ).json()

    assert open_now["open"] is True
    assert moment(open_now["until"]) == local(2026, 12, 1, 22)
    assert "113" in open_now["crisis_line"] and "Zelfmoordpreventie" in open_now["crisis_line"]
    assert weekend["open"] is False
    assert moment(weekend["next_opens"]) == local(2026, 12, 7, 19)
    assert "Suicide Prevention" in weekend["crisis_line"]


async def test_a_holiday_closure_moves_the_next_opening(
    client: AsyncClient, coordinator: Person
) -> None:
    centre = await _centre(client, coordinator)
    christmas = {
        "starts_at": local(2026, 12, 24, 0).isoformat(),
        "ends_at": local(2026, 12, 27, 0).isoformat(),
        "reason": "Kerst",
    }
    with clock.frozen(local(2026, 12, 20, 12).astimezone(UTC)):
        added = await client.post(
            f"/locations/{centre['id']}/closures", json=christmas, headers=coordinator.headers
        )
        listed = (await client.get(f"/locations/{centre['id']}")).json()
    with clock.frozen(local(2026, 12, 24, 20).astimezone(UTC)):
        status = (await client.get(f"/locations/{centre['id']}/status")).json()

    assert added.status_code == 201
    assert [closure["reason"] for closure in listed["closures"]] == ["Kerst"]
    assert status["open"] is False
    assert moment(status["next_opens"]) == local(2026, 12, 28, 19)


async def test_a_service_open_all_hours_and_new_weekly_hours(
    client: AsyncClient, coordinator: Person
) -> None:
    centre = await _centre(client, coordinator)
    location = f"/locations/{centre['id']}"

    weekends = await client.put(
        f"{location}/hours",
        json={"hours": [{"weekday": 5, "opens": "12:00", "closes": None}]},
        headers=coordinator.headers,
    )
    always = await client.patch(location, json={"always_open": True}, headers=coordinator.headers)
    with clock.frozen(local(2026, 12, 2, 4).astimezone(UTC)):
        status = (await client.get(f"{location}/status")).json()

    assert weekends.json()["hours"] == [{"weekday": 5, "opens": "12:00:00", "closes": None}]
    assert always.json()["always_open"] is True
    assert status == {**status, "open": True, "until": None}


async def test_only_coordinators_set_up_locations(
    client: AsyncClient, young_person: Person, volunteer: Person
) -> None:
    body = {"name": "Eigen plek", "kind": "online"}
    for person in (young_person, volunteer):
        response = await client.post("/locations", json=body, headers=person.headers)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "auth.role_required"


async def test_bad_hours_and_unknown_places_are_refused_clearly(
    client: AsyncClient, coordinator: Person
) -> None:
    backwards = {
        "name": "Achterstevoren",
        "kind": "centre",
        "hours": [{"weekday": 1, "opens": "22:00", "closes": "19:00"}],
    }
    nowhere = {"name": "Nergens", "kind": "online", "time_zone": "Europe/Atlantis"}

    refused = await client.post("/locations", json=backwards, headers=coordinator.headers)
    unknown_zone = await client.post("/locations", json=nowhere, headers=coordinator.headers)
    missing = await client.get("/locations/7f1d3c2e-0000-4000-8000-000000000000/status")

    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "request.invalid"
    assert unknown_zone.status_code == 422
    assert unknown_zone.json()["error"]["code"] == "locations.time_zone_unknown"
    assert "Europe/Atlantis" in unknown_zone.json()["error"]["message"]
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "locations.not_found"
