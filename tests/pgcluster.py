"""A throwaway PostgreSQL server for the tests, started from the installed binaries.

A real server, never a mock: the store's PostgreSQL backend is tested against
what an academy would run. The cluster lives in a fresh temporary folder,
listens only on a unix socket inside it (no TCP port to collide with), and runs
as ``nobody`` when the tests run as root (PostgreSQL refuses to run as root).
``tools/ensure-test-deps`` installs the server on a fresh machine.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SERVER_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
SOCKET_PORT = 5439  # names the socket file only: the server opens no TCP port
SUPERUSER = "frontporch"


def _binary(name: str) -> str:
    found = shutil.which(name) or next((str(d / name) for d in SERVER_DIRS if (d / name).exists()),
                                       None)
    if found is None:
        raise RuntimeError(f"PostgreSQL's {name} is not installed; run tools/ensure-test-deps "
                           "(as root it installs the postgresql package)")
    return found


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "nobody", "--", *command]


@dataclass
class Cluster:
    folder: Path
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={SOCKET_PORT}"

    @classmethod
    def start(cls) -> Cluster:
        folder = Path(tempfile.mkdtemp(prefix="frontporch-pg-"))
        if os.geteuid() == 0:
            shutil.chown(folder, "nobody", "nogroup")
        cluster = cls(folder)
        run = {"check": True, "capture_output": True, "timeout": 120}
        subprocess.run(_as_server_user([_binary("initdb"), "-D", str(cluster.data), "-A", "trust",
                                        "-U", SUPERUSER, "--no-sync", "-E", "UTF8"]), **run)
        options = (f"-k {folder} -p {SOCKET_PORT} -c listen_addresses='' -c fsync=off "
                   "-c full_page_writes=off")
        subprocess.run(_as_server_user([_binary("pg_ctl"), "-D", str(cluster.data), "-o", options,
                                        "-l", str(folder / "server.log"), "-w", "start"]), **run)
        return cluster

    def new_database(self) -> str:
        """The URL of a new, empty database (one per test: no test sees another's sessions)."""
        import psycopg

        name = f"t{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(_as_server_user([_binary("pg_ctl"), "-D", str(self.data), "-m", "immediate",
                                        "-w", "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)
