"""`play [SCENARIO]`: open the game window (title screen, or straight to a scenario's briefing)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from game.commands import arguments


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "play", help="play a shift (the default command)",
        description="Open the game. With SCENARIO, go straight to its briefing; without, start at "
                    "the title screen and pick a neighborhood.",
    )
    parser.add_argument("scenario", nargs="?", help="scenario YAML file")
    parser.add_argument("--campaign", metavar="FILE",
                        help="play a campaign (docs/campaigns.md): its next day, continuing an "
                             "unfinished week of the same file")
    parser.add_argument("--scenarios", default="scenarios", metavar="DIR",
                        help="folder the scenario picker lists (default: scenarios)")
    parser.add_argument("--autoplay", action="store_true",
                        help="let a bot play through the real interface (menus advance by themselves)")
    parser.add_argument("--bot", default="balanced",
                        help="bot for --autoplay and --scene summary: car, walk, balanced or random")
    parser.add_argument("--seed", type=arguments.seed, default=None,
                        help="simulation seed (default: the scenario's)")
    parser.add_argument("--trainee", default=None, metavar="NAME",
                        help="name kept with the saved sessions (for an instructor's class export)")
    parser.add_argument("--class", dest="class_address", default=None, metavar="HOST:PORT",
                        help="join the instructor station at HOST:PORT (see `serve`): the shift "
                             "streams live to the console; needs --trainee and --code")
    parser.add_argument("--code", default="", help="the class code the instructor gives out")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="game-time multiplier, e.g. 50 for a fast autoplay (default: 1)")
    parser.add_argument("--frames", type=int, default=None,
                        help="stop after N frames (runs on a fixed 1/60 s frame clock)")
    parser.add_argument("--screenshot", type=Path, default=None, metavar="PATH",
                        help="save the last frame as an image and exit")
    parser.add_argument("--scene", default=None,
                        help="open this scene first: title, picker, briefing, play or summary")
    parser.add_argument("--kiosk", action="store_true",
                        help="community workshop mode: full screen, big text, a captioned demo until "
                             "someone touches the screen, nothing saved; hold Esc 3 s or press "
                             "Ctrl+Shift+Q to quit")
    parser.add_argument("--idle-seconds", type=float, default=90.0, metavar="N",
                        help="kiosk: seconds without input before the demo comes back (default: 90)")
    window = parser.add_mutually_exclusive_group()
    window.add_argument("--fullscreen", action="store_true", help="start full screen")
    window.add_argument("--windowed", action="store_true", help="start in a window (the default)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.bots import BOTS
    from game.errors import UserError
    from game.scenario import load_scenario

    if args.bot not in BOTS:
        raise UserError(f"unknown bot {args.bot!r} (known bots: {', '.join(BOTS)})")
    if args.speed <= 0:
        raise UserError("--speed must be greater than 0")
    if args.frames is not None and args.frames < 1:
        raise UserError("--frames must be at least 1")
    if args.idle_seconds <= 0:
        raise UserError("--idle-seconds must be greater than 0")
    if args.class_address is not None:
        from game.station.link import parse_address

        try:
            parse_address(args.class_address)
        except ValueError as exc:
            raise UserError(f"--class: {exc}") from None
        if not (args.trainee and args.code):
            raise UserError("--class needs --trainee NAME and --code CODE (the instructor's class code)")
        if args.kiosk:
            raise UserError("--class cannot be used with --kiosk (a kiosk keeps nothing)")
    if args.kiosk and args.scene is not None:
        raise UserError("--scene cannot be used with --kiosk (the kiosk opens on its demo)")
    from game.app.main import SCENES

    if args.scene is not None and args.scene not in SCENES:
        raise UserError(f"unknown scene {args.scene!r} (known scenes: {', '.join(SCENES)})")
    if args.campaign is not None and (args.scenario is not None or args.kiosk or args.scene):
        raise UserError("--campaign plays its own days: leave out SCENARIO, --scene and --kiosk")
    # A bad file is reported (exit 2) before any window opens.
    scenario = load_scenario(args.scenario) if args.scenario is not None else None
    from game.campaign.loader import load_campaign

    campaign = load_campaign(args.campaign) if args.campaign is not None else None

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app.context import LaunchOptions
    from game.app.main import run as run_game

    options = LaunchOptions(
        scenario=scenario, scenario_dir=Path(args.scenarios), autoplay=args.autoplay, bot=args.bot,
        seed=args.seed, speed=args.speed, frames=args.frames, screenshot=args.screenshot,
        fullscreen=args.fullscreen or (args.kiosk and not args.windowed), scene=args.scene,
        trainee=args.trainee, kiosk=args.kiosk, idle_seconds=args.idle_seconds,
        class_address=args.class_address, class_code=args.code.upper(),
        campaign=campaign,
    )
    return run_game(options)
