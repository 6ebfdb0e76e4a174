"""Escaping control characters in names shown on one line (stderr messages, text output).

A file name may hold any character but ``/`` and NUL. A newline in it would split a
``ccmlint: PATH: …`` message or a ``path:line:col:`` finding into two lines, an
escape sequence would reach the reader's terminal, and a lone surrogate (a name that
is not valid UTF-8) cannot be written to a strict UTF-8 stream at all. Such
characters are written as Python writes them in a string literal (``\\n``, ``\\x1b``,
``\\u202e``), so the name stays recognisable; machine formats (JSON, SARIF) keep the
real name.

NOTE: a backslash is left as it is (Windows paths are full of them), so a name that
really contains ``\\n`` reads like one with a newline; both stay on one line.
"""

from __future__ import annotations

import unicodedata

_ESCAPED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
"""Control characters, surrogates, and the line and paragraph separators."""

_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Marks that reorder the text around them on screen (a name could be shown backwards)."""


def escape_controls(text: str) -> str:
    """``text`` with every character that could break or disguise a line escaped."""
    if text.isprintable():
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    if unicodedata.category(char) in _ESCAPED_CATEGORIES or char in _BIDI_CONTROLS:
        return repr(char)[1:-1]
    return char
