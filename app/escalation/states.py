"""The one state machine of an escalation: requested → acknowledged → active → resolved.

Every change of state goes through ``move``, which checks it against ``TRANSITIONS`` and
writes it down (who, when); anything else is an ``InvalidTransition`` (409) naming the state
the escalation is in and what was tried.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from sqlmodel.ext.asyncio.session import AsyncSession

from app import clock
from app.escalation import errors
from app.escalation.models import Escalation, State, Transition


class Action(StrEnum):
    acknowledge = "acknowledge"  # the person paged (or anyone on call for it) takes it
    start = "start"  # the holder starts advising in the staff thread
    join_chat = "join"  # the holder joins the chat (with consent, or an override when urgent)
    resolve = "resolve"  # the holder closes it with an outcome
    withdraw = "withdraw"  # the one who asked takes it back before anyone has it


TRANSITIONS: dict[Action, tuple[frozenset[State], State]] = {
    Action.acknowledge: (frozenset({State.requested}), State.acknowledged),
    Action.start: (frozenset({State.acknowledged}), State.active),
    Action.join_chat: (frozenset({State.acknowledged, State.active}), State.active),
    Action.resolve: (frozenset({State.acknowledged, State.active}), State.resolved),
    Action.withdraw: (frozenset({State.requested}), State.resolved),
}


def check(escalation: Escalation, action: Action) -> State:
    """The state ``action`` leads to from where the escalation is; raises
    ``InvalidTransition`` when it may not happen there."""
    allowed_from, to = TRANSITIONS[action]
    if escalation.state not in allowed_from:
        raise errors.InvalidTransition(state=escalation.state.value, action=action.value)
    return to


def move(
    session: AsyncSession, escalation: Escalation, action: Action, actor_id: uuid.UUID | None
) -> bool:
    """Take ``action``: change the state and record it. False when the action leaves the state
    as it was (joining while already active), which is then not a transition to record."""
    to = check(escalation, action)
    if to is escalation.state:
        return False
    now = clock.now()
    session.add(
        Transition(
            escalation_id=escalation.id,
            from_state=escalation.state,
            to_state=to,
            action=action.value,
            actor_id=actor_id,
            at=now,
        )
    )
    escalation.state = to
    if to is State.acknowledged:
        escalation.acknowledged_at = now
    elif to is State.resolved:
        escalation.resolved_at = now
    session.add(escalation)
    return True
