"""Web links, and which of them lead to a person on a social or messenger app.

A link is anything with a scheme ("https://..."), anything starting with "www." and a bare
domain: with a common top-level domain ("site.nl") or with a path ("bit.ly/x", "t.me/naam").
What a bare domain must not catch: abbreviations ("e.g.", "t.m.", "o.a."), versions ("1.2.3"),
times ("9.30"), file names ("verslag.docx", "script.py") and a missing space after a full stop
("ik was moe.de volgende dag"), which is why ".de", ".me" and the like need a path.

A link to a profile ("instagram.com/naam", "tiktok.com/@naam") or a chat ("wa.me/316...",
"t.me/naam", "discord.gg/abc") is also a contact detail. A link to a post or a video
("x.com/naam/status/1", "tiktok.com/@naam/video/1") usually shares someone else's content, so
it is only a link.
"""

from __future__ import annotations

import re

from moderation.contacts.findings import LINK, Finding
from moderation.contacts.normalise import lowered
from moderation.contacts.vocabulary import COMMON_TLDS, OTHER_TLDS

_URL_CHARS = r"[\w\-.~:/?#\[\]@!$&()*+,;=%]"
# Runs on the lowered text (``normalise.lowered``).
_LINK = re.compile(
    rf"(?P<scheme>(?:https?|ftp)://{_URL_CHARS}+)"
    rf"|(?<![\w.@/-])(?P<www>www[0-9]{{0,3}}\.{_URL_CHARS}+)"
    r"|(?<![\w.@/:+%-])(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?P<tld>[a-z]{2,24}))"
    rf"(?![\w-])(?P<rest>(?::[0-9]{{2,5}})?[/?#]{_URL_CHARS}*)?"
)
# A text can only hold a link with a dot right before a letter, or a scheme.
_HINT = re.compile(r"\.[^\W\d_]|://")
_TRAILING = frozenset(".,;:!?)]")
_PAIRS = {")": "(", "]": "["}


def find_links(text: str) -> list[Finding]:
    """Links in a folded text, in order."""
    lower = lowered(text)
    if not _HINT.search(lower):
        return []
    found = []
    for match in _LINK.finditer(lower):
        if match["host"] is not None and not _is_bare_domain(match, text[match.start("tld") :]):
            continue
        end = _trim(text, match.start(), match.end())
        if end - match.start() > len("www."):
            found.append(Finding(LINK, match.start(), end))
    return found


def _is_bare_domain(match: re.Match[str], written: str) -> bool:
    """Whether a bare domain is a link; ``written`` is the original text from its TLD on."""
    tld = match["tld"]
    path = (match["rest"] or "").lstrip(":0123456789")
    if tld in COMMON_TLDS:
        # "klaar.Com" is a sentence with a missing space, "site.nl" a domain.
        capitalised = written[0].isupper() and written[1 : len(tld)].islower()
        return len(path) > 1 or not capitalised
    known = tld in OTHER_TLDS or len(tld) == 2
    return known and len(path) > 1


def _trim(text: str, start: int, end: int) -> int:
    """Leave out punctuation that ends the sentence, not the link; keep a closing bracket
    the link opened ("wikipedia.org/wiki/Iets_(ding)")."""
    while end > start and text[end - 1] in _TRAILING:
        closing = text[end - 1]
        opening = _PAIRS.get(closing)
        if opening and text.count(opening, start, end) >= text.count(closing, start, end):
            break
        end -= 1
    return end


_SPLIT = re.compile(
    r"(?:[a-z]+://)?(?:[^@/?#\s]*@)?(?P<host>[^/?#:\s]+)(?::[0-9]+)?(?P<path>[^?#]*)(?P<tail>.*)",
    re.IGNORECASE | re.DOTALL,
)
_SUBDOMAINS = ("www.", "m.", "mobile.", "web.")
_RESERVED = (
    r"p|reel|reels|explore|stories|tv|watch|status|hashtag|search|share|home|i|intent|events"
    r"|groups|pages|video|videos|login|signup|settings|about|help|legal|privacy|terms"
    r"|discover|directory|tag|trending|foryou|notifications|messages|accounts|shorts"
)
_ONE_NAME = re.compile(rf"/@?(?!(?:{_RESERVED})/?$)[\w.-]+/?", re.IGNORECASE)
# What a link's path must be to lead to a person; None for a chat link, where whatever follows
# the host is an invitation to talk.
_PROFILES: dict[str, re.Pattern[str] | None] = {
    **dict.fromkeys(
        [
            "instagram.com", "instagr.am", "threads.net", "threads.com", "twitter.com",
            "x.com", "facebook.com", "fb.com", "twitch.tv", "pinterest.com", "vsco.co",
            "tumblr.com", "tiktok.com",
        ],
        _ONE_NAME,
    ),
    **dict.fromkeys(
        [
            "wa.me", "api.whatsapp.com", "chat.whatsapp.com", "t.me", "telegram.me",
            "telegram.dog", "discord.gg", "signal.me", "signal.group", "kik.me", "m.me",
            "fb.me", "line.me", "threema.id", "join.skype.com",
        ],
        None,
    ),
    "youtube.com": re.compile(r"/(?:@[\w.-]+|c/[\w.-]+|channel/[\w-]+|user/[\w.-]+)/?"),
    "snapchat.com": re.compile(r"/(?:add/|@)[\w.-]+/?"),
    "linkedin.com": re.compile(r"/in/[\w%-]+/?"),
    "reddit.com": re.compile(r"/u(?:ser)?/[\w-]+/?"),
    "bsky.app": re.compile(r"/profile/[\w.:-]+/?"),
    "discord.com": re.compile(r"/(?:invite|users)/[\w-]+/?"),
    "discordapp.com": re.compile(r"/(?:invite|users)/[\w-]+/?"),
    "steamcommunity.com": re.compile(r"/(?:id|profiles)/[\w-]+/?"),
    "roblox.com": re.compile(r"/users/[0-9]+(?:/profile)?/?"),
}  # fmt: skip


def is_social(link: str) -> bool:
    """Whether a link leads to a person's profile or a chat with them."""
    parts = _SPLIT.fullmatch(link)
    if parts is None:
        return False
    host = parts["host"].lower()
    for prefix in _SUBDOMAINS:
        host = host.removeprefix(prefix)
    if host not in _PROFILES:
        return False
    rule = _PROFILES[host]
    if rule is None:
        return bool(parts["path"].strip("/") or parts["tail"].strip("?#"))
    return bool(rule.fullmatch(parts["path"]))
