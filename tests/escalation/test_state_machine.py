"""One state machine: requested → acknowledged → active → resolved. Every action is allowed
from the states in one table and nowhere else; a refused one is a 409 with its code, and
every transition is recorded with who and when."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from httpx import AsyncClient

from app.errors import Conflict
from app.escalation.errors import InvalidTransition
from app.escalation.models import Escalation, Kind, State
from app.escalation.states import TRANSITIONS, Action, check
from app.oncall.models import Tier
from tests.actors import Person
from tests.escalation.conftest import act, acted, opened

EXPECTED = {
    (Action.acknowledge, State.requested): State.acknowledged,
    (Action.start, State.acknowledged): State.active,
    (Action.join_chat, State.acknowledged): State.active,
    (Action.join_chat, State.active): State.active,
    (Action.resolve, State.acknowledged): State.resolved,
    (Action.resolve, State.active): State.resolved,
    (Action.withdraw, State.requested): State.resolved,
}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("state", list(State))
def test_the_transition_table(action: Action, state: State) -> None:
    escalation = Escalation(
        id=uuid.uuid4(),
        kind=Kind.advice,
        tier=Tier.professional,
        state=state,
        location_id=uuid.uuid4(),
        summary="",
        thread_room_id=uuid.uuid4(),
    )
    if (action, state) in EXPECTED:
        assert check(escalation, action) is EXPECTED[(action, state)]
    else:
        with pytest.raises(InvalidTransition) as refused:
            check(escalation, action)
        assert isinstance(refused.value, Conflict)
        assert refused.value.details == {"state": state.value, "action": action.value}


def test_nothing_leaves_resolved() -> None:
    assert all(State.resolved not in allowed for allowed, _ in TRANSITIONS.values())


async def test_a_refused_step_is_a_409_and_every_step_taken_is_on_record(
    client: AsyncClient,
    chat: dict[str, Any],
    volunteer: Person,
    on_call: dict[str, Person],
) -> None:
    pim = on_call["pim"]
    asked = await opened(client, volunteer, chat, "advice")
    await acted(client, pim, asked, "acknowledge")
    twice = await act(client, on_call["bas"], asked, "acknowledge")
    withdrawn_late = await act(client, volunteer, asked, "withdraw")
    await acted(client, pim, asked, "start")
    started_again = await act(client, pim, asked, "start")
    done = await acted(client, pim, asked, "resolve", outcome="advice_given")
    after = await act(client, pim, asked, "resolve", outcome="no_further_action")

    for refused, state, action in (
        (twice, "acknowledged", "acknowledge"),  # Bas, on call too, was a moment late
        (withdrawn_late, "acknowledged", "withdraw"),
        (started_again, "active", "start"),
        (after, "resolved", "resolve"),
    ):
        assert refused.status_code == 409
        assert refused.json()["error"]["code"] == "escalation.invalid_transition"
        assert refused.json()["error"]["details"] == {"state": state, "action": action}
    steps = [(t["action"], t["to_state"], t["by"]) for t in done["transitions"]]
    assert steps == [
        ("open", "requested", str(volunteer.account_id)),
        ("acknowledge", "acknowledged", str(pim.account_id)),
        ("start", "active", str(pim.account_id)),
        ("resolve", "resolved", str(pim.account_id)),
    ]
    assert all(t["at"] for t in done["transitions"])


async def test_the_volunteer_may_withdraw_before_anyone_has_it(
    client: AsyncClient, chat: dict[str, Any], volunteer: Person, on_call: dict[str, Person]
) -> None:
    asked = await opened(client, volunteer, chat, "advice")
    withdrawn = await acted(client, volunteer, asked, "withdraw")
    too_late = await act(client, on_call["pim"], asked, "acknowledge")

    assert (withdrawn["state"], withdrawn["outcome"]) == ("resolved", "withdrawn")
    assert too_late.status_code == 409
    assert too_late.json()["error"]["details"] == {"state": "resolved", "action": "acknowledge"}
