"""Formatters: each renders a run's ``Report`` in one output format and computes nothing.

The registry maps a ``--format`` name to the module that renders it; each module
offers ``render(report, options) -> str``. Modules are imported only when asked for,
so that the JSON, SARIF and GitHub formats never load rich (a pre-commit hook or a CI
step should start at once).
"""

from __future__ import annotations

import importlib
from types import ModuleType

FORMATS: dict[str, str] = {
    "text": "ccmlint.output.text",
    "json": "ccmlint.output.json",
    "sarif": "ccmlint.output.sarif",
    "github": "ccmlint.output.github",
    "html": "ccmlint.output.html",
}
"""Format name → module; ``--format`` offers these, in this order."""


def formatter(name: str) -> ModuleType:
    """The formatter module for a format name, imported only when asked for."""
    return importlib.import_module(FORMATS[name])
