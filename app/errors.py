"""One error hierarchy, one JSON shape.

Every refusal the service gives, whether raised by a service, by request validation, by the
router (unknown route, wrong method) or by a middleware (body too large), reaches the client as::

    {"error": {"code": "identity.handle_taken", "message": "...", "details": {...}}}

Codes are stable and meant for programs; messages are for people, in Dutch or English by
``Accept-Language``. Each error class carries its own translations, so a new error cannot be
added without saying what a person reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel

from app.i18n import Language


class AppError(Exception):
    """Base of every error the service reports to a client."""

    status_code: ClassVar[int] = 400
    code: ClassVar[str] = "request.bad"
    message_nl: ClassVar[str] = "Dit verzoek klopt niet."
    message_en: ClassVar[str] = "This request is not valid."
    #: Some refusals are facts worth keeping: a failed login counts toward the lockout even
    #: though the request fails. For those the request's unit of work is committed, not undone.
    keeps_writes: ClassVar[bool] = False

    def __init__(self, **details: Any) -> None:
        super().__init__(self.code)
        self.details: dict[str, Any] = details

    def message(self, language: Language) -> str:
        template = self.message_nl if language == "nl" else self.message_en
        return template.format_map(_Missing(self.details))

    def headers(self) -> dict[str, str]:
        return {}

    def body(self, language: Language) -> dict[str, Any]:
        return {
            "error": {
                "code": self.code,
                "message": self.message(language),
                "details": self.details,
            }
        }


class _Missing(dict[str, Any]):
    """Leaves a placeholder visible instead of failing when a detail is absent."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        super().__init__(values)

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class BadRequest(AppError):
    status_code = 400


class Unauthorized(AppError):
    status_code = 401

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": "Bearer"}


class Forbidden(AppError):
    status_code = 403


class NotFound(AppError):
    status_code = 404


class Conflict(AppError):
    status_code = 409


class Unprocessable(AppError):
    status_code = 422


class TooManyRequests(AppError):
    """Carries ``retry_after`` (seconds) into the details and the ``Retry-After`` header."""

    status_code = 429

    def __init__(self, *, retry_after: int, **details: Any) -> None:
        super().__init__(retry_after=max(1, int(retry_after)), **details)

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.details["retry_after"])}


# --- errors of the HTTP layer itself -------------------------------------------------------


class RequestInvalid(Unprocessable):
    code = "request.invalid"
    message_nl = "Het verzoek bevat ongeldige velden."
    message_en = "The request has invalid fields."


class RouteNotFound(NotFound):
    code = "request.not_found"
    message_nl = "Dit adres bestaat niet."
    message_en = "There is nothing at this address."


class MethodNotAllowed(AppError):
    status_code = 405
    code = "request.method_not_allowed"
    message_nl = "Deze methode is hier niet toegestaan."
    message_en = "This method is not allowed here."


class PayloadTooLarge(AppError):
    status_code = 413


class BodyTooLarge(PayloadTooLarge):
    code = "request.too_large"
    message_nl = "Het verzoek is te groot (hoogstens {limit_bytes} bytes)."
    message_en = "The request is too large (at most {limit_bytes} bytes)."


class RateLimited(TooManyRequests):
    code = "request.rate_limited"
    message_nl = "Even rustig aan: probeer het over {retry_after} seconden opnieuw."
    message_en = "Slow down a little: try again in {retry_after} seconds."


class ServiceUnavailable(AppError):
    status_code = 503
    code = "service.unavailable"
    message_nl = (
        "De dienst is even niet bereikbaar. Er is niets opgeslagen; probeer het zo opnieuw."
    )
    message_en = "The service is briefly unavailable. Nothing was saved; please try again shortly."

    def __init__(self, *, retry_after: int = 5, **details: Any) -> None:
        super().__init__(retry_after=retry_after, **details)

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.details["retry_after"])}


class InternalError(AppError):
    status_code = 500
    code = "internal.error"
    message_nl = "Er ging iets mis aan onze kant. Er is niets half opgeslagen."
    message_en = "Something went wrong on our side. Nothing was half-saved."


class ErrorBody(BaseModel):
    """The inner object of every error response (documented in OpenAPI)."""

    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorResponse(BaseModel):
    error: ErrorBody


def responses(*errors: type[AppError]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for a route: each status with the codes it may carry."""
    by_status: dict[int, list[str]] = {}
    for error in errors:
        by_status.setdefault(error.status_code, []).append(error.code)
    return {
        status: {
            "model": ErrorResponse,
            "description": "Error codes: " + ", ".join(f"`{code}`" for code in sorted(codes)),
        }
        for status, codes in sorted(by_status.items())
    }


def _all_subclasses(base: type[AppError]) -> list[type[AppError]]:
    found: list[type[AppError]] = []
    for subclass in base.__subclasses__():
        found.append(subclass)
        found += _all_subclasses(subclass)
    return found


def error_from_code(code: str, details: dict[str, Any]) -> AppError:
    """Rebuild a stored refusal (an outbox result kept for retries) to render it again, in the
    language of whoever asks now."""
    for candidate in _all_subclasses(AppError):
        if candidate.__dict__.get("code") == code:
            error = candidate.__new__(candidate)
            AppError.__init__(error, **details)
            return error
    return AppError(**details)
