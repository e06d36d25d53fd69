"""``/ws``: one socket per device for live changes, pushes and typing.

1. The client opens the socket and sends ``{"type": "auth", "token", "cursor"}`` as its first
   frame (a token never travels in the URL).
2. The server sends every change past the cursor (from the database, paged), then
   ``{"type": "live", "cursor"}``, then live changes from the hub. Every change carries its
   position; across the switch nothing is skipped or repeated, because both halves are read
   by position and the socket's cursor only moves forward.
3. Meanwhile the client may push (``push`` → ``push_result``, the same results as
   ``POST /sync/push``), signal ``typing`` (ephemeral: never stored) and ``ping``.

A consumer that cannot keep up is closed with code 4408 and its cursor as the reason.

Limits, so that one socket cannot take more than its share: a frame above
``max_frame_bytes`` closes the socket (1009); frames per second and pushed operations per
second per socket are budgeted, and a frame over budget is not taken but answered with an
error frame carrying ``retry_after`` (and the push's ``ref``), for the client to send again;
an account may hold ``connections_per_account`` sockets per instance (more: 4429).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, WebSocket
from pydantic import TypeAdapter, ValidationError
from starlette.websockets import WebSocketDisconnect, WebSocketState

from app.config import Settings
from app.db import commit, is_unavailable
from app.errors import AppError, RateLimited, ServiceUnavailable
from app.i18n import Language, negotiate
from app.identity import errors as identity_errors
from app.identity import sessions, tokens
from app.identity.actor import Actor
from app.identity.deps import TOKEN_QUERY_PARAMETERS
from app.identity.service import actor_for_token
from app.messaging import errors as messaging_errors
from app.messaging.outbox import ops_budget
from app.messaging.outbox import push as push_operations
from app.messaging.schemas import author_public
from app.ratelimit import Budget, KeyedBudget
from app.realtime import direct, protocol
from app.realtime import errors as realtime_errors
from app.realtime.hub import Hub, visible
from app.rooms.service import joined_room_ids
from app.sync import cursor as cursors
from app.sync.events import MembershipEvent
from app.sync.feed import changes_between, message_rooms
from app.sync.positions import current_head
from app.sync.schemas import push_public

log = logging.getLogger("ruimte.ws")
router = APIRouter()
_FRAME = TypeAdapter(protocol.Frame)


class SlowConsumer(Exception):
    pass


class Connection:
    """One authenticated socket: its cursor, its rooms, and a single writer."""

    def __init__(
        self, websocket: WebSocket, actor: Actor, hub: Hub, settings: Settings, language: Language
    ) -> None:
        self.ws = websocket
        self.actor = actor
        self.hub = hub
        self.settings = settings
        self.language = language
        self.cursor = 0
        self.rooms: set[uuid.UUID] = set()
        self._send_lock = asyncio.Lock()
        self._too_slow = False
        self.key = uuid.uuid4().hex  # this socket's budgets

    async def send(self, frame: str) -> None:
        """Send one frame; one the client has not taken within the send timeout cuts it off.

        A timer, not a task per frame: this runs once per frame per socket, a thousand times
        for one message in a busy room."""
        async with self._send_lock:
            sender = asyncio.current_task()
            assert sender is not None
            timer = asyncio.get_running_loop().call_later(
                self.settings.realtime.send_timeout_seconds, self._cut_off, sender
            )
            try:
                await self.ws.send_text(frame)
            except asyncio.CancelledError:
                if not self._too_slow:
                    raise
                sender.uncancel()
                raise SlowConsumer() from None
            finally:
                timer.cancel()

    def _cut_off(self, sender: asyncio.Task[Any]) -> None:
        self._too_slow = True
        sender.cancel()

    async def send_json(self, payload: dict[str, Any]) -> None:
        await self.send(json.dumps(payload, separators=(",", ":"), default=str))

    async def error(self, error: AppError, **extra: Any) -> None:
        await self.send_json({"type": "error", **extra, **error.body(self.language)})

    # -- server → client ------------------------------------------------------------------

    async def catch_up(self) -> None:
        """Send everything past the cursor from the database, until the hub's ring reaches."""
        sessionmaker = self.ws.app.state.read_sessionmaker
        while self.cursor < self.hub.floor:
            async with sessionmaker() as session:
                head = (await current_head(session)).position
                page = await changes_between(
                    session,
                    after=self.cursor,
                    upto=head,
                    viewer=self.actor.account_id,
                    limit=self.settings.sync.page_limit,
                )
            await self.ws.app.state.read_audit(self.actor, message_rooms(page.changes), "sync")
            for change in page.changes:
                await self.send(change.event.model_dump_json())
            self.cursor = page.next_position
            if not page.has_more:
                break
        async with sessionmaker() as session:
            self.rooms = await joined_room_ids(session, self.actor.account_id)
        await self.send_json(
            {"type": "live", "cursor": cursors.encode(self.hub.epoch, self.cursor)}
        )

    async def pump(self) -> None:
        """Forward the hub's changes meant for this person, in order, from the cursor on."""
        while True:
            entries = self.hub.read(self.cursor)
            if entries is None:
                raise SlowConsumer()
            upto = self.hub.position
            for entry in entries:
                if entry.position > upto:
                    break
                if visible(entry, self.actor.account_id, self.rooms):
                    self._follow_membership(entry.change.event)
                    await self.send(entry.frame)
            self.cursor = max(self.cursor, upto)
            await self.hub.wait_beyond(self.cursor)

    def _follow_membership(self, event: object) -> None:
        if isinstance(event, MembershipEvent):
            if event.state == "joined":
                self.rooms.add(event.room.id)
            else:
                self.rooms.discard(event.room.id)

    async def heartbeat(self) -> None:
        """Keep NATs open and notice a session that was logged out meanwhile."""
        while True:
            await asyncio.sleep(self.settings.realtime.heartbeat_seconds)
            try:
                if not await self._session_holds():
                    return
            except Exception as error:
                if not is_unavailable(error):
                    raise
                # The database is briefly away: the live changes wait for it anyway, and the
                # session is checked again at the next beat; the socket need not drop.
            await self.send_json(
                {"type": "heartbeat", "cursor": cursors.encode(self.hub.epoch, self.cursor)}
            )

    async def _session_holds(self) -> bool:
        """Whether the device session is still valid (closing the socket when not)."""
        # A reading session: a thousand idle sockets must not queue behind the writers.
        state = self.ws.app.state
        async with state.read_sessionmaker() as session:
            try:
                device, _ = await sessions.resolve(
                    session,
                    tokens.digest(self.ws.state.token),
                    state.identity_policy.sessions,
                    slide=False,
                )
            except identity_errors.SessionInvalid:
                await self.error(identity_errors.SessionInvalid())
                await self.ws.close(protocol.CLOSE_AUTH)
                return False
        if sessions.slide_due(device, state.identity_policy.sessions):
            await sessions.slide_elsewhere(
                state.sessionmaker, device, state.identity_policy.sessions
            )
        return True

    def on_ephemeral(self, message: dict[str, Any]) -> None:
        if direct.addressed_to(message, self.actor.account_id):
            task = asyncio.get_running_loop().create_task(self.send_json(message["frame"]))
            task.add_done_callback(lambda t: t.exception() if not t.cancelled() else None)
            return
        if message.get("room") in {str(room) for room in self.rooms} and message.get(
            "account"
        ) != str(self.actor.account_id):
            frame = json.dumps(message["frame"], separators=(",", ":"))
            task = asyncio.get_running_loop().create_task(self._send_droppable(frame))
            task.add_done_callback(lambda t: t.exception() if not t.cancelled() else None)

    async def _send_droppable(self, frame: str) -> None:
        if self._send_lock.locked():
            return  # typing is a hint: drop it rather than queue behind real changes
        with contextlib.suppress(Exception):
            await self.send(frame)

    # -- client → server ------------------------------------------------------------------

    async def read_frames(self) -> None:
        limits = self.settings.realtime
        typing_budget = KeyedBudget(
            self.ws.app.state.rate_limiter,
            Budget("typing", limits.typing_per_minute, 60),
            str(self.actor.account_id),
            messaging_errors.SlowDown,
        )
        while True:
            text = await self.ws.receive_text()
            if _too_large(text, limits.max_frame_bytes):
                await self.error(realtime_errors.FrameTooLarge(max_bytes=limits.max_frame_bytes))
                await self.ws.close(protocol.CLOSE_TOO_BIG)
                return
            try:
                frame = _FRAME.validate_json(text)
            except ValidationError as invalid:
                if not await self._within_budget(None):
                    continue
                await self.error(
                    messaging_errors.MalformedOperation(problem=str(invalid.errors()[0]["msg"]))
                )
                continue
            if not await self._within_budget(frame):
                continue
            if isinstance(frame, protocol.PingFrame):
                await self.send_json({"type": "pong"})
            elif isinstance(frame, protocol.TypingFrame):
                await self._typing(frame, typing_budget)
            else:
                await self._push(frame)

    async def _within_budget(self, frame: protocol.ClientFrame | None) -> bool:
        """Charge the frame (and a push's operations) to this socket's budgets per second;
        over them, the frame is not taken and the client is told when to send it again."""
        limiter, limits = self.ws.app.state.rate_limiter, self.settings.realtime
        try:
            limiter.hit(Budget("ws-frames", limits.frames_per_second, 1), self.key)
            if isinstance(frame, protocol.PushFrame):
                ops = Budget("ws-ops", limits.ops_per_second, 1)
                limiter.hit(ops, self.key, cost=len(frame.ops))
        except RateLimited as slow:
            ref = {"ref": frame.ref} if isinstance(frame, protocol.PushFrame) else {}
            await self.error(slow, **ref)
            return False
        return True

    async def _typing(self, frame: protocol.TypingFrame, budget: KeyedBudget) -> None:
        if frame.room_id not in self.rooms:
            return
        try:
            budget.charge()
        except AppError:
            return
        await self.hub.publish_ephemeral(
            {
                "room": str(frame.room_id),
                "account": str(self.actor.account_id),
                "frame": {
                    "type": "typing",
                    "room_id": str(frame.room_id),
                    "who": author_public(self.actor.account).model_dump(),
                },
            }
        )

    async def _push(self, frame: protocol.PushFrame) -> None:
        state = self.ws.app.state
        budget = ops_budget(state.rate_limiter, self.settings, self.actor)
        try:
            outcomes = await state.group_commit.run(
                lambda session: push_operations(
                    session, self.actor, client_id=frame.client_id, raw_ops=frame.ops, budget=budget
                )
            )
        except AppError as refused:
            await self.error(refused, ref=frame.ref)
            return
        except Exception:
            log.warning("push over the socket failed", exc_info=True)
            await self.error(ServiceUnavailable(), ref=frame.ref)
            return
        results = push_public(outcomes, self.language)
        await self.send_json(
            {"type": "push_result", "ref": frame.ref, **results.model_dump(mode="json")}
        )


