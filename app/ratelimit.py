"""Request budgets per client and per instance, kept in memory only.

Who is "a client" without identifying anyone: the connecting address is turned into a keyed
hash (the key is random per process) that lives in this process's memory for at most one
window and is never written to the database or a log. A global budget per instance caps what
many clients together can do (a registration flood from many addresses).

Every write (POST, PUT, PATCH, DELETE) is charged to its actor's write budget by one app-wide
dependency (``write_budget``): the actor is the keyed hash of the bearer token, or of the
address when there is none. Routes with a budget of their own add it on top (registration,
login); a route that budgets inside its own protocol says so with ``own_budget`` and is left
to it (the outbox push counts operations, so a request is not counted twice over).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from starlette.requests import HTTPConnection

from app.config import RateLimitSettings
from app.errors import RateLimited, TooManyRequests


@dataclass(frozen=True)
class Budget:
    name: str
    limit: int
    window_seconds: float


class RateLimiter:
    """Fixed-window counters; memory is bounded by pruning expired windows."""

    def __init__(
        self, *, max_keys: int = 100_000, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._windows: dict[tuple[str, str], tuple[float, int]] = {}
        self._max_keys = max_keys
        self._monotonic = monotonic
        self._salt = secrets.token_bytes(32)

    def client_key(self, address: str | None) -> str:
        return hmac.new(self._salt, (address or "?").encode(), hashlib.sha256).hexdigest()[:32]

    def hit(self, budget: Budget, key: str, cost: int = 1) -> None:
        """Count ``cost`` units (one request, say); raise ``RateLimited`` with the wait when
        they do not fit in what is left of the budget."""
        now = self._monotonic()
        slot = (budget.name, key)
        started, count = self._windows.get(slot, (now, 0))
        if now - started >= budget.window_seconds:
            started, count = now, 0
        if count + min(cost, budget.limit) > budget.limit:
            raise RateLimited(retry_after=math.ceil(started + budget.window_seconds - now))
        self._windows[slot] = (started, count + cost)
        if len(self._windows) > self._max_keys:
            self._prune(now, budget.window_seconds)

    def give_back(self, budget: Budget, key: str) -> None:
        """Uncount one request that turned out not to need the budget."""
        slot = (budget.name, key)
        if slot in self._windows:
            started, count = self._windows[slot]
            self._windows[slot] = (started, max(0, count - 1))

    def _prune(self, now: float, window_seconds: float) -> None:
        expired = [
            slot for slot, (started, _) in self._windows.items() if now - started >= window_seconds
        ]
        for slot in expired:
            del self._windows[slot]
        while len(self._windows) > self._max_keys:  # still full: forget the oldest windows
            del self._windows[next(iter(self._windows))]


def _budgets(settings: RateLimitSettings, action: str) -> tuple[Budget, Budget]:
    """(per client, per instance) budget for an action; one place lists them all."""
    if action == "register":
        return (
            Budget("register", settings.register_per_hour, 3600),
            Budget("register:all", settings.global_register_per_minute, 60),
        )
    if action == "login":
        return (
            Budget("login", settings.login_per_minute, 60),
            Budget("login:all", settings.global_login_per_minute, 60),
        )
    raise KeyError(action)


def limit(action: str) -> Callable[[Request], None]:
    """A route dependency charging one request to the client's and the instance's budget."""

    def dependency(request: Request) -> None:
        limiter: RateLimiter = request.app.state.rate_limiter
        per_client, per_instance = _budgets(request.app.state.settings.security.rate_limits, action)
        address = request.client.host if request.client else None
        limiter.hit(per_client, limiter.client_key(address))
        limiter.hit(per_instance, "*")

    return dependency


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OWN_BUDGET = "x-rate-limit"


def own_budget(description: str) -> dict[str, Any]:
    """``openapi_extra`` of a write route whose budget lives in its own protocol (documented
    in OpenAPI under ``x-rate-limit``); the write budget leaves it alone."""
    return {OWN_BUDGET: description}


def actor_key(limiter: RateLimiter, connection: HTTPConnection) -> str:
    """Who a request counts against: its token, else its (hashed) address. Neither is kept."""
    scheme, _, token = connection.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return "token:" + limiter.client_key(token.strip())
    return "client:" + limiter.client_key(connection.client.host if connection.client else None)


async def write_budget(connection: HTTPConnection) -> None:
    """The app-wide dependency charging every write to its actor (see the module)."""
    scope = connection.scope
    if scope["type"] != "http" or scope["method"] not in WRITE_METHODS:
        return
    if OWN_BUDGET in (getattr(scope.get("route"), "openapi_extra", None) or {}):
        return
    state = connection.app.state
    limits: RateLimitSettings = state.settings.security.rate_limits
    limiter: RateLimiter = state.rate_limiter
    limiter.hit(Budget("writes", limits.writes_per_minute, 60), actor_key(limiter, connection))


class KeyedBudget:
    """One budget for one key, charged one unit at a time (an account's outbox operations)."""

    def __init__(
        self, limiter: RateLimiter, budget: Budget, key: str, refusal: type[TooManyRequests]
    ) -> None:
        self.limiter, self.budget, self.key, self.refusal = limiter, budget, key, refusal

    def charge(self) -> None:
        try:
            self.limiter.hit(self.budget, self.key)
        except RateLimited as spent:
            raise self.refusal(retry_after=spent.details["retry_after"]) from spent

    def refund(self) -> None:
        self.limiter.give_back(self.budget, self.key)
