"""Anonymity protection: find contact details and links in a message.

When a young person posts a phone number, an e-mail address, a postcode, a street address or a
social-media handle in a community room, the service warns and holds the message until they
confirm or edit it (in a room for 12-17 year olds it is refused); new accounts may not post
links in their first day. This package only finds what is in a text; ``moderation.policy``
decides what to do.

``scan`` runs on every community message, so each detector first asks a cheap question (are
there digits, an "@", a dot before a letter?) and most messages pass without any of the real
patterns running. The text is folded first (``normalise``) so that fullwidth digits and
zero-width characters hide nothing; positions are reported in the text as written.
"""

from __future__ import annotations

import re

from moderation.contacts.addresses import find_postcodes, find_streets
from moderation.contacts.emails import find_emails
from moderation.contacts.findings import LINK, ContactKind, Finding, Scan
from moderation.contacts.handles import find_handles
from moderation.contacts.links import find_links, is_social
from moderation.contacts.normalise import Folded, fold
from moderation.contacts.phones import HELP_LINES, find_phones

__all__ = ["HELP_LINES", "LINK", "ContactKind", "Finding", "Scan", "scan"]

_DIGIT = re.compile("[0-9]")


def scan(text: str) -> Scan:
    """The contact details and links in a text, each in order of appearance."""
    folded = fold(text)
    plain = folded.text
    links = find_links(plain)
    emails = find_emails(plain)
    # The domain of "naam at gmail.com" is part of an address, not a link of its own.
    links = [link for link in links if not _overlaps_any(link, emails)]
    social = [
        Finding(ContactKind.social, link.start, link.end)
        for link in links
        if is_social(plain[link.start : link.end])
    ]
    others = find_handles(plain)
    if _DIGIT.search(plain):
        others += find_phones(plain) + find_postcodes(plain) + find_streets(plain)
    # A number or an "@name" inside a link is part of the address of a page ("nos.nl/artikel/
    # 2512345", "medium.com/@schrijver/..."); a social link counts as a whole.
    others = [found for found in others if not _inside_any(found, links)]
    contacts = _outermost([*emails, *social, *others])
    return Scan(
        contacts=tuple(_original(folded, found) for found in contacts),
        links=tuple(_original(folded, found) for found in links),
    )


def _overlaps_any(finding: Finding, others: list[Finding]) -> bool:
    return any(finding.start < other.end and other.start < finding.end for other in others)


def _inside_any(finding: Finding, others: list[Finding]) -> bool:
    return any(other.start <= finding.start and finding.end <= other.end for other in others)


def _outermost(findings: list[Finding]) -> list[Finding]:
    """In order of appearance, without findings that lie inside another ("@naam" inside
    "telegram @naam", a phone number inside an e-mail address). On equal spans the first
    listed wins, which is why e-mail addresses and social links come first."""
    ordered = sorted(findings, key=lambda found: (found.start, -found.end))
    kept: list[Finding] = []
    reach = -1
    for found in ordered:
        if found.end <= reach:
            continue
        kept.append(found)
        reach = found.end
    return kept


def _original(folded: Folded, finding: Finding) -> Finding:
    start, end = folded.original(finding.start, finding.end)
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(finding.kind, start, end)
