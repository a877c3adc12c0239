"""The instructor's station: an aiohttp web server for one class.

Why aiohttp: one well-kept library (aio-libs) gives the HTTP server, the
WebSocket server the browser and the trainees' games connect to, and the
WebSocket client those games use, all on asyncio with no extra moving parts.
The console's page, script and style are files of this package, served from
here: the class room needs no internet.

Who may do what:
- the instructor signs in with the passphrase (a random token in an HttpOnly,
  SameSite=Strict cookie) and alone may watch, inject, pause, flag, and read
  the dashboard and reports;
- a trainee's game joins with the class code and may only post its own
  seat's live state, acknowledgements and uploads (the seat is bound to the
  socket at hello; a state names no trainee).
Every message is checked (``protocol.parse``) and rate limited; a bad one is
answered with an error and dropped, never a crash. Pages escape every
scenario and trainee text (``game.report.html``); the script sets only
``textContent``.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import WSMsgType, web

from game.sessions.checks import Damage
from game.sessions.store import SessionStore, SessionStoreError, session_from_row
from game.station import pages
from game.station.link import BYTES_COLUMNS
from game.station.protocol import (
    CONSOLE_MESSAGES,
    EVERYONE,
    MAX_MESSAGE_BYTES,
    MAX_UPLOAD_BYTES,
    TRAINEE_MESSAGES,
    BadMessage,
    dump,
    parse,
)

STATIC = Path(__file__).with_name("static")
COOKIE = "frontporch_instructor"
MAX_TRAINEES = 200
MAX_CONSOLES = 8
MESSAGES_PER_SECOND = 20.0  # per socket, sustained; bursts up to twice that
LOGIN_TRIES_PER_MINUTE = 10
TRUST_TREND_POINTS = 60  # the trust values a card's trend is drawn from (about a minute)


class RateLimit:
    """A token bucket: ``allow()`` is False once a sender outruns ``rate`` per second."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.at = burst, time.monotonic()

    def allow(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


@dataclass
class Seat:
    """One trainee in the class, kept across their reconnects (by the link id)."""

    link: str
    trainee: str
    scenario: str
    title: str
    map: list[int]
    pool: list[dict[str, str]]
    roads: list[str]
    events: list[dict[str, str]] = field(default_factory=list)  # the scenario's, to start now
    socket: web.WebSocketResponse | None = None
    state: dict[str, Any] | None = None
    trust: deque[float] = field(default_factory=lambda: deque(maxlen=TRUST_TREND_POINTS))
    track: deque[list[float]] = field(default_factory=lambda: deque(maxlen=TRUST_TREND_POINTS))
    marks: list[dict[str, Any]] = field(default_factory=list)  # the instructor's acknowledged acts
    sessions: list[int] = field(default_factory=list)  # uploaded, as ids in the station's store

    def card(self) -> dict[str, Any]:
        return {"trainee": self.link, "name": self.trainee, "scenario": self.scenario,
                "title": self.title, "map": self.map, "roads": self.roads, "pool": self.pool,
                "events": self.events,
                "state": self.state,
                "trust": list(self.trust), "track": list(self.track), "marks": self.marks,
                "connected": self.socket is not None, "sessions": self.sessions}


class Station:
    def __init__(self, passphrase: str, code: str, store: str | Path | None = None) -> None:
        self.passphrase = passphrase
        self.code = code
        self.store = store  # where uploads go: None is $FRONTPORCH_DB or the user data folder
        self.seats: dict[str, Seat] = {}
        self.consoles: set[web.WebSocketResponse] = set()
        self._tokens: set[str] = set()
        self._commands = 0
        self._pending: dict[int, tuple[str, dict[str, Any]]] = {}  # command id -> (seat, what)
        self._logins: dict[str, deque[float]] = {}

    # --- the app ----------------------------------------------------------------------
    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024, middlewares=[_security_headers])
        app.add_routes([
            web.get("/", self.index), web.get("/favicon.ico", _no_icon),
            web.post("/login", self.login), web.post("/logout", self.logout),
            web.get("/class", self.console_page), web.get("/dashboard", self.dashboard),
            web.get("/dashboard.csv", self.dashboard_csv), web.get("/report/{id}", self.report),
            web.get("/ws/console", self.console_socket), web.get("/ws/trainee", self.trainee_socket),
            web.static("/static", STATIC, follow_symlinks=False),
        ])
        app.on_shutdown.append(self._close_sockets)
        return app

    async def _close_sockets(self, _: web.Application) -> None:
        """On shutdown, say goodbye to every open socket instead of waiting for them to end."""
        sockets = [*self.consoles, *(s.socket for s in self.seats.values() if s.socket is not None)]
        for ws in sockets:
            await ws.close()

    def signed_in(self, request: web.Request) -> bool:
        token = request.cookies.get(COOKIE, "")
        return any(hmac.compare_digest(token, known) for known in self._tokens)

    def _require(self, request: web.Request) -> None:
        if not self.signed_in(request):
            raise web.HTTPFound("/")

    # --- pages --------------------------------------------------------------------------
    async def index(self, request: web.Request) -> web.StreamResponse:
        if self.signed_in(request):
            raise web.HTTPFound("/class")
        return _html(pages.login_page())

    async def login(self, request: web.Request) -> web.StreamResponse:
        who = request.remote or "?"
        tries = self._logins.setdefault(who, deque())
        now = time.monotonic()
        while tries and now - tries[0] > 60:
            tries.popleft()
        if len(tries) >= LOGIN_TRIES_PER_MINUTE:
            return _html(pages.login_page("Too many tries; wait a minute."), status=429)
        tries.append(now)
        form = await request.post()
        given = form.get("passphrase", "")
        if not isinstance(given, str) or not hmac.compare_digest(given.strip().encode(),
                                                                 self.passphrase.encode()):
            return _html(pages.login_page("That is not the passphrase."), status=403)
        token = secrets.token_urlsafe(32)
        self._tokens.add(token)
        response = web.HTTPFound("/class")
        response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        raise response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        self._tokens.discard(request.cookies.get(COOKIE, ""))
        raise web.HTTPFound("/")

    async def console_page(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        return _html(pages.console_page(self.code))

    async def dashboard(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        scenario = request.query.get("scenario", "")[:80] or None
        trainee = request.query.get("trainee", "")[:80] or None
        rows, damaged = await asyncio.to_thread(self._summaries, scenario)
        shown = pages.only_trainee(rows, trainee)
        details = await asyncio.to_thread(pages.session_details, str(self.store or ""), shown)
        return _html(pages.dashboard_page(rows, details, damaged, scenario, trainee))

    async def dashboard_csv(self, request: web.Request) -> web.StreamResponse:
        from game.report.csv_export import sessions_csv

        self._require(request)
        scenario = request.query.get("scenario", "")[:80] or None
        trainee = request.query.get("trainee", "")[:80] or None
        rows, _ = await asyncio.to_thread(self._summaries, scenario)
        return web.Response(text=sessions_csv(pages.only_trainee(rows, trainee)), content_type="text/csv",
                            headers={"Content-Disposition": 'attachment; filename="sessions.csv"'})

    async def report(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        try:
            session_id = int(request.match_info["id"])
        except ValueError:
            raise web.HTTPNotFound() from None
        return _html(await asyncio.to_thread(self._report, session_id))

    def _summaries(self, scenario: str | None) -> tuple[list[Any], list[str]]:
        damaged: list[str] = []
        try:
            with SessionStore.open(self.store, read_only_ok=True) as store:
                return store.summaries(scenario, damaged), damaged
        except SessionStoreError as exc:
            return [], [str(exc)]

    def _report(self, session_id: int) -> str:
        from game.errors import UserError
        from game.report.session_report import session_report
        from game.sessions import load_recorded_scenario

        try:
            with SessionStore.open(self.store, read_only_ok=True) as store:
                session = store.get(session_id)
            return session_report(session, load_recorded_scenario(session))
        except UserError as exc:
            return pages.problem_page(str(exc))

    # --- the instructor's browser ----------------------------------------------------------
    async def console_socket(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        origin = request.headers.get("Origin")
        if origin is not None and origin.split("://", 1)[-1] != request.host:
            raise web.HTTPForbidden(text="the console only answers its own pages")
        if len(self.consoles) >= MAX_CONSOLES:
            raise web.HTTPServiceUnavailable(text="too many consoles are open")
        ws = web.WebSocketResponse(max_msg_size=MAX_MESSAGE_BYTES, heartbeat=20)
        await ws.prepare(request)
        self.consoles.add(ws)

        async def command(raw: str) -> None:
            await self._console_command(parse(raw, CONSOLE_MESSAGES))

        try:
            await ws.send_str(dump({"type": "roster", "code": self.code,
                                    "trainees": [seat.card() for seat in self.seats.values()]}))
            await _each_message(ws, command)
        finally:
            self.consoles.discard(ws)
        return ws

    async def _console_command(self, message: dict[str, Any]) -> None:
        target = message["target"]
        seats = list(self.seats.values()) if target == EVERYONE else (
            [self.seats[target]] if target in self.seats else [])
        if not seats:
            raise BadMessage("there is no such trainee in this class")
        kind = message["type"]
        for seat in seats:
            if seat.socket is None:
                continue  # away: the instructor sees the card greyed out
            if kind in ("pause", "resume"):
                await seat.socket.send_str(dump({"type": "pause", "paused": kind == "pause"}))
                continue
            action = _instructor_action(message)
            self._commands += 1
            self._pending[self._commands] = (seat.link, action)
            await seat.socket.send_str(dump({"type": "command", "id": self._commands,
                                             "action": action}))

    async def broadcast(self, message: dict[str, Any]) -> None:
        text = dump(message)
        for ws in list(self.consoles):
            try:
                await ws.send_str(text)
            except (ConnectionError, RuntimeError):
                self.consoles.discard(ws)

    # --- the trainees' games ----------------------------------------------------------------
    async def trainee_socket(self, request: web.Request) -> web.StreamResponse:
        if not hmac.compare_digest(request.query.get("code", "").upper().encode(), self.code.encode()):
            raise web.HTTPForbidden(text="that is not this class's code")
        ws = web.WebSocketResponse(max_msg_size=2 * MAX_UPLOAD_BYTES, heartbeat=20)
        await ws.prepare(request)
        seat: Seat | None = None

        async def heard(raw: str) -> None:
            nonlocal seat
            seat = await self._trainee_message(ws, seat, _trainee_message(raw))

        try:
            await _each_message(ws, heard)
        finally:
            if seat is not None and seat.socket is ws:
                seat.socket = None
                await self.broadcast({"type": "left", "trainee": seat.link})
        return ws

    async def _trainee_message(self, ws: web.WebSocketResponse, seat: Seat | None,
                               data: dict[str, Any]) -> Seat:
        kind = data["type"]
        if kind == "hello":
            return await self._hello(ws, data)
        if seat is None:
            raise BadMessage("say hello first")
        if kind == "state":
            state = data["state"]
            seat.state = state
            seat.trust.append(state["trust"])
            seat.track.append(state["officer"])
            await self.broadcast({"type": "state", "trainee": seat.link, "state": state})
        elif kind == "ack":
            await self._ack(seat, data)
        elif kind == "upload":
            await self._upload(ws, seat, data)
        return seat

    async def _hello(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> Seat:
        link = data["link"]
        seat = self.seats.get(link)
        if seat is None:
            if len(self.seats) >= MAX_TRAINEES:
                raise BadMessage("the class is full")
            seat = self.seats[link] = Seat(link, data["trainee"], data["scenario"], data["title"],
                                           data["map"], data["pool"], data["roads"])
        elif seat.socket is not None and seat.socket is not ws:
            await seat.socket.close()  # the same game reconnected: the old socket is stale
        seat.trainee, seat.scenario, seat.title = data["trainee"], data["scenario"], data["title"]
        seat.map, seat.pool, seat.roads, seat.socket = data["map"], data["pool"], data["roads"], ws
        seat.events = data["events"]
        await ws.send_str(dump({"type": "welcome", "trainee": link}))
        await self.broadcast({"type": "joined", "card": seat.card()})
        return seat

    async def _ack(self, seat: Seat, data: dict[str, Any]) -> None:
        pending = self._pending.pop(data["id"], None)
        if pending is None or pending[0] != seat.link:
            raise BadMessage("no such command was sent to this trainee")
        mark = {"action": pending[1], "ok": data["ok"], "error": data["error"],
                "clock": seat.state["clock"] if seat.state else ""}
        seat.marks.append(mark)
        await self.broadcast({"type": "mark", "trainee": seat.link, "mark": mark})

    async def _upload(self, ws: web.WebSocketResponse, seat: Seat, data: dict[str, Any]) -> None:
        row = data["row"]
        try:
            if not isinstance(row, dict):
                raise Damage("the session is not an object")
            for name in BYTES_COLUMNS:
                if not isinstance(row.get(name), str):
                    raise Damage(f"{name} is not base64 text")
                row[name] = base64.b64decode(row[name], validate=True)
            session = session_from_row(row, data["scenario"])
            if session.summary.trainee != seat.trainee:
                raise Damage("it is another trainee's session")
            session_id = await asyncio.to_thread(self._keep, session)
        except (Damage, ValueError, SessionStoreError) as exc:
            await ws.send_str(dump({"type": "uploaded", "upload": data["upload"], "ok": False,
                                    "error": str(exc)[:500]}))
            return
        if session_id is not None:
            seat.sessions.append(session_id)
        await ws.send_str(dump({"type": "uploaded", "upload": data["upload"], "ok": True, "error": ""}))
        await self.broadcast({"type": "uploaded", "trainee": seat.link, "sessions": seat.sessions})

    def _keep(self, session: Any) -> int | None:
        with SessionStore.open(self.store) as store:
            return store.add(session)


async def _each_message(ws: web.WebSocketResponse, handle: Callable[[str], Awaitable[None]]) -> None:
    """Hand each text message to ``handle`` until the socket closes; a message refused
    (BadMessage, or one past the rate limit) gets an error reply and the socket stays open."""
    limit = RateLimit(MESSAGES_PER_SECOND, 2 * MESSAGES_PER_SECOND)
    async for message in ws:
        if message.type is not WSMsgType.TEXT:
            break
        try:
            if not limit.allow():
                raise BadMessage("too many messages; slow down")
            await handle(message.data)
        except BadMessage as exc:
            await ws.send_str(dump({"type": "error", "error": str(exc)}))


def _trainee_message(raw: str) -> dict[str, Any]:
    """A game's message, checked; only an upload (a whole session) may be a large one."""
    if len(raw) <= MAX_MESSAGE_BYTES:
        return parse(raw, TRAINEE_MESSAGES)
    try:
        return parse(raw, {"upload": TRAINEE_MESSAGES["upload"]}, 2 * MAX_UPLOAD_BYTES)
    except BadMessage as exc:
        raise BadMessage(f"the message is larger than {MAX_MESSAGE_BYTES} bytes and not a valid "
                         f"upload ({exc})") from exc


async def _no_icon(_: web.Request) -> web.Response:
    return web.Response(status=204)


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, content_type="text/html", status=status)


@web.middleware
async def _security_headers(request: web.Request, handler: Any) -> web.StreamResponse:
    """No page of the station loads anything from elsewhere, nor runs inside another site."""
    response: web.StreamResponse = await handler(request)
    response.headers.setdefault("Content-Security-Policy", f"{pages.POLICY}; frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


def _instructor_action(message: dict[str, Any]) -> dict[str, Any]:
    """The action a console's inject, inject_event or flag message asks a game for."""
    kind = message["type"]
    if kind == "inject":
        return {"kind": "inject_call", "source": message["source"],
                "call_kind": message["call_kind"], "place": message["place"]}
    if kind == "inject_event":
        return {"kind": "inject_event", "event": message["event"]}
    return {"kind": "flag", "note": message["note"]}
