"""Social-media and messenger handles: "@naam", "insta: naam", "add me on snap naam".

A handle is how someone is found on another app, which is exactly what a room's anonymity is
meant to prevent. Naming an app is not enough ("insta is stom", "ik zit op snap"): there must
be a handle, and a handle is recognised by how it is introduced. After a colon ("snap: naam"),
after "mijn snap is" or after an invitation ("add me on snap") any word that is not an everyday
word counts; right after the app's name ("ig naam_123") only something that looks like a
handle (a digit, an underscore, an inner dot, a leading @) does. Social links ("instagram.com/
naam") are found with the links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderation.contacts.findings import ContactKind, Finding
from moderation.contacts.normalise import lowered
from moderation.contacts.vocabulary import EVERYDAY_WORDS

_PLATFORM = (
    r"(?:insta(?:gram)?|ig|snap(?:chat)?|sc|tik\s?tok|discord|telegram|kik|signal|whats\s?app"
    r"|facebook|fb|twitter|threads|bereal|skype|wechat|twitch|steam|roblox|psn|xbox|reddit"
    r"|bluesky|bsky|pinterest|tumblr|vsco|yubo)"
)
_HANDLE = r"(?P<handle>@?\w(?:[\w.-]{0,28}\w)?(?:#[0-9]{4})?)(?![\w@])"
_WHATS = r"(?:naam|name|username|handle|account|acc|id|tag)"
_WHAT = rf"(?:\s*{_WHATS})?"

# All patterns run on the lowered text (``normalise.lowered``). An app's name is found first,
# by its letters (Python searches fast for a pattern's first characters, not for a word
# boundary); the patterns below are then tried where it starts.
_MENTIONED = re.compile(rf"{_PLATFORM}{_WHATS}?\b")
# After these any word that is not an everyday word is a handle: "snap: naam", "mijn snap is
# naam", "add me on snap naam".
_AFTER_COLON = re.compile(rf"{_PLATFORM}{_WHAT}\s*(?::|=|-+>?|=>|→|➡|👉)\s*{_HANDLE}")
_AFTER_IS = re.compile(rf"{_PLATFORM}{_WHAT}(?:\s+(?:is|=)|'s)\s+{_HANDLE}")
_AFTER_NAME = re.compile(rf"{_PLATFORM}\s*:?\s+{_HANDLE}")
_POSSESSIVE = re.compile(r"(?<![a-z])(?:mijn|m'n|mn|my|onze|our)\s+\Z")
_INVITATION = re.compile(
    r"(?<![a-z])(?:add|adden|voeg|volg|follow|dm|pm|stuur|message|text|hmu|zoek)"
    r"(?:\s+(?:me|mij|ons|us|even|ff|maar|gerust|toe))*\s+(?:on|op|via|in)\s+\Z"
)
_HANDLE_LIKE = re.compile(r"^@|[0-9_]|\w\.\w")
_COUNT = re.compile(r"[0-9]+[a-z]{0,3}")  # "2x", "10min", "3uur"
_LETTER = re.compile(r"[^\W\d_]")

_AT = re.compile(r"(?<![\w@.+-])@(?P<handle>\w(?:[\w.]{0,28}\w)?)(?![\w@])")
# "@" read as "at": "ik ben @home", "@iedereen bedankt", "@ 8 uur" (no handle: a space).
_AT_WORDS = frozenset(
    {
        "home", "school", "work", "werk", "thuis", "huis", "iedereen", "everyone", "everybody",
        "all", "allen", "allemaal", "jullie", "here", "hier", "mods", "mod", "moderator",
        "moderators", "admin", "admins", "de", "het", "the", "jij", "jou", "je", "u", "you",
        "me", "mij", "ik", "iemand", "someone", "anyone",
    }
)  # fmt: skip
_TIME = re.compile(r"[0-9]{1,2}(?:u|uur|h|am|pm)")

# A Discord name with its old four-digit tag, "naam#1234".
_TAGGED = re.compile(r"(?<![\w#@])(?P<name>[^\W\d][\w.]{1,31})#[0-9]{4}(?![0-9])")
_NOT_TAGGED = frozenset(
    {"order", "bestelling", "nr", "nummer", "no", "issue", "ticket", "pr", "factuur", "zaak"}
)


def find_handles(text: str) -> list[Finding]:
    """Handles in a folded text, in order; one introduced by the app's name includes it."""
    lower = lowered(text)
    spans: list[tuple[int, int]] = []
    for mention in _MENTIONED.finditer(lower):
        at = mention.start()
        if at == 0 or not lower[at - 1].isalnum():
            spans.extend(_introduced(lower, at))
    if "@" in lower:
        spans.extend(
            match.span() for match in _AT.finditer(lower) if _is_at_handle(match["handle"])
        )
    if "#" in lower:
        spans.extend(
            match.span() for match in _TAGGED.finditer(lower) if match["name"] not in _NOT_TAGGED
        )
    return [Finding(ContactKind.social, start, end) for start, end in sorted(spans)]


def _introduced(lower: str, at: int) -> Iterator[tuple[int, int]]:
    """The handle an app's name at ``at`` introduces, if any."""
    before = max(0, at - 48)
    introductions = [_AFTER_COLON]
    if _POSSESSIVE.search(lower, before, at):
        introductions.append(_AFTER_IS)
    if _INVITATION.search(lower, before, at):
        introductions.append(_AFTER_NAME)
    for pattern in introductions:
        match = pattern.match(lower, at)
        if match and _is_handle(match["handle"]):
            yield match.span()
            return
    # Right after the name only something that looks like a handle: "ig naam_123".
    match = _AFTER_NAME.match(lower, at)
    if match is None:
        return
    handle = match["handle"]
    if _HANDLE_LIKE.search(handle) and not _COUNT.fullmatch(handle) and _is_handle(handle):
        yield match.span()


def _is_handle(handle: str) -> bool:
    bare = handle.removeprefix("@")
    return bool(_LETTER.search(bare)) and bare not in EVERYDAY_WORDS


def _is_at_handle(handle: str) -> bool:
    return bool(_LETTER.search(handle)) and not _TIME.fullmatch(handle) and handle not in _AT_WORDS
