"""Refusals of moderation, in the service's one error shape (``app.errors``).

"Does not exist" and "you may not see it" look the same: a flag or an appeal never tells
anyone whether its target exists.
"""

from __future__ import annotations

from app.errors import Conflict, Forbidden, NotFound, Unprocessable

# --- posting in the free space ------------------------------------------------------------


class ContactDetailsRefused(Unprocessable):
    code = "moderation.contact_details_refused"
    message_nl = (
        "In ruimtes voor 12 tot en met 17 jaar deel je geen contactgegevens (zoals een "
        "telefoonnummer, e-mail, adres of account op sociale media): zo blijft iedereen hier "
        "anoniem en veilig. Haal ze weg en verstuur het opnieuw. Wil je iemand spreken? Vraag "
        "een chat aan met een vrijwilliger."
    )
    message_en = (
        "In rooms for 12 to 17 year olds nobody shares contact details (a phone number, email, "
        "address or social media account): that keeps everyone here anonymous and safe. Take "
        "them out and send it again. Want to talk to someone? Ask for a chat with a volunteer."
    )


class ContactDetailsHeld(Conflict):
    """Not a refusal: the warning that comes with a message held for its author."""

    code = "moderation.contact_details_held"
    message_nl = (
        "Je bericht lijkt contactgegevens te bevatten. Iedereen in de ruimte kan die zien, en "
        "je bent hier anoniem. Het bericht wacht: bevestig dat je het zo wilt plaatsen, of pas "
        "het aan."
    )
    message_en = (
        "Your message seems to hold contact details. Everyone in the room can see them, and "
        "you are anonymous here. The message waits: confirm you want to post it as it is, or "
        "edit it."
    )


class LinksNotYet(Forbidden):
    code = "moderation.links_not_yet"
    message_nl = (
        "Nieuwe deelnemers plaatsen de eerste dag nog geen links; over {minutes} minuten kan het."
    )
    message_en = "New members post no links during their first day; you can in {minutes} minutes."


class NotHeld(Conflict):
    code = "messages.not_held"
    message_nl = "Dit bericht wacht niet op jouw bevestiging."
    message_en = "This message is not waiting for your confirmation."


# --- moderating ---------------------------------------------------------------------------


class NotModerator(Forbidden):
    code = "moderation.not_moderator"
    message_nl = "Alleen de moderatoren van deze ruimte kunnen dit."
    message_en = "Only this room's moderators can do this."


class FreeSpace(Forbidden):
    """The free space is peer-run: staff facilitate and guard, they take no content role."""

    code = "moderation.free_space"
    message_nl = (
        "De vrije ruimte is van de jongeren: medewerkers modereren en schrijven hier niet, "
        "tenzij de moderatoren je uitnodigen."
    )
    message_en = (
        "The free space belongs to the young people: staff do not moderate or post here "
        "unless the moderators invite them."
    )


class ModeratorsExist(Conflict):
    code = "moderation.moderators_exist"
    message_nl = "Deze ruimte heeft al moderatoren; zij benoemen nieuwe moderatoren."
    message_en = "This room already has moderators; they appoint new ones."


class NotAMember(Conflict):
    code = "moderation.not_a_member"
    message_nl = "Alleen deelnemers van deze ruimte kunnen haar moderator worden."
    message_en = "Only members of this room can become its moderators."


class ModeratorNotFound(NotFound):
    code = "moderation.moderator_not_found"
    message_nl = "Deze persoon is geen moderator van deze ruimte."
    message_en = "This person is not a moderator of this room."


class TargetNotFound(NotFound):
    """For moderators acting: also a target outside their room."""

    code = "moderation.target_not_found"
    message_nl = "Dit bericht of deze deelnemer is niet (meer) in deze ruimte."
    message_en = "This message or member is not (or no longer) in this room."


class ActionNeedsMessage(Unprocessable):
    code = "moderation.action_needs_message"
    message_nl = "Verbergen en terugzetten gaan over een bericht."
    message_en = "Hiding and restoring are about a message."


