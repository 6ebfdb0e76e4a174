"""Source positions: where in the original file a node, fact or finding lies.

Offsets index the decoded, newline-normalised text that every later stage reads;
lines and columns are 1-based and count characters, so they name the same place
in the original file whatever its encoding or newline style. ``end_column`` is
exclusive (the column just after the last character), as in SARIF and LSP.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of the normalised text, with its line and column."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}-{self.end_line}:{self.end_column}"

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


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
        start = max(0, min(start, self._length))
        end = max(start, min(end, self._length))
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(start, end, line, column, end_line, end_column)
