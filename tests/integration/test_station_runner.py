"""The game's own runner in a class: the instructor's pause stops its clock, resume starts it,
an injected call goes through the runner's door into the shift's log."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path

import aiohttp

from game.app.shift.runner import ShiftRunner
from game.scenario import load_scenario
from game.sim import actions as act
from game.sim.simulation import Simulation
from game.station.link import ClassLink
from game.station.running import start_station
from game.station.shift_link import ShiftLink

REPO = Path(__file__).resolve().parents[2]
PASS, CODE = "runner-pass-1", "RUNNR2"


def wait_until(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.02)
    return condition()


def test_pause_resume_and_inject_reach_the_game_loop(tmp_path: Path) -> None:
    station = start_station(PASS, CODE, tmp_path / "academy.db")
    sim = Simulation(load_scenario(REPO / "scenarios" / "first-day.yaml"), 2)
    runner = ShiftRunner(sim)
    link = ClassLink(station.address, CODE, "Eve")
    runner.link = ShiftLink(link, sim, every=0.0)
    orders: list[dict] = []
    ready = threading.Event()

    async def console() -> None:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            await http.post(f"{station.url}/login", data={"passphrase": PASS})
            async with http.ws_connect(f"{station.url}/ws/console") as ws:
                ready.set()
                while True:
                    if orders:
                        await ws.send_json(orders.pop(0))
                    try:
                        await ws.receive(timeout=0.05)
                    except asyncio.TimeoutError:
                        continue
                    if message_done.is_set():
                        return

    message_done = threading.Event()
    watcher = threading.Thread(target=lambda: asyncio.run(console()), daemon=True)
    watcher.start()
    try:
        assert ready.wait(10) and wait_until(lambda: link.connected)
        assert wait_until(lambda: station.station.seats)
        seat = next(iter(station.station.seats))
        tick = runner.tick_seconds
        assert runner.advance(3 * tick) > 0
        orders.append({"type": "pause", "target": seat})
        assert wait_until(lambda: link.paused)
        before = sim.tick
        assert runner.advance(5 * tick) == 0 and sim.tick == before  # the clock stands still
        orders.append({"type": "inject", "target": seat, "source": "market-call", "call_kind": "",
                       "place": ""})
        assert wait_until(lambda: (runner.advance(tick), any(
            isinstance(a, act.InjectCall) for _, a in sim.action_log))[1])
        orders.append({"type": "resume", "target": seat})
        assert wait_until(lambda: not link.paused)
        assert runner.advance(3 * tick) > 0 and sim.tick > before
        assert json.dumps(station.station.seats[seat].state)  # the live state arrived
        assert station.station.seats[seat].marks[0]["ok"] is True
    finally:
        message_done.set()
        link.close()
        watcher.join(timeout=5)
        station.stop()