class RuleRequired(Conflict):
    code = "moderation.rule_required"
    message_nl = "Noem de regel van de ruimte waar dit om gaat (een van: {allowed})."
    message_en = "Name the room rule this is about (one of: {allowed})."


class ReasonRequired(Conflict):
    code = "moderation.reason_required"
    message_nl = "Geef een reden: de deelnemer om wie het gaat, krijgt die te lezen."
    message_en = "Give a reason: the member it concerns will read it."


class DurationRequired(Conflict):
    code = "moderation.duration_required"
    message_nl = "Dempen is voor een tijd: tussen 1 minuut en {max_days} dagen."
    message_en = "Muting is for a while: between 1 minute and {max_days} days."


class OwnCase(Forbidden):
    code = "moderation.own_case"
    message_nl = "Over jezelf beslist een andere moderator."
    message_en = "Another moderator decides about you."


# --- appeals --------------------------------------------------------------------------------


class ActionNotFound(NotFound):
    """Also for an action that did not affect you: nobody learns of others' actions here."""

    code = "moderation.action_not_found"
    message_nl = "Deze beslissing bestaat niet of gaat niet over jou."
    message_en = "This decision does not exist or is not about you."


class NotAppealable(Conflict):
    code = "moderation.not_appealable"
    message_nl = "Tegen deze beslissing kun je geen bezwaar maken."
    message_en = "This decision cannot be appealed."


class AppealExists(Conflict):
    code = "moderation.appeal_exists"
    message_nl = "Je hebt al bezwaar gemaakt tegen deze beslissing; je kunt dat één keer doen."
    message_en = "You already appealed this decision; you can do that once."


class AppealNotFound(NotFound):
    code = "moderation.appeal_not_found"
    message_nl = "Dit bezwaar bestaat niet of is niet voor jou."
    message_en = "This appeal does not exist or is not yours to see."


class AppealDecided(Conflict):
    code = "moderation.appeal_decided"
    message_nl = "Over dit bezwaar is al beslist."
    message_en = "This appeal has been decided."


class SameModerator(Forbidden):
    code = "moderation.same_moderator"
    message_nl = "Een andere moderator beslist over een bezwaar tegen jouw beslissing."
    message_en = "Another moderator decides on an appeal against your decision."


# --- staff visits ------------------------------------------------------------------------------


class StaffNotFound(NotFound):
    code = "moderation.staff_not_found"
    message_nl = "Er is geen medewerker met deze naam."
    message_en = "There is no staff member by this name."


class VisitTooLong(Unprocessable):
    code = "moderation.visit_too_long"
    message_nl = "Een bezoek duurt hoogstens {max_hours} uur en eindigt na het begin."
    message_en = "A visit lasts at most {max_hours} hours and ends after it starts."


class VisitNotFound(NotFound):
    code = "moderation.visit_not_found"
    message_nl = "Dit bezoek bestaat niet of is niet voor jou."
    message_en = "This visit does not exist or is not yours."


class VisitNotNow(Conflict):
    code = "moderation.visit_not_now"
    message_nl = "Dit bezoek loopt van {starts_at} tot {ends_at}."
    message_en = "This visit runs from {starts_at} to {ends_at}."


# --- care ------------------------------------------------------------------------------------


class CareTaskNotFound(NotFound):
    code = "moderation.care_task_not_found"
    message_nl = "Deze zorgtaak bestaat niet of is niet voor jou."
    message_en = "This care task does not exist or is not yours to see."


class CareTaskTaken(Conflict):
    code = "moderation.care_task_taken"
    message_nl = "Een collega heeft deze taak al opgepakt."
    message_en = "A colleague has already taken this task."


class CareTaskDone(Conflict):
    code = "moderation.care_task_done"
    message_nl = "Deze taak is al afgerond."
    message_en = "This task is already done."
