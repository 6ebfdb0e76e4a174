"""Compiled regular expressions, kept from one run to the next.

A lint compiles some 230 patterns: the fact phrasings, the State-name trie, the word
lists of the style rules. Python's ``re`` parses and assembles each in pure Python,
which took a tenth of a second at every start, more than parsing the report. What
``re.compile`` produces, before its last step hands it to the C engine
(``_sre.compile``), is plain data: flags, a list of opcodes, the group names. This
module keeps that data in the per-user cache (ccmlint.cache) and repeats only the
last step, which takes microseconds.

NOTE: ``re._parser``, ``re._compiler`` and ``_sre.compile`` are CPython internals, so
their use is fenced in: the store is keyed by the exact interpreter version and
``_sre.MAGIC`` (bumped whenever the opcodes change), the C engine validates the code
it is given, any failure falls back to ``re.compile``, and a test checks that every
rebuilt pattern equals ``re.compile``'s (pattern equality compares the code).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import _sre

from ccmlint.cache import Memo

Key = tuple[str, int]
Parts = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What ``_sre.compile`` takes after the pattern: flags, code, groups, both group maps."""

_PARTS: Memo[Key, Parts] = Memo("regexes", sys.version, str(getattr(_sre, "MAGIC", "")), str(getattr(_sre, "CODESIZE", "")))
_compiled: dict[Key, re.Pattern[str]] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - named after re.compile, which it stands for
    """``re.compile(pattern, flags)``, rebuilt from the cache when it was compiled before."""
    key = (pattern, int(flags))
    found = _compiled.get(key)
    if found is not None:
        return found
    parts = _PARTS.get(key)
    compiled = _rebuild(pattern, parts) if parts is not None else None
    if compiled is None:
        compiled, parts = _compile_keeping_parts(pattern, key[1])
        if parts is not None:
            _PARTS.put(key, parts)
    _compiled[key] = compiled
    return compiled


def _rebuild(pattern: str, parts: Parts) -> re.Pattern[str] | None:
    try:
        return _sre.compile(pattern, *parts)  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - a stale or foreign entry: compile afresh
        return None


def _compile_keeping_parts(pattern: str, flags: int) -> tuple[re.Pattern[str], Parts | None]:
    """Compile as ``re.compile`` does, step by step, keeping what the last step takes."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed: Any = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        names: dict[str, int] = dict(parsed.state.groupdict)
        by_index: list[str | None] = [None] * parsed.state.groups
        for name, index in names.items():
            by_index[index] = name
        parts: Parts = (flags | parsed.state.flags, code, parsed.state.groups - 1, names, tuple(by_index))
        compiled = _rebuild(pattern, parts)
    except Exception:  # noqa: BLE001 - an invalid pattern or other internals: re says what is wrong
        return re.compile(pattern, flags), None
    if compiled is None:
        return re.compile(pattern, flags), None
    return compiled, parts
