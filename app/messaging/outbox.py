"""The outbox push: an ordered batch of operations from one client, a result for each.

Exactly-once, forever: every operation carries the client's ``client_id`` and a ``seq`` that
increases per client. The outcome of each operation is stored under that key, so a retry
after any time offline is answered with the original result and never writes twice.
Operations from one client are taken in order: one with a ``seq`` at or below the last one
taken is a duplicate (or, if never seen, arrived too late and is refused rather than applied
out of order: a stale copy of a request must not resurrect a message the person cancelled).

One bad operation never blocks the others: each is applied or rejected on its own. Operations
check everything before they write anything (``operations``), so a rejection leaves nothing to
undo; an unexpected database error fails the whole batch, with nothing applied. Only a
temporary condition ("slow down") answers ``retry_later``, and then for it and everything
after it, so that the client's order is kept.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import sqlalchemy as sa
from pydantic import TypeAdapter, ValidationError
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.config import Settings
from app.errors import AppError, TooManyRequests, error_from_code
from app.identity.actor import Actor
from app.messaging import errors
from app.messaging.models import ClientCursor, ClientOperation, OperationStatus
from app.messaging.operations import APPLY, AlreadyDone, ResultBuilder
from app.messaging.schemas import MAX_OPERATIONS, Operation
from app.ratelimit import Budget, KeyedBudget, RateLimiter
from app.sql_dialects import per_dialect
from app.sync.positions import insert_after_assign

_OPERATION = TypeAdapter(Operation)

Status = Literal["applied", "duplicate", "rejected", "retry_later"]


@dataclass
class ItemOutcome:
    index: int
    seq: int | None
    status: Status
    original_status: Literal["applied", "rejected"] | None = None
    result: dict[str, Any] | None = None
    error: AppError | None = None
    same_as: ItemOutcome | None = None  # the same seq twice in one batch

    def settled(self) -> ItemOutcome:
        """The outcome as the client sees it (a repeat within a batch mirrors the first)."""
        if self.same_as is None:
            return self
        first = self.same_as.settled()
        original = first.original_status or ("applied" if first.error is None else "rejected")
        return ItemOutcome(self.index, self.seq, "duplicate", original, first.result, first.error)


class OpsBudget(Protocol):
    """Asks whether one more operation may run now (raises ``TooManyRequests`` if not)."""

    def charge(self) -> None: ...

    def refund(self) -> None: ...

    def charge_room(self, room_id: str) -> None:
        """One more message in one room (flood protection); raises ``TooManyRequests``."""


class AccountBudget:
    """An account's operations, and its messages per room (a flood in one room waits while
    the conversations elsewhere go on at the account's own pace)."""

    def __init__(self, limiter: RateLimiter, settings: Settings, actor: Actor) -> None:
        key = str(actor.account_id)
        self._ops = KeyedBudget(
            limiter, Budget("ops", settings.sync.ops_per_minute, 60), key, errors.SlowDown
        )
        self._limiter, self._key = limiter, key
        self._room = Budget("room", settings.moderation.room_messages_per_minute, 60)

    def charge(self) -> None:
        self._ops.charge()

    def refund(self) -> None:
        self._ops.refund()

    def charge_room(self, room_id: str) -> None:
        KeyedBudget(self._limiter, self._room, f"{self._key}:{room_id}", errors.SlowDown).charge()


def ops_budget(limiter: RateLimiter, settings: Settings, actor: Actor) -> OpsBudget:
    """The account's operation budget, the same over HTTP and the WebSocket."""
    return AccountBudget(limiter, settings, actor)


def _charge_room(budget: OpsBudget | None, raw: Any) -> TooManyRequests | None:
    """A send's share of its room's budget, or the refusal that says when to come back."""
    if budget is None or not isinstance(raw, dict) or raw.get("type") != "send":
        return None
    try:
        budget.charge_room(str(raw.get("room_id")))
    except TooManyRequests as slow:
        return slow
    return None


