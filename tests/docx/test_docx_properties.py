"""For any document and any findings: every offset has a place, and the reviewed copy is
a valid document with each comment on exactly the words of its finding."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from docxbuild import Commented, Deleted, DocxBuilder, Field, Hidden, Inline, Inserted, Level, Note, Tab
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_docx_review import commented_words, comments, visible_words

from ccmlint.docx import read_docx
from ccmlint.docx.location import DocxLocator
from ccmlint.docx.review import AUTHOR, review_copy
from ccmlint.diagnostics import Diagnostic, Severity

words = st.text(alphabet=st.sampled_from(list("abc XY.,;:&<>'\"\u2019\u2013é[]")), min_size=1, max_size=12)
simple: st.SearchStrategy[Inline] = st.one_of(
    words,
    st.just(Tab()),
    words.map(Hidden),
    words.map(Deleted),
    words.map(lambda text: Field("QUOTE", text)),
)
inline: st.SearchStrategy[Inline] = st.one_of(
    simple,
    st.lists(simple, min_size=1, max_size=3).map(Inserted),
    st.lists(words, min_size=1, max_size=2).map(lambda content: Note([content])),
    st.lists(words, min_size=1, max_size=2).map(lambda content: Commented(content, "a remark")),
)
paragraphs = st.lists(
    st.tuples(st.lists(inline, max_size=6), st.sampled_from(["plain", "numbered", "item", "merged"])),
    min_size=1,
    max_size=6,
)


def build(content: list[tuple[list[Inline], str]]) -> bytes:
    builder = DocxBuilder()
    numbers = builder.instance(builder.numbering(Level("decimal", "%1.")))
    items = builder.instance(builder.numbering(Level("lowerLetter", "(%1)")))
    for inlines, kind in content:
        if kind == "numbered":
            builder.paragraph(*inlines, num=numbers)
        elif kind == "item":
            builder.paragraph(*inlines, num=items)
        else:
            builder.paragraph(*inlines, mark_deleted=kind == "merged")
    return builder.to_bytes()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=paragraphs, spans=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), max_size=6))
def test_findings_anywhere_become_comments_on_their_words(content: list[tuple[list[Inline], str]], spans: list[tuple[float, float]]) -> None:
    data = build(content)
    source = read_docx(data, "draft.docx")
    locator = source.locator
    assert isinstance(locator, DocxLocator)
    length = len(source.text)
    for offset in range(length + 1):
        located = locator.locate(offset, min(length, offset + 1))
        assert located.start.offset >= 0
    findings = []
    for first, second in spans:
        start, end = sorted((int(first * length), int(second * length)))
        findings.append(Diagnostic("draft.docx", f"rule-{len(findings)}", Severity.WARNING, "m", source.span(start, end)))
    copy = review_copy(locator, findings)
    assert copy.comments + copy.unplaced == len(findings)
    reopened = docx.Document(io.BytesIO(copy.data))
    assert [p.text for p in reopened.paragraphs] == [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    body = reopened.element.body
    starts = [e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeStart"))]
    ends = [e.get(qn("w:id")) for e in body.iter(qn("w:commentRangeEnd"))]
    references = [e.get(qn("w:id")) for e in body.iter(qn("w:commentReference"))]
    assert sorted(starts) == sorted(ends) == sorted(references)
    assert len(set(starts)) == len(starts)
    # The copy reads to the same text: the new comments are findings, not content.
    assert read_docx(copy.data, "copy.docx").text == source.text
    anchored = commented_words(copy.data)
    ours = [comment_id for comment_id, (author, _) in comments(copy.data).items() if author == AUTHOR]
    assert len(ours) == copy.comments
    for comment_id, finding in zip(sorted(ours, key=int), sorted(findings, key=lambda d: (d.span.start, d.span.end, d.rule))):
        expected = visible_words(source, finding.span.start, finding.span.end)
        in_body = all(
            piece.paragraph.part == "body"
            for piece in locator.pieces
            if piece.start < finding.span.end and piece.end > finding.span.start
        )
        if in_body and expected and finding.span.end > finding.span.start:
            assert anchored[comment_id] == expected
