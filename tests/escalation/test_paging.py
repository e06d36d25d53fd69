"""Paging: the page says only that someone is needed and where to acknowledge; it reaches a
professional who is online over their WebSocket at once, and its link acknowledges once."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import Person
from tests.conftest import client_for, serving
from tests.escalation.conftest import opened, pages
from tests.paging.test_webhook import SECRET, receiver
from tests.sockets import opened as socket_for
from tests.stored import rows


async def test_a_page_carries_no_handle_and_no_summary(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    await opened(client, volunteer, chat, "urgent", summary="Zonnebloem heeft pillen klaarliggen")
    page = (await pages(app))[0]
    body = page.body().decode()

    assert page.recipient_id == on_call["pim"].account_id
    assert "Urgent" in page.subject and "2 minutes" in page.subject
    assert "zonnebloem" not in body.lower() and "pillen" not in body


async def test_the_link_in_a_page_acknowledges_once_and_opening_it_changes_nothing(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    asked = await opened(client, volunteer, chat, "join")
    link = urlsplit((await pages(app))[0].acknowledge_url or "")
    target = f"{link.path}?{link.query}"

    preview = await client.get(target)
    still = (await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)).json()
    pressed = await client.post(target)  # from an app: JSON
    again = await client.post(target)
    made_up = await client.post("/pages/acknowledge?token=" + "x" * 43)
    held = (await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)).json()

    assert preview.status_code == 200 and "<form method=post" in preview.text
    assert still["state"] == "requested"
    assert pressed.status_code == 200, pressed.text
    assert pressed.json() == {"escalation_id": asked["id"], "state": "acknowledged"}
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "escalation.page_used"
    assert made_up.status_code == 404
    assert made_up.json()["error"]["code"] == "escalation.page_not_found"
    assert held["holder"]["name"] == "Pim (GZ-psycholoog)"
    assert [(t["from_state"], t["to_state"], t["by"]) for t in held["transitions"]] == [
        (None, "requested", str(volunteer.account_id)),
        ("requested", "acknowledged", str(on_call["pim"].account_id)),
    ]


async def test_pressing_the_button_on_the_links_page_answers_a_page_for_people(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    asked = await opened(client, volunteer, chat, "urgent")
    link = urlsplit((await pages(app))[0].acknowledge_url or "")
    pressed = await client.post(f"{link.path}?{link.query}", headers={"accept": "text/html"})
    held = (await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)).json()

    assert pressed.status_code == 200
    assert pressed.headers["content-type"].startswith("text/html")
    assert "Opgepakt" in pressed.text
    assert held["state"] == "acknowledged"


async def test_a_professional_online_is_paged_over_the_websocket_and_the_volunteer_hears_back(
    client: AsyncClient,
    live_server: str,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    async with (
        socket_for(live_server, pim) as pims_phone,
        socket_for(live_server, volunteer) as veras_phone,
    ):
        await pims_phone.receive_until("live")
        await veras_phone.receive_until("live")
        asked = await opened(client, volunteer, chat, "urgent")
        page = (await pims_phone.receive_until("page"))[-1]
        await client.post(f"/escalations/{asked['id']}/acknowledge", headers=pim.headers)
        frames = await veras_phone.receive_until("escalation")

    assert page["escalation_id"] == asked["id"]
    assert page["kind"] == "urgent"
    assert "zonnebloem" not in str(page)
    assert frames[-1]["event"] == "acknowledged"
    assert frames[-1]["holder"] == "Pim (GZ-psycholoog)"


async def test_a_service_with_a_webhook_pages_through_it_signed_and_logged(
    app: FastAPI,
    app_with: Any,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    service, received = receiver(failures_first=1)
    async with serving(service) as address:
        paging = {
            "webhook_url": f"http://{address}/pages",
            "webhook_secret": SECRET,
            "backoff_seconds": 0.01,
        }
        async with app_with(paging=paging) as paged_app, client_for(paged_app) as other:
            await opened(other, volunteer, chat, "urgent")
            await paged_app.state.dispatcher.idle()

    attempts = await rows(app, "SELECT attempt, delivered FROM page_delivery ORDER BY attempt")
    assert [r["signed"] for r in received] == [True, True]
    assert received[-1]["page"]["recipient_id"] == str(on_call["pim"].account_id)
    assert "/pages/acknowledge?token=" in received[-1]["page"]["acknowledge_url"]
    assert [(a["attempt"], bool(a["delivered"])) for a in attempts] == [(1, False), (2, True)]
