"""The module inspect_ai loads through the package's ``inspect_ai`` entry point: it registers the tasks."""

from .inspect_tasks import all_tasks, events, mentions, statements, time

__all__ = ["all_tasks", "events", "mentions", "statements", "time"]
