"""One module per CLI subcommand.

Each module defines ``add_parser(subparsers)`` and ``run(args) -> int``. Modules
import heavy things (pygame, numpy) inside ``run`` so that `validate` and
`schema` start fast and never touch pygame.

Each ``add_parser`` must end with ``parser.set_defaults(run=run)``; game.cli
calls ``args.run(args)`` and turns ``game.errors.UserError`` and
``game.scenario.ScenarioError`` into exit status 2.
"""
