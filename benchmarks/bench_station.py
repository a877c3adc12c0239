"""A class on loopback: 30 headless trainee games streaming to one station for a whole shift.

Issue 18's targets: the console's update latency p99 under 250 ms, and no lost
message. Three processes, as in a class room: the station (`serve`), the
trainees' games (one process, a bot playing each shift in its own thread), and
an instructor's console (this process: a signed-in WebSocket client, like the
browser). Latency is from a game stamping a live state to the console
receiving it (the same machine, so the same clock); a lost message is a
sequence number a trainee sent that the console never saw. The whole shift is
played faster than life (``--rate`` updates a second, ``--ticks`` ticks apart)
so the run stays short: with the defaults each trainee sends 4 updates a second,
four times the game's own rate, so the console carries 4x a real class's load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from output import emit, key_values  # noqa: E402

PASS, CODE = "bench-pass-station", "BENCH7"
SCENARIO = REPO / "scenarios" / "first-day.yaml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def play_class(address: str, trainees: int, rate: float, ticks: int, folder: str) -> None:
    """The trainees' process: every game in a thread of its own, all sharing one network loop."""
    from game.scenario import load_scenario
    from game.station.trainee import HeadlessTrainee

    scenario = load_scenario(SCENARIO)
    games = [HeadlessTrainee(address, CODE, f"Trainee {k:02d}", scenario, k, ticks_per_update=ticks,
                             updates_per_second=rate, store=Path(folder) / f"t{k}.db")
             for k in range(trainees)]
    threads = [threading.Thread(target=game.play) for game in games]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


async def watch(url: str, trainees: int, deadline: float) -> dict[str, list]:
    """The console: every live state's latency, every trainee's sequence numbers."""
    import aiohttp

    latencies: list[float] = []
    seqs: dict[str, list[int]] = {}
    uploads: set[str] = set()
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        await http.post(f"{url}/login", data={"passphrase": PASS}, allow_redirects=False)
        async with http.ws_connect(f"{url}/ws/console", max_msg_size=0) as ws:
            while len(uploads) < trainees and time.time() < deadline:
                try:
                    message = await ws.receive(timeout=max(0.1, deadline - time.time()))
                except asyncio.TimeoutError:
                    break
                if message.type is not aiohttp.WSMsgType.TEXT:
                    break
                data = json.loads(message.data)
                if data["type"] == "state":
                    latencies.append(time.time() - data["state"]["sent"])
                    seqs.setdefault(data["trainee"], []).append(data["state"]["seq"])
                elif data["type"] == "uploaded":
                    uploads.add(data["trainee"])
    return {"latencies": latencies, "seqs": list(seqs.values()), "uploads": list(uploads)}


def wait_for(port: int, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("the station did not start")


def run(trainees: int, rate: float, ticks: int) -> dict:
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "FRONTPORCH_DB": str(Path(folder) / "academy.db")}
        station = subprocess.Popen([sys.executable, str(REPO / "run_game.py"), "serve", "--port", str(port),
                                    "--passphrase", PASS, "--code", CODE], env=env,
                                   stdout=subprocess.DEVNULL)
        try:
            wait_for(port, 30)
            context = multiprocessing.get_context("spawn")
            games = context.Process(target=play_class,
                                    args=(f"127.0.0.1:{port}", trainees, rate, ticks, folder))
            started = time.time()
            watcher_result: dict = {}
            watcher = threading.Thread(target=lambda: watcher_result.update(asyncio.run(
                watch(f"http://127.0.0.1:{port}", trainees, started + 600))))
            watcher.start()
            time.sleep(0.5)  # the console is watching before the first game says hello
            games.start()
            games.join(timeout=600)
            watcher.join(timeout=60)
            seconds = time.time() - started
        finally:
            station.terminate()
            station.wait(timeout=30)
    latencies = sorted(watcher_result.get("latencies", []))
    lost = sum(max(s) - len(set(s)) for s in watcher_result.get("seqs", []) if s)  # seq starts at 1
    if not latencies:
        raise RuntimeError("the console received no live state")
    return {
        "trainees": trainees, "trainees_seen": len(watcher_result["seqs"]),
        "sessions_uploaded": len(watcher_result["uploads"]), "updates_received": len(latencies),
        "updates_per_second_per_trainee": rate, "seconds": round(seconds, 1),
        "latency_p50_ms": round(1000 * latencies[len(latencies) // 2], 1),
        "latency_p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))], 1),
        "latency_max_ms": round(1000 * latencies[-1], 1), "lost_messages": lost,
        "p99_target_ms": 250, "meets_target": latencies[int(len(latencies) * 0.99)] < 0.25 and lost == 0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--rate", type=float, default=4.0, help="live updates a second per trainee")
    parser.add_argument("--ticks", type=int, default=8, help="ticks of the shift between updates")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    return emit(run(args.trainees, args.rate, args.ticks), args.json, key_values)


if __name__ == "__main__":
    raise SystemExit(main())
