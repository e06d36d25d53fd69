"""Staff join with a one-time, expiring invite for a role; the first admin comes from the CLI."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from app.identity import errors
from app.identity.staff import create_first_admin
from tests.actors import DEFAULT_PASSPHRASE, People, Person
from tests.stored import rows


async def join(client: AsyncClient, code: str, handle: str, display_name: str = "Vera"):
    return await client.post(
        "/auth/staff-join",
        json={
            "invite_code": code,
            "handle": handle,
            "passphrase": DEFAULT_PASSPHRASE,
            "display_name": display_name,
        },
    )


async def test_a_volunteer_joins_with_an_invite_and_is_shown_by_display_name(
    client: AsyncClient, people: People, coordinator: Person
) -> None:
    code = await people.invite_code("volunteer", invited_by=coordinator)

    response = await join(client, code, "vera-v", display_name="  Vera   van Dijk ")

    assert response.status_code == 201, response.text
    account = response.json()["account"]
    assert account["kind"] == "staff"
    assert account["roles"] == ["volunteer"]
    assert account["display_name"] == "Vera van Dijk"
    assert account["age_band"] is None
    assert response.json()["recovery_code"]


async def test_an_invite_works_once(
    client: AsyncClient, people: People, coordinator: Person
) -> None:
    code = await people.invite_code("volunteer", invited_by=coordinator)
    assert (await join(client, code, "eerste-vrijwilliger")).status_code == 201

    again = await join(client, code, "tweede-vrijwilliger")

    assert again.status_code == 410
    assert again.json()["error"]["code"] == "identity.invite_invalid"


async def test_an_invite_expires(client: AsyncClient, people: People, coordinator: Person) -> None:
    with clock.frozen(clock.now()) as frozen:
        code = await people.invite_code("volunteer", invited_by=coordinator, expires_in_hours=2)
        frozen.advance(timedelta(hours=2, seconds=1))
        response = await join(client, code, "te-laat")

    assert response.status_code == 410
    assert response.json()["error"]["code"] == "identity.invite_invalid"


async def test_a_revoked_invite_and_a_made_up_code_answer_alike(
    client: AsyncClient, people: People, coordinator: Person
) -> None:
    code = await people.invite_code("professional", invited_by=coordinator)
    invite_id = (await client.get("/staff/invites", headers=coordinator.headers)).json()[0]["id"]
    assert (
        await client.delete(f"/staff/invites/{invite_id}", headers=coordinator.headers)
    ).status_code == 204

    revoked = await join(client, code, "ingetrokken")
    made_up = await join(client, "ABCD-EFGH-JKMN-PQRS-TVWX", "verzonnen")

    assert revoked.status_code == made_up.status_code == 410
    assert revoked.json() == made_up.json()
    assert (await client.get("/staff/invites", headers=coordinator.headers)).json() == []


async def test_without_a_valid_invite_nobody_can_probe_which_handles_exist(
    client: AsyncClient, young_person: Person
) -> None:
    response = await join(client, "ABCD-EFGH-JKMN-PQRS-TVWX", young_person.handle)
    assert response.json()["error"]["code"] == "identity.invite_invalid"


async def test_who_may_invite_whom(
    client: AsyncClient,
    people: People,
    admin: Person,
    coordinator: Person,
    volunteer: Person,
    young_person: Person,
) -> None:
    async def invite(by: Person, role: str) -> tuple[int, str | None]:
        response = await client.post("/staff/invites", json={"role": role}, headers=by.headers)
        return response.status_code, response.json().get("error", {}).get("code")

    assert await invite(admin, "admin") == (201, None)
    assert await invite(admin, "coordinator") == (201, None)
    assert await invite(coordinator, "psychiatrist") == (201, None)
    assert await invite(coordinator, "admin") == (403, "identity.invite_role_not_allowed")
    assert await invite(coordinator, "coordinator") == (403, "identity.invite_role_not_allowed")
    assert await invite(volunteer, "volunteer") == (403, "auth.role_required")
    assert await invite(young_person, "volunteer") == (403, "auth.role_required")


async def test_a_staff_member_can_hold_several_roles(
    client: AsyncClient, people: People, admin: Person, volunteer: Person
) -> None:
    code = await people.invite_code("coordinator", invited_by=admin)

    response = await client.post("/me/roles", json={"invite_code": code}, headers=volunteer.headers)

    assert response.status_code == 200, response.text
    assert response.json()["roles"] == ["coordinator", "volunteer"]
    assert (await client.get("/me", headers=volunteer.headers)).json()["roles"] == [
        "coordinator",
        "volunteer",
    ]


async def test_members_cannot_take_staff_roles(
    client: AsyncClient, people: People, admin: Person, young_person: Person
) -> None:
    code = await people.invite_code("volunteer", invited_by=admin)

    response = await client.post(
        "/me/roles", json={"invite_code": code}, headers=young_person.headers
    )

    assert response.status_code == 403
    assert (await client.get("/me", headers=young_person.headers)).json()["roles"] == []


async def test_two_people_racing_for_one_invite_cannot_both_win(
    client: AsyncClient, people: People, coordinator: Person
) -> None:
    code = await people.invite_code("volunteer", invited_by=coordinator)

    responses = await asyncio.gather(*(join(client, code, f"snelle-{n}") for n in range(5)))

    assert sorted(response.status_code for response in responses).count(201) == 1


async def test_there_is_only_one_first_admin(app: FastAPI, admin: Person) -> None:
    with pytest.raises(errors.AdminAlreadyExists):
        async with app.state.sessionmaker() as session:
            await create_first_admin(
                session,
                handle="tweede-beheer",
                passphrase=DEFAULT_PASSPHRASE,
                display_name="Tweede",
                policy=app.state.identity_policy,
            )


def test_the_first_admin_is_created_with_the_documented_command(
    database_url: str, tmp_path: Path
) -> None:
    environment = {
        **os.environ,
        "RUIMTE_DATABASE__URL": database_url,
        "RUIMTE_DATA_DIR": str(tmp_path),
    }
    command = [
        sys.executable,
        "-m",
        "app",
        "create-admin",
        "--handle",
        "beheer-cli",
        "--display-name",
        "Beheer Via CLI",
    ]
    try:
        first, second = (
            subprocess.run(
                command,
                env=environment,
                input=DEFAULT_PASSPHRASE + "\n",
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            for _ in range(2)
        )
    finally:
        asyncio.run(_cleanup(database_url, tmp_path))

    assert first.returncode == 0, first.stderr
    assert "Recovery code" in first.stdout
    assert second.returncode == 1
    assert "identity.admin_exists" in second.stderr


async def _cleanup(database_url: str, tmp_path: Path) -> None:
    from tests.conftest import _empty_all_tables

    await _empty_all_tables(database_url, tmp_path)


async def test_staff_accounts_hold_a_display_name_and_no_age_band(
    app: FastAPI, volunteer: Person, young_person: Person
) -> None:
    stored = {
        row["handle"]: row
        for row in await rows(app, "SELECT handle, kind, age_band, display_name FROM account")
    }
    assert stored[volunteer.handle]["age_band"] is None
    assert stored[volunteer.handle]["display_name"] == "Vera"
    assert stored[young_person.handle]["display_name"] is None
