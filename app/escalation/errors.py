"""Refusals of the escalation path. Anything staff may not see answers as not found, so that
nobody learns which escalations exist."""

from __future__ import annotations

from app.errors import Conflict, Forbidden, NotFound, Unprocessable


class EscalationNotFound(NotFound):
    code = "escalation.not_found"
    message_nl = "Deze escalatie bestaat niet."
    message_en = "This escalation does not exist."


class InvalidTransition(Conflict):
    code = "escalation.invalid_transition"
    message_nl = "Dit kan niet nu de escalatie de status {state} heeft ({action})."
    message_en = "This cannot be done while the escalation is {state} ({action})."


class NotHolder(Forbidden):
    code = "escalation.not_holder"
    message_nl = "Alleen wie deze escalatie heeft opgepakt, kan dit doen."
    message_en = "Only the person who took this escalation can do this."


class NotOnCall(Forbidden):
    code = "escalation.not_on_call"
    message_nl = "Je bent niet opgeroepen voor deze escalatie en hebt nu geen dienst ervoor."
    message_en = "You were not paged for this escalation and are not on call for it now."


class ChatRequired(Unprocessable):
    code = "escalation.chat_required"
    message_nl = "Advies, meekijken of spoed gaat over een chat: geef die chat mee."
    message_en = "Advice, joining or an urgent escalation is about a chat: name the chat."


class LocationRequired(Unprocessable):
    code = "escalation.location_required"
    message_nl = "Zeg voor welke locatie je de dienstdoende wilt spreken."
    message_en = "Say which location's on-call person you want to reach."


class ConsentRequired(Conflict):
    code = "escalation.consent_required"
    message_nl = (
        "De jongere heeft (nog) geen toestemming gegeven. Alleen bij acuut gevaar, in een "
        "spoedescalatie, kun je zonder toestemming meelezen, met een onderbouwing."
    )
    message_en = (
        "The young person has not (yet) agreed. Only in acute danger, in an urgent "
        "escalation, can you join without consent, by recording a justification."
    )


class OverrideNotAllowed(Conflict):
    code = "escalation.override_not_allowed"
    message_nl = "Zonder toestemming meelezen kan alleen bij een spoedescalatie."
    message_en = "Joining without consent is possible only in an urgent escalation."


class ConsentPending(Conflict):
    code = "escalation.consent_pending"
    message_nl = "Deze vraag staat nog open bij de jongere."
    message_en = "This question is still waiting for the young person's answer."


class BackstopRequired(Conflict):
    code = "escalation.backstop_required"
    message_nl = (
        "Overdragen aan de crisisdienst gebeurt na overleg met de achterwacht, of met een "
        "reden waarom die niet bereikbaar was."
    )
    message_en = (
        "A handoff to the crisis service comes after consulting the backstop psychiatrist, "
        "or with a reason why the backstop could not be reached."
    )


class NotJoined(Conflict):
    code = "escalation.not_joined"
    message_nl = "Je bent niet in het gesprek gekomen; kies een andere uitkomst."
    message_en = "You did not join the chat; choose another outcome."


class ConsentNotFound(NotFound):
    code = "escalation.consent_not_found"
    message_nl = "Deze vraag bestaat niet."
    message_en = "This question does not exist."


class ConsentAnswered(Conflict):
    code = "escalation.consent_answered"
    message_nl = (
        "Je hebt hier al nee op gezegd. Er komt alleen iemand bij als je het opnieuw "
        "gevraagd wordt en ja zegt."
    )
    message_en = "You already said no. Nobody joins unless you are asked again and say yes."


class PageNotFound(NotFound):
    code = "escalation.page_not_found"
    message_nl = "Deze oproeplink bestaat niet."
    message_en = "This paging link does not exist."


class PageUsed(Conflict):
    code = "escalation.page_used"
    message_nl = "Deze oproeplink is al gebruikt."
    message_en = "This paging link has been used already."


class OverrideNotFound(NotFound):
    code = "escalation.override_not_found"
    message_nl = "Dit meelezen zonder toestemming bestaat niet."
    message_en = "This override does not exist."
