"""The answer tasks and the scorer tasks each is scored on (light: the command line reads it to build its parser)."""

from __future__ import annotations

TASKS = ("mentions", "events", "time", "statements", "all")
"""The tasks a model is asked to do, each a single answer per document."""

SCORED: dict[str, tuple[str, ...]] = {
    "mentions": ("mentions", "linking", "wikidata"),
    "events": ("events", "arguments"),
    "time": ("time",),
    "statements": ("statements",),
    "all": ("mentions", "linking", "wikidata", "events", "arguments", "time", "statements"),
}
"""The scorer's tasks (:data:`communique.scoring.TASKS`) each answer task is scored on."""
