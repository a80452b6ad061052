"""Defaults that both the core and the command line use, in a module light enough for start-up."""

DEFAULT_WARN_DAYS = 14  # a due date this many days ahead or closer shows a yellow light
DEFAULT_WITHIN = "7d"  # how far ahead gk remind looks
