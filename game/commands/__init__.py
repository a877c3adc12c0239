"""One module per CLI subcommand.

Each module defines ``add_parser(subparsers)`` and ``run(args) -> int``. Modules
import heavy things (pygame, numpy) inside ``run`` so that `validate` and
`schema` start fast and never touch pygame.
"""
