"""Plain ASGI middleware: body size limit, security headers, an access log without people
(which also feeds the request metrics).

Pure ASGI (not ``BaseHTTPMiddleware``) so that WebSockets and streaming pass untouched.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import errors
from app.i18n import negotiate
from app.operations.metrics import RequestMetrics

access_log = logging.getLogger("ruimte.access")
_NUL_FIELD = {"field": "body", "type": "nul_character", "detail": "text may not hold NUL"}

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    # Responses carry tokens and private messages: no cache may keep them.
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# An API loads nothing and is framed by nobody; the API docs pages need their scripts.
CONTENT_SECURITY_POLICY = (
    b"content-security-policy",
    b"default-src 'none'; frame-ancestors 'none'",
)
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})
OWN_PATHS = DOCS_PATHS | {"/openapi.json"}  # the framework's routes, outside the routers
UNMATCHED = "unmatched"  # the route label of a request no route answered


_NUL = b"\\u0000"  # how JSON writes the character NUL in a string


def holds_nul(data: bytes) -> bool:
    """Whether JSON text ``data`` has a string with the character NUL in it: a ``\\u0000``
    whose backslash is not itself escaped (``\\\\u0000`` is a backslash and "u0000")."""
    start = data.find(_NUL)
    while start != -1:
        backslashes = len(data[:start]) - len(data[:start].rstrip(b"\\"))
        if backslashes % 2 == 0:
            return True
        start = data.find(_NUL, start + 1)
    return False


class BodyLimit:
    """Refuse bodies above ``max_bytes`` with 413 before they are read whole, and bodies with
    the character NUL in a string (422) before they are parsed.

    A declared ``Content-Length`` above the limit is answered at once; a chunked body is
    counted as it streams and cut off when it passes the limit. NUL is refused here, in one
    place for every field: PostgreSQL cannot store it in text (it was a 500 there, and stored
    on SQLite), and no person's words need it.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, default_language: str) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.default_language = default_language

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(headers, send)
            return
        received = 0
        tail = b""

        async def counting_receive() -> Message:
            nonlocal received, tail
            message = await receive()
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > self.max_bytes:
                    raise HTTPException(status_code=413)
                if holds_nul(tail + chunk):
                    raise errors.RequestInvalid(fields=[_NUL_FIELD])
                tail = (tail + chunk)[-64:]  # a NUL written across two chunks
            return message

        await self.app(scope, counting_receive, send)

    async def _refuse(self, headers: Headers, send: Send) -> None:
        language = negotiate(headers.get("accept-language"), self.default_language)  # type: ignore[arg-type]
        error = errors.BodyTooLarge(limit_bytes=self.max_bytes)
        body = json.dumps(error.body(language)).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                    *SECURITY_HEADERS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """The headers every answer carries; HSTS only when configured (behind TLS)."""

    def __init__(self, app: ASGIApp, *, hsts_seconds: int = 0) -> None:
        self.app = app
        self.headers = [*SECURITY_HEADERS]
        if hsts_seconds:
            hsts = f"max-age={hsts_seconds}; includeSubDomains".encode()
            self.headers.append((b"strict-transport-security", hsts))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = self.headers
        if scope["path"] not in DOCS_PATHS:
            headers = [*headers, CONTENT_SECURITY_POLICY]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *(header for header in headers if header[0] not in present),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _own_or_unmatched(scope: Scope) -> str:
    path: str = scope["path"]
    return path if path in OWN_PATHS else UNMATCHED


class AccessLog:
    """One line per request: method, route template, status, duration; the same four feed the
    request metrics. Never the client address, the user agent, the query string (it could hold
    a token someone pasted), a header, or the raw path (``/moderation/rooms/{room_id}/
    moderators/{handle}`` would name someone)."""

    def __init__(self, app: ASGIApp, *, metrics: RequestMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500}

        async def remember_status(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, remember_status)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or _own_or_unmatched(scope)
            method, code = scope["method"], status["code"]
            self.metrics.observe(method, route, code, seconds)
            access_log.info(
                "%s %s %s %.1fms",
                method,
                route,
                code,
                seconds * 1000,
                extra={
                    "method": method,
                    "route": route,
                    "status": code,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
