"""``python3 -m tests``: the whole suite on SQLite, then on PostgreSQL when a URL is given.

    python3 -m tests                 # SQLite; says plainly that PostgreSQL was skipped
    RUIMTE_TEST_POSTGRES_URL=postgresql+asyncpg://user@127.0.0.1:5432/postgres python3 -m tests
    python3 -m tests -k login        # extra arguments go to pytest

The PostgreSQL URL names a server where the user may create databases; the suite creates and
drops its own. Under CI (``CI`` set) a skipped PostgreSQL half is a failure.
"""

import sys

from app.bootstrap import ensure_environment

ensure_environment("tests", extras=("dev",))

from tests.runner import main  # noqa: E402  (only importable once the environment exists)

sys.exit(main(sys.argv[1:]))
