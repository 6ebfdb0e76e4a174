"""Loading the report grammar once per process, from a safe per-user cache when possible.

Compiling the LALR tables takes longer than parsing a report, so the compiled
parser is cached. Lark's own ``cache=True`` writes a pickle into the shared
temporary directory, where another user could plant one; ours lives in ccmlint's
private cache directory (ccmlint.cache), keyed by the grammar text and Lark's
version, and a cache that fails to load is rebuilt.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from lark import Lark
from lark import __version__ as lark_version

from ccmlint.cache import cache_file, digest

GRAMMAR_PACKAGE = "ccmlint.grammar"
GRAMMAR_FILE = "report.lark"


def grammar_text() -> str:
    return files(GRAMMAR_PACKAGE).joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")


@cache
def report_parser() -> Lark:
    """The compiled report parser, shared by every parse in this process."""
    text = grammar_text()
    options = dict(parser="lalr", lexer="contextual", start="start", maybe_placeholders=False)
    path = cache_file("grammar", digest(lark_version, text))
    if path is not None:
        try:
            return Lark(text, cache=str(path), **options)
        except Exception:  # noqa: BLE001 - a damaged cache must never stop a run
            try:
                path.unlink()
            except OSError:
                pass
    return Lark(text, **options)
