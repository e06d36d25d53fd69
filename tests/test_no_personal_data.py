"""Anonymous by default: no table may hold personal data beyond the handle.

The check runs on the schema the real migrations build, so a column added in any later
migration is caught here. Staff display names are the one deliberate exception: staff
identities are real (DOMAIN.md), and they live only on staff accounts.
"""

from __future__ import annotations

import logging
import re

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from httpx import AsyncClient

from tests.actors import People

FORBIDDEN = re.compile(
    r"e_?mail|phone|mobile|telef|msisdn|first_?name|last_?name|full_?name|real_?name|surname"
    r"|^name$|birth|dob|date_of_birth|geboorte|address|street|postcode|postal|zip|city"
    r"|(^|_)ip(_|$)|ip_?addr|user_?agent|diagnos|dsm|condition|disorder|icd|gender|bsn|ssn"
    r"|national_id|passport|location_lat|latitude|longitude",
    re.IGNORECASE,
)
ALLOWED = {
    ("account", "display_name"),  # staff only, enforced by a check constraint
    ("room", "name"),  # the name of a room, not of a person
    ("location", "name"),  # the name of a centre or an online service
}


async def test_no_table_has_a_column_for_personal_data(app: FastAPI) -> None:
    def columns(connection: sa.Connection) -> list[tuple[str, str]]:
        inspector = sa.inspect(connection)
        return [
            (table, column["name"])
            for table in inspector.get_table_names()
            for column in inspector.get_columns(table)
        ]

    async with app.state.engine.connect() as connection:
        found = await connection.run_sync(columns)

    assert found, "the migrated schema has tables"
    suspicious = [
        f"{table}.{column}"
        for table, column in found
        if FORBIDDEN.search(column) and (table, column) not in ALLOWED
    ]
    assert suspicious == []


@pytest.mark.parametrize(
    "name",
    [
        "email",
        "phone_number",
        "birth_date",
        "client_ip",
        "user_agent",
        "diagnosis",
        "postcode",
        "last_name",
    ],
)
def test_the_check_itself_recognises_personal_data_columns(name: str) -> None:
    assert FORBIDDEN.search(name)


async def test_the_service_neither_stores_nor_logs_addresses_or_user_agents(
    client: AsyncClient, app: FastAPI, people: People, caplog: pytest.LogCaptureFixture
) -> None:
    agent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) UniekeBrowser/1.2.3"
    with caplog.at_level(logging.DEBUG):
        person = await people.member("treinreiziger")
        await client.get("/me", headers={**person.headers, "User-Agent": agent})
        await client.get("/bestaat-niet", headers={"User-Agent": agent})

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /me 200" in logged  # the access log is there, just without people in it
    assert "203.0.113.7" not in logged
    assert "UniekeBrowser" not in logged
    assert person.token not in logged

    async with app.state.engine.connect() as connection:
        tables = await connection.run_sync(lambda c: sa.inspect(c).get_table_names())
        dump = []
        for table in tables:
            dump += (await connection.execute(sa.text(f'SELECT * FROM "{table}"'))).all()
    assert "203.0.113.7" not in repr(dump)
    assert "UniekeBrowser" not in repr(dump)
