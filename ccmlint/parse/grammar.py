"""Loading the report grammar once per process, from a safe per-user cache when possible.

Compiling the LALR tables takes longer than parsing a report, so the compiled
parser is cached. Lark's own ``cache=True`` writes a pickle into the shared
temporary directory, where another user could plant one; ours lives in the user's
cache directory (``$XDG_CACHE_HOME/ccmlint`` or ``~/.cache/ccmlint``), is keyed by
the grammar text and Lark's version, and a cache that fails to load is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from importlib.resources import files
from pathlib import Path

from lark import Lark
from lark import __version__ as lark_version

GRAMMAR_PACKAGE = "ccmlint.grammar"
GRAMMAR_FILE = "report.lark"


def grammar_text() -> str:
    return files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


@cache
def report_parser() -> Lark:
    """The compiled report parser, shared by every parse in this process."""
    text = grammar_text()
    options = dict(parser="lalr", lexer="contextual", start="start", maybe_placeholders=False)
    cache_file = _cache_file(text)
    if cache_file is not None:
        try:
            return Lark(text, cache=str(cache_file), **options)
        except Exception:  # noqa: BLE001 - a damaged cache must never stop a run
            _discard(cache_file)
    return Lark(text, **options)


def _cache_file(grammar: str) -> Path | None:
    """A per-user cache path, or None where no private directory can be had."""
    if os.environ.get("CCMLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = Path(base) / "ccmlint"
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        if directory.stat().st_uid != os.getuid() or Path(tempfile.gettempdir()) in directory.parents:
            return None
    except OSError:
        return None
    digest = hashlib.sha256(f"{lark_version}\0{grammar}".encode()).hexdigest()[:16]
    return directory / f"report-{digest}.lark-cache"


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
