"""A trainee's link to the instructor's station, run beside the game loop, never in it.

The game thread only ever calls quick, non-blocking methods (``publish``,
``take_commands``, ``acknowledge``, ``upload``); the network lives on one
background asyncio loop per process (``_background_loop``), where each link is
a task that connects, says hello, sends what the game queued, and receives the
instructor's commands. When the station goes away the game plays on: live
states are simply not sent while disconnected, the link retries every
``RECONNECT_SECONDS``, says hello again, and uploads every saved session the
station has not yet confirmed — so nothing the trainee saved is lost.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import queue
import threading
import time
import uuid
from collections.abc import Mapping
from typing import Any

import aiohttp

from game.sessions.store import Session, session_row
from game.station.protocol import (
    MAX_MESSAGE_BYTES,
    STATION_MESSAGES,
    BadMessage,
    dump,
    parse,
)

RECONNECT_SECONDS = 1.0
BYTES_COLUMNS = ("foot_heat", "car_heat")  # a session row's binary columns travel as base64

_loop_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None


def _background_loop() -> asyncio.AbstractEventLoop:
    """The process's one network loop, started on first use in a daemon thread."""
    global _loop
    with _loop_lock:
        if _loop is None:
            _loop = asyncio.new_event_loop()
            threading.Thread(target=_loop.run_forever, name="class-link", daemon=True).start()
        return _loop


def upload_message(upload_id: int, session: Session) -> dict[str, Any]:
    row = session_row(session)
    for name in BYTES_COLUMNS:
        row[name] = base64.b64encode(row[name]).decode("ascii")
    scenario = None if session.scenario is None else base64.b64encode(session.scenario).decode("ascii")
    return {"type": "upload", "upload": upload_id, "row": row, "scenario": scenario}


def parse_address(address: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6); ValueError saying how to write it."""
    host, sep, port = address.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{address!r} is not HOST:PORT (e.g. 192.168.1.20:8765)")
    return host.strip("[]"), int(port)


class ClassLink:
    def __init__(self, address: str, code: str, trainee: str) -> None:
        self.host, self.port = parse_address(address)
        self.code = code
        self.trainee = trainee
        self.link_id = uuid.uuid4().hex  # the same seat on the console across reconnects
        self.connected = False
        self.paused = False  # the instructor paused this trainee's shift
        self.problem: str | None = None  # the last reason the station could not be reached
        self._hello: dict[str, Any] | None = None
        self._outbox: dict[int, dict[str, Any]] = {}  # uploads the station has not confirmed
        self._uploads = itertools.count(1)
        self._commands: queue.SimpleQueue[tuple[int, Any]] = queue.SimpleQueue()
        self._loop = _background_loop()
        self._send: asyncio.Queue[str] | None = None
        self._closed = threading.Event()
        self._task = asyncio.run_coroutine_threadsafe(self._run(), self._loop)

    # --- the game thread's side (quick, never blocking) ----------------------------------
    def begin(self, hello: Mapping[str, Any]) -> None:
        """A new shift: the console learns its scenario (now, and after every reconnect)."""
        self._hello = dict(hello)
        self._post(dump(self._hello))

    def publish(self, state: Mapping[str, Any]) -> None:
        """Send the shift's live state, if connected (a stale state is worth nothing later)."""
        if self.connected:
            self._post(dump({"type": "state", "state": state}))

    def take_commands(self) -> list[tuple[int, Any]]:
        out = []
        while True:
            try:
                out.append(self._commands.get_nowait())
            except queue.Empty:
                return out

    def acknowledge(self, command_id: int, error: str | None) -> None:
        self._post(dump({"type": "ack", "id": command_id, "ok": error is None,
                         "error": (error or "")[:500]}))

    def upload(self, session: Session) -> None:
        """Hand a saved session to the station, now or once it is back."""
        upload_id = next(self._uploads)
        message = upload_message(upload_id, session)
        self._outbox[upload_id] = message  # pending from this moment (flush waits for it)
        self._post(dump(message))

    @property
    def pending_uploads(self) -> int:
        return len(self._outbox)

    def flush(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the station to confirm every upload (a game about
        to close); False if some are still pending (they stay in the local store)."""
        deadline = time.monotonic() + timeout
        while self._outbox and self.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        return not self._outbox

    def close(self) -> None:
        self._closed.set()
        self._loop.call_soon_threadsafe(self._task.cancel)

    def _post(self, text: str) -> None:
        def put() -> None:
            if self.connected and self._send is not None:
                self._send.put_nowait(text)
        self._loop.call_soon_threadsafe(put)

    # --- the network loop's side --------------------------------------------------------------
    async def _run(self) -> None:
        url = f"http://{self.host}:{self.port}/ws/trainee"
        timeout = aiohttp.ClientTimeout(total=None, connect=5)
        async with aiohttp.ClientSession(timeout=timeout) as http:
            while not self._closed.is_set():
                try:
                    async with http.ws_connect(url, params={"code": self.code},
                                               max_msg_size=MAX_MESSAGE_BYTES, heartbeat=10) as ws:
                        await self._talk(ws)
                except (aiohttp.ClientError, OSError, asyncio.TimeoutError) as exc:
                    self.problem = str(exc) or type(exc).__name__
                finally:
                    self.connected = False
                    self._send = None
                await asyncio.sleep(RECONNECT_SECONDS)

    async def _talk(self, ws: Any) -> None:
        self._send = asyncio.Queue()
        first = [dump(self._hello)] if self._hello else []
        first += [dump(message) for message in list(self._outbox.values())]
        for text in first:
            self._send.put_nowait(text)
        self.connected, self.problem = True, None
        sender = asyncio.create_task(self._send_all(ws, self._send))
        try:
            async for message in ws:
                if message.type is not aiohttp.WSMsgType.TEXT:
                    break
                try:
                    self._receive(parse(message.data, STATION_MESSAGES))
                except BadMessage as exc:
                    self.problem = f"the station sent a message this game cannot read: {exc}"
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender

    async def _send_all(self, ws: Any, outgoing: asyncio.Queue[str]) -> None:
        while True:
            await ws.send_str(await outgoing.get())

    def _receive(self, message: dict[str, Any]) -> None:
        match message["type"]:
            case "command":
                self._commands.put((message["id"], message["action"]))
            case "pause":
                self.paused = message["paused"]
            case "uploaded":
                if message["ok"]:
                    self._outbox.pop(message["upload"], None)
                else:
                    self.problem = f"the station refused an upload: {message['error']}"
            case "error":
                self.problem = f"the station: {message['error']}"
