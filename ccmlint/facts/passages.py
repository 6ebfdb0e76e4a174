"""Every run of prose in the report, in document order, for text-level rules.

Headings, paragraphs, list items, subheadings, the masthead's text lines and the
footnote texts, each with its kind so a rule can choose where it looks (a style rule
may skip the masthead; a placeholder rule reads everything).
"""

from __future__ import annotations

from ccmlint.facts.model import Passage, PassageKind
from ccmlint.nodes import Document, ListItem, Paragraph, Prose, Subheading


def extract_passages(document: Document) -> list[Passage]:
    found: list[Passage] = []
    if document.header is not None:
        for line in document.header.lines:
            _add(found, "header", line.text)
    for node in document.marked_up():
        if isinstance(node, ListItem):
            _add(found, "list_item", node.prose)
        elif isinstance(node, Paragraph):
            _add(found, "paragraph", node.prose)
        else:
            _add(found, "heading", node.title)
        for note in node.footnotes:
            _add(found, "footnote", note.body)
    for block, _, _ in document.blocks():
        if isinstance(block, Subheading):
            _add(found, "subheading", block.title)
    found.sort(key=lambda passage: passage.span.start)
    return found


def _add(found: list[Passage], kind: PassageKind, prose: Prose) -> None:
    if prose.text:
        found.append(Passage(kind=kind, text=prose.text, prose=prose, span=prose.span()))


__all__ = ["extract_passages"]
