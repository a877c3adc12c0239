"""`serve`: the instructor's station, a live class console in the browser."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="run the instructor station: a live class console in the browser",
        description="Serve the class console. Trainees join with `play --class HOST:PORT --trainee "
                    "NAME --code CODE`; the instructor opens http://HOST:PORT/ and signs in with "
                    "the passphrase. Uploaded sessions go to the session store ($FRONTPORCH_DB).",
    )
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1, this machine only; "
                             "0.0.0.0 opens it to the room's network)")
    parser.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    parser.add_argument("--passphrase", default=None,
                        help="the instructor's passphrase (default: a new one, printed once)")
    parser.add_argument("--code", default=None, help="the class code (default: a new one, printed)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from aiohttp import web

    from game.errors import UserError
    from game.station.protocol import CLASS_CODE_LETTERS, new_class_code, new_passphrase
    from game.station.server import Station

    if not 0 < args.port < 65536:
        raise UserError("--port must be 1 to 65535")
    passphrase = args.passphrase or new_passphrase()
    if len(passphrase) < 8:
        raise UserError("--passphrase must be at least 8 characters")
    code = (args.code or new_class_code()).upper()
    if not 4 <= len(code) <= 12 or any(ch not in CLASS_CODE_LETTERS for ch in code):
        raise UserError(f"--code must be 4 to 12 of {CLASS_CODE_LETTERS}")
    station = Station(passphrase, code)
    print(f"Instructor station on http://{args.host}:{args.port}/  class code {code}")
    if not args.passphrase:
        print(f"Passphrase (shown once): {passphrase}")
    sys.stdout.flush()
    try:
        web.run_app(station.app(), host=args.host, port=args.port, print=None)
    except OSError as exc:
        raise UserError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc} (is another "
                        "station running? choose another --port)") from exc
    return 0
