"""Refusals of messaging and of the offline outbox."""

from __future__ import annotations

from app.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    TooManyRequests,
    Unprocessable,
)


class MessageTooLong(Unprocessable):
    code = "messages.too_long"
    message_nl = "Een bericht mag hoogstens {max_length} tekens hebben (dit heeft er {length})."
    message_en = "A message may have at most {max_length} characters (this one has {length})."


class MessageEmpty(Unprocessable):
    code = "messages.empty"
    message_nl = "Een bericht kan niet leeg zijn."
    message_en = "A message cannot be empty."


class MessageControlCharacters(Unprocessable):
    code = "messages.control_characters"
    message_nl = "Dit bericht bevat onzichtbare stuurtekens; haal ze weg en probeer opnieuw."
    message_en = "This message holds invisible control characters; remove them and try again."


class MessageNotFound(NotFound):
    """Also for a message in a room you are not in."""

    code = "messages.not_found"
    message_nl = "Dit bericht bestaat niet of je kunt het niet zien."
    message_en = "This message does not exist or you cannot see it."


class MessageIdTaken(Conflict):
    code = "messages.id_taken"
    message_nl = "Dit bericht-id is al gebruikt voor een ander bericht; maak een nieuw id."
    message_en = "This message id is already used for another message; generate a new one."


class NotAuthor(Forbidden):
    code = "messages.not_author"
    message_nl = "Alleen wie het bericht schreef kan het wijzigen of verwijderen."
    message_en = "Only the author of a message can edit or delete it."


class MessageDeleted(Conflict):
    code = "messages.deleted"
    message_nl = "Dit bericht is verwijderd; verwijderen gaat voor wijzigen."
    message_en = "This message was deleted; deleting wins over editing."


class EditConflict(Conflict):
    """Carries the current version (and message) so the client can merge and retry."""

    code = "messages.edit_conflict"
    message_nl = "Dit bericht is intussen gewijzigd (nu versie {current_version})."
    message_en = "This message was changed in the meantime (now version {current_version})."


class ReplyNotFound(Unprocessable):
    code = "messages.reply_not_found"
    message_nl = "Het bericht waarop je reageert staat niet in deze ruimte."
    message_en = "The message you reply to is not in this room."


class MalformedOperation(Unprocessable):
    code = "sync.malformed_operation"
    message_nl = "Deze bewerking klopt niet: {problem}"
    message_en = "This operation is not well-formed: {problem}"


class OutOfOrder(Conflict):
    code = "sync.out_of_order"
    message_nl = (
        "Deze bewerking kwam na latere bewerkingen van dit apparaat binnen en is niet "
        "uitgevoerd; stuur haar opnieuw met een nieuw volgnummer."
    )
    message_en = (
        "This operation arrived after later ones from this device and was not applied; "
        "send it again with a new sequence number."
    )


class SequenceReused(Conflict):
    code = "sync.seq_reused"
    message_nl = "Dit volgnummer is al gebruikt voor een andere bewerking."
    message_en = "This sequence number was already used for a different operation."


class BatchTooLarge(PayloadTooLarge):
    code = "sync.batch_too_large"
    message_nl = "Stuur hoogstens {max_operations} bewerkingen per keer."
    message_en = "Send at most {max_operations} operations at a time."


class SlowDown(TooManyRequests):
    code = "sync.slow_down"
    message_nl = "Even rustig aan; deze bewerking wordt zo alsnog verwerkt."
    message_en = "Slow down a little; this operation will be taken shortly."


class CursorInvalid(BadRequest):
    code = "sync.cursor_invalid"
    message_nl = "Deze cursor is onleesbaar; begin zonder cursor opnieuw."
    message_en = "This cursor cannot be read; start again without a cursor."
