"""The outline of a report — chapters, sections, numbered paragraphs, list items and
annexes — restated from the syntax tree as numbered facts, for the numbering rules.

The tree already holds every marker and its value (the builder settles the ambiguous
ones, such as "(i)" after "(h)"); what this module adds is which elements are
numbered together, each group a ``series`` counted 1, 2, 3 …:

- chapters through the body, and again within each annex (an annex that reproduces
  a document keeps that document's chapters: the tree reads them as chapters after
  the annex heading, and they belong to the annex);
- annexes through the report;
- sections within each chapter or annex (and those before the first chapter);
- numbered paragraphs through the body, and again within each annex;
- list items within each list and each level of it. A list is a run of consecutive
  items; a deeper level ((i), (ii) … under a letter) restarts under each item of the
  level above. A paragraph between two items ends the list, unless the next item
  carries on the numbering (an item of several paragraphs), so "(a) … text … (b)" is
  one list while "text (b) (c)" is a list that starts at (b).
"""

from __future__ import annotations

from itertools import count
from typing import Iterator, Sequence

from ccmlint.facts.model import AnnexRef, Numbered, OutlineElement, Structure
from ccmlint.nodes import Annex, Block, Chapter, Document, Heading, ListItem, ListStyle, Paragraph, Section
from ccmlint.span import Span

THE_REPORT = "the report"
BEFORE_FIRST_CHAPTER = "the text before the first chapter"


def extract_structure(document: Document, annex_refs: Sequence[AnnexRef] = ()) -> Structure:
    """The numbered outline of ``document``; ``annex_refs`` (read from the prose by
    ``ccmlint.facts.annexes``) are kept alongside, as the annexes they must resolve to."""
    return Structure(
        chapters=list(_chapters(document)),
        sections=list(_sections(document)),
        paragraphs=list(_paragraphs(document)),
        list_items=list(_list_items(document)),
        annexes=[_heading_fact("annex", annex.heading, 0, THE_REPORT) for annex in document.annexes],
        annex_refs=list(annex_refs),
    )


def part_name(part: Chapter | Annex) -> str:
    """How a message names a chapter or annex: "chapter II", "annex I", "the annex"."""
    if isinstance(part, Chapter):
        return f"chapter {part.heading.marker}"
    if part.heading.number is None:
        return "the annex"
    return "annex " + part.heading.marker.split()[-1]


def _heading_fact(element: OutlineElement, heading: Heading, series: int, within: str) -> Numbered:
    return Numbered(
        element=element,
        marker=heading.marker,
        number=heading.number,
        series=series,
        within=within,
        span=heading.marker_span,
    )


def _owning_annexes(document: Document) -> dict[int, Annex]:
    """For each part after the first annex (by its start), the annex it belongs to."""
    owners: dict[int, Annex] = {}
    current: Annex | None = None
    for part in document.parts:
        if isinstance(part, Annex):
            current = part
        elif current is not None:
            owners[part.span.start] = current
    return owners


def _chapters(document: Document) -> Iterator[Numbered]:
    owners = _owning_annexes(document)
    annex_series: dict[int, int] = {}
    for chapter in document.chapters:
        annex = owners.get(chapter.span.start)
        if annex is None:
            yield _heading_fact("chapter", chapter.heading, 0, THE_REPORT)
            continue
        series = annex_series.setdefault(annex.span.start, len(annex_series) + 1)
        yield _heading_fact("chapter", chapter.heading, series, part_name(annex))


def _sections(document: Document) -> Iterator[Numbered]:
    series = count()
    groups: list[tuple[str, tuple[Section, ...]]] = [(BEFORE_FIRST_CHAPTER, document.preamble_sections)]
    groups.extend((part_name(part), part.sections) for part in document.parts)
    for within, sections in groups:
        if not sections:
            continue
        number = next(series)
        for section in sections:
            yield _heading_fact("section", section.heading, number, within)


def _paragraphs(document: Document) -> Iterator[Numbered]:
    """Paragraph numbers run through the body; each annex numbers its own from 1."""
    owners = _owning_annexes(document)
    annex_series: dict[int, int] = {}
    for block, part, _ in document.blocks():
        if not (isinstance(block, Paragraph) and block.number is not None):
            continue
        annex = part if isinstance(part, Annex) else owners.get(part.span.start) if part is not None else None
        if annex is not None:
            series = annex_series.setdefault(annex.span.start, len(annex_series) + 1)
            within = part_name(annex)
        else:
            series, within = 0, THE_REPORT
        yield Numbered(
            element="paragraph",
            marker=str(block.number),
            number=block.number,
            series=series,
            within=within,
            span=_number_span(block.span, len(str(block.number)) + 1),
        )


def _number_span(span: Span, length: int) -> Span:
    """The first ``length`` characters of a one-line opening: a paragraph's "12."."""
    return Span(span.start, span.start + length, span.line, span.column, span.line, span.column + length)


class _Level:
    """One level of an open list: its style, its series and the last value seen."""

    __slots__ = ("last", "series", "style")

    def __init__(self, style: ListStyle, series: int, last: int) -> None:
        self.style = style
        self.series = series
        self.last = last


def _list_items(document: Document) -> Iterator[Numbered]:
    series = count()
    for blocks in _containers(document):
        yield from _lists_in(blocks, series)


def _containers(document: Document) -> Iterator[Sequence[Block]]:
    """Runs of blocks a list cannot cross: the text before a heading, each section."""
    yield document.preamble
    for section in document.preamble_sections:
        yield section.blocks
    for part in document.parts:
        yield part.blocks
        for section in part.sections:
            yield section.blocks


def _lists_in(blocks: Sequence[Block], series: Iterator[int]) -> Iterator[Numbered]:
    levels: list[_Level] = []
    interrupted = False
    first_line = 0
    for block in blocks:
        if not isinstance(block, ListItem):
            interrupted = interrupted or bool(levels)
            continue
        if block.style == "bullet" or block.ordinal is None:
            continue  # a bullet carries no number to count
        depth = next((index for index, level in enumerate(levels) if level.style == block.style), None)
        if interrupted:
            continues = depth is not None and block.ordinal == levels[depth].last + 1
            if not continues:
                levels.clear()
                depth = None
            interrupted = False
        if depth is None:
            if not levels:
                first_line = block.span.line
            levels.append(_Level(block.style, next(series), block.ordinal))
            depth = len(levels) - 1
        else:
            del levels[depth + 1 :]
        level = levels[depth]
        level.last = block.ordinal
        yield Numbered(
            element="list_item",
            marker=block.marker,
            number=block.ordinal,
            series=level.series,
            within=f"the list at line {first_line}",
            span=block.marker_span,
        )
