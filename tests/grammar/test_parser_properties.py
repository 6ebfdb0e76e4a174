"""Properties of the parser that hold for every input, not just the fixtures."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.nodes import Document
from ccmlint.parse import parse
from ccmlint.parse.dump import dump
from ccmlint.source import decode

# Text built from the pieces a report is made of, so that the generator reaches the
# grammar's corners (markers, openings, broken markup) far more often than random text.
PIECES = st.sampled_from(
    [
        "\n", "\t", " ", "I.", "II.\t", "A.\t", "(a)\t", "(i)\t", "1.\t", "\t1.\t", "Annex I", "Annex",
        "[footnoteRef:1]", "[endnoteRef:2]", "[1: note]", "[2:", "]", "[", "[bookmark: _Hlk1]",
        "\tComment by A: b", "Chad", "The Meeting", ".", ":", ";", "CCM/MSP/2024/11", "United Nations\t",
        "Original: English", "13 September 2024", "\u2013", "\u00e9", "\r", "\u2028",
    ]
)
REPORTISH = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _spans_inside(document: Document, length: int) -> None:
    for node in document.marked_up():
        assert 0 <= node.span.start <= node.span.end <= length
        for inline in node.inlines:
            assert node.span.start <= inline.span.start <= inline.span.end <= length
        for note in node.footnotes:
            assert 0 <= note.span.start <= note.span.end <= length
    for block, _, _ in document.blocks():
        assert 0 <= block.span.start <= block.span.end <= length
    for problem in document.problems:
        assert 0 <= problem.span.start <= problem.span.end <= length


@settings(deadline=None)
@given(REPORTISH)
def test_any_text_parses_and_spans_stay_inside(text: str) -> None:
    source = decode(text.replace("\x00", "").encode("utf-8", "surrogatepass"))
    document = parse(source)
    _spans_inside(document, len(source.text))


@settings(deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_parses(text: str) -> None:
    cleaned = text.replace("\x00", "")
    try:
        data = cleaned.encode("utf-8")
    except UnicodeEncodeError:
        return
    source = decode(data)
    document = parse(source)
    _spans_inside(document, len(source.text))


@settings(deadline=None)
@given(REPORTISH)
def test_parsing_is_deterministic(text: str) -> None:
    source = decode(text.replace("\x00", "").encode("utf-8", "surrogatepass"))
    assert dump(parse(source)) == dump(parse(source))


@settings(deadline=None)
@given(REPORTISH)
def test_prose_maps_back_to_its_source_words(text: str) -> None:
    """Each character of prose is the character at its mapped source offset."""
    source = decode(text.replace("\x00", "").encode("utf-8", "surrogatepass"))
    for node in parse(source).marked_up():
        prose = node.title if hasattr(node, "title") else node.prose
        for index, char in enumerate(prose.text):
            assert source.text[prose.source_offset(index)] == char
