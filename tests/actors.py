"""The people in the stories: how a test gets a young person, a volunteer, a coordinator."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI

from app.identity.staff import create_first_admin

DEFAULT_PASSPHRASE = "paarse olifant danst op het dak"


@dataclass
class Person:
    handle: str
    passphrase: str
    token: str
    account_id: uuid.UUID
    recovery_code: str | None = None
    roles: list[str] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class People:
    """Creates people through the same API (or, for the first admin, the same service) that
    real people go through."""

    _numbers = itertools.count(1)

    def __init__(self, client: httpx.AsyncClient, app: FastAPI) -> None:
        self.client = client
        self.app = app

    async def member(
        self,
        handle: str | None = None,
        *,
        age_band: str = "18-25",
        passphrase: str = DEFAULT_PASSPHRASE,
        device_label: str | None = None,
    ) -> Person:
        handle = handle or f"deelnemer-{next(self._numbers)}"
        body: dict[str, Any] = {"handle": handle, "passphrase": passphrase, "age_band": age_band}
        if device_label:
            body["device_label"] = device_label
        response = await self.client.post("/auth/register", json=body)
        assert response.status_code == 201, response.text
        return _person(response.json(), passphrase)

    async def first_admin(self, handle: str = "beheer-anna") -> Person:
        async with self.app.state.sessionmaker() as session, session.begin():
            await create_first_admin(
                session,
                handle=handle,
                passphrase=DEFAULT_PASSPHRASE,
                display_name="Anna (beheer)",
                policy=self.app.state.identity_policy,
            )
        return await self.login(handle)

    async def login(
        self, handle: str, passphrase: str = DEFAULT_PASSPHRASE, device_label: str | None = None
    ) -> Person:
        body: dict[str, Any] = {"handle": handle, "passphrase": passphrase}
        if device_label:
            body["device_label"] = device_label
        response = await self.client.post("/auth/login", json=body)
        assert response.status_code == 200, response.text
        return _person(response.json(), passphrase)

    async def invite_code(self, role: str, *, invited_by: Person, **extra: Any) -> str:
        response = await self.client.post(
            "/staff/invites", json={"role": role, **extra}, headers=invited_by.headers
        )
        assert response.status_code == 201, response.text
        code: str = response.json()["code"]
        return code

    async def staff(
        self, role: str, *, invited_by: Person, display_name: str, handle: str | None = None
    ) -> Person:
        code = await self.invite_code(role, invited_by=invited_by)
        handle = handle or f"{role}-{next(self._numbers)}"
        response = await self.client.post(
            "/auth/staff-join",
            json={
                "invite_code": code,
                "handle": handle,
                "passphrase": DEFAULT_PASSPHRASE,
                "display_name": display_name,
            },
        )
        assert response.status_code == 201, response.text
        return _person(response.json(), DEFAULT_PASSPHRASE)


def _person(body: dict[str, Any], passphrase: str) -> Person:
    return Person(
        handle=body["account"]["handle"],
        passphrase=passphrase,
        token=body["token"],
        account_id=uuid.UUID(body["account"]["id"]),
        recovery_code=body.get("recovery_code"),
        roles=body["account"]["roles"],
    )


async def actor_of(app: FastAPI, person: Person) -> Any:
    """The ``Actor`` a service sees for ``person``, for tests that call services directly."""
    from app.identity.service import actor_for_token

    async with app.state.sessionmaker() as session:
        return await actor_for_token(session, person.token, app.state.identity_policy)


async def open_room(
    client: httpx.AsyncClient,
    coordinator: Person,
    name: str,
    *members: Person,
    theme: str = "just_chatting",
    age_band: str = "all",
) -> str:
    """A coordinator opens a community room and the given members join it; returns its id."""
    response = await client.post(
        "/rooms",
        json={"name": name, "theme": theme, "age_band": age_band},
        headers=coordinator.headers,
    )
    assert response.status_code == 201, response.text
    room_id: str = response.json()["id"]
    for member in members:
        joined = await client.post(f"/rooms/{room_id}/join", headers=member.headers)
        assert joined.status_code == 200, joined.text
    return room_id


async def open_location(
    client: httpx.AsyncClient, coordinator: Person, name: str, kind: str, **settings: Any
) -> dict[str, Any]:
    """A coordinator adds a centre or an online service; returns it as the API shows it."""
    body = {"name": name, "kind": kind, **settings}
    response = await client.post("/locations", json=body, headers=coordinator.headers)
    assert response.status_code == 201, response.text
    location: dict[str, Any] = response.json()
    return location
