"""Map everything that can go wrong onto the one error shape of ``app.errors``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

from app import errors
from app.db import is_unavailable
from app.i18n import Language, negotiate

log = logging.getLogger("ruimte.errors")

_BY_STATUS: dict[int, type[errors.AppError]] = {
    404: errors.RouteNotFound,
    405: errors.MethodNotAllowed,
    413: errors.BodyTooLarge,
    422: errors.RequestInvalid,
}


def language_of(request: Request) -> Language:
    default: Language = getattr(request.app.state.settings, "default_language", "nl")
    return negotiate(request.headers.get("accept-language"), default)


def render(error: errors.AppError, language: Language) -> JSONResponse:
    return JSONResponse(
        error.body(language), status_code=error.status_code, headers=error.headers()
    )


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, errors.AppError)
    return render(exc, language_of(request))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {
            "field": ".".join(str(part) for part in problem.get("loc", ())),
            "type": problem.get("type", "invalid"),
            "detail": problem.get("msg", ""),
        }
        for problem in exc.errors()
    ]
    return render(errors.RequestInvalid(fields=problems), language_of(request))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    error_class = _BY_STATUS.get(exc.status_code)
    if exc.status_code == 400 and isinstance(exc.__cause__, errors.AppError):
        # Refused by us while FastAPI read the body (``app.middleware.BodyLimit``: NUL).
        error: errors.AppError = exc.__cause__
    elif exc.status_code == 400:
        # FastAPI's answer to a body it cannot even decode (no UTF-8): the same refusal as for
        # one that is not JSON, instead of a bare "bad request".
        problem = {"field": "body", "type": "json_invalid", "detail": str(exc.detail)}
        error = errors.RequestInvalid(fields=[problem])
    elif error_class is errors.BodyTooLarge:
        error = errors.BodyTooLarge(limit_bytes=request.app.state.settings.http.max_body_bytes)
    elif error_class is not None:
        error = error_class()
    else:
        error = errors.AppError()
    response = render(error, language_of(request))
    if exc.status_code == 405 and exc.headers:
        response.headers.update(exc.headers)
    return response


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    # Only the type: the text of a database error holds the SQL and its parameters, which can
    # be a young person's message.
    log.warning("database unavailable: %s", type(exc).__name__)
    return render(errors.ServiceUnavailable(retry_after=5), language_of(request))


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    if is_unavailable(exc):
        return await _database_unavailable(request, exc)
    return await _unexpected(request, exc)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected %s", type(exc).__name__, exc_info=exc)
    return render(errors.InternalError(), language_of(request))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(errors.AppError, _app_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for database_error in (sa_exc.DBAPIError, sa_exc.TimeoutError, OSError):
        app.add_exception_handler(database_error, _database_error)
    app.add_exception_handler(Exception, _unexpected)
