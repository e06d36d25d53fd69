"""FastAPI dependencies that turn a request into an ``Actor``.

Tokens are read from the ``Authorization: Bearer`` header only. A token in the query string
would end up in proxy logs and browser history, so such a request is refused outright.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from app.db import SessionDep
from app.identity import errors, service, sessions
from app.identity.actor import Actor
from app.identity.policy import IdentityPolicy

TOKEN_QUERY_PARAMETERS = frozenset({"access_token", "token", "bearer", "auth"})

_bearer = HTTPBearer(auto_error=False, description="The token from login or registration.")


async def get_policy(request: Request) -> IdentityPolicy:
    # async: FastAPI runs a plain ``def`` dependency in a worker thread, a costly hop here
    policy: IdentityPolicy = request.app.state.identity_policy
    return policy


PolicyDep = Annotated[IdentityPolicy, Depends(get_policy)]


async def bearer_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str:
    """The request's token, not yet checked; for routes that resolve it inside their own unit
    of work (``POST /sync/push``, written in groups). Others take ``CurrentActor``."""
    if request.scope["query_string"] and TOKEN_QUERY_PARAMETERS.intersection(request.query_params):
        raise errors.TokenInUrl()
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise errors.AuthenticationRequired()
    return credentials.credentials


BearerToken = Annotated[str, Depends(bearer_token)]


async def current_actor(
    request: Request, session: SessionDep, policy: PolicyDep, token: BearerToken
) -> Actor:
    reading = request.method in ("GET", "HEAD")  # see app.db.get_session
    actor = await service.actor_for_token(session, token, policy, slide=not reading)
    if reading and sessions.slide_due(actor.device, policy.sessions):
        await sessions.slide_elsewhere(
            request.app.state.sessionmaker, actor.device, policy.sessions
        )
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]
