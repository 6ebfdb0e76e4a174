"""From an offset of the rendered text back to the Word document: a paragraph and a character in it.

The renderer cuts its output into pieces; each piece knows the paragraph it came
from, the character offset in that paragraph where it starts, and the element of
the original part it renders (a ``w:t`` whose characters it copies, or one element
such as a tab or a footnote reference shown as several characters). Text the
renderer adds (a paragraph number, a note's ``[3: …]`` frame, a line end) belongs
to the paragraph around it and does not advance its offset. Every character of the
rendered text lies in exactly one piece, so every span has a place.

Offsets count what Word counts: a character of text is one, and so is a tab, a
line break or a footnote reference mark.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

from ccmlint.docx.package import Package
from ccmlint.docx.xmltree import Element

PartKind = Literal["body", "footnote", "endnote", "comment"]


@dataclass(frozen=True, eq=False, slots=True)
class ParagraphPlace:
    """A paragraph of the document: where it is, how a reader finds it, and its element.

    ``index`` is 1-based among the paragraphs of its part (the body, counting table
    cells, or one note); ``label`` is its automatic number as displayed ("12.",
    "(a)", "II."); ``note`` the displayed number of the footnote or endnote holding
    it; ``anchor`` the element in the body that a finding here is anchored on in a
    reviewed copy (a note's reference), when that is not the paragraph itself.
    """

    part: PartKind
    index: int
    label: str | None
    element: Element
    paragraph_number: bool = False
    note: int | None = None
    anchor: Element | None = None

    def name(self) -> str:
        if self.part == "body":
            if self.label is not None and self.paragraph_number:
                return f"paragraph {self.label.rstrip('.')}"
            return f"paragraph #{self.index}" + (f" {self.label}" if self.label else "")
        name = self.part if self.note is None else f"{self.part} {self.note}"
        return name + (f" paragraph {self.index}" if self.index > 1 else "")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of the rendered text ``[start, end)`` and what it renders.

    ``advances``: each character is one character of ``node``'s text (a ``w:t``)
    starting at ``node_offset``; otherwise the whole piece stands for one element
    (``node``) or for text the renderer added (``node`` None).
    """

    start: int
    end: int
    paragraph: ParagraphPlace
    offset: int
    advances: bool
    node: Element | None = None
    node_offset: int = 0


@dataclass(frozen=True, slots=True)
class DocxPlace:
    """One position: a paragraph and a 0-based character offset in it."""

    paragraph: ParagraphPlace
    offset: int


@dataclass(frozen=True, slots=True)
class DocxLocation:
    """Where a finding lies in the document: ``paragraph 12:6`` in text, named fields in JSON."""

    start: DocxPlace
    end: DocxPlace

    def __str__(self) -> str:
        return f"{self.start.paragraph.name()}:{self.start.offset + 1}"

    def as_dict(self) -> dict[str, object]:
        start, end = self.start, self.end
        record: dict[str, object] = {
            "location": str(self),
            "part": start.paragraph.part,
            "paragraph": start.paragraph.index,
            "paragraph_number": start.paragraph.label,
            "offset": start.offset,
            "end_paragraph": end.paragraph.index,
            "end_offset": end.offset,
        }
        if start.paragraph.note is not None:
            record["note"] = start.paragraph.note
        return record


@dataclass(frozen=True, slots=True)
class DocxLocator:
    """The position map of one rendering, and the package it was rendered from."""

    package: Package
    pieces: tuple[Piece, ...]
    length: int
    starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", tuple(piece.start for piece in self.pieces))

    def index_at(self, offset: int) -> int:
        """The index of the piece holding the character at ``offset`` (clamped to the text)."""
        index = bisect_right(self.starts, max(0, min(offset, self.length - 1))) - 1
        return max(index, 0)

    def piece_at(self, offset: int) -> Piece:
        return self.pieces[self.index_at(offset)]

    def place(self, offset: int) -> DocxPlace:
        piece = self.piece_at(offset)
        delta = offset - piece.start if piece.advances else 0
        return DocxPlace(piece.paragraph, piece.offset + max(delta, 0))

    def locate(self, start: int, end: int) -> DocxLocation:
        first = self.place(start)
        if end <= start:
            return DocxLocation(first, first)
        piece = self.piece_at(end - 1)
        last = piece.offset + (end - 1 - piece.start if piece.advances else 0) + 1
        return DocxLocation(first, DocxPlace(piece.paragraph, last))
