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
