"""The CLI's user errors: main prints each as one line on stderr, never a traceback."""

from __future__ import annotations


class CliError(Exception):
    """Wrong input or a state the user must change: the message says what and what to do."""
