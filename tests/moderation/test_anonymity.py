"""Anonymity protection and flood protection in the free space: contact details hold a
message for its author to confirm or edit (and are refused outright for 12-17 year olds),
the same for what waited in an offline outbox; new accounts post no links on their first
day; nobody floods a room."""

from __future__ import annotations

from datetime import timedelta

import httpx

from app import clock
from app.ratelimit import RateLimiter
from tests.actors import People, Person, open_room
from tests.conftest import AppStarter, client_for
from tests.devices import Device
from tests.moderation.conftest import Community


async def test_a_phone_number_holds_the_message_until_its_author_confirms(
    community: Community,
) -> None:
    writer, reader = (
        Device(community.client, community.writer),
        Device(community.client, community.readers[0]),
    )
    await reader.sync()
    earlier, _ = await community.post(community.readers[1], "wie gaat er naar het feest?")
    message = writer.send(community.room, "app me maar: 06-12345678")
    [held] = await writer.push()
    assert held["status"] == "applied"
    assert held["warning"]["code"] == "moderation.contact_details_held"
    assert "anoniem" in held["warning"]["message"]
    assert held["result"]["message"]["withheld"] == {
        "state": "held",
        "reason": "contact_details",
        "details": {"found": ["phone"]},
    }
    await reader.sync()
    assert message not in reader.messages
    assert message not in reader.tombstones  # nobody ever saw it: nothing to take back
    later, _ = await community.post(community.readers[1], "ik kom ook")

    writer.confirm(message)
    [confirmed] = await writer.push()
    assert confirmed["status"] == "applied"
    assert confirmed["result"]["message"]["withheld"] is None
    await reader.sync()
    assert reader.messages[message]["body"] == "app me maar: 06-12345678"
    assert reader.messages[message]["seq"] > reader.messages[later]["seq"]  # posted now
    assert reader.messages[earlier]["seq"] < reader.messages[later]["seq"]


async def test_editing_the_details_out_posts_the_message(community: Community) -> None:
    writer = Device(community.client, community.writer)
    message = writer.send(community.room, "mail me: sanne.devries@gmail.com")
    await writer.push()
    writer.edit(message, 1, "stuur me maar een berichtje hier")
    [edited] = await writer.push()
    assert edited["result"]["message"]["withheld"] is None
    assert edited["warning"] is None
    reader = Device(community.client, community.readers[0])
    await reader.sync()
    assert reader.messages[message]["body"] == "stuur me maar een berichtje hier"


async def test_an_edit_that_adds_details_holds_a_posted_message_again(
    community: Community,
) -> None:
    writer = Device(community.client, community.writer)
    message = writer.send(community.room, "ik woon in utrecht")
    await writer.push()
    writer.edit(message, 1, "ik woon op de Kerkstraat 12")
    [edited] = await writer.push()
    assert edited["warning"]["details"]["found"] == ["street_address"]
    reader = Device(community.client, community.readers[0])
    await reader.sync()
    assert message not in reader.messages


async def test_in_a_room_for_12_to_17_year_olds_contact_details_are_refused(
    client: httpx.AsyncClient, people: People, coordinator: Person
) -> None:
    teen = await people.member("zonnetje", age_band="12-17")
    room = await open_room(client, coordinator, "Brugklas", teen, age_band="12-17")
    phone = Device(client, teen)
    phone.send(room, "voeg me toe op snap: zonnetje_2011")
    phone.send(room, "of bel +31 6 12345678")
    phone.send(room, "heeft iemand tips voor wiskunde?")
    results = await phone.push()
    assert [r["status"] for r in results] == ["rejected", "rejected", "applied"]
    assert results[0]["error"]["code"] == "moderation.contact_details_refused"
    assert results[0]["error"]["details"] == {"found": ["social"]}
    assert "anoniem" in results[0]["error"]["message"]
    history = await client.get(f"/rooms/{room}/messages", headers=teen.headers)
    assert [m["body"] for m in history.json()["messages"]] == ["heeft iemand tips voor wiskunde?"]


async def test_what_waited_in_an_offline_outbox_passes_the_same_checks(
    community: Community, now: clock.FrozenClock
) -> None:
    phone = Device(community.client, community.writer)
    message = phone.send(community.room, "mijn insta is @sanne.2009 voor wie wil")  # on the train
    now.advance(timedelta(hours=3))
    [late] = await phone.push()  # signal again
    assert late["warning"]["code"] == "moderation.contact_details_held"
    assert late["result"]["message"]["id"] == message
    reader = Device(community.client, community.readers[0])
    await reader.sync()
    assert message not in reader.messages


async def test_the_crisis_line_and_mentions_of_people_here_are_no_contact_details(
    community: Community,
) -> None:
    writer = Device(community.client, community.writer)
    writer.send(community.room, "bel 113 of 0800-0113 als het niet gaat, @lotte weet er meer van")
    [posted] = await writer.push()
    assert posted["warning"] is None
    assert posted["result"]["message"]["withheld"] is None


async def test_new_accounts_post_no_links_on_their_first_day(
    community: Community, people: People, now: clock.FrozenClock
) -> None:
    newcomer = await people.member("nieuwkomer")
    joined = await community.client.post(f"/rooms/{community.room}/join", headers=newcomer.headers)
    assert joined.status_code == 200
    phone = Device(community.client, newcomer)
    phone.send(community.room, "kijk eens op www.gratis-iphones.nl")
    phone.send(community.room, "op https://www.113.nl kun je chatten")
    link, help_site = await phone.push()
    assert link["error"]["code"] == "moderation.links_not_yet"
    assert link["error"]["details"] == {"minutes": 1440}
    assert help_site["status"] == "applied"
    now.advance(timedelta(days=1))
    phone.send(community.room, "kijk eens op www.gratis-iphones.nl")
    [later] = await phone.push()
    assert later["status"] == "applied"


async def test_nobody_floods_a_room_and_nothing_is_lost_by_it(
    app_with: AppStarter, community: Community
) -> None:
    seconds = [0.0]
    async with (
        app_with(moderation={"room_messages_per_minute": 3}) as strict,
        client_for(strict) as client,
    ):
        strict.state.rate_limiter = RateLimiter(monotonic=lambda: seconds[0])
        phone = Device(client, community.writer)
        for n in range(5):
            phone.send(community.room, f"spam {n}")
        results = await phone.push()
        assert [r["status"] for r in results] == ["applied"] * 3 + ["retry_later"] * 2
        assert results[3]["error"]["code"] == "sync.slow_down"
        assert results[3]["retry_after"] >= 1
        elsewhere = Device(client, community.writer)
        other_room = await open_room(client, community.coordinator, "Elders", community.writer)
        elsewhere.send(other_room, "hier mag ik nog wel")
        assert [r["status"] for r in await elsewhere.push()] == ["applied"]
        seconds[0] += 61
        results = await phone.push()  # the two that waited, in their order
        assert [r["status"] for r in results] == ["applied", "applied"]
        history = await client.get(
            f"/rooms/{community.room}/messages", headers=community.writer.headers
        )
        bodies = [m["body"] for m in history.json()["messages"]]
        assert bodies == [f"spam {n}" for n in range(5)]
