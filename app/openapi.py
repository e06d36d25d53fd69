"""The errors every route may answer, documented once for the whole API.

Each route lists the refusals of its own services (``responses=responses(...)``). What the
HTTP layer itself may answer, whatever the route (a body that is not valid, too large, a
database that is away, a fault), is added here to every operation it applies to, and every
error response is documented with the one error shape as JSON (FastAPI's own default for 422
describes a shape this service never sends, and an HTML page's errors are JSON too).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app import errors

ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorResponse"}

#: Whatever the route: the service is away, or something went wrong on our side.
EVERY_OPERATION: tuple[type[errors.AppError], ...] = (
    errors.InternalError,
    errors.ServiceUnavailable,
)
#: Every route with parameters or a body validates them.
WITH_INPUT: tuple[type[errors.AppError], ...] = (errors.RequestInvalid,)
#: Every route with a body has a size limit (the middleware answers before the route).
WITH_BODY: tuple[type[errors.AppError], ...] = (errors.BodyTooLarge,)


def document_errors(app: FastAPI) -> None:
    """Make ``app.openapi()`` carry the shared error responses (built once, then cached)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for item in schema.get("paths", {}).values():
                for operation in item.values():
                    _complete(operation)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _complete(operation: dict[str, Any]) -> None:
    shared = list(EVERY_OPERATION)
    if operation.get("parameters") or "requestBody" in operation:
        shared += WITH_INPUT
    if "requestBody" in operation:
        shared += WITH_BODY
    documented = operation.setdefault("responses", {})
    for status, response in errors.responses(*shared).items():
        existing = documented.setdefault(str(status), {"description": response["description"]})
        if existing.get("description", "").startswith("Error codes:"):
            _add_codes(existing, response["description"])
        else:  # FastAPI's "Validation Error"
            existing["description"] = response["description"]
    for status, response in documented.items():
        if int(status) >= 400:
            response["content"] = {"application/json": {"schema": ERROR_SCHEMA}}


def _add_codes(response: dict[str, Any], description: str) -> None:
    codes = description.removeprefix("Error codes: ").split(", ")
    present = response["description"].removeprefix("Error codes: ").split(", ")
    merged = sorted(set(present) | set(codes))
    response["description"] = "Error codes: " + ", ".join(merged)
