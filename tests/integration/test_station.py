"""The instructor station on loopback: real sockets, real headless trainee games, a real store.

The console is driven here by a WebSocket client signed in like a browser
(the browser itself is tests/integration/test_station_browser.py).
"""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path

import aiohttp
import pytest

from game.scenario import load_scenario
from game.sessions import SessionStore, replay
from game.sessions.replay import load_recorded_scenario
from game.sim import actions as act
from game.station.protocol import MAX_MESSAGE_BYTES
from game.station.running import RunningStation, start_station
from game.station.server import Station
from game.station.trainee import HeadlessTrainee

REPO = Path(__file__).resolve().parents[2]
SCENARIO = load_scenario(REPO / "scenarios" / "first-day.yaml")
PASS, CODE = "class-pass-42", "PORCH7"


@pytest.fixture
def station(tmp_path: Path):
    running = start_station(PASS, CODE, tmp_path / "academy.db")
    yield running
    running.stop()


def trainee(station: RunningStation, name: str, tmp_path: Path, **kw) -> HeadlessTrainee:
    options = {"ticks_per_update": 24, "updates_per_second": 25.0, **kw}
    return HeadlessTrainee(station.address, CODE, name, SCENARIO, 3, store=tmp_path / f"{name}.db",
                           **options)


def in_thread(target) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


async def signed_in(http: aiohttp.ClientSession, url: str) -> None:
    response = await http.post(f"{url}/login", data={"passphrase": PASS}, allow_redirects=False)
    assert response.status == 302


def cookie_jar() -> aiohttp.CookieJar:
    return aiohttp.CookieJar(unsafe=True)  # the station is an IP address on loopback


def test_two_trainees_stream_and_the_instructor_injects_and_flags(station, tmp_path: Path) -> None:
    seen: list[dict] = []

    async def console() -> None:
        async with aiohttp.ClientSession(cookie_jar=cookie_jar()) as http:
            await signed_in(http, station.url)
            async with http.ws_connect(f"{station.url}/ws/console") as ws:
                acted: set[str] = set()
                async for message in ws:
                    data = json.loads(message.data)
                    seen.append(data)
                    who = data.get("trainee")
                    if data["type"] == "state" and who not in acted and data["state"]["minute"] > 20:
                        acted.add(who)
                        await ws.send_json({"type": "flag", "target": who, "note": "why park here?"})
                        await ws.send_json({"type": "inject", "target": who, "source": "market-call",
                                            "call_kind": "", "place": ""})
                    if sum(d["type"] == "uploaded" for d in seen) == 2:
                        return

    watcher = in_thread(lambda: asyncio.run(console()))
    games = [in_thread(trainee(station, name, tmp_path).play) for name in ("Ana", "Ben")]
    for game in games:
        game.join(timeout=120)
    watcher.join(timeout=30)
    states = [d for d in seen if d["type"] == "state"]
    by_trainee: dict[str, list[int]] = {}
    for d in states:
        by_trainee.setdefault(d["trainee"], []).append(d["state"]["seq"])
    assert len(by_trainee) == 2
    for seqs in by_trainee.values():
        assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # none lost, none out of order
    marks = [d["mark"] for d in seen if d["type"] == "mark"]
    assert sorted(m["action"]["kind"] for m in marks) == ["flag", "flag", "inject_call", "inject_call"]
    assert all(m["ok"] for m in marks)
    with SessionStore.open(station.station.store) as store:
        sessions = [store.get(s.id) for s in store.summaries()]
    assert sorted(s.summary.trainee for s in sessions) == ["Ana", "Ben"]
    for session in sessions:
        log = session.recording.action_log()
        assert act.Flag("why park here?") in [a for _, a in log]
        assert any(isinstance(a, act.InjectCall) for _, a in log)
        assert replay(session, load_recorded_scenario(session)).matches


def test_the_game_plays_on_while_the_station_is_away_and_uploads_when_back(tmp_path: Path) -> None:
    first = start_station(PASS, CODE, tmp_path / "academy.db")
    port = first.port
    first.stop()  # the console goes away before the shift even starts
    game = trainee(RunningStation(Station(PASS, CODE), port=port), "Cleo", tmp_path,
                   upload_timeout=60.0, updates_per_second=50.0)
    result: list = []
    thread = in_thread(lambda: result.append(game.play()))
    thread.join(timeout=3)  # the whole shift (under a second), unconnected
    assert not result or result[0][1].pending_uploads == 1
    with SessionStore.open(tmp_path / "Cleo.db") as local:
        assert [s.trainee for s in local.summaries()] == ["Cleo"]  # kept locally all along
    back = RunningStation(Station(PASS, CODE, tmp_path / "academy.db"), port=port).start()
    try:
        thread.join(timeout=60)
        sim, link = result[0]
        assert sim.finished and link.pending_uploads == 0
        with SessionStore.open(tmp_path / "academy.db") as academy:
            assert [s.trainee for s in academy.summaries()] == ["Cleo"]
    finally:
        back.stop()


