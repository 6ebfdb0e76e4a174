"""Parsing a decoded report into its syntax tree.

The grammar accepts any text, so ``parse`` never fails on input: what the grammar
cannot structure is a plain paragraph, and broken markup is recorded in
``Document.problems`` for the linter to report.
"""

from __future__ import annotations

from ccmlint.nodes import Document
from ccmlint.parse.builder import DocumentBuilder
from ccmlint.parse.grammar import report_parser
from ccmlint.source import Source

__all__ = ["parse"]


def parse(source: Source) -> Document:
    """The syntax tree of a report."""
    text = source.text if source.text.endswith("\n") else source.text + "\n"
    document: Document = report_parser().parse(text, DocumentBuilder(source))
    return document