def _too_large(text: str, max_bytes: int) -> bool:
    return len(text) > max_bytes or (len(text) * 4 > max_bytes and len(text.encode()) > max_bytes)


async def _authenticate(
    websocket: WebSocket, settings: Settings
) -> tuple[Actor, protocol.AuthFrame] | None:
    try:
        async with asyncio.timeout(settings.realtime.auth_timeout_seconds):
            text = await websocket.receive_text()
        if _too_large(text, settings.realtime.max_frame_bytes):
            return None
        frame = protocol.AuthFrame.model_validate_json(text)
    except (TimeoutError, ValidationError):
        return None
    async with websocket.app.state.sessionmaker() as session:
        try:
            actor = await actor_for_token(session, frame.token, websocket.app.state.identity_policy)
        except identity_errors.SessionInvalid:
            return None
        await commit(session, None)
    websocket.state.token = frame.token
    return actor, frame


@router.websocket("/ws")
async def websocket_endpoint(websocket: WebSocket) -> None:
    """Live changes, pushes and typing for one device."""
    settings: Settings = websocket.app.state.settings
    language = negotiate(websocket.headers.get("accept-language"), settings.default_language)  # type: ignore[arg-type]
    await websocket.accept()
    try:
        await _serve(websocket, settings, language)
    except Exception as error:
        if not is_unavailable(error):
            raise
        await _try_again_later(websocket, language, error)


