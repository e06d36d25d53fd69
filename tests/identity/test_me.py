"""My account: read it, change my passphrase, delete it."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import People, Person
from tests.stored import scalar

NEW_PASSPHRASE = "groene giraf op de fiets"


async def test_changing_my_passphrase_logs_out_my_other_devices_but_not_this_one(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    laptop = await people.login(young_person.handle, device_label="laptop")

    response = await client.post(
        "/me/passphrase",
        json={"current_passphrase": young_person.passphrase, "new_passphrase": NEW_PASSPHRASE},
        headers=laptop.headers,
    )

    assert response.status_code == 204
    assert (await client.get("/me", headers=laptop.headers)).status_code == 200
    assert (await client.get("/me", headers=young_person.headers)).status_code == 401
    await people.login(young_person.handle, NEW_PASSPHRASE)


async def test_changing_my_passphrase_needs_the_current_one(
    client: AsyncClient, young_person: Person
) -> None:
    response = await client.post(
        "/me/passphrase",
        json={"current_passphrase": "dit is hem echt niet", "new_passphrase": NEW_PASSPHRASE},
        headers=young_person.headers,
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "identity.wrong_passphrase"


async def test_deleting_my_account_erases_it_and_every_session(
    client: AsyncClient, app: FastAPI, people: People, young_person: Person
) -> None:
    await people.login(young_person.handle, device_label="laptop")

    refused = await client.request(
        "DELETE",
        "/me",
        json={"passphrase": "niet mijn wachtzin hoor", "community_messages": "delete"},
        headers=young_person.headers,
    )
    assert refused.status_code == 403
    response = await client.request(
        "DELETE",
        "/me",
        json={"passphrase": young_person.passphrase, "community_messages": "delete"},
        headers=young_person.headers,
    )

    assert response.status_code == 200
    assert (await client.get("/me", headers=young_person.headers)).status_code == 401
    for table in ("account", "device_session", "login_throttle"):
        assert await scalar(app, f"SELECT count(*) FROM {table}") == 0, table
    relogin = await client.post(
        "/auth/login", json={"handle": young_person.handle, "passphrase": young_person.passphrase}
    )
    assert relogin.status_code == 401
