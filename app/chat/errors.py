"""Refusals of the chat domain."""

from __future__ import annotations

from typing import Any

from app.errors import Conflict, NotFound
from app.i18n import Language


class ChatClosed(Conflict):
    """Out of hours: never queued into the void; when it opens, and where to turn now."""

    code = "chat.closed"
    keeps_writes = True  # the day's count of people who asked while closed (no one in it)
    message_nl = "De chat is nu gesloten. {opens} {crisis_line}"
    message_en = "Chat is closed now. {opens} {crisis_line}"

    def __init__(
        self, *, next_opens: str | None, next_opens_local: str | None, crisis_line: dict[str, str]
    ) -> None:
        super().__init__(
            next_opens=next_opens, next_opens_local=next_opens_local, crisis_line=crisis_line
        )

    def message(self, language: Language) -> str:
        local = self.details["next_opens_local"]
        if language == "en":
            opens = f"It opens again at {local}." if local else "It has no opening hours planned."
        else:
            opens = (
                f"Hij gaat weer open op {local}."
                if local
                else "Er zijn geen openingstijden gepland."
            )
        template = self.message_en if language == "en" else self.message_nl
        crisis_line: dict[str, Any] = self.details["crisis_line"]
        return template.format(opens=opens, crisis_line=crisis_line[language])


class RequestOpen(Conflict):
    code = "chat.request_open"
    message_nl = "Je hebt al een open chatverzoek."
    message_en = "You already have an open chat request."


class RequestNotFound(NotFound):
    code = "chat.request_not_found"
    message_nl = "Dit chatverzoek bestaat niet."
    message_en = "This chat request does not exist."


class NotOnShift(Conflict):
    code = "chat.not_on_shift"
    message_nl = "Je bent nu niet ingecheckt voor een dienst."
    message_en = "You are not checked in for a shift right now."


class AtCapacity(Conflict):
    code = "chat.at_capacity"
    message_nl = "Je hebt al {chats} chats tegelijk; rond er eerst een af of draag er een over."
    message_en = "You already have {chats} chats at once; end or hand one over first."


class AlreadyTaken(Conflict):
    code = "chat.already_taken"
    message_nl = "Dit verzoek is al opgepakt of ingetrokken."
    message_en = "This request was already taken or withdrawn."


class QueueEmpty(Conflict):
    code = "chat.queue_empty"
    message_nl = "Er wacht nu niemand die jij kunt helpen."
    message_en = "Nobody you can help is waiting right now."


class AgeBandNotServed(Conflict):
    code = "chat.age_band_not_served"
    message_nl = "Dit verzoek is van iemand van {age_band} jaar; jouw dienst is daar niet voor."
    message_en = "This request is from someone aged {age_band}; your shift does not serve them."


class NotEnded(Conflict):
    code = "chat.not_ended"
    message_nl = "Deze chat loopt nog."
    message_en = "This chat has not ended yet."


class SurveyAnswered(Conflict):
    code = "chat.survey_answered"
    message_nl = "Je hebt deze vragen al beantwoord. Dank je wel!"
    message_en = "You already answered these questions. Thank you!"


class ColleagueUnavailable(Conflict):
    code = "chat.colleague_unavailable"
    message_nl = (
        "Deze collega kan de chat nu niet overnemen (niet ingecheckt op jouw locatie, niet "
        "voor deze leeftijd, of al vol)."
    )
    message_en = (
        "This colleague cannot take the chat over now (not checked in at your location, not "
        "serving this age, or already full)."
    )


class OpenChats(Conflict):
    code = "chat.open_chats"
    message_nl = "Je hebt nog {count} open chat(s): rond ze af of draag ze over voor je uitcheckt."
    message_en = "You still have {count} open chat(s): end or hand them over before checking out."
