"""Source positions: where in the original file a node, fact or finding lies.

Offsets index the decoded, newline-normalised text that every later stage reads;
lines and columns are 1-based and count characters, so they name the same place
in the original file whatever its encoding or newline style. ``end_column`` is
exclusive (the column just after the last character), as in SARIF and LSP.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

_FIELDS = ("start", "end", "line", "column", "end_line", "end_column")


class Span:
    """A half-open range ``[start, end)`` of the normalised text, with its line and column.

    Immutable, compared, hashed and ordered by its fields in this order.

    NOTE: written out rather than a frozen dataclass: a lint builds about 1,400 of
    them, and this keeps ``dataclasses`` (and the ``inspect`` it imports, ~15 ms) off
    every run's import.
    """

    __slots__ = _FIELDS

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def __init__(self, start: int, end: int, line: int, column: int, end_line: int, end_column: int) -> None:
        # NOTE: through the slots' own setters (bound below the class), not
        # object.__setattr__, which looks each slot up by name: a third of the cost.
        _set_start(self, start)
        _set_end(self, end)
        _set_line(self, line)
        _set_column(self, column)
        _set_end_line(self, end_line)
        _set_end_column(self, end_column)

    def _key(self) -> tuple[int, int, int, int, int, int]:
        return (self.start, self.end, self.line, self.column, self.end_line, self.end_column)

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if type(other) is Span else NotImplemented

    def __lt__(self, other: Span) -> bool:
        return self._key() < other._key() if type(other) is Span else NotImplemented

    def __le__(self, other: Span) -> bool:
        return self._key() <= other._key() if type(other) is Span else NotImplemented

    def __gt__(self, other: Span) -> bool:
        return self._key() > other._key() if type(other) is Span else NotImplemented

    def __ge__(self, other: Span) -> bool:
        return self._key() >= other._key() if type(other) is Span else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Span is immutable (cannot set '{name}')")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Span is immutable (cannot delete '{name}')")

    def __reduce__(self) -> tuple[Any, tuple[int, ...]]:
        return Span, self._key()

    def __repr__(self) -> str:
        return "Span(" + ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS) + ")"

    def __str__(self) -> str:
        return f"{self.line}:{self.column}-{self.end_line}:{self.end_column}"

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_data(self) -> dict[str, int]:
        """The span as plain data (``ccmlint facts``)."""
        return {name: getattr(self, name) for name in _FIELDS}


_set_start, _set_end, _set_line, _set_column, _set_end_line, _set_end_column = (Span.__dict__[name].__set__ for name in _FIELDS)


class LineIndex:
    """Maps offsets of a text to 1-based (line, column) pairs in O(log lines)."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        self._starts = starts
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self._starts[line - 1]

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        """The span of ``[start, end)``, clamped to the text."""
        # NOTE: called for every node of the tree and every finding; one search of the
        # line starts serves both ends when they lie on one line, as they mostly do.
        length = self._length
        start = 0 if start < 0 else length if start > length else start
        end = start if end < start else length if end > length else end
        starts = self._starts
        line = bisect_right(starts, start)
        line_start = starts[line - 1]
        if line == len(starts) or end < starts[line]:
            return Span(start, end, line, start - line_start + 1, line, end - line_start + 1)
        end_line = bisect_right(starts, end, line)
        return Span(start, end, line, start - line_start + 1, end_line, end - starts[end_line - 1] + 1)
