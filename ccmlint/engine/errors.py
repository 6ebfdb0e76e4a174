"""The one error a rule author sees: a bad rule file, named by file, line and column.

Everything that can be wrong with a rule pack (bytes that are not UTF-8, invalid
YAML, an alias, a duplicate or unknown key, an unknown check kind or fact path, a
placeholder the kind does not supply) is reported as a ``ConfigError`` so the CLI
prints it the way a compiler prints a syntax error and exits.
"""

from __future__ import annotations


class ConfigError(Exception):
    """A rule file or pack that cannot be loaded, with the place to fix it."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message
