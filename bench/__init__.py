"""The benchmark suite: the service under load, next to the bare stack it is built on.

One command, from the repository root::

    .venv/bin/python -m bench                 # full run on SQLite (about 10 minutes, 2 cores)
    .venv/bin/python -m bench --quick         # smoke run (about 2 minutes)
    .venv/bin/python -m bench --database-url postgresql+asyncpg://user:pw@host/db

It prints a Markdown table and writes ``bench/results.json``. Every server runs as its own
process (``uvicorn`` on 127.0.0.1, one worker, the same flags for the service and for the bare
app) with a fresh database; load comes from separate loader processes. On a small machine the
loaders share the cores with the server, so each run also records how much CPU the server and
the loaders used: a figure is only meaningful while the loaders are not the ones saturated.

What is measured (medians of several repetitions within one run):

* send throughput at 20 and 100 concurrent clients: ``POST /sync/push`` with one ``send`` per
  request (authenticated, idempotent, persisted, fanned out to a live socket in every room),
  and the same load against ``bench/bare_app.py``, a minimal FastAPI endpoint inserting one row
  into the same kind of database with no auth or validation: the ceiling. Their ratio is the
  headline figure.
* catch-up: wall time to pull 1,000 missed messages spread over 20 rooms through ``GET /sync``,
  with 10,000 and with 100,000 messages of history (seeded in SQL), and the ratio.
* delivery: time from issuing a send to the frame arriving at each of 1,000 WebSocket
  subscribers of one room (p50/p99).
* memory per idle, authenticated socket: the server's RSS slope while opening them.
"""
