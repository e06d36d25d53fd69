"""The review queue: highest score first; each action names a rule and a reason, tells the
member privately, and enters the public log (which never says who flagged)."""

from __future__ import annotations

from datetime import timedelta

from app import clock
from tests.actors import People, Person, open_room
from tests.devices import Device
from tests.moderation.conftest import Community, appoint


async def test_the_queue_puts_the_heaviest_flags_first_and_never_names_a_flagger(
    community: Community,
) -> None:
    light, _ = await community.post(community.writer, "dit is saai")
    heavy, _ = await community.post(community.writer, "volg mijn kanaal!!")
    await community.flag(community.readers[0], message_id=light, reason="hurtful")
    for reader in community.readers[:2]:
        await community.flag(reader, message_id=heavy, reason="spam")
    await community.flag(
        community.readers[2], room_id=community.room, member="schrijver", reason="spam"
    )
    cases = await community.queue(community.moderator)
    assert [case["score"] for case in cases] == [2.0, 1.0, 1.0]
    assert cases[0]["message"]["id"] == heavy
    assert cases[0]["message"]["author"] == "schrijver"
    text = str(cases)
    assert all(reader.handle not in text for reader in community.readers)
    member_case = next(case for case in cases if case["target_kind"] == "member")
    assert member_case["member"] == "schrijver"


async def test_every_action_needs_a_room_rule_and_a_reason(community: Community) -> None:
    message, _ = await community.post(community.writer, "dit is stom")
    no_rule = await community.act(
        community.moderator, action="hide", message_id=message, reason="Niet aardig."
    )
    assert no_rule.status_code == 409
    assert no_rule.json()["error"]["code"] == "moderation.rule_required"
    assert "1, 2, 3, personal_details, safety" in no_rule.json()["error"]["message"]
    unknown = await community.act(
        community.moderator, action="hide", message_id=message, rule="9", reason="Niet aardig."
    )
    assert unknown.json()["error"]["code"] == "moderation.rule_required"
    no_reason = await community.act(
        community.moderator, action="hide", message_id=message, rule="1"
    )
    assert no_reason.status_code == 409
    assert no_reason.json()["error"]["code"] == "moderation.reason_required"
    forever = await community.act(
        community.moderator, action="mute", member="schrijver", rule="1", reason="Even afkoelen."
    )
    assert forever.json()["error"]["code"] == "moderation.duration_required"
    assert await community.log(community.readers[0]) == await community.log(community.writer)
    assert [e["action"] for e in await community.log(community.writer)] == ["appoint", "appoint"]


async def test_only_the_rooms_moderators_moderate(
    community: Community, coordinator: Person, people: People
) -> None:
    elsewhere = await people.member("elders-mod")
    other_room = await open_room(community.client, coordinator, "Elders", elsewhere)
    assert (await appoint(community.client, coordinator, other_room, elsewhere)).status_code == 201
    from_elsewhere = await community.client.get(
        f"/moderation/rooms/{community.room}/queue", headers=elsewhere.headers
    )
    assert from_elsewhere.json()["error"]["code"] == "moderation.not_moderator"
    log = await community.client.get(
        f"/moderation/rooms/{community.room}/log", headers=elsewhere.headers
    )
    assert log.status_code == 404  # the log is for the room's members
    message, _ = await community.post(community.writer, "hallo")
    by_peer = await community.act(
        community.readers[0], action="hide", message_id=message, rule="1", reason="Zomaar."
    )
    assert by_peer.status_code == 403
    assert by_peer.json()["error"]["code"] == "moderation.not_moderator"
    by_coordinator = await community.act(
        coordinator, action="hide", message_id=message, rule="1", reason="Zomaar."
    )
    assert by_coordinator.status_code == 403
    assert by_coordinator.json()["error"]["code"] == "moderation.free_space"
    queue = await community.client.get(
        f"/moderation/rooms/{community.room}/queue", headers=community.readers[0].headers
    )
    assert queue.json()["error"]["code"] == "moderation.not_moderator"


async def test_a_moderator_never_decides_about_themselves(community: Community) -> None:
    message, _ = await community.post(community.moderator, "ik ben de baas hier")
    await community.flag(community.readers[0], message_id=message, reason="hurtful")
    assert await community.queue(community.moderator) == []
    assert len(await community.queue(community.second_moderator)) == 1
    own = await community.act(
        community.moderator,
        action="dismiss",
        message_id=message,
        rule="1",
        reason="Ik vind het prima.",
    )
    assert own.status_code == 403
    assert own.json()["error"]["code"] == "moderation.own_case"


