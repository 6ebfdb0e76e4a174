"""Turning the bytes of a report into text, without losing how they were written.

A report may arrive as UTF-8 (with or without a byte-order mark) or as UTF-16 with
a BOM, with LF, CRLF or lone CR line ends. Every later stage reads one normalised
text (LF only); the encoding, BOM and newline style are remembered so that a fix
can write the file back exactly as it came. Anything we cannot decode with
confidence is refused with a message that says why, never guessed at silently.
"""

from __future__ import annotations

import codecs
from functools import cached_property
from typing import Protocol

from ccmlint.record import Record, field
from ccmlint.span import LineIndex, Span


class DecodeError(Exception):
    """The bytes are not a text this tool can read; the message says why and what to do."""


class Located(Protocol):
    """Where a span of a rendered text lies in the file it was rendered from."""

    def __str__(self) -> str: ...

    def as_dict(self) -> dict[str, object]: ...


class Locator(Protocol):
    """Maps offsets of a text rendered from another format (a .docx) back to that file."""

    def locate(self, start: int, end: int) -> Located: ...


class Source(Record):
    """A decoded report: its normalised text and how to write it back.

    A ``locator`` is set when the text was rendered from another format (a Word
    document): lines and columns then name places in the rendering, the locator
    names them in the file the user has, and the text must never be written back.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    original_line_ends: tuple[str, ...] = field(default=(), repr=False)
    locator: Locator | None = field(default=None, repr=False, compare=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def span(self, start: int, end: int) -> Span:
        return self.lines.span(start, end)

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self.lines.line_start(line)
        end = self.text.find("\n", start)
        return self.text[start:] if end == -1 else self.text[start:end]


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, path: str = "<bytes>") -> Source:
    """Decode a report's bytes; raise DecodeError rather than guess an encoding."""
    encoding, bom = "utf-8", False
    for mark, name in _BOMS:
        if data.startswith(mark):
            encoding, bom, data = name, True, data[len(mark) :]
            break
    else:
        if _looks_like_bomless_utf16(data):
            raise DecodeError(
                "looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
            )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DecodeError(
            f"not valid {encoding.upper()}: byte 0x{data[error.start]:02x} on line {line}"
            f" (byte offset {error.start}) cannot be decoded; save the file as UTF-8"
        ) from None
    if "\x00" in text:
        raise DecodeError("contains NUL characters: this is a binary file, not a text report")
    normalised, newline, line_ends = _normalise_newlines(text)
    return Source(
        path=path,
        text=normalised,
        encoding=encoding,
        bom=bom,
        newline=newline,
        original_line_ends=line_ends,
    )


def _looks_like_bomless_utf16(data: bytes) -> bool:
    """UTF-16 text of mostly ASCII has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    return max(even_nuls, odd_nuls) > 0.4 * half and min(even_nuls, odd_nuls) < 0.05 * half


def _normalise_newlines(text: str) -> tuple[str, str, tuple[str, ...]]:
    """Return the text with LF line ends, the dominant original style and each line's end.

    NOTE: the per-line record is kept only when the file mixes styles; a file with one
    style (the usual case) is written back with that style everywhere.
    """
    if "\r" not in text:
        return text, "\n", ()
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    counts = {"\r\n": crlf, "\r": lone_cr, "\n": lf}
    dominant = max(counts, key=lambda style: (counts[style], style == "\n"))
    mixed = sum(1 for count in counts.values() if count) > 1
    line_ends: tuple[str, ...] = ()
    if mixed:
        ends: list[str] = []
        index, length = 0, len(text)
        while index < length:
            char = text[index]
            if char == "\r":
                if index + 1 < length and text[index + 1] == "\n":
                    ends.append("\r\n")
                    index += 1
                else:
                    ends.append("\r")
            elif char == "\n":
                ends.append("\n")
            index += 1
        line_ends = tuple(ends)
    return text.replace("\r\n", "\n").replace("\r", "\n"), dominant, line_ends


def encode(source: Source, text: str) -> bytes:
    """Encode normalised text the way its source was written (encoding, BOM, newlines)."""
    if source.original_line_ends and text.count("\n") == len(source.original_line_ends):
        parts = text.split("\n")
        rebuilt = [part + end for part, end in zip(parts, source.original_line_ends)]
        rebuilt.append(parts[-1])
        restored = "".join(rebuilt)
    else:
        restored = text.replace("\n", source.newline) if source.newline != "\n" else text
    data = restored.encode(source.encoding)
    if source.bom:
        mark = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
        data = mark[source.encoding] + data
    return data
