"""A volunteer is never alone with a crisis: the stories of an escalation from the volunteer's
request to its outcome, with the young person asked at every step where it concerns them."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import Person
from tests.chat.conftest import on_shift
from tests.devices import Device
from tests.escalation.conftest import act, acted, escalate, opened, pages
from tests.stored import rows


async def test_advice_happens_in_a_staff_thread_the_professional_never_sees_the_chat(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    young = Device(client, young_person)
    young.send(chat["room_id"], "ik weet het echt niet meer")
    await young.push()

    asked = await opened(client, volunteer, chat, "advice")
    paged = await pages(app)
    taken = await acted(client, pim, asked, "acknowledge")
    started = await acted(client, pim, asked, "start")

    advice = Device(client, pim)
    advice.send(started["thread_room_id"], "Vraag of ze veilig is vanavond, en met wie ze is.")
    await advice.push()
    seen_by_vera = Device(client, volunteer)
    await seen_by_vera.sync()
    await advice.sync()

    assert [page.recipient_id for page in paged] == [pim.account_id]
    assert taken["holder"]["name"] == "Pim (GZ-psycholoog)"
    assert taken["summary"].startswith("Zij praat over")
    assert taken["age_band"] == "12-17"
    assert taken["chat"] is None  # the summary, not the young person's messages
    bodies = [m["body"] for m in seen_by_vera.room_messages(started["thread_room_id"])]
    assert "Vraag of ze veilig is vanavond, en met wie ze is." in bodies
    assert chat["room_id"] not in {m["room_id"] for m in advice.messages.values()}
    assert "zonnebloem" not in str(advice.messages)
    history = await client.get(f"/rooms/{chat['room_id']}/messages", headers=pim.headers)
    assert history.status_code == 404


async def test_joining_asks_the_young_person_first_and_only_a_yes_lets_the_professional_in(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    before_yes = await act(client, pim, asked, "join")

    young = Device(client, young_person)
    await young.sync()
    question = next(
        m for m in young.room_messages(chat["room_id"]) if m["author"]["kind"] == "service"
    )
    consent_id = question["notice"]["consent_id"]
    said = await client.post(
        f"/chat/requests/{chat['id']}/consents/{consent_id}",
        json={"answer": "yes"},
        headers=young_person.headers,
    )
    joined = await acted(client, pim, asked, "join")
    reading = await client.get(f"/rooms/{chat['room_id']}/messages", headers=pim.headers)

    assert before_yes.status_code == 409
    assert before_yes.json()["error"]["code"] == "escalation.consent_required"
    assert "Mag dat?" in question["body"]
    assert said.status_code == 200
    assert joined["state"] == "active"
    assert joined["chat"]["room_id"] == chat["room_id"]
    assert [(c["asked_by"], c["answer"]) for c in joined["consents"]] == [
        (str(volunteer.account_id), "yes")
    ]
    assert joined["consents"][0]["answered_at"] is not None
    assert reading.status_code == 200
    assert "Mag ik even praten?" in [m["body"] for m in reading.json()["messages"]]


async def test_a_no_keeps_the_professional_out_and_a_yes_taken_back_sends_them_out(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "join")
    await acted(client, pim, asked, "acknowledge")
    held = (await client.get(f"/escalations/{asked['id']}", headers=pim.headers)).json()
    consent_id = held["consents"][0]["id"]
    answer_url = f"/chat/requests/{chat['id']}/consents/{consent_id}"

    await client.post(answer_url, json={"answer": "yes"}, headers=young_person.headers)
    await acted(client, pim, asked, "join")
    taken_back = await client.post(answer_url, json={"answer": "no"}, headers=young_person.headers)
    after = await client.get(f"/rooms/{chat['room_id']}/messages", headers=pim.headers)
    yes_again = await client.post(answer_url, json={"answer": "yes"}, headers=young_person.headers)
    log = (
        await client.get(f"/chat/requests/{chat['id']}/access", headers=young_person.headers)
    ).json()

    assert taken_back.status_code == 200
    assert after.status_code == 404  # out of the chat at once
    assert yes_again.status_code == 409
    assert yes_again.json()["error"]["code"] == "escalation.consent_answered"
    assert [(g["name"], g["basis"]) for g in log["brought_in"]] == [
        ("Pim (GZ-psycholoog)", "consent")
    ]
    assert log["brought_in"][0]["until"] is not None


async def test_in_acute_danger_the_professional_joins_without_consent_only_with_a_reason(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    coordinator: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    advice = await opened(client, volunteer, chat, "advice")
    await acted(client, pim, advice, "acknowledge")
    not_urgent = await act(client, pim, advice, "join", justification="Ik maak me zorgen.")
    urgent = await opened(
        client, volunteer, chat, "urgent", summary="Ze heeft pillen klaarliggen, zegt ze."
    )
    await acted(client, pim, urgent, "acknowledge")
    without_reason = await act(client, pim, urgent, "join")
    reason = "Ze zegt pillen klaar te hebben liggen en reageert niet meer op Vera."
    joined = await acted(client, pim, urgent, "join", justification=reason)

    review = (await client.get("/escalations/review", headers=coordinator.headers)).json()
    young = Device(client, young_person)
    await young.sync()
    told = [m["body"] for m in young.room_messages(chat["room_id"])]

    assert not_urgent.status_code == 409
    assert not_urgent.json()["error"]["code"] == "escalation.override_not_allowed"
    assert without_reason.json()["error"]["code"] == "escalation.consent_required"
    assert joined["state"] == "active"
    assert [(o["name"], o["justification"], o["reviewed_at"]) for o in review["overrides"]] == [
        ("Pim (GZ-psycholoog)", reason, None)
    ]
    assert any("zonder dat je toestemming gaf" in body for body in told)
    reviewed = await client.post(
        f"/escalations/overrides/{review['overrides'][0]['id']}/reviewed",
        headers=coordinator.headers,
    )
    assert reviewed.status_code == 204
    left = await client.get(
        "/escalations/review", params={"unreviewed_only": True}, headers=coordinator.headers
    )
    assert left.json()["overrides"] == []


async def test_the_outcome_tells_the_young_person_what_happens_next(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, pim, asked, "acknowledge")
    await acted(client, pim, asked, "start")
    not_an_outcome = await act(client, pim, asked, "resolve", outcome="withdrawn")
    resolved = await acted(
        client, pim, asked, "resolve", outcome="gp", message="Je huisarts heeft ook avonddienst."
    )

    young = Device(client, young_person)
    await young.sync()
    last = young.room_messages(chat["room_id"])[-1]

    assert not_an_outcome.status_code == 422
    assert resolved["state"] == "resolved"
    assert resolved["outcome"] == "gp"
    assert last["author"] == {"kind": "service", "name": None}
    assert last["notice"]["code"] == "outcome.gp"
    assert "huisarts" in last["body"]
    assert last["body"].endswith("Je huisarts heeft ook avonddienst.")


async def test_handing_to_the_crisis_service_comes_after_the_backstop_or_with_a_reason(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    pim, sara = on_call["pim"], on_call["sara"]
    asked = await opened(client, volunteer, chat, "urgent")
    await acted(client, pim, asked, "acknowledge")
    too_soon = await act(client, pim, asked, "resolve", outcome="crisis_service")

    consult = await opened(
        client,
        pim,
        None,
        "consult",
        tier="psychiatrist",
        parent_id=asked["id"],
        summary="Jongere, 12-17, concrete plannen, pillen in huis. Crisisdienst inschakelen?",
    )
    seen_by_sara = await acted(client, sara, consult, "acknowledge")
    handed = await acted(client, pim, asked, "resolve", outcome="crisis_service")

    assert too_soon.status_code == 409
    assert too_soon.json()["error"]["code"] == "escalation.backstop_required"
    assert seen_by_sara["summary"].startswith("Jongere, 12-17")
    assert seen_by_sara["chat"] is None and seen_by_sara["age_band"] is None
    assert seen_by_sara["parent_id"] is None
    assert handed["outcome"] == "crisis_service"
    sara_pages = [p for p in await pages(app) if p.recipient_id == sara.account_id]
    assert len(sara_pages) == 1


async def test_without_a_reachable_backstop_the_reason_is_recorded(
    client: AsyncClient, chat: dict[str, Any], volunteer: Person, on_call: dict[str, Person]
) -> None:
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "urgent")
    await acted(client, pim, asked, "acknowledge")
    reason = "Achterwacht twee keer gebeld, geen gehoor; situatie acuut."
    handed = await acted(
        client, pim, asked, "resolve", outcome="crisis_service", no_backstop_reason=reason
    )
    stored = await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)

    assert handed["no_backstop_reason"] == reason
    assert stored.json()["outcome"] == "crisis_service"


async def test_the_psychiatrist_comes_into_the_chat_only_under_the_same_consent_rules(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    young_person: Person,
    on_call: dict[str, Person],
) -> None:
    pim, sara = on_call["pim"], on_call["sara"]
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, pim, asked, "acknowledge")
    consult = await opened(
        client,
        pim,
        None,
        "consult",
        tier="psychiatrist",
        parent_id=asked["id"],
        summary="Jongere met aanhoudende doodsgedachten; graag meedenken.",
    )
    await acted(client, sara, consult, "acknowledge")
    unasked = await act(client, sara, consult, "join")
    override = await act(client, sara, consult, "join", justification="Ik wil meelezen.")
    question = await client.post(f"/escalations/{consult['id']}/consents", headers=pim.headers)
    await client.post(
        f"/chat/requests/{chat['id']}/consents/{question.json()['id']}",
        json={"answer": "yes"},
        headers=young_person.headers,
    )
    joined = await acted(client, sara, consult, "join")

    assert unasked.json()["error"]["code"] == "escalation.consent_required"
    assert override.json()["error"]["code"] == "escalation.override_not_allowed"
    assert question.status_code == 201 and question.json()["tier"] == "psychiatrist"
    assert joined["chat"]["room_id"] == chat["room_id"]


async def test_a_consultation_needs_no_chat_and_carries_no_personal_data(
    app: FastAPI,
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    asked = await opened(
        client,
        volunteer,
        None,
        "consult",
        summary="Hoe reageer ik als iemand zegt dat een vriendin zichzelf snijdt?",
    )
    seen = await acted(client, pim, asked, "acknowledge")
    chat_kind_without_chat = await escalate(client, volunteer, None, "advice")
    # found by schemathesis: a location that does not exist was a 500
    nowhere = await escalate(client, volunteer, None, "consult", location_id=str(uuid.uuid4()))

    assert seen["chat"] is None and seen["age_band"] is None
    assert seen["location_id"] == chat["location_id"]  # where Vera is on shift
    assert (await pages(app))[0].recipient_id == pim.account_id
    assert chat_kind_without_chat.json()["error"]["code"] == "escalation.chat_required"
    assert nowhere.status_code == 404
    assert nowhere.json()["error"]["code"] == "locations.not_found"
    stored = await rows(app, "SELECT request_id, parent_id FROM escalation WHERE kind = 'consult'")
    assert stored == [{"request_id": None, "parent_id": None}]


async def test_a_chat_handed_to_a_colleague_takes_its_open_escalation_along(
    client: AsyncClient,
    people: Any,
    coordinator: Person,
    centre: str,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    noor: Person = await people.staff("volunteer", invited_by=coordinator, display_name="Noor")
    await on_shift(client, coordinator, centre, [noor])
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "advice")
    started = await acted(client, pim, asked, "acknowledge")
    advice = Device(client, pim)
    advice.send(started["thread_room_id"], "Vraag naar haar plannen voor morgen.")
    await advice.push()

    handed = await client.post(
        f"/chat/requests/{chat['id']}/handover",
        json={"to": str(noor.account_id)},
        headers=volunteer.headers,
    )
    for_noor = await client.get(f"/escalations/{asked['id']}", headers=noor.headers)
    for_vera = await client.get(f"/escalations/{asked['id']}", headers=volunteer.headers)
    noors_phone = Device(client, noor)
    await noors_phone.sync()

    assert handed.status_code == 204, handed.text
    assert for_noor.status_code == 200
    assert for_noor.json()["opened_by"]["name"] == "Noor"
    assert for_noor.json()["chat"]["room_id"] == chat["room_id"]
    bodies = [m["body"] for m in noors_phone.room_messages(started["thread_room_id"])]
    assert "Vraag naar haar plannen voor morgen." in bodies
    assert for_vera.status_code == 404
