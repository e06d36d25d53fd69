"""``python3 -m app``: set up what is missing, migrate, and serve.

    python3 -m app                      # = serve
    python3 -m app serve [--port 8000]
    python3 -m app migrate
    python3 -m app create-admin --handle NAME --display-name "Real Name"

The first run creates ``.venv`` and installs the dependencies; later runs start at once.
"""

from app.bootstrap import ensure_environment

ensure_environment("app")

from app.cli import main  # noqa: E402  (only importable once the environment exists)

main()
