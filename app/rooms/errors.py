"""Refusals of the rooms domain."""

from __future__ import annotations

from app.errors import Conflict, Forbidden, NotFound, Unprocessable


class RoomNotFound(NotFound):
    """Also the answer for a room that exists but that you may not see or are not in."""

    code = "rooms.not_found"
    message_nl = "Deze ruimte bestaat niet of je hebt er geen toegang toe."
    message_en = "This room does not exist or you have no access to it."


class RoomAgeBandMismatch(Forbidden):
    code = "rooms.age_band_mismatch"
    message_nl = "Deze ruimte is voor jongeren van {age_band} jaar."
    message_en = "This room is for young people aged {age_band}."


class RoomArchived(Conflict):
    code = "rooms.archived"
    message_nl = (
        "Deze ruimte is gearchiveerd: je kunt nog lezen, maar niet meer schrijven of erbij komen."
    )
    message_en = "This room is archived: you can still read it, but not write or join."


class ThemeRequired(Unprocessable):
    code = "rooms.theme_required"
    message_nl = "Een gemeenschapsruimte heeft een thema."
    message_en = "A community room needs a theme."


class Muted(Forbidden):
    code = "rooms.muted"
    message_nl = (
        "De moderatoren van deze ruimte hebben je tot {until} gedempt: je kunt lezen, maar nog "
        "niet schrijven. Je kunt hiertegen bezwaar maken."
    )
    message_en = (
        "This room's moderators muted you until {until}: you can read, but not write yet. "
        "You can appeal."
    )


class Removed(Forbidden):
    code = "rooms.removed"
    message_nl = (
        "De moderatoren hebben je uit deze ruimte verwijderd. Je kunt hiertegen bezwaar maken."
    )
    message_en = "This room's moderators removed you from it. You can appeal."


class VisitOver(Forbidden):
    code = "rooms.visit_over"
    message_nl = "Je bezoek aan deze ruimte is voorbij; de vrije ruimte is van de jongeren."
    message_en = "Your visit to this room is over; the free space belongs to the young people."
