"""Every device has its own session; people see their devices and can log any of them out."""

from __future__ import annotations

from datetime import timedelta

from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from tests.actors import People, Person
from tests.stored import rows


async def test_each_device_gets_its_own_token_and_shows_in_my_devices(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    laptop = await people.login(young_person.handle, device_label="laptop")

    response = await client.get("/me/sessions", headers=laptop.headers)

    assert response.status_code == 200
    devices = response.json()
    assert len(devices) == 2
    assert laptop.token != young_person.token
    current = [device for device in devices if device["current"]]
    assert [device["device_label"] for device in current] == ["laptop"]


async def test_logging_out_stops_the_token_at_once(
    client: AsyncClient, young_person: Person
) -> None:
    assert (await client.post("/auth/logout", headers=young_person.headers)).status_code == 204

    response = await client.get("/me", headers=young_person.headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth.session_invalid"
    assert response.headers["www-authenticate"] == "Bearer"


async def test_a_lost_phone_can_be_logged_out_from_another_device(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    laptop = await people.login(young_person.handle, device_label="laptop")
    phone_id = next(
        device["id"]
        for device in (await client.get("/me/sessions", headers=laptop.headers)).json()
        if not device["current"]
    )

    response = await client.delete(f"/me/sessions/{phone_id}", headers=laptop.headers)

    assert response.status_code == 204
    assert (await client.get("/me", headers=young_person.headers)).status_code == 401
    assert (await client.get("/me", headers=laptop.headers)).status_code == 200


async def test_nobody_can_log_out_someone_elses_device(
    client: AsyncClient, young_person: Person, other_young_person: Person
) -> None:
    their_session = (await client.get("/me/sessions", headers=other_young_person.headers)).json()[
        0
    ]["id"]

    response = await client.delete(f"/me/sessions/{their_session}", headers=young_person.headers)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "identity.session_not_found"
    assert (await client.get("/me", headers=other_young_person.headers)).status_code == 200


async def test_log_out_everywhere(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    laptop = await people.login(young_person.handle, device_label="laptop")

    assert (await client.delete("/me/sessions", headers=laptop.headers)).status_code == 204

    assert (await client.get("/me", headers=laptop.headers)).status_code == 401
    assert (await client.get("/me", headers=young_person.headers)).status_code == 401


async def test_tokens_are_never_accepted_in_a_url(
    client: AsyncClient, young_person: Person
) -> None:
    for parameter in ("access_token", "token"):
        response = await client.get(f"/me?{parameter}={young_person.token}")
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "auth.token_in_url"
    # not even alongside a proper header
    response = await client.get("/me?access_token=x", headers=young_person.headers)
    assert response.json()["error"]["code"] == "auth.token_in_url"


async def test_no_token_or_a_made_up_token(client: AsyncClient) -> None:
    missing = await client.get("/me")
    made_up = await client.get("/me", headers={"Authorization": "Bearer vr_made-up"})

    assert missing.status_code == made_up.status_code == 401
    assert missing.json()["error"]["code"] == "auth.required"
    assert made_up.json()["error"]["code"] == "auth.session_invalid"


async def test_a_session_slides_while_used_and_expires_when_idle(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    with clock.frozen(clock.now()) as frozen:
        phone = await people.login(young_person.handle)
        for _ in range(3):  # used every 20 days: stays alive well past the 30-day idle limit
            frozen.advance(timedelta(days=20))
            assert (await client.get("/me", headers=phone.headers)).status_code == 200

        frozen.advance(timedelta(days=30, seconds=1))
        response = await client.get("/me", headers=phone.headers)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth.session_invalid"


async def test_a_session_ends_after_its_maximum_age_however_active(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    with clock.frozen(clock.now()) as frozen:
        phone = await people.login(young_person.handle)
        for _ in range(364 // 14):
            frozen.advance(timedelta(days=14))
            assert (await client.get("/me", headers=phone.headers)).status_code == 200
        frozen.advance(timedelta(days=14))
        assert (await client.get("/me", headers=phone.headers)).status_code == 401


async def test_the_token_is_stored_only_as_a_digest(app: FastAPI, young_person: Person) -> None:
    stored = await rows(app, "SELECT * FROM device_session")
    assert young_person.token not in repr(stored)
