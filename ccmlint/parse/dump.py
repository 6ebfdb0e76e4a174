"""A compact, stable text rendering of a syntax tree, for grammar fixtures and debugging.

One node per line, indented by depth, with its span (``line:col-line:col``) and the
fields that identify it. Grammar fixtures compare against this text, so a renamed
rule that silently orphans a builder method shows up as a changed dump.
"""

from __future__ import annotations

from ccmlint.nodes import (
    Block,
    Bookmark,
    Chapter,
    Comment,
    Document,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    ListItem,
    Paragraph,
    Section,
    Subheading,
    Text,
)


def dump(document: Document) -> str:
    lines: list[str] = [f"Document {document.span}"]
    if document.header is not None:
        lines.append(f"  Header {document.header.span}")
        for header_line in document.header.lines:
            lines.append(f"    {header_line.kind} {header_line.span} {header_line.text.text!r}")
    for block in document.preamble:
        _block(block, 1, lines)
    for section in document.preamble_sections:
        _section(section, 1, lines)
    for part in document.parts:
        name = "Chapter" if isinstance(part, Chapter) else "Annex"
        _heading(name, part.heading, 1, lines)
        for block in part.blocks:
            _block(block, 2, lines)
        for section in part.sections:
            _section(section, 2, lines)
    for problem in document.problems:
        lines.append(f"  Problem {problem.span} {problem.code}: {problem.message}")
    return "\n".join(lines) + "\n"


def _section(section: Section, depth: int, lines: list[str]) -> None:
    _heading("Section", section.heading, depth, lines)
    for block in section.blocks:
        _block(block, depth + 1, lines)


def _heading(name: str, heading: Heading, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    lines.append(f"{pad}{name} {heading.span} {heading.marker!r} number={heading.number} title={heading.title.text!r}")
    _markup(heading.inlines, heading.footnotes, depth + 1, lines)


def _block(block: Block, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    if isinstance(block, Subheading):
        lines.append(f"{pad}Subheading {block.span} {block.title.text!r}")
        return
    if isinstance(block, ListItem):
        lines.append(f"{pad}ListItem {block.span} {block.marker!r} {block.style} {block.ordinal} {block.prose.text!r}")
    elif isinstance(block, Paragraph):
        number = f" number={block.number}" if block.number is not None else ""
        lines.append(f"{pad}Paragraph {block.span}{number} {block.prose.text!r}")
    _markup(block.inlines, block.footnotes, depth + 1, lines)


def _markup(inlines: tuple[Inline, ...], footnotes: tuple[Footnote, ...], depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    for inline in inlines:
        if isinstance(inline, FootnoteRef):
            lines.append(f"{pad}{inline.kind.capitalize()}Ref {inline.span} {inline.number}")
        elif isinstance(inline, Bookmark):
            lines.append(f"{pad}Bookmark {inline.span} {inline.name!r}")
        elif isinstance(inline, Comment):
            lines.append(f"{pad}Comment {inline.span} {inline.author!r}: {inline.text!r}")
        elif isinstance(inline, Text):
            continue
    for note in footnotes:
        lines.append(f"{pad}{note.kind.capitalize()} {note.span} {note.number} {note.body.text!r}")

