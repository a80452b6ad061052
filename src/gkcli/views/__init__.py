"""Core results as stable JSON items plus the columns people see (no rendering here)."""

from gkcli.views.tasks import deadline_json, task_json, task_listing

__all__ = ["deadline_json", "task_json", "task_listing"]
