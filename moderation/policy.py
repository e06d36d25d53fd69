"""The free-space rules as plain functions: who may post, moderate and guard in a community
room, which rules an action may name, and what a post must pass before the room sees it.

No database here: the services gather the facts (``Standing``) and ask. Every combination is
in ``tests/moderation/test_policy.py``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import timedelta

from moderation import errors
from moderation.contacts import ContactKind, Scan

GUARD_ROLES = frozenset({"coordinator", "admin"})

#: Rules every community room has besides its own, which are numbered from its rules text.
HOUSE_RULES = {
    "personal_details": "Geen contactgegevens of persoonlijke gegevens delen.",
    "safety": "Voor je eigen veiligheid: er wordt contact met je opgenomen.",
}
#: Only coordinators name this one, in their guard role.
ILLEGAL = "illegal"


@dataclass(frozen=True)
class Standing:
    """Who someone is in one community room."""

    peer: bool  # a young person's account (not staff)
    roles: frozenset[str]  # staff roles, if any
    joined: bool  # a current member of the room
    moderates: bool  # one of the room's current moderators
    visiting: bool = False  # staff on an invited visit that is on now


def may_post(standing: Standing) -> bool:
    """Peers in the room post; staff only while visiting at the moderators' invitation."""
    return standing.joined and (standing.peer or standing.visiting)


def may_moderate(standing: Standing) -> bool:
    """Only peers moderate, and only the room's own moderators; a staff member never does,
    visiting or not."""
    return standing.peer and standing.joined and standing.moderates


def may_guard(standing: Standing) -> bool:
    """Coordinators and admins keep the guard role: archive a room, remove illegal content.
    Nothing else in the room is theirs to do."""
    return not standing.peer and bool(standing.roles & GUARD_ROLES)


def may_appoint(standing: Standing, *, room_has_moderators: bool) -> bool:
    """A coordinator appoints a room's first moderators; after that the moderators appoint
    (and retire) each other."""
    if room_has_moderators:
        return may_moderate(standing)
    return may_guard(standing)


def may_decide_appeal(standing: Standing, *, is_who_acted: bool) -> bool:
    """A different moderator of the room decides an appeal."""
    return may_moderate(standing) and not is_who_acted


def refusal_for(standing: Standing) -> errors.NotModerator | errors.FreeSpace:
    """Why someone may not moderate: staff hear the free-space rule, peers that they are not
    this room's moderators."""
    return errors.NotModerator() if standing.peer else errors.FreeSpace()


_NUMBERING = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s*")


def room_rules(rules_text: str) -> list[str]:
    """A room's own rules, one per non-empty line of its rules text; rule "1" is the first."""
    lines = (_NUMBERING.sub("", line).strip() for line in rules_text.splitlines())
    return [line for line in lines if line]


def allowed_rules(rules_text: str, *, guard: bool = False) -> list[str]:
    """The rule names an action in this room may give."""
    own = [str(number) for number in range(1, len(room_rules(rules_text)) + 1)]
    return [ILLEGAL] if guard else [*own, *HOUSE_RULES]


def check_rule(rule: str | None, rules_text: str) -> str:
    """The rule, if the room has it; raises ``RuleRequired`` naming the ones it has."""
    allowed = allowed_rules(rules_text)
    if rule is None or rule.strip() not in allowed:
        raise errors.RuleRequired(allowed=", ".join(allowed))
    return rule.strip()


def check_reason(reason: str | None) -> str:
    """A reason of a few words at least; raises ``ReasonRequired``."""
    if reason is None or len(reason.strip()) < 3:
        raise errors.ReasonRequired()
    return reason.strip()


#: Sites anyone may link to from their first minute: where help is (the crisis line above all).
HELP_SITES = (
    "113.nl",
    "kindertelefoon.nl",
    "mindkorrelatie.nl",
    "veiligthuis.nl",
    "thuisarts.nl",
    "watwerktvoormij.nl",
)
_SITE = re.compile(r"^(?:https?://)?(?:www\.)?([^/?#\s]+)", re.IGNORECASE)


def is_help_site(link: str) -> bool:
    found = _SITE.match(link.strip())
    host = found.group(1).lower().rstrip(".") if found else ""
    return any(host == site or host.endswith("." + site) for site in HELP_SITES)


@dataclass(frozen=True)
class Author:
    """What screening needs to know about whoever posts."""

    peer: bool
    account_age: timedelta


def screen_post(
    scan: Scan,
    text: str,
    *,
    community: bool,
    teens_room: bool,
    author: Author,
    link_wait: timedelta,
) -> tuple[ContactKind, ...]:
    """What a post must pass before the room sees it; the contact details to hold it for
    (empty: post it now).

    Only community rooms are screened: in a 1:1 chat a volunteer may need an address in a
    crisis. Only young people's posts: anonymity protects them, and a visiting professional
    may share a helpline. Raises ``ContactDetailsRefused`` in a room for 12-17 year olds and
    ``LinksNotYet`` for links in an account's first day (help sites such as 113.nl excepted).
    """
    if not community or not author.peer:
        return ()
    if scan.contacts and teens_room:
        raise errors.ContactDetailsRefused(found=[kind.value for kind in scan.contact_kinds])
    links = [link for link in scan.links if not is_help_site(text[link.start : link.end])]
    if links and author.account_age < link_wait:
        minutes = math.ceil((link_wait - author.account_age).total_seconds() / 60)
        raise errors.LinksNotYet(minutes=minutes)
    return scan.contact_kinds
