"""The typed syntax tree of a report: what the grammar recognised, with exact spans.

The tree knows the shape of a UN report (header, chapters, sections, paragraphs,
list items, annexes, footnotes, the markers of a Word export) and nothing about any
treaty: that is the facts stage's business. Every node is immutable and carries the
span of the source text it was built from.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator, Literal

from ccmlint.record import Record, field
from ccmlint.span import LineIndex, Span

NoteKind = Literal["footnote", "endnote"]
_AFTER = float("inf")  # sorts after every source offset paired with a prose offset
ListStyle = Literal["alpha", "roman", "arabic", "bullet"]


class Prose(Record):
    """Running text with the markup taken out, mapped back to the source.

    ``segments`` holds, for each run of text kept, the offset in ``text`` where it
    starts and the source offset it came from; a range of the prose maps to a
    source span through them, so a fact found in prose points at the exact words.
    """

    text: str
    segments: tuple[tuple[int, int], ...]
    lines: LineIndex = field(compare=False, repr=False)

    def source_offset(self, index: int) -> int:
        """The source offset of a prose offset (an end offset maps to just after its run)."""
        segments = self.segments
        if len(segments) > 1:
            prose_start, source_start = segments[max(bisect_right(segments, (index, _AFTER)) - 1, 0)]
        elif segments:  # NOTE: most prose holds no markup: one run, no search
            prose_start, source_start = segments[0]
        else:
            return 0
        return source_start + (index - prose_start)

    def span(self, start: int = 0, end: int | None = None) -> Span:
        """The source span of ``text[start:end]``."""
        end = len(self.text) if end is None else end
        source_start = self.source_offset(start)
        source_end = self.source_offset(end - 1) + 1 if end > start else source_start
        return self.lines.span(source_start, source_end)


class Text(Record):
    value: str
    span: Span


class FootnoteRef(Record):
    """A reference mark in running text, ``[footnoteRef:N]`` or ``[endnoteRef:N]``."""

    number: int
    kind: NoteKind
    span: Span


class Bookmark(Record):
    """A Word bookmark ``[bookmark: name]``; carries no meaning but must not be read as prose."""

    name: str
    span: Span


class Comment(Record):
    """A reviewer's comment as a Word export writes it: ``Comment by AUTHOR: text``."""

    author: str
    text: str
    span: Span


Inline = Text | FootnoteRef | Bookmark | Comment


class Footnote(Record):
    """The text of a footnote or endnote, ``[N: text]``, placed after the paragraph citing it."""

    number: int
    kind: NoteKind
    body: Prose
    span: Span


class Paragraph(Record):
    """A paragraph of running text; ``number`` is its paragraph number when the draft has one."""

    inlines: tuple[Inline, ...]
    footnotes: tuple[Footnote, ...]
    prose: Prose
    span: Span
    number: int | None = None


class ListItem(Record):
    """An item of a list: ``(a)``, ``(ii)``, an indented ``1.``, or a bullet."""

    marker: str
    style: ListStyle
    ordinal: int | None
    inlines: tuple[Inline, ...]
    footnotes: tuple[Footnote, ...]
    prose: Prose
    span: Span
    marker_span: Span


class Subheading(Record):
    """A short title line over the text it introduces, such as a State's name over its decision."""

    title: Prose
    span: Span


Block = Paragraph | ListItem | Subheading


class Heading(Record):
    """The heading line of a chapter, section or annex: its numeral or letter and its title."""

    marker: str
    number: int | None
    title: Prose
    inlines: tuple[Inline, ...]
    footnotes: tuple[Footnote, ...]
    span: Span
    marker_span: Span


class Section(Record):
    """A lettered section (``A.``, ``B.`` …) of a chapter or annex."""

    heading: Heading
    blocks: tuple[Block, ...]
    span: Span


class Chapter(Record):
    """A chapter with a Roman numeral (``I.``, ``II.`` …)."""

    heading: Heading
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    span: Span


class Annex(Record):
    """An annex (``Annex``, ``Annex I`` …) at the end of the report."""

    heading: Heading
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    span: Span


HeaderLineKind = Literal["symbol", "date", "original", "text"]


class HeaderLine(Record):
    kind: HeaderLineKind
    text: Prose
    span: Span


class Header(Record):
    """The masthead of an issued document: symbol, date, original language, meeting and title."""

    lines: tuple[HeaderLine, ...]
    span: Span

    def first(self, kind: HeaderLineKind) -> HeaderLine | None:
        return next((line for line in self.lines if line.kind == kind), None)


Part = Chapter | Annex


class MarkupProblem(Record):
    """Broken Word-export markup the parser read as plain text (an unclosed ``[3: …``, say)."""

    code: str
    message: str
    span: Span
    number: int | None = None


class Document(Record):
    header: Header | None
    preamble: tuple[Block, ...]
    preamble_sections: tuple[Section, ...]
    parts: tuple[Part, ...]
    comments: tuple[Comment, ...]
    problems: tuple[MarkupProblem, ...]
    span: Span

    @property
    def chapters(self) -> tuple[Chapter, ...]:
        return tuple(part for part in self.parts if isinstance(part, Chapter))

    @property
    def annexes(self) -> tuple[Annex, ...]:
        return tuple(part for part in self.parts if isinstance(part, Annex))

    def blocks(self) -> Iterator[tuple[Block, Part | None, Section | None]]:
        """Every block in document order, with the chapter or annex and the section holding it."""
        for block in self.preamble:
            yield block, None, None
        for section in self.preamble_sections:
            for block in section.blocks:
                yield block, None, section
        for part in self.parts:
            for block in part.blocks:
                yield block, part, None
            for section in part.sections:
                for block in section.blocks:
                    yield block, part, section

    def marked_up(self) -> Iterator[Paragraph | ListItem | Heading]:
        """Every node that holds inline markup (headings too), in document order."""
        for part_or_none, blocks in self._blocks_by_part():
            if part_or_none is not None:
                yield part_or_none
            for block in blocks:
                if not isinstance(block, Subheading):
                    yield block

    def _blocks_by_part(self) -> Iterator[tuple[Heading | None, tuple[Block, ...]]]:
        yield None, self.preamble
        for section in self.preamble_sections:
            yield section.heading, section.blocks
        for part in self.parts:
            yield part.heading, part.blocks
            for section in part.sections:
                yield section.heading, section.blocks

    def footnote_refs(self) -> Iterator[FootnoteRef]:
        for node in self.marked_up():
            for inline in node.inlines:
                if isinstance(inline, FootnoteRef):
                    yield inline

    def footnotes(self) -> Iterator[Footnote]:
        for node in self.marked_up():
            yield from node.footnotes
