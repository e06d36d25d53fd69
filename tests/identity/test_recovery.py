"""A young person lost their phone and their passphrase, but wrote down the recovery code."""

from __future__ import annotations

from httpx import AsyncClient

from tests.actors import People, Person

NEW_PASSPHRASE = "groene giraf op de fiets"


async def recover(client: AsyncClient, handle: str, code: str, device_label: str | None = None):
    body = {"handle": handle, "recovery_code": code, "new_passphrase": NEW_PASSPHRASE}
    if device_label:
        body["device_label"] = device_label
    return await client.post("/auth/recover", json=body)


async def test_the_recovery_code_sets_a_new_passphrase_on_a_new_device(
    client: AsyncClient, people: People, young_person: Person
) -> None:
    assert young_person.recovery_code
    typed_sloppily = young_person.recovery_code.lower().replace("-", " ")

    response = await recover(client, young_person.handle, typed_sloppily, "nieuwe telefoon")

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["session"]["device_label"] == "nieuwe telefoon"
    assert body["recovery_code"] != young_person.recovery_code
    # the new passphrase works, the old one does not
    await people.login(young_person.handle, NEW_PASSPHRASE)
    old = await client.post(
        "/auth/login", json={"handle": young_person.handle, "passphrase": young_person.passphrase}
    )
    assert old.status_code == 401
    # whoever has the old phone is logged out
    assert (await client.get("/me", headers=young_person.headers)).status_code == 401


async def test_a_recovery_code_works_once(client: AsyncClient, young_person: Person) -> None:
    assert young_person.recovery_code
    first = await recover(client, young_person.handle, young_person.recovery_code)
    again = await recover(client, young_person.handle, young_person.recovery_code)

    assert first.status_code == 200
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "identity.invalid_recovery_code"
    # the code handed out the first time does work
    assert (
        await recover(client, young_person.handle, first.json()["recovery_code"])
    ).status_code == 200


async def test_a_wrong_code_and_an_unknown_handle_look_the_same(
    client: AsyncClient, young_person: Person
) -> None:
    wrong_code = await recover(client, young_person.handle, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    unknown = await recover(client, "niemand-hier", "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")

    assert wrong_code.status_code == unknown.status_code == 401
    assert wrong_code.json() == unknown.json()


async def test_recovery_still_checks_the_new_passphrase_and_keeps_the_code_when_refused(
    client: AsyncClient, young_person: Person
) -> None:
    assert young_person.recovery_code
    weak = await client.post(
        "/auth/recover",
        json={
            "handle": young_person.handle,
            "recovery_code": young_person.recovery_code,
            "new_passphrase": "wachtwoord123",
        },
    )

    assert weak.status_code == 422
    assert weak.json()["error"]["code"] == "identity.passphrase_too_common"
    assert (
        await recover(client, young_person.handle, young_person.recovery_code)
    ).status_code == 200