def fingerprint(raw: dict[str, Any]) -> str:
    canonical = json.dumps(raw, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _seq_of(raw: Any) -> int | None:
    seq = raw.get("seq") if isinstance(raw, dict) else None
    return seq if isinstance(seq, int) and not isinstance(seq, bool) and seq >= 1 else None


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg', 'invalid')}" if where else first.get("msg", "invalid")


_CURSOR = ClientCursor.__table__  # type: ignore[attr-defined]
_OPERATIONS = ClientOperation.__table__  # type: ignore[attr-defined]

_TAKE_CURSOR = per_dialect(
    lambda insert: (
        insert(_CURSOR)
        .on_conflict_do_update(
            index_elements=[_CURSOR.c.account_id, _CURSOR.c.client_id],
            set_={"last_seq": _CURSOR.c.last_seq},  # a write that changes nothing: the row lock
        )
        .returning(_CURSOR.c.last_seq)
    )
)


def _claim(insert: Callable[[Any], Any]) -> Any:
    statement = insert(_CURSOR)
    return statement.on_conflict_do_update(
        index_elements=[_CURSOR.c.account_id, _CURSOR.c.client_id],
        set_={"last_seq": statement.excluded.last_seq},
        where=_CURSOR.c.last_seq < sa.bindparam("first_seq"),
    ).returning(_CURSOR.c.last_seq)


_CLAIM_CURSOR = per_dialect(_claim)
_MOVE_CURSOR = (
    sa.update(_CURSOR)
    .where(
        _CURSOR.c.account_id == sa.bindparam("cursor_account"),
        _CURSOR.c.client_id == sa.bindparam("cursor_client"),
    )
    .values(last_seq=sa.bindparam("taken"))
)


async def _lock_cursor(session: AsyncSession, account_id: uuid.UUID, client_id: uuid.UUID) -> int:
    """The client's last taken ``seq``, its row created if new and locked, in one statement:
    two batches from one client never interleave."""
    row = {"account_id": account_id, "client_id": client_id, "last_seq": 0}
    return int((await session.exec(_TAKE_CURSOR(session), params=row)).scalar_one())


async def _claim_cursor(
    session: AsyncSession, account_id: uuid.UUID, client_id: uuid.UUID, seqs: list[int]
) -> bool:
    """The usual push in one statement: if every ``seq`` in it is new, the cursor (created if
    new, and locked) moves to the highest at once, and True; otherwise nothing changes."""
    row = {"account_id": account_id, "client_id": client_id, "last_seq": max(seqs)}
    claimed = await session.exec(_CLAIM_CURSOR(session), params={**row, "first_seq": min(seqs)})
    return claimed.first() is not None


async def _move_cursor(
    session: AsyncSession, account_id: uuid.UUID, client_id: uuid.UUID, last_seq: int
) -> None:
    where = {"cursor_account": account_id, "cursor_client": client_id, "taken": last_seq}
    await session.exec(_MOVE_CURSOR, params=where)


async def _stored(
    session: AsyncSession, account_id: uuid.UUID, client_id: uuid.UUID, seqs: list[int]
) -> dict[int, ClientOperation]:
    if not seqs:
        return {}
    result = await session.exec(
        select(ClientOperation).where(
            ClientOperation.account_id == account_id,
            ClientOperation.client_id == client_id,
            col(ClientOperation.seq).in_(seqs),
        )
    )
    return {operation.seq: operation for operation in result.all()}


def _charge(budget: OpsBudget | None) -> TooManyRequests | None:
    """One operation's worth of the budget, or the refusal that says when to come back."""
    if budget is not None:
        try:
            budget.charge()
        except TooManyRequests as slow:
            return slow
    return None


def _replay(item: ItemOutcome, stored: ClientOperation) -> None:
    outcome = json.loads(stored.outcome)
    item.status = "duplicate"
    item.original_status = stored.status.value
    if stored.status is OperationStatus.applied:
        item.result = outcome["result"]
    else:
        item.error = error_from_code(outcome["error"]["code"], outcome["error"]["details"])


async def push(
    session: AsyncSession,
    actor: Actor,
    *,
    client_id: uuid.UUID,
    raw_ops: list[Any],
    budget: OpsBudget | None = None,
) -> list[ItemOutcome]:
    """Apply a batch; the outcomes are complete once the unit of work has committed.

    Raises ``BatchTooLarge`` (nothing is applied). Everything else is a per-item outcome.
    """
    if len(raw_ops) > MAX_OPERATIONS:
        raise errors.BatchTooLarge(max_operations=MAX_OPERATIONS)
    seqs = [seq for raw in raw_ops if (seq := _seq_of(raw))]
    # The first new operation is paid for before the cursor is claimed: a claimed cursor
    # stands past every seq of the batch, and if none could be taken it would have no way back.
    prepaid = bool(seqs) and _charge(budget) is None
    if prepaid and await _claim_cursor(session, actor.account_id, client_id, seqs):
        taken, last_seq, stored = max(seqs), min(seqs) - 1, {}
    else:  # a retry, or a batch that reaches back: look at what was taken before
        if prepaid and budget is not None:
            budget.refund()
        prepaid = False
        taken = last_seq = await _lock_cursor(session, actor.account_id, client_id)
        seen_before = [seq for seq in seqs if seq <= taken]
        stored = await _stored(session, actor.account_id, client_id, seen_before)
    outcomes: list[ItemOutcome] = []
    waiting: TooManyRequests | None = None
    this_batch: dict[int, tuple[ItemOutcome, str]] = {}
    for index, raw in enumerate(raw_ops):
        seq = _seq_of(raw)
        item = ItemOutcome(index=index, seq=seq, status="rejected")
        outcomes.append(item)
        if seq is None:
            item.error = errors.MalformedOperation(problem="seq: a whole number of at least 1")
            continue
        digest = fingerprint(raw)
        if seq <= last_seq:
            previous = stored.get(seq)
            if seq in this_batch and this_batch[seq][1] == digest:
                item.same_as = this_batch[seq][0]
            elif previous is None:
                item.error = errors.OutOfOrder(last_seq=last_seq)
            elif seq in this_batch or previous.fingerprint != digest:
                item.error = errors.SequenceReused()
            else:
                _replay(item, previous)
            continue
        if waiting is None and not prepaid:
            waiting = _charge(budget)
        prepaid = False
        if waiting is None:
            waiting = _charge_room(budget, raw)
            if waiting is not None and budget is not None:
                budget.refund()  # not taken now: it costs the account nothing yet
        if waiting is not None:
            item.status, item.error = "retry_later", waiting
            continue
        await _apply(session, actor, client_id, raw, digest, item)
        last_seq = seq
        this_batch[seq] = (item, digest)
    if last_seq != taken:  # a claimed cursor comes back to the last operation taken
        await _move_cursor(session, actor.account_id, client_id, last_seq)
    return outcomes


async def _apply(
    session: AsyncSession,
    actor: Actor,
    client_id: uuid.UUID,
    raw: Any,
    digest: str,
    item: ItemOutcome,
) -> None:
    """Run one operation and arrange for its outcome to be stored. Operations check before
    they write, so a refusal leaves nothing behind to undo."""
    build: ResultBuilder | None = None
    try:
        operation = _OPERATION.validate_python(raw)
        build = await APPLY[operation.type](session, actor, operation)  # type: ignore[operator]
        item.status = "applied"
    except ValidationError as invalid:
        item.error = errors.MalformedOperation(problem=_problem(invalid))
    except AlreadyDone as done:
        build, item.status, item.original_status = done.build, "duplicate", "applied"
    except AppError as refusal:
        item.error = refusal
    _record(session, actor, client_id, str(raw.get("type", ""))[:16], digest, item, build)


def _record(
    session: AsyncSession,
    actor: Actor,
    client_id: uuid.UUID,
    kind: str,
    digest: str,
    item: ItemOutcome,
    build: ResultBuilder | None,
) -> None:
    """Store the outcome once positions exist (results name the message's place)."""
    seq = item.seq
    assert seq is not None

    async def store() -> dict[str, Any]:
        if build is not None:
            item.result = await build()
            outcome = {"result": item.result}
        else:
            assert item.error is not None
            outcome = {"error": {"code": item.error.code, "details": item.error.details}}
        return {
            "account_id": actor.account_id,
            "client_id": client_id,
            "seq": seq,
            "kind": kind,
            "fingerprint": digest,
            "status": OperationStatus.applied if build is not None else OperationStatus.rejected,
            "outcome": json.dumps(outcome, separators=(",", ":"), default=str),
            "created_at": clock.now(),
        }

    insert_after_assign(session, _OPERATIONS, store)
