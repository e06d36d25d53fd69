"""Refusals of the identity domain. Each code is stable; each message is what a person reads."""

from __future__ import annotations

from app.errors import (
    AppError,
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    TooManyRequests,
    Unauthorized,
    Unprocessable,
)


class HandleInvalid(Unprocessable):
    code = "identity.handle_invalid"
    message_nl = "Een schermnaam heeft 3 tot 24 tekens: letters a-z, cijfers, _ en -."
    message_en = "A handle has 3 to 24 characters: letters a-z, digits, _ and -."


class HandleLooksLikeEmail(Unprocessable):
    code = "identity.handle_looks_like_email"
    message_nl = "Je schermnaam lijkt op een e-mailadres. Kies iets dat niets over jou verraadt."
    message_en = "Your handle looks like an email address. Pick one that gives nothing away."


class HandleLooksLikePhone(Unprocessable):
    code = "identity.handle_looks_like_phone"
    message_nl = "Je schermnaam lijkt op een telefoonnummer. Kies iets dat niets over jou verraadt."
    message_en = "Your handle looks like a phone number. Pick one that gives nothing away."


class HandleTooManyDigits(Unprocessable):
    code = "identity.handle_too_many_digits"
    message_nl = (
        "Je schermnaam heeft 6 of meer cijfers; dat kan een nummer of geboortedatum zijn. "
        "Gebruik er minder."
    )
    message_en = (
        "Your handle has 6 or more digits, which could be a number or a birth date. Use fewer."
    )


class HandleReserved(Unprocessable):
    code = "identity.handle_reserved"
    message_nl = "Deze schermnaam is gereserveerd, zodat niemand zich als team kan voordoen."
    message_en = "This handle is reserved so that nobody can pose as the team."


class HandleTaken(Conflict):
    code = "identity.handle_taken"
    message_nl = "Deze schermnaam is al in gebruik. Kies een andere."
    message_en = "This handle is already taken. Pick another one."


class PassphraseTooShort(Unprocessable):
    code = "identity.passphrase_too_short"
    message_nl = "Je wachtzin moet minstens {min_length} tekens hebben."
    message_en = "Your passphrase needs at least {min_length} characters."


class PassphraseTooLong(Unprocessable):
    code = "identity.passphrase_too_long"
    message_nl = "Je wachtzin mag hoogstens {max_length} tekens hebben."
    message_en = "Your passphrase may have at most {max_length} characters."


class PassphraseTooCommon(Unprocessable):
    code = "identity.passphrase_too_common"
    message_nl = (
        "Deze wachtzin wordt te vaak gebruikt en is makkelijk te raden. "
        "Tip: vier losse woorden die bij elkaar een beeld geven."
    )
    message_en = (
        "This passphrase is too common and easy to guess. "
        "Tip: four unrelated words that make a picture together."
    )


class PassphraseContainsHandle(Unprocessable):
    code = "identity.passphrase_contains_handle"
    message_nl = "Je wachtzin mag je schermnaam niet bevatten."
    message_en = "Your passphrase must not contain your handle."


class InvalidCredentials(Unauthorized):
    """The same answer for an unknown handle and a wrong passphrase."""

    code = "identity.invalid_credentials"
    message_nl = "Schermnaam of wachtzin klopt niet."
    message_en = "Handle or passphrase is not correct."
    keeps_writes = True  # the failure counts toward the lockout


class InvalidRecoveryCode(Unauthorized):
    code = "identity.invalid_recovery_code"
    message_nl = "Schermnaam of herstelcode klopt niet."
    message_en = "Handle or recovery code is not correct."
    keeps_writes = True


class LoginThrottled(TooManyRequests):
    code = "identity.login_throttled"
    message_nl = "Te veel mislukte pogingen voor deze schermnaam. Wacht {retry_after} seconden."
    message_en = "Too many failed attempts for this handle. Wait {retry_after} seconds."


class LoginLocked(TooManyRequests):
    code = "identity.login_locked"
    message_nl = (
        "Deze schermnaam is tijdelijk vergrendeld na te veel mislukte pogingen. "
        "Probeer het over {retry_after} seconden opnieuw."
    )
    message_en = (
        "This handle is locked for a while after too many failed attempts. "
        "Try again in {retry_after} seconds."
    )


class AuthenticationRequired(Unauthorized):
    code = "auth.required"
    message_nl = "Log eerst in."
    message_en = "Please log in first."


class SessionInvalid(Unauthorized):
    code = "auth.session_invalid"
    message_nl = "Je sessie is verlopen of afgemeld. Log opnieuw in."
    message_en = "Your session has expired or was logged out. Please log in again."


class TokenInUrl(BadRequest):
    code = "auth.token_in_url"
    message_nl = "Stuur je token nooit in een adres; gebruik de Authorization-header."
    message_en = "Never send your token in a URL; use the Authorization header."


class RoleRequired(Forbidden):
    code = "auth.role_required"
    message_nl = "Dit mag alleen iemand met de rol: {roles}."
    message_en = "Only someone with the role {roles} may do this."


class MembersOnly(Forbidden):
    code = "auth.members_only"
    message_nl = "Dit is alleen voor deelnemers."
    message_en = "This is for members only."


class InviteInvalid(AppError):
    """Unknown, used, revoked and expired invites look alike: no probing for valid codes."""

    status_code = 410
    code = "identity.invite_invalid"
    message_nl = "Deze uitnodigingscode is niet (meer) geldig. Vraag een nieuwe aan."
    message_en = "This invite code is not valid (any more). Ask for a new one."


class InviteRoleNotAllowed(Forbidden):
    code = "identity.invite_role_not_allowed"
    message_nl = "Je mag geen uitnodiging maken voor de rol {role}."
    message_en = "You may not invite someone for the role {role}."


class InviteNotFound(NotFound):
    code = "identity.invite_not_found"
    message_nl = "Deze uitnodiging bestaat niet."
    message_en = "This invite does not exist."


class RoleAlreadyHeld(Conflict):
    code = "identity.role_already_held"
    message_nl = "Je hebt de rol {role} al."
    message_en = "You already hold the role {role}."


class SessionNotFound(NotFound):
    code = "identity.session_not_found"
    message_nl = "Dit apparaat is niet aangemeld."
    message_en = "This device is not logged in."


class WrongPassphrase(Forbidden):
    code = "identity.wrong_passphrase"
    message_nl = "Je huidige wachtzin klopt niet."
    message_en = "Your current passphrase is not correct."
    keeps_writes = True


class AdminAlreadyExists(Conflict):
    code = "identity.admin_exists"
    message_nl = "Er is al een beheerder; nodig nieuwe beheerders uit met een code."
    message_en = "An admin already exists; invite further admins with a code."


class DisplayNameInvalid(Unprocessable):
    code = "identity.display_name_invalid"
    message_nl = "Een weergavenaam heeft 2 tot 60 tekens, zonder stuurtekens."
    message_en = "A display name has 2 to 60 characters, without control characters."
