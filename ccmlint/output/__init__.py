"""Formatters: each renders diagnostics in one output format and computes nothing.

The registry maps a ``--format`` name to the module that renders it; each module
offers ``render(results) -> str``.
"""

from __future__ import annotations

from types import ModuleType

FORMATS: tuple[str, ...] = ("text", "json")


def formatter(name: str) -> ModuleType:
    """The formatter module for a format name, imported only when asked for."""
    if name == "text":
        from ccmlint.output import text

        return text
    if name == "json":
        from ccmlint.output import json

        return json
    raise KeyError(name)
