"""A young person joins with a handle and a passphrase, and nothing that says who they are."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import DEFAULT_PASSPHRASE, People
from tests.stored import rows, scalar


async def register(
    client: AsyncClient,
    handle: str,
    passphrase: str = DEFAULT_PASSPHRASE,
    age_band: str = "12-17",
    **extra: object,
):
    return await client.post(
        "/auth/register",
        json={"handle": handle, "passphrase": passphrase, "age_band": age_band, **extra},
    )


async def test_a_young_person_joins_with_only_a_handle_passphrase_and_age_band(
    client: AsyncClient,
) -> None:
    response = await register(client, "Zonnebloem_22", device_label="telefoon")

    assert response.status_code == 201
    body = response.json()
    assert body["account"] == {
        "id": body["account"]["id"],
        "kind": "member",
        "handle": "Zonnebloem_22",
        "age_band": "12-17",
        "display_name": None,
        "roles": [],
        "created_at": body["account"]["created_at"],
    }
    assert body["token"].startswith("vr_") and len(body["token"]) >= 46
    assert body["session"]["device_label"] == "telefoon"
    assert body["session"]["current"] is True
    assert len(body["recovery_code"].replace("-", "")) == 24

    me = await client.get("/me", headers={"Authorization": f"Bearer {body['token']}"})
    assert me.status_code == 200
    assert me.json()["handle"] == "Zonnebloem_22"
    assert "recovery_code" not in me.json()


async def test_asking_for_an_email_or_birth_date_is_not_possible(client: AsyncClient) -> None:
    response = await register(client, "stille-vos", email="vos@example.org")

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "request.invalid"
    assert error["details"]["fields"][0]["field"] == "body.email"


@pytest.mark.parametrize(
    ("handle", "code"),
    [
        ("sanne@gmail.com", "identity.handle_looks_like_email"),
        ("sanne-hotmail", "identity.handle_looks_like_email"),
        ("sanne_at_live_dot_nl", "identity.handle_looks_like_email"),
        ("0612345678", "identity.handle_looks_like_phone"),
        ("06-1234-5678", "identity.handle_looks_like_phone"),
        ("+31 6 12345678", "identity.handle_looks_like_phone"),
        ("sanne123456", "identity.handle_too_many_digits"),
        ("s1a2n3n4e5x6", "identity.handle_too_many_digits"),
        ("ab", "identity.handle_invalid"),
        ("a" * 25, "identity.handle_invalid"),
        ("met spatie", "identity.handle_invalid"),
        ("zoë", "identity.handle_invalid"),
        ("Moderator", "identity.handle_reserved"),
        ("_admin_", "identity.handle_reserved"),
        ("113", "identity.handle_reserved"),
    ],
)
async def test_handles_that_could_identify_someone_are_refused_with_a_clear_code(
    client: AsyncClient, handle: str, code: str
) -> None:
    response = await register(client, handle)

    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == code


async def test_handles_are_unique_without_regard_to_case(client: AsyncClient) -> None:
    assert (await register(client, "Nachtuil")).status_code == 201

    response = await register(client, "NACHTUIL")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "identity.handle_taken"


@pytest.mark.parametrize(
    ("passphrase", "code"),
    [
        ("kort", "identity.passphrase_too_short"),
        ("x" * 257, "identity.passphrase_too_long"),
        ("password123", "identity.passphrase_too_common"),
        ("wachtwoord123", "identity.passphrase_too_common"),
        ("qwertyuiop", "identity.passphrase_too_common"),
        ("Voetbal2026!!", "identity.passphrase_too_common"),
        ("aaaaaaaaaaaa", "identity.passphrase_too_common"),
        ("ik ben kameleon echt", "identity.passphrase_contains_handle"),
    ],
)
async def test_weak_passphrases_are_refused(
    client: AsyncClient, passphrase: str, code: str
) -> None:
    response = await register(client, "kameleon", passphrase=passphrase)

    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == code


async def test_a_refused_registration_leaves_nothing_behind(
    client: AsyncClient, app: FastAPI
) -> None:
    await register(client, "kameleon", passphrase="kort")

    assert await scalar(app, "SELECT count(*) FROM account") == 0


async def test_secrets_are_stored_only_as_hashes_with_argon2id_at_owasp_strength(
    client: AsyncClient, app: FastAPI
) -> None:
    body = (await register(client, "kameleon")).json()

    [row] = await rows(app, "SELECT * FROM account")
    [device] = await rows(app, "SELECT * FROM device_session")
    stored = " ".join(str(value) for value in [*row.values(), *device.values()])
    assert DEFAULT_PASSPHRASE not in stored
    assert body["recovery_code"] not in stored
    assert body["recovery_code"].replace("-", "") not in stored
    assert body["token"] not in stored
    assert row["passphrase_hash"].startswith("$argon2id$v=19$m=19456,t=2,p=1$")


async def test_the_passphrase_is_rehashed_on_login_when_the_parameters_grow(
    client: AsyncClient, app: FastAPI, people: People
) -> None:
    from app.config import PasswordHashSettings
    from app.identity.passphrases import PassphraseHasher

    await register(client, "kameleon")
    stronger = PassphraseHasher(PasswordHashSettings(time_cost=3, memory_cost_kib=19_456))
    policy = app.state.identity_policy
    app.state.identity_policy = type(policy)(**{**policy.__dict__, "hasher": stronger})

    await people.login("kameleon")

    stored = await scalar(app, "SELECT passphrase_hash FROM account")
    assert stored.startswith("$argon2id$v=19$m=19456,t=3,p=1$")
    await people.login("kameleon")  # and the new hash verifies
