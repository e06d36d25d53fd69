"""Refusals of the shifts domain."""

from __future__ import annotations

from app.errors import Conflict, NotFound


class ShiftNotFound(NotFound):
    code = "shifts.not_found"
    message_nl = "Deze dienst bestaat niet."
    message_en = "This shift does not exist."


class ShiftFull(Conflict):
    code = "shifts.full"
    message_nl = "Deze dienst is vol: alle {seats} plekken zijn bezet."
    message_en = "This shift is full: all {seats} seats are taken."


class NoCover(Conflict):
    code = "shifts.no_cover"
    message_nl = (
        "Hier mag geen dienst zonder bereikbare professional: van {starts_at} tot {ends_at} is "
        "niemand ingeroosterd."
    )
    message_en = (
        "No shift here without a professional on call: from {starts_at} until {ends_at} nobody is "
        "on the rota."
    )


class ShiftOver(Conflict):
    code = "shifts.over"
    message_nl = "Deze dienst is al voorbij."
    message_en = "This shift is already over."


class WithdrawTooLate(Conflict):
    code = "shifts.withdraw_too_late"
    message_nl = (
        "Afmelden kan tot {cutoff_hours} uur voor de dienst begint. Vraag de coördinator om "
        "vervanging."
    )
    message_en = (
        "You can withdraw until {cutoff_hours} hours before the shift starts. Ask the "
        "coordinator for a replacement."
    )


class NotSignedUp(Conflict):
    code = "shifts.not_signed_up"
    message_nl = "Je staat niet ingeschreven voor deze dienst."
    message_en = "You are not signed up for this shift."


class OutsideWindow(Conflict):
    code = "shifts.outside_window"
    message_nl = "Dat kan voor deze dienst alleen van {opens_at} tot {closes_at}."
    message_en = "For this shift that is possible only from {opens_at} until {closes_at}."


class NotCheckedIn(Conflict):
    code = "shifts.not_checked_in"
    message_nl = "Je bent niet ingecheckt voor deze dienst."
    message_en = "You are not checked in for this shift."


class VolunteerNotFound(NotFound):
    code = "shifts.volunteer_not_found"
    message_nl = "Deze vrijwilliger bestaat niet."
    message_en = "This volunteer does not exist."
