"""A station running in a background thread of this process: for tests, the benchmark and demos.

``serve`` runs the station in the foreground instead (``aiohttp.web.run_app``).
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from aiohttp import web

from game.station.server import Station


class RunningStation:
    def __init__(self, station: Station, host: str = "127.0.0.1", port: int = 0) -> None:
        self.station = station
        self.host = host
        self.port = port  # 0: a free port, known once started
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="station", daemon=True)

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def url(self) -> str:
        return f"http://{self.address}"

    def start(self) -> RunningStation:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=30)
        return self

    async def _start(self) -> None:
        self._runner = web.AppRunner(self.station.app())
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        addresses = self._runner.addresses  # the port the system gave, when asked for port 0
        self.port = int(addresses[0][1])

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)


def start_station(passphrase: str, code: str, store: str | Path | None = None) -> RunningStation:
    return RunningStation(Station(passphrase, code, store)).start()
