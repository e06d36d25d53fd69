"""The cast every contract test acts as."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.contract.cast import Cast, build_cast


@pytest.fixture
async def cast(client: httpx.AsyncClient, app: FastAPI) -> Cast:
    return await build_cast(client, app)
