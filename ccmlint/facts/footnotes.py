"""Footnote references and footnote texts, straight from the syntax tree.

The parser already knows where each ``[footnoteRef:N]`` and ``[N: text]`` is; this
module only restates them as facts, in document order, for the numbering rules.
An unclosed footnote text still counts as that footnote's text: its own rule reports
it, and its reference should not be reported again as unresolved.
"""

from __future__ import annotations

from ccmlint.facts.model import FootnoteRefFact, Footnotes, FootnoteTextFact
from ccmlint.nodes import Document


def extract_footnotes(document: Document) -> Footnotes:
    """The document's footnote references and texts, in document order."""
    refs = [FootnoteRefFact(number=ref.number, kind=ref.kind, span=ref.span) for ref in document.footnote_refs()]
    texts = [
        FootnoteTextFact(number=note.number, kind=note.kind, text=note.body.text.strip(), span=note.span)
        for note in document.footnotes()
    ]
    unclosed = [
        FootnoteTextFact(number=problem.number, kind="footnote", text="", span=problem.span)
        for problem in document.problems
        if problem.code == "unclosed-footnote-text" and problem.number is not None
    ]
    if unclosed:
        texts = sorted(texts + unclosed, key=lambda text: text.span.start)
    return Footnotes(refs=refs, texts=texts)