async def test_a_hidden_message_is_told_to_its_author_and_logged_for_the_room(
    community: Community,
) -> None:
    message, _ = await community.post(community.writer, "neem gewoon die pillen van je moeder")
    await community.flag(community.readers[0], message_id=message, reason="unsafe_advice")
    hidden = await community.act(
        community.moderator,
        action="hide",
        message_id=message,
        rule="3",
        reason="Medicijnen van een ander zijn gevaarlijk.",
    )
    assert hidden.status_code == 201, hidden.text
    assert await community.queue(community.moderator) == []

    writer_phone = Device(community.client, community.writer)
    await writer_phone.sync()
    [notice] = writer_phone.notices
    assert notice["code"] == "moderation.message_hidden"
    assert notice["details"]["rule"] == "3"
    assert notice["details"]["reason"] == "Medicijnen van een ander zijn gevaarlijk."
    entry = (await community.log(community.readers[1]))[0]
    assert entry["action"] == "hide"
    assert entry["rule"] == "3"
    assert entry["rule_text"] == "Geen gevaarlijke tips"
    assert entry["by"] == {"kind": "moderator", "name": "lotte"}
    assert entry["message_id"] == message
    assert "reason" not in entry
    assert "readers" not in str(entry) and "lezer" not in str(entry)

    team = await community.client.patch(
        f"/moderation/rooms/{community.room}/policy",
        json={"sign_as_team": True},
        headers=community.moderator.headers,
    )
    assert team.status_code == 200, team.text
    entry = (await community.log(community.readers[1]))[0]
    assert entry["by"] == {"kind": "moderators", "name": None}


async def test_hidden_for_safety_the_log_says_support_was_offered_and_names_nothing(
    community: Community,
) -> None:
    message, _ = await community.post(community.writer, "vanavond doe ik het echt, dag allemaal")
    hidden = await community.act(
        community.moderator,
        action="hide",
        message_id=message,
        rule="safety",
        reason="We maken ons zorgen om je.",
    )
    assert hidden.status_code == 201, hidden.text
    entry = (await community.log(community.readers[0]))[0]
    assert entry["support_offered"] is True
    assert entry["message_id"] is None
    assert entry["member"] is None
    writer_phone = Device(community.client, community.writer)
    await writer_phone.sync()
    assert writer_phone.notices[-1]["code"] == "moderation.hidden_for_safety"


async def test_a_muted_member_reads_but_is_refused_even_for_what_waited_offline(
    community: Community, now: clock.FrozenClock
) -> None:
    phone = Device(community.client, community.writer)
    phone.send(community.room, "geschreven in de trein, nog niet verstuurd")
    muted = await community.act(
        community.moderator,
        action="mute",
        member="schrijver",
        rule="1",
        reason="Even afkoelen.",
        minutes=60,
    )
    assert muted.status_code == 201, muted.text
    [late] = await phone.push()
    assert late["status"] == "rejected"
    assert late["error"]["code"] == "rooms.muted"
    assert "bezwaar" in late["error"]["message"]
    await phone.sync()
    assert community.room in phone.rooms  # still reads
    assert phone.notices[-1]["code"] == "moderation.muted"

    now.advance(timedelta(minutes=61))
    phone.send(community.room, "ik ben weer rustig")
    [after] = await phone.push()
    assert after["status"] == "applied"


async def test_a_removed_member_is_out_cannot_rejoin_and_is_told_why(
    community: Community,
) -> None:
    phone = Device(community.client, community.writer)
    await phone.sync()
    phone.send(community.room, "nog een berichtje")
    removed = await community.act(
        community.moderator,
        action="remove",
        member="schrijver",
        rule="2",
        reason="Steeds reclame na waarschuwingen.",
    )
    assert removed.status_code == 201, removed.text
    [late] = await phone.push()
    assert late["error"]["code"] == "rooms.removed"
    await phone.sync()
    assert community.room not in phone.rooms
    rejoin = await community.client.post(
        f"/rooms/{community.room}/join", headers=community.writer.headers
    )
    assert rejoin.status_code == 403
    assert rejoin.json()["error"]["code"] == "rooms.removed"
    entry = (await community.log(community.readers[0]))[0]
    assert entry["action"] == "remove"
    assert entry["member"] is None  # sanctions never name anyone in public


async def test_a_warning_reaches_only_the_member_it_concerns(community: Community) -> None:
    warned = await community.act(
        community.moderator,
        action="warn",
        member="schrijver",
        rule="1",
        reason="Let op je toon, alsjeblieft.",
    )
    assert warned.status_code == 201, warned.text
    writer_phone, reader_phone = (
        Device(community.client, p) for p in (community.writer, community.readers[0])
    )
    await writer_phone.sync()
    await reader_phone.sync()
    assert [n["code"] for n in writer_phone.notices] == ["moderation.warning"]
    assert reader_phone.notices == []
