"""A phone writes offline and sends later, perhaps twice, perhaps a day later: every message
arrives exactly once, each operation gets its own result, and one bad item never blocks the
rest."""

from __future__ import annotations

import uuid
from datetime import timedelta

from fastapi import FastAPI
from httpx import AsyncClient

from app import clock
from tests.actors import People, Person
from tests.devices import Device
from tests.stored import scalar


async def test_messages_written_offline_arrive_once_in_the_order_written(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    ids = [phone.send(room, f"bericht {n}") for n in range(5)]

    results = await phone.push()

    assert [r["status"] for r in results] == ["applied"] * 5
    seqs = [r["result"]["message"]["seq"] for r in results]
    assert seqs == sorted(seqs)
    assert [r["result"]["message"]["id"] for r in results] == ids
    assert results[0]["result"]["message"]["author"] == {"kind": "member", "name": "zonnebloem"}


async def test_a_retry_long_after_gets_the_original_result_and_writes_nothing(
    client: AsyncClient, app: FastAPI, people: People, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "hallo daar")
    batch = list(phone.outbox)
    first = await phone.push(batch)

    with clock.frozen(clock.now() + timedelta(days=400)):  # Synapse forgets after 24 hours
        phone.person = await people.login(young_person.handle)  # the old session expired
        again = await phone.push(batch)

    assert again[0]["status"] == "duplicate"
    assert again[0]["original_status"] == "applied"
    assert again[0]["result"] == first[0]["result"]
    assert await scalar(app, "SELECT count(*) FROM message") == 1


async def test_a_rejected_item_never_blocks_the_items_after_it(
    client: AsyncClient, app: FastAPI, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "eerste")
    phone.send(room, "x" * 4_001)
    phone._queue({"type": "send", "room_id": room, "body": "geen id"})  # malformed
    phone.send(str(uuid.uuid4()), "in een ruimte die niet bestaat")
    phone.send(room, "laatste")

    results = await phone.push()

    assert [r["status"] for r in results] == [
        "applied",
        "rejected",
        "rejected",
        "rejected",
        "applied",
    ]
    too_long = results[1]["error"]
    assert too_long["code"] == "messages.too_long"
    assert too_long["details"] == {"max_length": 4000, "length": 4001}
    assert "4000" in too_long["message"]
    assert results[2]["error"]["code"] == "sync.malformed_operation"
    assert "message_id" in results[2]["error"]["message"]
    assert results[3]["error"]["code"] == "rooms.not_found"
    assert await scalar(app, "SELECT count(*) FROM message WHERE position IS NULL") == 0
    # and a rejection is remembered too
    again = await phone.push(phone.outbox or [])
    assert again == []


async def test_a_rejection_is_also_answered_the_same_on_retry(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "   ")
    batch = list(phone.outbox)
    await phone.push(batch)

    retry = await phone.push(batch)

    assert retry[0]["status"] == "duplicate"
    assert retry[0]["original_status"] == "rejected"
    assert retry[0]["error"]["code"] == "messages.empty"


async def test_the_same_message_id_sent_again_under_a_new_seq_is_not_stored_twice(
    client: AsyncClient, app: FastAPI, young_person: Person, room: str
) -> None:
    """The app was reinstalled and lost its sequence counter, but kept its outbox."""
    phone = Device(client, young_person)
    message_id = phone.send(room, "na herinstallatie")
    op = dict(phone.outbox[0])
    await phone.push()
    reinstalled = Device(client, young_person)

    results = await reinstalled.push([{**op, "seq": 1}])

    assert results[0]["status"] == "duplicate"
    assert results[0]["result"]["message"]["id"] == message_id
    assert await scalar(app, "SELECT count(*) FROM message") == 1


async def test_someone_elses_message_id_is_refused(
    client: AsyncClient, young_person: Person, other_young_person: Person, room: str
) -> None:
    mine = Device(client, young_person)
    message_id = mine.send(room, "van mij")
    await mine.push()
    theirs = Device(client, other_young_person)

    results = await theirs.push(
        [{"seq": 1, "type": "send", "room_id": room, "message_id": message_id, "body": "kaping"}]
    )

    assert results[0]["error"]["code"] == "messages.id_taken"


async def test_a_stale_copy_of_an_old_request_cannot_resurrect_a_cancelled_message(
    client: AsyncClient, app: FastAPI, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "een")
    phone.send(room, "spijt van")  # the person cancels this one before it goes out
    phone.send(room, "drie")
    stale_request = list(phone.outbox)
    phone.outbox.pop(1)
    await phone.push()

    late = await phone.push(stale_request)

    assert [r["status"] for r in late] == ["duplicate", "rejected", "duplicate"]
    assert late[1]["error"]["code"] == "sync.out_of_order"
    assert await scalar(app, "SELECT count(*) FROM message") == 2


async def test_a_reused_seq_with_different_content_is_refused(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "origineel")
    original = dict(phone.outbox[0])
    await phone.push()

    results = await phone.push([{**original, "body": "iets anders"}])

    assert results[0]["status"] == "rejected"
    assert results[0]["error"]["code"] == "sync.seq_reused"


async def test_the_same_seq_twice_in_one_batch_is_applied_once(
    client: AsyncClient, app: FastAPI, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "dubbel in één verzoek")
    op = phone.outbox[0]

    results = await phone.push([op, op])

    assert [r["status"] for r in results] == ["applied", "duplicate"]
    assert results[1]["result"] == results[0]["result"]
    assert await scalar(app, "SELECT count(*) FROM message") == 1


async def test_an_oversized_batch_is_refused_whole(
    client: AsyncClient, app: FastAPI, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    for n in range(101):
        phone.send(room, f"{n}")

    response = await client.post(
        "/sync/push",
        json={"client_id": str(phone.client_id), "ops": phone.outbox},
        headers=young_person.headers,
    )

    assert response.status_code == 413
    assert response.json()["error"]["code"] == "sync.batch_too_large"
    assert await scalar(app, "SELECT count(*) FROM message") == 0


async def test_too_many_operations_answer_retry_later_and_keep_the_order(
    client: AsyncClient, app_with, young_person: Person, room: str
) -> None:
    from tests.conftest import client_for

    async with app_with(sync={"ops_per_minute": 3}) as limited, client_for(limited) as http:
        phone = Device(http, young_person)
        for n in range(5):
            phone.send(room, f"snel {n}")
        results = await phone.push()

    assert [r["status"] for r in results] == ["applied"] * 3 + ["retry_later"] * 2
    assert results[3]["error"]["code"] == "sync.slow_down"
    assert results[3]["retry_after"] >= 1
    assert [op["body"] for op in phone.outbox] == ["snel 3", "snel 4"]


async def test_a_phone_held_back_by_the_budget_loses_no_place_in_line(
    app_with, young_person: Person, room: str
) -> None:
    """Operations answered ``retry_later`` were not taken: even one the phone had not sent
    yet, numbered before them, still goes through once the budget allows."""
    from app.ratelimit import RateLimiter
    from tests.conftest import client_for

    now = [0.0]
    async with app_with(sync={"ops_per_minute": 3}) as limited, client_for(limited) as http:
        limited.state.rate_limiter = RateLimiter(monotonic=lambda: now[0])
        phone = Device(http, young_person)
        for n in range(1, 7):
            phone.send(room, f"bericht {n}")
        ops = list(phone.outbox)

        first = await phone.push(ops[:3])
        held_back = await phone.push(ops[4:])  # 5 and 6, before 4 was sent
        now[0] += 61
        later = await phone.push(ops[3:])

    assert [r["status"] for r in first] == ["applied"] * 3
    assert [r["status"] for r in held_back] == ["retry_later"] * 2
    assert [r["status"] for r in later] == ["applied"] * 3


async def test_a_retry_costs_no_budget(app_with, young_person: Person, room: str) -> None:
    """Sending the same operations again (the answer was lost) is answered from what was
    stored, and takes nothing from the phone's budget for new ones."""
    from tests.conftest import client_for

    async with app_with(sync={"ops_per_minute": 4}) as limited, client_for(limited) as http:
        phone = Device(http, young_person)
        for n in range(1, 4):
            phone.send(room, f"bericht {n}")
        ops = list(phone.outbox)
        await phone.push(ops)
        for _ in range(3):
            retried = await phone.push(ops)
        phone.send(room, "bericht 4")
        fourth = await phone.push()

    assert [r["status"] for r in retried] == ["duplicate"] * 3
    assert [r["status"] for r in fourth] == ["applied"]


async def test_control_characters_are_refused_and_text_is_normalised(
    client: AsyncClient, young_person: Person, room: str
) -> None:
    phone = Device(client, young_person)
    phone.send(room, "stil\x07belletje")
    phone.send(room, "rechts\u202enaar links")
    phone.send(room, "cafe\u0301\r\ntweede regel\t!")

    results = await phone.push()

    assert results[0]["error"]["code"] == "messages.control_characters"
    assert results[1]["error"]["code"] == "messages.control_characters"
    assert results[2]["result"]["message"]["body"] == "caf\u00e9\ntweede regel\t!"
