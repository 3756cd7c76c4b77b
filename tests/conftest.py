"""Shared fixtures: the offline models are loaded once per test session, and a throwaway
PostgreSQL server (tests/pg_throwaway.py) is started on first use and stopped at the end.

PostgreSQL: CONSILIENCE_TEST_PG, when set, names an external server's DSN instead. In CI (CI=true)
a missing PostgreSQL fails the tests that need it; elsewhere they are skipped, saying why.

Markers (registered in pyproject.toml): `model` for a test that loads the spaCy pipeline or the
embedder (it asks for the `models` or `nlp` fixture, or is marked by hand), `e2e` for a test
that runs a whole command, server or cluster (a test using the PostgreSQL fixtures is one), and
`fast` for every other test, set here, so `pytest -m fast` runs the model-free tests in seconds.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from consilience.resources import Models

sys.path.insert(0, str(Path(__file__).parent))  # tests/ helpers (pg_throwaway)

_MODEL_FIXTURES = {"models", "nlp"}
_E2E_FIXTURES = {"pg_server", "pg_dsn"}


@pytest.fixture(scope="session")
def models() -> Models:
    return Models()


@pytest.fixture(scope="session")
def nlp(models: Models):
    return models.nlp


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A running throwaway server (or None when CONSILIENCE_TEST_PG names an external one)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'consilience[scale]')")
    if os.environ.get("CONSILIENCE_TEST_PG"):
        yield None
        return
    from pg_throwaway import PgServer, PgUnavailable

    try:
        server = PgServer()
    except PgUnavailable as exc:
        _unavailable(str(exc))
    server.start()  # binaries found but the server does not start: an error, never a skip
    old = _stop_on_sigterm(server)
    try:
        yield server
    finally:
        server.stop()
        if old is not None:
            signal.signal(signal.SIGTERM, old)


def _stop_on_sigterm(server) -> object | None:
    """A SIGTERM (a CI timeout) skips atexit; stop the server first, then die as asked."""
    if threading.current_thread() is not threading.main_thread():
        return None
    old = signal.getsignal(signal.SIGTERM)
    if old not in (signal.SIG_DFL, None):
        return None  # someone else handles it

    def on_term(signum, frame):  # noqa: ARG001
        server.stop()
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    signal.signal(signal.SIGTERM, on_term)
    return old


@pytest.fixture
def pg_dsn(pg_server) -> Iterator[str]:
    """The DSN of an empty database of its own for one test (dropped afterwards)."""
    external = os.environ.get("CONSILIENCE_TEST_PG")
    if pg_server is None:
        assert external
        import psycopg

        with psycopg.connect(external, autocommit=True) as con:  # a throwaway database
            for t in ("articles", "merges", "splits", "rejects", "reports", "df", "stories",
                      "meta"):
                con.execute(f"DROP TABLE IF EXISTS {t} CASCADE")
        yield external
        return
    dsn = pg_server.create_db()
    try:
        yield dsn
    finally:
        _forget_index_cache(dsn)
        pg_server.drop_db(dsn)


def _forget_index_cache(dsn: str) -> None:
    """Remove the k-NN cache file a PostgreSQL corpus left in the user cache folder."""
    import psycopg

    from consilience.corpus.static_embed import cache_dir

    try:
        with psycopg.connect(dsn) as con:
            row = con.execute("SELECT value FROM meta WHERE key='corpus_id'").fetchone()
    except psycopg.Error:
        return
    if row:
        (cache_dir() / "index" / f"pg-{row[0]}.hnsw").unlink(missing_ok=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if _MODEL_FIXTURES & used:
            item.add_marker(pytest.mark.model)
        if _E2E_FIXTURES & used:
            item.add_marker(pytest.mark.e2e)
        if item.get_closest_marker("model") is None and item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.fast)


@pytest.fixture
def align_switches(monkeypatch: pytest.MonkeyPatch):
    """`align_switches(name=value, ...)` sets AlignParams defaults for one test."""
    from dataclasses import replace

    from consilience.story import align

    def set_(**kw: object) -> None:
        monkeypatch.setattr(align, "DEFAULT_PARAMS", replace(align.DEFAULT_PARAMS, **kw))
    return set_
