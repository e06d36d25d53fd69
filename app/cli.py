"""The command line behind ``python3 -m app``."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import Any

from alembic import command
from alembic.config import Config

from app import logs
from app.config import Settings, get_settings
from app.operations.readiness import ROOT


def alembic_config(database_url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = database_url
    return config


def migrate(settings: Settings) -> None:
    """Bring the database to the newest revision (idempotent)."""
    command.upgrade(alembic_config(settings.database_url), "head")


def server_options(settings: Settings) -> dict[str, Any]:
    """How uvicorn runs the app (``serve`` and the tests that check what it logs)."""
    return {
        "access_log": False,  # ours (app.middleware.AccessLog) leaves out addresses and agents
        "log_config": None,  # app.logs has configured every logger already
        # Behind a proxy every client would look like the proxy: one rate-limit budget for
        # everyone. Only the proxies named may say who the client is.
        "proxy_headers": bool(settings.server.trusted_proxies),
        "forwarded_allow_ips": settings.server.trusted_proxies or None,
        "server_header": False,
        "ws_max_size": settings.realtime.max_frame_bytes,  # bigger frames: closed with 1009
    }


def serve(settings: Settings, port: int | None) -> None:
    import uvicorn

    logs.configure(settings)
    migrate(settings)
    port = port or settings.server.port
    base = f"http://{settings.server.host}:{port}"
    print(
        f"\nVrije Ruimte is running on {base}\n  API docs: {base}/docs\n  stop: Ctrl+C\n",
        flush=True,
    )
    uvicorn.run(
        "app.main:app",
        host=settings.server.host,
        port=port,
        log_level=settings.log.level.lower(),
        **server_options(settings),
    )


async def _create_admin(settings: Settings, handle: str, display_name: str, passphrase: str) -> str:
    from app.db import create_engine, create_sessionmaker
    from app.identity.policy import IdentityPolicy
    from app.identity.staff import create_first_admin

    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            return await create_first_admin(
                session,
                handle=handle,
                passphrase=passphrase,
                display_name=display_name,
                policy=IdentityPolicy.from_settings(settings.security),
            )
    finally:
        await engine.dispose()


def create_admin(settings: Settings, handle: str, display_name: str) -> int:
    from app.errors import AppError

    migrate(settings)
    if sys.stdin.isatty():
        passphrase = getpass.getpass("Passphrase for the first admin (10+ characters): ")
    else:  # piped in by a script: never on the command line, where `ps` would show it
        passphrase = sys.stdin.readline().rstrip("\n")
    try:
        recovery_code = asyncio.run(_create_admin(settings, handle, display_name, passphrase))
    except AppError as error:
        print(f"refused: {error.code}: {error.message('en')}", file=sys.stderr)
        return 1
    print(
        f"Admin '{handle}' created. Recovery code (shown only now, write it down):\n"
        f"  {recovery_code}"
    )
    return 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python3 -m app", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    serve_parser = commands.add_parser("serve", help="migrate and start the service (default)")
    serve_parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default 8000)")
    commands.add_parser("migrate", help="bring the database to the newest schema")
    admin = commands.add_parser("create-admin", help="create the very first admin account")
    admin.add_argument("--handle", required=True, help="login name (same rules as members)")
    admin.add_argument("--display-name", required=True, help="the name people will see")
    args = parser.parse_args(argv)

    settings = get_settings()
    if args.command == "migrate":
        migrate(settings)
    elif args.command == "create-admin":
        sys.exit(create_admin(settings, args.handle, args.display_name))
    else:
        serve(settings, getattr(args, "port", None))