async def _bad_input(url: str) -> dict[str, object]:
    out: dict[str, object] = {}
    async with aiohttp.ClientSession(cookie_jar=cookie_jar()) as http:
        response = await http.get(f"{url}/class", allow_redirects=False)
        out["class unsigned"] = response.status
        response = await http.get(f"{url}/dashboard.csv", allow_redirects=False)
        out["csv unsigned"] = response.status
        try:
            await http.ws_connect(f"{url}/ws/console")
            out["console unsigned"] = "open"
        except aiohttp.WSServerHandshakeError as exc:
            out["console unsigned"] = exc.status
        response = await http.post(f"{url}/login", data={"passphrase": "guess"}, allow_redirects=False)
        out["wrong passphrase"] = response.status
        try:
            await http.ws_connect(f"{url}/ws/trainee", params={"code": "WRONG1"})
            out["wrong code"] = "open"
        except aiohttp.WSServerHandshakeError as exc:
            out["wrong code"] = exc.status
        async with http.ws_connect(f"{url}/ws/trainee", params={"code": CODE}) as ws:
            replies = []
            for raw in ("not json", json.dumps({"type": "inject", "target": "*"}),
                        json.dumps({"type": "state", "state": {"seq": 1}}),
                        json.dumps({"type": "hello", "trainee": "x" * 500}),
                        json.dumps({"type": "state", "padding": "x" * (MAX_MESSAGE_BYTES + 10)})):
                await ws.send_str(raw)
                replies.append(json.loads((await ws.receive()).data))
            out["trainee replies"] = replies
        await signed_in(http, url)
        async with http.ws_connect(f"{url}/ws/console") as ws:
            await ws.receive()  # the roster
            replies = []
            for message in ({"type": "inject", "target": "nobody", "source": "x", "call_kind": "",
                             "place": ""}, {"type": "flag", "target": "*", "note": ""},
                            {"type": "state", "trainee": "x"}, {"type": "pause"}):
                await ws.send_json(message)
                replies.append(json.loads((await ws.receive()).data))
            out["console replies"] = replies
            await ws.send_json({"type": "pause", "target": "*", "extra": 1})
            out["still open"] = json.loads((await ws.receive()).data)["type"]
    return out


def test_bad_input_is_refused_and_never_a_crash(station) -> None:
    out = asyncio.run(_bad_input(station.url))
    assert out["class unsigned"] == 302 and out["csv unsigned"] == 302
    assert out["console unsigned"] in (200, 302, 403)  # a redirect to sign-in, never a socket
    assert out["wrong passphrase"] == 403 and out["wrong code"] == 403
    trainee_replies = out["trainee replies"]
    assert all(r["type"] == "error" for r in trainee_replies)
    errors = [r["error"] for r in trainee_replies]
    assert "not JSON" in errors[0] and "unknown message type" in errors[1]
    assert "state.state" in errors[2] and "hello" in errors[3] and "larger than" in errors[4]
    console_replies = out["console replies"]
    assert [r["type"] for r in console_replies] == ["error"] * 4
    assert "no such trainee" in console_replies[0]["error"]
    assert out["still open"] == "error"


def test_the_dashboard_lists_escapes_filters_and_exports(station, tmp_path: Path) -> None:
    trainee(station, "Dee <script>", tmp_path).play()

    async def pages() -> tuple[str, str, str, str]:
        async with aiohttp.ClientSession(cookie_jar=cookie_jar()) as http:
            await signed_in(http, station.url)
            board = await (await http.get(f"{station.url}/dashboard")).text()
            other = await (await http.get(f"{station.url}/dashboard?trainee=nobody")).text()
            csv = await (await http.get(f"{station.url}/dashboard.csv?scenario=first-day")).text()
            report = await (await http.get(f"{station.url}/report/1")).text()
            return board, other, csv, report

    board, other, csv, report = asyncio.run(pages())
    assert "Dee &lt;script&gt;" in board and "<script>" not in board.replace(
        '<script src="/static/', "")
    assert 'href="/report/1"' in board and "Par" in board and "Trust gained" in board
    assert "1 of 1 sessions" in board and "0 of 1 sessions" in other
    assert csv.splitlines()[0].startswith("id,") and "Dee <script>" in csv
    assert "First Day" in report and "<script>" not in report
