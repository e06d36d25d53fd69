"""The free-space rules, every combination: who posts, moderates, guards and appoints; which
rules an action names; what a post must pass. Plain functions, no database."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from moderation import errors, policy
from moderation.contacts import scan
from moderation.policy import Standing

ROLES = [
    frozenset(),
    frozenset({"volunteer"}),
    frozenset({"professional"}),
    frozenset({"psychiatrist"}),
    frozenset({"coordinator"}),
    frozenset({"admin"}),
]
EVERYONE = [
    Standing(
        peer=peer,
        roles=frozenset() if peer else roles,
        joined=joined,
        moderates=moderates,
        visiting=visiting and not peer,
    )
    for peer, roles, joined, moderates, visiting in itertools.product(
        [True, False], ROLES, [True, False], [True, False], [True, False]
    )
    if peer or roles
]


@pytest.mark.parametrize("standing", EVERYONE)
def test_only_peers_moderate_and_only_the_rooms_own(standing: Standing) -> None:
    expected = standing.peer and standing.joined and standing.moderates
    assert policy.may_moderate(standing) is expected


@pytest.mark.parametrize("standing", EVERYONE)
def test_peers_in_the_room_post_and_staff_only_on_a_visit(standing: Standing) -> None:
    expected = standing.joined and (standing.peer or standing.visiting)
    assert policy.may_post(standing) is expected


@pytest.mark.parametrize("standing", EVERYONE)
def test_only_coordinators_and_admins_guard(standing: Standing) -> None:
    expected = not standing.peer and bool(standing.roles & {"coordinator", "admin"})
    assert policy.may_guard(standing) is expected


@pytest.mark.parametrize("standing", EVERYONE)
def test_a_coordinator_appoints_the_first_moderators_then_the_moderators_do(
    standing: Standing,
) -> None:
    assert policy.may_appoint(standing, room_has_moderators=False) is policy.may_guard(standing)
    assert policy.may_appoint(standing, room_has_moderators=True) is policy.may_moderate(standing)


@pytest.mark.parametrize("standing", EVERYONE)
def test_an_appeal_goes_to_another_moderator(standing: Standing) -> None:
    assert policy.may_decide_appeal(standing, is_who_acted=True) is False
    assert policy.may_decide_appeal(standing, is_who_acted=False) is policy.may_moderate(standing)


def test_staff_hear_the_free_space_rule_and_peers_that_they_do_not_moderate() -> None:
    peer = Standing(peer=True, roles=frozenset(), joined=True, moderates=False)
    staff = Standing(
        peer=False, roles=frozenset({"professional"}), joined=True, moderates=False, visiting=True
    )
    assert isinstance(policy.refusal_for(peer), errors.NotModerator)
    assert isinstance(policy.refusal_for(staff), errors.FreeSpace)


def test_a_rooms_rules_are_its_lines_numbered_plus_the_house_rules() -> None:
    text = "1. Wees aardig\n\n- Geen reclame\n3) Geen gevaarlijke tips\n   \n"
    assert policy.room_rules(text) == ["Wees aardig", "Geen reclame", "Geen gevaarlijke tips"]
    assert policy.allowed_rules(text) == ["1", "2", "3", "personal_details", "safety"]
    assert policy.allowed_rules(text, guard=True) == ["illegal"]
    assert policy.check_rule(" 2 ", text) == "2"
    assert policy.check_rule("safety", "") == "safety"
    for wrong in (None, "4", "0", "illegal", "", "regel 1"):
        with pytest.raises(errors.RuleRequired):
            policy.check_rule(wrong, text)


@pytest.mark.parametrize("reason", [None, "", "  ", "ok"])
def test_an_action_without_a_real_reason_is_refused(reason: str | None) -> None:
    with pytest.raises(errors.ReasonRequired):
        policy.check_reason(reason)


PEER = policy.Author(peer=True, account_age=timedelta(days=30))
NEWCOMER = policy.Author(peer=True, account_age=timedelta(hours=2))
STAFF = policy.Author(peer=False, account_age=timedelta(hours=1))
DAY = timedelta(hours=24)


def screen(
    text: str, *, community: bool = True, teens: bool = False, author: policy.Author = PEER
) -> tuple[str, ...]:
    kinds = policy.screen_post(
        scan(text), text, community=community, teens_room=teens, author=author, link_wait=DAY
    )
    return tuple(kind.value for kind in kinds)


def test_contact_details_hold_a_post_in_a_room_for_young_adults() -> None:
    assert screen("bel me op 0612345678") == ("phone",)
    assert screen("gewoon een bericht") == ()


def test_contact_details_are_refused_in_a_room_for_teens() -> None:
    with pytest.raises(errors.ContactDetailsRefused) as refused:
        screen("mail me op a.b@gmail.com", teens=True)
    assert refused.value.details == {"found": ["email"]}


def test_private_rooms_and_staff_are_not_screened() -> None:
    assert screen("mijn adres is Kerkstraat 12", community=False, teens=True) == ()
    assert screen("bel de huisartsenpost: 0900-1234567", teens=True, author=STAFF) == ()


def test_links_wait_for_an_accounts_first_day_but_help_sites_never_do() -> None:
    with pytest.raises(errors.LinksNotYet) as early:
        screen("kijk op www.voorbeeld.nl", author=NEWCOMER)
    assert early.value.details == {"minutes": 22 * 60}
    assert screen("chat met 113 via https://www.113.nl/chat", author=NEWCOMER) == ()
    assert screen("kijk op www.voorbeeld.nl") == ()


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("113.nl", True),
        ("https://www.113.nl/chat", True),
        ("WWW.Kindertelefoon.NL", True),
        ("chat.113.nl/x", True),
        ("fake113.nl", False),
        ("113.nl.evil.com", False),
        ("www.voorbeeld.nl", False),
    ],
)
def test_help_sites_are_recognised_by_their_host(link: str, expected: bool) -> None:
    assert policy.is_help_site(link) is expected
