"""Refusals of the locations domain."""

from __future__ import annotations

from app.errors import NotFound, Unprocessable


class LocationNotFound(NotFound):
    code = "locations.not_found"
    message_nl = "Deze locatie bestaat niet."
    message_en = "This location does not exist."


class TimeZoneUnknown(Unprocessable):
    code = "locations.time_zone_unknown"
    message_nl = "De tijdzone {time_zone} bestaat niet (bijvoorbeeld: Europe/Amsterdam)."
    message_en = "The time zone {time_zone} does not exist (for example: Europe/Amsterdam)."


class ClosureNotFound(NotFound):
    code = "locations.closure_not_found"
    message_nl = "Deze sluiting bestaat niet."
    message_en = "This closure does not exist."
