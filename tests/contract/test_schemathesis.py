"""Property-based API testing: schemathesis sends what ``/openapi.json`` allows (and, in its
negative mode, what it forbids) to every operation, as each kind of person, and every answer
must be no 5xx, a documented status, and a body that matches its documented schema.

In-process, on the test's own app and database: the generated requests run in a thread (for
Hypothesis) and are sent on the test's event loop through ``httpx.ASGITransport``, so the
app, its engine and the cast all live where the rest of the suite has them. Bounded and
reproducible: a fixed number of examples per operation, derandomised, no example database,
no shrinking (a failure names its request as it was sent).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.main import create_app
from tests.contract.cast import (
    ADMIN,
    ANONYMOUS,
    COORDINATOR,
    MEMBER,
    PROFESSIONAL_ON,
    VOLUNTEER_ON,
    Cast,
)
from tests.contract.matrix import PARAMETERS

#: The kinds of person schemathesis acts as.
ACTORS = (ANONYMOUS, MEMBER, VOLUNTEER_ON, PROFESSIONAL_ON, COORDINATOR, ADMIN)
#: Examples per operation, per actor and per mode (positive and negative).
EXAMPLES = 5
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
#: These end the actor's own sessions: they run last, so the rest runs signed in.
LAST = {("POST", "/auth/logout"), ("DELETE", "/me/sessions"), ("DELETE", "/me")}


def _operations(schema: Any) -> list[Any]:
    found = [result.ok() for result in schema.get_all_operations()]
    return sorted(found, key=lambda op: (op.method.upper(), op.path) in LAST)


def _known_path_parameters(operation: Any, cast: Cast) -> dict[str, str] | None:
    """The scene's ids for the operation's path, so some cases hit things that exist."""
    names = re.findall(r"{(\w+)}", operation.path)
    if not names:
        return None
    return {name: cast.ids.get(PARAMETERS.get(name, ""), cast.ids["nobody"]) for name in names}


def _strategy(operation: Any, cast: Cast) -> Any:
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    strategies = [operation.as_strategy(generation_mode=mode) for mode in modes]
    known = _known_path_parameters(operation, cast)
    if known is not None:
        strategies += [operation.as_strategy(path_parameters=known)]
    return st.one_of(strategies)


def _run_operation(
    operation: Any, cast: Cast, headers: dict[str, str], send: Callable[..., httpx.Response]
) -> None:
    @settings(
        max_examples=EXAMPLES * 2,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(case=_strategy(operation, cast))
    def check(case: Any) -> None:
        response = send(case, headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    check()


def _text(failure: BaseException) -> str:
    """What went wrong and the request that showed it (schemathesis puts that in its message)."""
    if isinstance(failure, FailureGroup):
        return str(failure.message) if hasattr(failure, "message") else str(failure)
    return f"{type(failure).__name__}: {failure}"


def _sender(
    client: httpx.AsyncClient, loop: asyncio.AbstractEventLoop
) -> Callable[..., httpx.Response]:
    """Send a case from Hypothesis's thread on the test's loop; wait for the answer."""

    async def send(case: Any, auth: dict[str, str]) -> httpx.Response:
        # Serialised as schemathesis would send it (negative cases include bodies that are
        # not JSON at all); the person's token replaces any Authorization it made up.
        sent = case.as_transport_kwargs(base_url=str(client.base_url))
        headers = {k: v for k, v in sent["headers"].items() if k.lower() != "authorization"}
        data = sent.get("data")
        return await client.request(
            sent["method"],
            sent["url"],
            params=sent.get("params"),
            headers={**headers, **auth},
            json=sent.get("json"),
            content=data.encode() if isinstance(data, str) else data,
        )

    def blocking(case: Any, auth: dict[str, str]) -> httpx.Response:
        return asyncio.run_coroutine_threadsafe(send(case, auth), loop).result(timeout=30)

    return blocking


@pytest.mark.parametrize("actor", ACTORS)
async def test_every_operation_keeps_its_contract(cast: Cast, actor: str) -> None:
    schema = schemathesis.openapi.from_dict(cast.app.openapi())
    send = _sender(cast.client, asyncio.get_running_loop())
    headers = cast.headers(actor)
    failures: list[str] = []

    def run_all() -> None:
        for operation in _operations(schema):
            try:
                _run_operation(operation, cast, headers, send)
            except (Exception, FailureGroup) as failure:  # every operation's finding, reported
                failures.append(f"{operation.method.upper()} {operation.path}: {_text(failure)}")

    await asyncio.to_thread(run_all)
    assert not failures, "\n\n".join(["", *failures])


def test_every_input_is_bounded() -> None:
    """Every string a client sends has a longest length, every list a largest size and every
    number a ceiling, in the schema (so the generator tries just past them, and clients know)."""
    schema = create_app().openapi()
    components = schema["components"]["schemas"]
    unbounded: list[str] = []

    def walk(node: dict[str, Any], where: str) -> None:
        while "$ref" in node:
            node = components[node["$ref"].rsplit("/", 1)[-1]]
        for alternative in node.get("anyOf", []) + node.get("oneOf", []):
            walk(alternative, where)
        kind = node.get("type")
        fixed_size = node.get("format") in ("uuid", "date-time", "date", "time")
        if kind == "string" and not fixed_size and not {"maxLength", "enum", "const"} & set(node):
            unbounded.append(f"{where}: no maxLength")
        if kind == "array":
            if "maxItems" not in node:
                unbounded.append(f"{where}: no maxItems")
            walk(node.get("items", {}), where + "[]")
        if kind in ("integer", "number") and not {"maximum", "exclusiveMaximum"} & set(node):
            unbounded.append(f"{where}: no maximum")
        for name, inner in node.get("properties", {}).items():
            walk(inner, f"{where}.{name}")

    for path, item in schema["paths"].items():
        for method, operation in item.items():
            at = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                walk(parameter["schema"], f"{at} {parameter['in']} {parameter['name']}")
            for content in operation.get("requestBody", {}).get("content", {}).values():
                walk(content["schema"], f"{at} body")
    assert unbounded == []
