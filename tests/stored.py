"""Look at what the service actually stored, with plain SQL, the way an auditor would."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI


async def rows(app: FastAPI, sql: str, **params: Any) -> list[dict[str, Any]]:
    async with app.state.engine.connect() as connection:
        result = await connection.execute(sa.text(sql), params)
        return [dict(row) for row in result.mappings()]


async def scalar(app: FastAPI, sql: str, **params: Any) -> Any:
    async with app.state.engine.connect() as connection:
        return (await connection.execute(sa.text(sql), params)).scalar_one()