async def _try_again_later(websocket: WebSocket, language: Language, error: Exception) -> None:
    """The database went away under this socket (or was away when it opened): say so in the
    error shape and close with "try again later"; the client resumes with its cursor."""
    log.warning("closing a socket: database unavailable (%s)", type(error).__name__)
    with contextlib.suppress(Exception):
        await websocket.send_text(
            json.dumps({"type": "error", **ServiceUnavailable().body(language)})
        )
        await websocket.close(protocol.CLOSE_TRY_AGAIN)


async def _serve(websocket: WebSocket, settings: Settings, language: Language) -> None:
    hub: Hub = websocket.app.state.hub
    in_url = TOKEN_QUERY_PARAMETERS.intersection(websocket.query_params)
    authenticated = None if in_url else await _authenticate(websocket, settings)
    if authenticated is None:
        error: AppError = (
            identity_errors.TokenInUrl() if in_url else identity_errors.AuthenticationRequired()
        )
        with contextlib.suppress(Exception):
            await websocket.send_text(json.dumps({"type": "error", **error.body(language)}))
            await websocket.close(protocol.CLOSE_AUTH)
        return
    actor, auth = authenticated
    connection = Connection(websocket, actor, hub, settings, language)
    cap = settings.realtime.connections_per_account
    with _admitted(hub, actor.account_id, cap) as admitted:
        if not admitted:
            refusal = realtime_errors.TooManyConnections(limit=cap, retry_after=60)
            with contextlib.suppress(Exception):
                await connection.error(refusal)
                await websocket.close(protocol.CLOSE_TOO_MANY)
            return
        if await _start_cursor(connection, auth.cursor):
            await _follow(connection)


