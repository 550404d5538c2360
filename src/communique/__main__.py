"""``python -m communique``: the command line."""

from .cli import run

run()
