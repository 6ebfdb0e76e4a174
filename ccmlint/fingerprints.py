"""Fingerprints: a name for a finding that survives the edits a draft goes through.

A reviewer's waiver must keep pointing at the same finding while the draft around it
changes: paragraphs are inserted above it (every line number shifts), the paragraph is
re-wrapped or re-indented (its whitespace changes), other sentences of the paragraph
are edited. So a fingerprint is built from what the finding *is*, never from where it
sits:

- the rule id;
- the flagged words, with all whitespace removed;
- the sentence around them, with all whitespace removed (at most ``CONTEXT_CHARS``
  characters either side, so that a long run of text without a full stop does not
  make the fingerprint fragile);
- for a finding about the whole report (an empty span), its message;
- an occurrence number, 1 for the first finding with that same hash in the report,
  2 for the next, and so on, so that identical findings stay distinct.

The form is ``<16 hex digits>:<occurrence>``. Editing the flagged sentence itself
changes the fingerprint, on purpose: the reviewer accepted *that* sentence.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from typing import Sequence

from ccmlint import regexes
from ccmlint.hashing import sha256
from ccmlint.diagnostics import Diagnostic

CONTEXT_CHARS = 120
"""Characters of (whitespace-free) sentence kept on each side of the flagged words."""

_WINDOW = 4000
"""Raw characters searched on each side for the sentence boundary; a bound on the work
per finding that whitespace alone cannot exceed in practice."""

# A sentence ends at . ! ? or ; followed by whitespace, or at a blank line.
_BOUNDARY = regexes.compile(r"[.!?;](?=\s)|\n[ \t]*\n")
# Where each half of _BOUNDARY matches, each place taken alone.
_MARK = regexes.compile(r"[.!?;](?=\s)")
_BLANK_LINE = regexes.compile(r"\n(?=[ \t]*\n)")


def with_fingerprints(text: str, diagnostics: Sequence[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The diagnostics of one report (in report order), each with its fingerprint."""
    seen: dict[str, int] = {}
    stamped: list[Diagnostic] = []
    sentences = Sentences(text) if diagnostics else None
    for diagnostic in diagnostics:
        digest = _digest(text, diagnostic, sentences)
        seen[digest] = seen.get(digest, 0) + 1
        stamped.append(diagnostic.replace(fingerprint=f"{digest}:{seen[digest]}"))
    return tuple(stamped)


def _digest(text: str, diagnostic: Diagnostic, sentences: Sentences | None = None) -> str:
    start, end = diagnostic.span.start, diagnostic.span.end
    before, after = sentences.around(start, end) if sentences is not None else sentence_around(text, start, end)
    parts = [diagnostic.rule, normalise(text[start:end]), normalise(before)[-CONTEXT_CHARS:], normalise(after)[:CONTEXT_CHARS]]
    if start == end:
        parts.append(normalise(diagnostic.message))
    return sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before ``start`` and after ``end``."""
    window_start = max(0, start - _WINDOW)
    sentence_start = window_start
    for match in _BOUNDARY.finditer(text, window_start, start):
        sentence_start = match.end()
    boundary = _BOUNDARY.search(text, end, min(len(text), end + _WINDOW))
    sentence_end = boundary.end() if boundary else min(len(text), end + _WINDOW)
    return text[sentence_start:start], text[end:sentence_end]


class Sentences:
    """``sentence_around`` for many findings in one text, its boundaries found once.

    NOTE: ``sentence_around`` searches a window on each side of every finding, which
    for a report with a hundred findings reads it many times over. The two halves of
    ``_BOUNDARY`` are found here once, each everywhere it matches on its own; a search
    of a window is then replayed from them. A mark (". ") is never inside a blank line
    nor a blank line inside a mark, so a search reaches every mark in its window, and
    only blank lines that share a newline ("\n\n\n") depend on where it started:
    those are replayed in order from the last mark. A test compares the two on any text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._marks = [match.start() for match in _MARK.finditer(text)]
        self._blank_starts = [match.start() for match in _BLANK_LINE.finditer(text)]
        self._blank_ends = [text.index("\n", start + 1) + 1 for start in self._blank_starts]

    def around(self, start: int, end: int) -> tuple[str, str]:
        """What ``sentence_around(text, start, end)`` gives."""
        return self.text[self._sentence_start(start) : start], self.text[end : self._sentence_end(end)]

    def _sentence_start(self, start: int) -> int:
        # The last match of _BOUNDARY.finditer(text, window_start, start).
        window_start = max(0, start - _WINDOW)
        position, last_end = window_start, window_start
        # A mark matches only with its whitespace inside the window (before ``start``).
        index = bisect_left(self._marks, start - 1) - 1
        if index >= 0 and self._marks[index] >= window_start:
            last_end = position = self._marks[index] + 1
        blank = bisect_left(self._blank_starts, position)
        while blank < len(self._blank_starts) and self._blank_ends[blank] <= start:
            if self._blank_starts[blank] >= position:
                last_end = position = self._blank_ends[blank]
            blank += 1
        return last_end

    def _sentence_end(self, end: int) -> int:
        # The end of _BOUNDARY.search(text, end, window_end), or window_end.
        window_end = min(len(self.text), end + _WINDOW)
        found = window_end
        found_start = window_end
        index = bisect_left(self._marks, end)
        if index < len(self._marks) and self._marks[index] + 1 < window_end:
            found_start, found = self._marks[index], self._marks[index] + 1
        blank = bisect_left(self._blank_starts, end)
        if blank < len(self._blank_starts) and self._blank_ends[blank] <= window_end and self._blank_starts[blank] < found_start:
            found = self._blank_ends[blank]
        return found


def normalise(text: str) -> str:
    """Text without any whitespace, in Unicode NFC: what re-wrapping cannot change."""
    # NOTE: str.split() splits at exactly the characters ``\s`` matches (a test checks
    # every one), and NFC leaves most text as it is: both steps are quicker so.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return "".join(text.split())
