"""Every request is bounded: the body by ``RUIMTE_HTTP__MAX_BODY_BYTES``, and within it every
string and every list a client may send by its schema, so no field can carry a megabyte."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

# Strings whose format bounds them already.
BOUNDED_FORMATS = frozenset({"uuid", "date-time", "date", "time", "duration"})


def unbounded(spec: dict[str, Any]) -> list[str]:
    """Where a request (body, query, path or header) takes a string or an array without a
    maximum; the places, as ``METHOD path where.field``."""
    components = spec.get("components", {}).get("schemas", {})
    found: list[str] = []

    def walk(schema: dict[str, Any], where: str, seen: frozenset[str]) -> None:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            if name in seen:
                return
            walk(components[name], f"{where}<{name}>", seen | {name})
            return
        for key in ("anyOf", "oneOf", "allOf"):
            for option in schema.get(key, []):
                walk(option, where, seen)
        kind = schema.get("type")
        if kind == "string" and not (
            "maxLength" in schema
            or "enum" in schema
            or "const" in schema
            or schema.get("format") in BOUNDED_FORMATS
        ):
            found.append(where)
        if kind == "array":
            if "maxItems" not in schema:
                found.append(f"{where}[]")
            walk(schema.get("items", {}), f"{where}[*]", seen)
        for name, field in schema.get("properties", {}).items():
            walk(field, f"{where}.{name}", seen)
        if isinstance(schema.get("additionalProperties"), dict):
            walk(schema["additionalProperties"], f"{where}.*", seen)

    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            place = f"{method.upper()} {path}"
            for media in operation.get("requestBody", {}).get("content", {}).values():
                walk(media["schema"], f"{place} body", frozenset())
            for parameter in operation.get("parameters", []):
                where = f"{place} {parameter['in']}:{parameter['name']}"
                walk(parameter.get("schema", {}), where, frozenset())
    return found


def test_every_string_and_list_in_a_request_has_a_maximum(app: FastAPI) -> None:
    spec = app.openapi()
    assert len(spec["paths"]) > 50
    assert unbounded(spec) == []


def test_the_walk_finds_an_unbounded_field_however_deep() -> None:
    spec = {
        "paths": {
            "/x": {
                "post": {
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/c/Outer"}}}
                    },
                    "parameters": [{"in": "query", "name": "q", "schema": {"type": "string"}}],
                }
            }
        },
        "components": {
            "schemas": {
                "Outer": {
                    "properties": {
                        "inner": {"anyOf": [{"$ref": "#/c/Inner"}, {"type": "null"}]},
                        "fine": {"type": "string", "maxLength": 10},
                    }
                },
                "Inner": {"properties": {"tags": {"type": "array", "items": {"type": "string"}}}},
            }
        },
    }
    assert unbounded(spec) == [
        "POST /x body<Outer>.inner<Inner>.tags[]",  # the list
        "POST /x body<Outer>.inner<Inner>.tags[*]",  # each string in it
        "POST /x query:q",
    ]
