"""The test suite. ``python3 -m tests`` runs it on SQLite, then on PostgreSQL when
``RUIMTE_TEST_POSTGRES_URL`` is set."""