@contextlib.contextmanager
def _admitted(hub: Hub, account_id: uuid.UUID, cap: int) -> Iterator[bool]:
    """Whether one more socket for the account fits on this instance; counted while open."""
    per_account = hub.sockets_per_account
    if per_account[account_id] >= cap:
        yield False
        return
    per_account[account_id] += 1
    try:
        yield True
    finally:
        per_account[account_id] -= 1
        if not per_account[account_id]:
            del per_account[account_id]


async def _follow(connection: Connection) -> None:
    """Catch the socket up, then run it live until it closes."""
    websocket, hub, actor = connection.ws, connection.hub, connection.actor
    stop_listening = hub.listen_ephemeral(connection.on_ephemeral)
    detach = websocket.app.state.live_queue.attach(actor.account_id, connection.send_json)
    hub.sockets += 1
    tasks: list[asyncio.Task[None]] = []
    try:
        await connection.catch_up()
        tasks = [
            asyncio.create_task(connection.pump()),
            asyncio.create_task(connection.read_frames()),
            asyncio.create_task(connection.heartbeat()),
        ]
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in done:
            task.result()
    except SlowConsumer:
        resume = cursors.encode(hub.epoch, connection.cursor)
        log.info("closing a socket that could not keep up (resume at %s)", resume)
        with contextlib.suppress(Exception):
            await websocket.close(protocol.CLOSE_SLOW, json.dumps({"resume": resume}))
    except WebSocketDisconnect:
        pass
    except Exception as error:
        if not is_unavailable(error):
            raise
        await _try_again_later(websocket, connection.language, error)
    finally:
        hub.sockets -= 1
        stop_listening()
        detach()
        for task in tasks:
            task.cancel()
        if tasks:  # bounded: on 3.11 a cancellation can be swallowed by a timeout expiring with it
            await asyncio.wait(tasks, timeout=2)
        if websocket.application_state is not WebSocketState.DISCONNECTED:
            with contextlib.suppress(Exception):
                await websocket.close()


async def _start_cursor(connection: Connection, cursor: str | None) -> bool:
    """Where this socket starts; a cursor that cannot be answered exactly gets a reset."""
    async with connection.ws.app.state.sessionmaker() as session:
        head = await current_head(session)
    if cursor is None:
        connection.cursor = head.position
        return True
    try:
        epoch, position = cursors.decode(cursor)
    except AppError as unreadable:
        await connection.error(unreadable)
        await connection.ws.close(protocol.CLOSE_RESET)
        return False
    if epoch != head.epoch or position > head.position or position < head.horizon:
        await connection.send_json({"type": "reset"})
        await connection.ws.close(protocol.CLOSE_RESET)
        return False
    connection.cursor = position
    return True
