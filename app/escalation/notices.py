"""What the service itself says, in a chat or a staff thread, as an escalation moves: the
question to the young person, who came in to read along, what happens next, and the crisis
line when nobody answered.

Each notice is a message from the service (no author) with a code and its parameters, so an
app shows it in the reader's language; its text is stored in the service's default language
for everything else.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from app.config import Settings
from app.messaging.models import Message
from app.sync.positions import insert_changed

WHO = {
    "professional": {"nl": "de professional van dienst", "en": "the professional on duty"},
    "psychiatrist": {
        "nl": "de psychiater van dienst (achterwacht)",
        "en": "the psychiatrist on duty (backstop)",
    },
}

TEXTS: dict[str, dict[str, str]] = {
    "consent_question": {
        "nl": "Je vrijwilliger wil graag dat {who} meeleest in dit gesprek, om je beter te "
        "kunnen helpen. Mag dat? Jij kiest: ja of nee. Nee zeggen is ook goed.",
        "en": "Your volunteer would like {who} to read along in this chat, to help you "
        "better. Is that all right? You choose: yes or no. Saying no is fine too.",
    },
    "staff_joined": {
        "nl": "{name} leest nu mee in dit gesprek.",
        "en": "{name} is now reading along in this chat.",
    },
    "staff_joined_override": {
        "nl": "{name} leest nu mee in dit gesprek, zonder dat je toestemming gaf, omdat we "
        "ons grote zorgen maken om je veiligheid. Je kunt altijd zien wie er meelas.",
        "en": "{name} is now reading along in this chat without your consent, because we are "
        "very worried about your safety. You can always see who read along.",
    },
    "staff_left": {
        "nl": "{name} leest niet meer mee.",
        "en": "{name} is no longer reading along.",
    },
    "outcome.advice_given": {
        "nl": "Je vrijwilliger heeft overlegd met een professional en praat met je verder.",
        "en": "Your volunteer talked it over with a professional and will go on with you.",
    },
    "outcome.joined": {
        "nl": "De professional heeft met je meegepraat. Je vrijwilliger blijft er voor je.",
        "en": "The professional talked with you. Your volunteer is still here for you.",
    },
    "outcome.regular_care": {
        "nl": "We helpen je de weg te vinden naar hulp bij jou in de buurt. Je hoort hier hoe "
        "dat verder gaat.",
        "en": "We will help you find care near you. You will hear here how that goes on.",
    },
    "outcome.gp": {
        "nl": "Het advies is om contact op te nemen met je huisarts. Je vrijwilliger bespreekt "
        "graag met je hoe je dat aanpakt.",
        "en": "The advice is to contact your GP. Your volunteer is happy to talk through how "
        "to go about it.",
    },
    "outcome.crisis_service": {
        "nl": "We schakelen de crisisdienst bij jou in de buurt in, zodat er snel iemand voor "
        "je is. Blijf in dit gesprek; we laten je weten wat er gebeurt.",
        "en": "We are bringing in the crisis service near you, so that someone is there for "
        "you soon. Stay in this chat; we will tell you what happens.",
    },
    "outcome.no_further_action": {
        "nl": "Er is overlegd met een professional; er is nu niets extra's nodig. Je "
        "vrijwilliger praat met je verder.",
        "en": "A professional was consulted; nothing more is needed now. Your volunteer will "
        "go on with you.",
    },
    "outcome.withdrawn": {
        "nl": "Er komt toch niemand bij dit gesprek; je vrijwilliger praat met je verder.",
        "en": "Nobody else will join this chat after all; your volunteer will go on with you.",
    },
    "nobody_answered": {
        "nl": "Het lukt nu niet om snel een professional te bereiken. Je vrijwilliger blijft "
        "bij je. {crisis_line}",
        "en": "We cannot reach a professional quickly right now. Your volunteer stays with "
        "you. {crisis_line}",
    },
    "thread.acknowledged": {
        "nl": "{name} heeft dit opgepakt.",
        "en": "{name} has taken this.",
    },
    "thread.unanswered": {
        "nl": "Niemand van dienst heeft op tijd gereageerd. De jongere kreeg het nummer van "
        "113 te zien. Bel bij acuut gevaar zelf 112 en laat je coördinator het weten.",
        "en": "Nobody on call answered in time. The young person was shown the 113 crisis "
        "line. In acute danger call 112 yourself and tell your coordinator.",
    },
    "thread.resolved": {
        "nl": "Afgesloten: {outcome}.",
        "en": "Closed: {outcome}.",
    },
}


def render(code: str, params: dict[str, Any], language: str) -> str:
    values = {
        key: value[language] if isinstance(value, dict) else value for key, value in params.items()
    }
    return TEXTS[code][language].format(**values)


async def say(
    session: AsyncSession,
    room_id: uuid.UUID,
    code: str,
    settings: Settings,
    *,
    note: str | None = None,
    **params: Any,
) -> None:
    """Post a notice from the service in a room. ``params`` may hold per-language values
    (``{"nl": …, "en": …}``); ``note`` is a staff member's own words, added as written."""
    body = render(code, params, settings.default_language)
    if note:
        body = f"{body}\n\n{note}"
    notice = {"code": code, **params, **({"note": note} if note else {})}
    await insert_changed(
        session,
        Message,
        {
            "id": uuid.uuid4(),
            "room_id": room_id,
            "author_id": None,
            "body": body,
            "notice": json.dumps(notice, separators=(",", ":"), default=str),
        },
    )


def crisis_line(settings: Settings) -> dict[str, str]:
    return {"nl": settings.chat.crisis_line_nl, "en": settings.chat.crisis_line_en}
