"""Shared test setup: headless SDL before anything imports pygame; builders importable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
for extra in (TESTS, REPO / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))


import pytest  # noqa: E402 - after the SDL settings above, which must precede any pygame import
from hypothesis import settings  # noqa: E402

# On CI the property tests draw the same examples every run, so a build fails for a change and
# never for a draw; at a desk they draw afresh each run and keep exploring (a failure found
# there prints its example, to be fixed before it lands).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user's sessions or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FRONTPORCH_DB", str(home / "sessions.db"))
    monkeypatch.setenv("FRONTPORCH_CONFIG", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config-home"))
    return home


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process against whatever ``FRONTPORCH_DB`` names; (status, stdout, stderr)."""
    import game.cli

    def run(*argv: str) -> tuple[int, str, str]:
        status = game.cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return status, out, err
    return run


@pytest.fixture(scope="session")
def postgres_cluster():
    """One throwaway PostgreSQL server for the whole run, started only if a test asks for it."""
    from pgcluster import Cluster

    cluster = Cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, monkeypatch, tmp_path):
    """Each store test runs twice: on a new SQLite file and on a new PostgreSQL database.
    ``FRONTPORCH_DB`` names it too, so commands run in the test use the same store."""
    if request.param == "sqlite":
        location = str(tmp_path / "sessions.db")
    else:
        location = request.getfixturevalue("postgres_cluster").new_database()
    monkeypatch.setenv("FRONTPORCH_DB", location)
    return location
