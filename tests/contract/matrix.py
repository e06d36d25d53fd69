"""The authorisation matrix: every route, what each kind of person gets back from it.

One row per route. ``allow`` names the roles that succeed (with ``ok``, the route's success
status); everyone else gets ``refuse`` (403 by default), the anonymous visitor ``anonymous``
(401 by default), and any role may be given its own answer by keyword. Where the service
hides existence, the refusal is its 404.

Path parameters come from the cast's ids by name (``{room_id}`` is the cast's ``room``);
``prepare`` makes a fresh target for each role that succeeds, so a row that deletes or
archives something does not take it from the rows after it; ``spend`` acts with a fresh
device of the person (for logging out and the like). Rows run in table order within their
group (``GROUP_OF``), the refusals of a row before its successes: a row that changes what
later rows rely on (``DELETE /me``) comes last in its group.

Adding a route: add its row here, in its group. A route without a row fails
``test_every_route_has_a_row``.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tests.contract.cast import (
    ADMIN,
    ANONYMOUS,
    COORDINATOR,
    MEMBER,
    MODERATOR_OTHER,
    OTHER_MEMBER,
    PROFESSIONAL,
    PROFESSIONAL_ON,
    PSYCHIATRIST,
    ROLES,
    VOLUNTEER_OFF,
    VOLUNTEER_ON,
    Cast,
)
from tests.contract.targets import (
    about_message,
    chat_request,
    erasure,
    escalation_body,
    fresh_care_task,
    fresh_closure,
    fresh_escalation,
    fresh_invite,
    fresh_member,
    fresh_room,
    fresh_slot,
    fresh_visit,
    hours_from_now,
    joined_room,
    login,
    new_passphrase,
    own_other_session,
    recover,
    register,
    role_invite,
    room_with_member,
    shift_body,
    slot_body,
    someone,
    staff_join,
    visit,
    waiting_escalation,
)

Ids = Mapping[str, str]
Prepare = Callable[[Cast, str], Awaitable[dict[str, str]]]
Body = Callable[[Ids, Cast, str], Any]

MEMBERS = (MEMBER, OTHER_MEMBER, MODERATOR_OTHER)
VOLUNTEERS = (VOLUNTEER_OFF, VOLUNTEER_ON)
CARE = (PROFESSIONAL, PROFESSIONAL_ON, PSYCHIATRIST)
MANAGERS = (COORDINATOR, ADMIN)
STAFF = (*VOLUNTEERS, *CARE, *MANAGERS)
EVERYONE = (*MEMBERS, *STAFF)

#: Which of the cast's ids a path parameter takes, unless a row says otherwise.
PARAMETERS = {
    "room_id": "room",
    "location_id": "location",
    "closure_id": "closure",
    "shift_id": "shift",
    "slot_id": "slot",
    "request_id": "chat",
    "escalation_id": "escalation",
    "invite_id": "invite",
    "action_id": "action",
    "appeal_id": "appeal",
    "visit_id": "visit",
    "task_id": "care_task",
    "volunteer_id": "volunteer_on",
    "session_id": "nobody",
    "consent_id": "nobody",
    "access_id": "nobody",
    "member": "member_handle",
}


#: Small route families share a cast with their domain (a cast takes about a second).
GROUP_OF = {
    "healthz": "operations",
    "readyz": "operations",
    "sync": "operations",
    "auth": "identity",
    "me": "identity",
    "staff": "identity",
    "volunteers": "shifts",
    "oncall": "shifts",
    "pages": "escalations",
}


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    expect: Mapping[str, int]
    body: Any = None
    query: Mapping[str, str] = field(default_factory=dict)
    prepare: Prepare | None = None
    spend: bool = False

    @property
    def group(self) -> str:
        """The rows that share one cast: the domain of the path's first part."""
        first = self.path.strip("/").split("/")[0]
        return GROUP_OF.get(first, first)

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)

    def body_for(self, ids: Ids, cast: Cast, role: str) -> Any:
        return self.body(ids, cast, role) if callable(self.body) else self.body

    def order(self) -> list[str]:
        """Refusals first: they must change nothing, and the successes may."""
        return sorted(ROLES, key=lambda role: 200 <= self.expect[role] < 300)


