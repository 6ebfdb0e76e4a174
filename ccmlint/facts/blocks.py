"""The report as the extractors read it: a flat run of text blocks in document order.

Facts are read from running text, headings and the short subheadings over decisions;
the extractors need each block's prose and what kind of block it is, not the whole
tree. Keeping this view small lets a test hand an extractor a few blocks of its own.
"""

from __future__ import annotations

from typing import Literal

from ccmlint.nodes import Document, ListItem, Paragraph, Prose, Subheading
from ccmlint.record import Record

BlockKind = Literal["header", "heading", "paragraph", "list_item", "subheading"]


class TextBlock(Record):
    """One block's text (markup removed, mapped to the source) and its kind."""

    prose: Prose
    kind: BlockKind


def document_blocks(document: Document) -> tuple[TextBlock, ...]:
    """Headings and blocks of a document, in document order (the header's lines excluded)."""
    found: list[TextBlock] = []
    found.extend(_block(block) for block in document.preamble)
    for section in document.preamble_sections:
        found.append(TextBlock(section.heading.title, "heading"))
        found.extend(_block(block) for block in section.blocks)
    for part in document.parts:
        found.append(TextBlock(part.heading.title, "heading"))
        found.extend(_block(block) for block in part.blocks)
        for section in part.sections:
            found.append(TextBlock(section.heading.title, "heading"))
            found.extend(_block(block) for block in section.blocks)
    return tuple(found)


def header_blocks(document: Document) -> tuple[TextBlock, ...]:
    """The masthead lines that are text (meeting title, venue and dates), not symbol or date."""
    if document.header is None:
        return ()
    return tuple(TextBlock(line.text, "header") for line in document.header.lines if line.kind == "text")


def _block(block: Paragraph | ListItem | Subheading) -> TextBlock:
    if isinstance(block, Subheading):
        return TextBlock(block.title, "subheading")
    if isinstance(block, ListItem):
        return TextBlock(block.prose, "list_item")
    return TextBlock(block.prose, "paragraph")
