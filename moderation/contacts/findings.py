"""What a scan reports: where in the text a contact detail or a link was found.

Positions always refer to the text as the young person wrote it, so that a client can mark the
exact characters ("this looks like a phone number") when it asks them to confirm or edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal


class ContactKind(StrEnum):
    """The kinds of contact detail that would let someone find a young person outside the
    community. The declaration order is the order ``Scan.contact_kinds`` reports them in."""

    phone = "phone"
    email = "email"
    postcode = "postcode"
    street_address = "street_address"
    social = "social"


LINK: Final = "link"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing found: ``text[start:end]`` of the original text is what it was."""

    kind: ContactKind | Literal["link"]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Scan:
    """Everything found in one text.

    A social or messenger link ("instagram.com/naam", "wa.me/316...") is both a link (the
    first-day rule) and a contact detail (anonymity), so it is in both tuples.
    """

    contacts: tuple[Finding, ...] = ()
    links: tuple[Finding, ...] = ()

    @property
    def contact_kinds(self) -> tuple[ContactKind, ...]:
        """The distinct kinds found, in declaration order whatever the order in the text, so
        that the same message always gives the same answer."""
        found = {finding.kind for finding in self.contacts}
        return tuple(kind for kind in ContactKind if kind in found)