def row(
    method: str,
    path: str,
    *,
    allow: Iterable[str] = (),
    ok: int = 200,
    refuse: int = 403,
    anonymous: int = 401,
    body: Any = None,
    query: Mapping[str, str] | None = None,
    prepare: Prepare | None = None,
    spend: bool = False,
    **answers: int,
) -> Row:
    expect = {role: refuse for role in ROLES}
    expect.update({role: ok for role in allow})
    expect[ANONYMOUS] = anonymous
    unknown = set(answers) - set(ROLES)
    assert not unknown, f"{method} {path}: no such roles {unknown}"
    expect.update(answers)
    return Row(method, path, expect, body, dict(query or {}), prepare, spend)


def everyone(method: str, path: str, ok: int = 200, **options: Any) -> Row:
    """A route anyone may call, with or without an account."""
    return row(method, path, allow=EVERYONE, ok=ok, anonymous=ok, **options)


#: Care tasks: the volunteer on shift acts; off shift, a task is as if it did not exist.
ON_SHIFT_TASK: dict[str, Any] = {"allow": (VOLUNTEER_ON,), VOLUNTEER_OFF: 404}

TABLE: list[Row] = [
    # --- operations and sync
    everyone("GET", "/healthz"),
    everyone("GET", "/readyz"),
    row("GET", "/sync", allow=EVERYONE),
    row(
        "POST",
        "/sync/push",
        allow=EVERYONE,
        body=lambda ids, c, r: {"client_id": str(uuid.uuid4()), "ops": []},
    ),
    # --- identity
    everyone("POST", "/auth/register", ok=201, body=register),
    everyone("POST", "/auth/login", body=login),
    everyone("POST", "/auth/recover", body=recover, prepare=fresh_member),
    everyone("POST", "/auth/staff-join", ok=201, body=staff_join, prepare=fresh_invite),
    row("GET", "/staff/invites", allow=MANAGERS),
    row("POST", "/staff/invites", allow=MANAGERS, ok=201, body={"role": "volunteer"}),
    row("DELETE", "/staff/invites/{invite_id}", allow=MANAGERS, ok=204, prepare=fresh_invite),
    row("POST", "/auth/logout", allow=EVERYONE, ok=204, spend=True),
    row("GET", "/me", allow=EVERYONE),
    row("GET", "/me/export", allow=EVERYONE),
    row("GET", "/me/sessions", allow=EVERYONE),
    row(
        "DELETE",
        "/me/sessions/{session_id}",
        allow=EVERYONE,
        ok=204,
        refuse=404,
        prepare=own_other_session,
    ),
    row(
        "POST",
        "/me/roles",
        allow=STAFF,
        body=lambda ids, c, r: {"invite_code": ids.get("invite_code", "niet-echt")},
        prepare=role_invite,
    ),
    row("DELETE", "/me/sessions", allow=EVERYONE, ok=204, spend=True),
    row("POST", "/me/passphrase", allow=EVERYONE, ok=204, spend=True, body=new_passphrase),
    row("DELETE", "/me", allow=EVERYONE, spend=True, body=erasure),
    # --- rooms
    row(
        "POST",
        "/rooms",
        allow=MANAGERS,
        ok=201,
        body={"name": "Nieuwe ruimte", "theme": "money", "age_band": "all"},
    ),
    row("GET", "/rooms", allow=EVERYONE),
    row("GET", "/rooms/{room_id}", allow=EVERYONE),
    row("PATCH", "/rooms/{room_id}", allow=MANAGERS, body={"description": "Over van alles"}),
    row("GET", "/rooms/{room_id}/messages", allow=(MEMBER,), refuse=404),
    row("POST", "/rooms/{room_id}/join", allow=MEMBERS, prepare=fresh_room),
    row("POST", "/rooms/{room_id}/leave", allow=MEMBERS, refuse=404, prepare=joined_room),
    row("POST", "/rooms/{room_id}/archive", allow=MANAGERS, prepare=fresh_room),
    # --- moderation (in the member's room, which the other room's moderator does not moderate)
    row("POST", "/moderation/flags", allow=EVERYONE, ok=202, body=about_message(reason="spam")),
    row("GET", "/moderation/rooms/{room_id}/moderators", allow=(MEMBER, *MANAGERS), refuse=404),
    row(
        "POST",
        "/moderation/rooms/{room_id}/moderators",
        allow=MANAGERS,
        ok=201,
        prepare=room_with_member,
        body=lambda ids, c, r: {"member": someone(c, MEMBER).handle},
    ),
    row("DELETE", "/moderation/rooms/{room_id}/moderators/{member}", refuse=403),
    row("GET", "/moderation/rooms/{room_id}/policy"),
    row("PATCH", "/moderation/rooms/{room_id}/policy", body={"sign_as_team": True}),
    row("GET", "/moderation/rooms/{room_id}/queue"),
    row(
        "POST",
        "/moderation/rooms/{room_id}/actions",
        body=about_message(action="hide", rule="personal_details", reason="Adres"),
    ),
    row("GET", "/moderation/rooms/{room_id}/log", allow=(MEMBER, *MANAGERS), refuse=404),
    row(
        "POST",
        "/moderation/actions/{action_id}/appeal",
        refuse=404,
        **{OTHER_MEMBER: 409},
        body={"statement": "Nog een keer?"},
    ),
    row("GET", "/moderation/rooms/{room_id}/appeals"),
    row(
        "POST",
        "/moderation/appeals/{appeal_id}/decision",
        refuse=404,
        **{role: 403 for role in (*STAFF, MODERATOR_OTHER)},
        body={"outcome": "upheld", "reason": "Klopt"},
    ),
    row("POST", "/moderation/rooms/{room_id}/visits", body=visit),
    row("GET", "/moderation/visits", allow=EVERYONE),
    row("POST", "/moderation/visits/{visit_id}/enter", refuse=404, **{PROFESSIONAL: 200}),
    row(
        "POST",
        "/moderation/visits/{visit_id}/end",
        allow=(MODERATOR_OTHER, PROFESSIONAL),
        refuse=404,
        prepare=fresh_visit,
    ),
    row(
        "POST",
        "/moderation/rooms/{room_id}/illegal-content",
        allow=MANAGERS,
        ok=201,
        body=about_message(reason="Strafbaar"),
    ),
    # --- care tasks (the member wrote something worrying in their room)
    row("GET", "/care/tasks", allow=VOLUNTEERS),
    row("POST", "/care/tasks/{task_id}/claim", **ON_SHIFT_TASK),
    row(
        "POST",
        "/care/tasks/{task_id}/reach-out",
        **ON_SHIFT_TASK,
        prepare=fresh_care_task,
        body={"message": "Ik zag je bericht. Wil je praten?"},
    ),
    row(
        "POST",
        "/care/tasks/{task_id}/close",
        **ON_SHIFT_TASK,
        prepare=fresh_care_task,
        body={"outcome": "not_needed"},
    ),
    # --- locations
    everyone("GET", "/locations"),
    row("POST", "/locations", allow=MANAGERS, ok=201, body={"name": "Centrum", "kind": "centre"}),
    everyone("GET", "/locations/{location_id}"),
    everyone("GET", "/locations/{location_id}/status"),
    row("PATCH", "/locations/{location_id}", allow=MANAGERS, body={"name": "Chat altijd"}),
    row(
        "PUT",
        "/locations/{location_id}/hours",
        allow=MANAGERS,
        body={"hours": [{"weekday": 0, "opens": "19:00", "closes": "22:00"}]},
    ),
    row(
        "POST",
        "/locations/{location_id}/closures",
        allow=MANAGERS,
        ok=201,
        body=lambda ids, c, r: {
            "starts_at": hours_from_now(24 * 50),
            "ends_at": hours_from_now(24 * 51),
        },
    ),
    row(
        "DELETE",
        "/locations/{location_id}/closures/{closure_id}",
        allow=MANAGERS,
        ok=204,
        prepare=fresh_closure,
    ),
    # --- shifts
    row("POST", "/shifts", allow=MANAGERS, ok=201, body=shift_body),
    row("GET", "/shifts", allow=(*VOLUNTEERS, *MANAGERS), query={"location_id": "location"}),
    row("GET", "/shifts/rota", allow=MANAGERS, query={"location_id": "location"}),
    row("POST", "/shifts/{shift_id}/signup", allow=(VOLUNTEER_ON,), **{VOLUNTEER_OFF: 409}),
    row("DELETE", "/shifts/{shift_id}/signup", **{VOLUNTEER_OFF: 409, VOLUNTEER_ON: 409}),
    row("POST", "/shifts/{shift_id}/check-in", allow=(VOLUNTEER_ON,), **{VOLUNTEER_OFF: 409}),
    row("POST", "/shifts/{shift_id}/check-out", **{VOLUNTEER_OFF: 409, VOLUNTEER_ON: 409}),
    row("PUT", "/volunteers/{volunteer_id}/capacity", allow=MANAGERS, body={"chats": 3}),
    # --- on call
    row("POST", "/oncall", allow=MANAGERS, ok=201, body=slot_body),
    row("GET", "/oncall/now", allow=STAFF, query={"location_id": "location"}),
    row("DELETE", "/oncall/{slot_id}", allow=MANAGERS, ok=204, prepare=fresh_slot),
    # --- chat
    row(
        "POST",
        "/chat/requests",
        allow=(OTHER_MEMBER, MODERATOR_OTHER),
        ok=201,
        body=chat_request,
        **{MEMBER: 409},
    ),
    row("GET", "/chat/requests/{request_id}", allow=(MEMBER,), refuse=404),
    row("GET", "/chat/requests/{request_id}/access", allow=(MEMBER,), refuse=404),
    row("GET", "/chat/queue", allow=(VOLUNTEER_ON,), **{VOLUNTEER_OFF: 409}),
    row("POST", "/chat/queue/take", allow=(VOLUNTEER_ON,), body={}, **{VOLUNTEER_OFF: 409}),
    row("DELETE", "/chat/requests/{request_id}", refuse=404, **{MEMBER: 409}),
    row(
        "POST",
        "/chat/requests/{request_id}/consents/{consent_id}",
        refuse=404,
        body={"answer": "yes"},
    ),
    row(
        "POST",
        "/chat/requests/{request_id}/heavy",
        allow=(VOLUNTEER_ON,),
        ok=204,
        body={"debrief": True},
        **{VOLUNTEER_OFF: 404},
    ),
    row("GET", "/chat/debriefs", allow=(PROFESSIONAL, PROFESSIONAL_ON, *MANAGERS)),
    row(
        "POST",
        "/chat/requests/{request_id}/debriefed",
        allow=(PROFESSIONAL, PROFESSIONAL_ON),
        ok=204,
    ),
    row("GET", "/chat/figures", allow=MANAGERS, query={"location_id": "location"}),
    row(
        "POST", "/chat/requests/{request_id}/end", allow=(MEMBER, VOLUNTEER_ON), ok=204, refuse=404
    ),
    row(
        "POST",
        "/chat/requests/{request_id}/survey",
        allow=(MEMBER,),
        ok=204,
        refuse=404,
        body={"felt_heard": 4},
    ),
    # (the chat has ended: nobody hands it over any more)
    row("POST", "/chat/requests/{request_id}/handover", refuse=404, body={}),
    # --- escalations
    row("GET", "/escalations", allow=STAFF),
    row(
        "POST",
        "/escalations",
        allow=(VOLUNTEER_ON,),
        ok=201,
        body=escalation_body,
        **{VOLUNTEER_OFF: 404},
    ),
    row("GET", "/escalations/review", allow=MANAGERS),
    row("POST", "/escalations/overrides/{access_id}/reviewed", **{role: 404 for role in MANAGERS}),
    row("GET", "/escalations/{escalation_id}", allow=(VOLUNTEER_ON, PROFESSIONAL_ON), refuse=404),
    row(
        "POST",
        "/escalations/{escalation_id}/acknowledge",
        refuse=404,
        **{VOLUNTEER_ON: 403, PROFESSIONAL_ON: 409, PSYCHIATRIST: 409},
    ),
    row(
        "POST",
        "/escalations/{escalation_id}/start",
        allow=(PROFESSIONAL_ON,),
        refuse=404,
        prepare=fresh_escalation,
        **{VOLUNTEER_ON: 403},
    ),
    row(
        "POST",
        "/escalations/{escalation_id}/join",
        refuse=404,
        **{PROFESSIONAL_ON: 409, VOLUNTEER_ON: 403},
    ),
    row(
        "POST",
        "/escalations/{escalation_id}/consents",
        allow=(VOLUNTEER_ON, PROFESSIONAL_ON),
        ok=201,
        refuse=404,
        prepare=fresh_escalation,
    ),
    row(
        "POST",
        "/escalations/{escalation_id}/resolve",
        allow=(PROFESSIONAL_ON,),
        refuse=404,
        body={"outcome": "advice_given", "message": "Goed gedaan."},
        prepare=fresh_escalation,
        **{VOLUNTEER_ON: 403},
    ),
    row(
        "POST",
        "/escalations/{escalation_id}/withdraw",
        allow=(VOLUNTEER_ON,),
        refuse=404,
        prepare=waiting_escalation,
    ),
    # --- one-time links in pages (the token is the credential)
    everyone("GET", "/pages/acknowledge", query={"token": "nobody"}),
    everyone("POST", "/pages/acknowledge", ok=404, query={"token": "nobody"}),
]

#: The WebSocket: the close code without a valid auth frame, or ``OPEN`` when it is accepted.
OPEN = 0
WEBSOCKET = {role: OPEN for role in ROLES} | {ANONYMOUS: 4401}
