"""Refusals of the on-call domain."""

from __future__ import annotations

from app.errors import NotFound, Unprocessable


class SlotNotFound(NotFound):
    code = "oncall.slot_not_found"
    message_nl = "Deze bereikbaarheidsdienst bestaat niet."
    message_en = "This on-call slot does not exist."


class NotInTier(Unprocessable):
    code = "oncall.not_in_tier"
    message_nl = "Deze persoon heeft de rol {tier} niet."
    message_en = "This person does not hold the role {tier}."
