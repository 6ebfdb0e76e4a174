"""Building the typed syntax tree from Lark's parse tree.

One method per grammar rule, each building the node of the same name; tokens are
turned into inline nodes and prose here too. Bookmarks inside a line opening (before
a chapter numeral, say) carry no meaning and are skipped with the opening. The few judgements the grammar cannot
make alone (is ``(i)`` the ninth letter or the first Roman numeral? is ``I.`` after
section ``H.`` a chapter?) are settled by looking at the neighbours.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ccmlint import regexes
from ccmlint.nodes import (
    Annex,
    Block,
    Bookmark,
    Chapter,
    Comment,
    Document,
    Footnote,
    FootnoteRef,
    Header,
    HeaderLine,
    HeaderLineKind,
    Heading,
    Inline,
    ListItem,
    ListStyle,
    MarkupProblem,
    NoteKind,
    Paragraph,
    Part,
    Prose,
    Section,
    Subheading,
    Text,
)
from ccmlint.parse.lalr import Token
from ccmlint.parse.numerals import letter_value, roman_value
from ccmlint.source import Source
from ccmlint.span import Span

_BOOKMARK = regexes.compile(r"\[bookmark:\s*([^\]\n]*)\]")
_NOTE_REF = regexes.compile(r"\[(footnote|endnote)Ref:\s*(\d+)\]")
_NOTE_TEXT = regexes.compile(r"\[(\d+):")
_COMMENT = regexes.compile(r"\t?Comment by ([^:\n]+):\s*(.*)", re.DOTALL)
_HEADING_MARKER = regexes.compile(r"([IVXLC]+|[A-Z])\.[ \t]+$")
_ANNEX_MARKER = regexes.compile(r"(?:ANNEX|Annex)(?:[ \t]+([IVXLC]+|\d+))?")
_LIST_MARKER = regexes.compile(r"(\(([a-z]+|\d+)\)|(\d+)\.|[^\s])[ \t]+$")
_PARAGRAPH_NUMBER = regexes.compile(r"(\d+)\.[ \t]+$")
_UNCLOSED_NOTE = regexes.compile(r"\d{1,6}:")
_HEADER_DATE = regexes.compile(r"(?:^|\t)\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*$")
_HEADER_ORIGINAL = regexes.compile(r"^\s*Original:")

_AMBIGUOUS_ROMAN = frozenset("ivx")


class DocumentBuilder:
    """Builds the ``Document`` of one source: the parser calls the method named
    after each grammar rule with that rule's children (tokens and what the methods of
    the rules inside it returned)."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self._lines = source.lines
        self._problems: list[MarkupProblem] = []
        self._comments: list[Comment] = []
        self._endnote_numbers = _endnote_only_numbers(source.text)

    # ------------------------------------------------------------------ document

    def start(self, children: list[object]) -> Document:
        preamble = children[0]
        assert isinstance(preamble, tuple)
        header, blocks, preamble_sections = preamble
        parts = _settle_stray_section_letters([c for c in children[1:] if isinstance(c, (Chapter, Annex))])
        return Document(
            header=header,
            preamble=blocks,
            preamble_sections=preamble_sections,
            parts=tuple(parts),
            comments=tuple(sorted(self._comments, key=lambda comment: comment.span.start)),
            problems=tuple(sorted(self._problems, key=lambda problem: problem.span.start)),
            span=self._source.span(0, len(self._source.text)),
        )

    def preamble(self, children: list[object]) -> tuple[Header | None, tuple[Block, ...], tuple[Section, ...]]:
        sections = tuple(c for c in children if isinstance(c, Section))
        if children and isinstance(children[0], tuple):
            header, header_sections = children[0]
            return header, (), header_sections
        return None, _settle_list_styles([c for c in children if _is_block(c)]), sections

    def header(self, children: list[object]) -> tuple[Header, tuple[Section, ...]]:
        sections = tuple(c for c in children if isinstance(c, Section))
        return self._header([c for c in children if not isinstance(c, Section)]), sections

    def _header(self, children: list[object]) -> Header:
        symbol = children[0]
        assert isinstance(symbol, Token)
        lines = [HeaderLine("symbol", self._plain_prose(symbol), self._token_span(symbol))]
        for block in children[1:]:
            if isinstance(block, Subheading):
                prose = block.title
            elif isinstance(block, (Paragraph, ListItem)):
                prose = block.prose
            else:
                continue
            lines.append(HeaderLine(_header_line_kind(prose.text), prose, block.span))
        return Header(tuple(lines), self._cover(lines[0].span, lines[-1].span))

    # ------------------------------------------------------------------ parts

    def chapter(self, children: list[object]) -> Chapter:
        heading, blocks, sections = self._part(children)
        return Chapter(heading, blocks, sections, self._part_span(heading, blocks, sections))

    def annex(self, children: list[object]) -> Annex:
        heading, blocks, sections = self._part(children)
        return Annex(heading, blocks, sections, self._part_span(heading, blocks, sections))

    def section(self, children: list[object]) -> Section:
        heading, blocks, _ = self._part(children)
        return Section(heading, blocks, self._part_span(heading, blocks, ()))

    def _part(self, children: list[object]) -> tuple[Heading, tuple[Block, ...], tuple[Section, ...]]:
        mark = children[0]
        assert isinstance(mark, Token)
        tokens = [c for c in children[1:] if isinstance(c, Token)]
        blocks = _settle_list_styles([c for c in children if _is_block(c)])
        sections = tuple(c for c in children if isinstance(c, Section))
        return self._heading(mark, tokens), blocks, sections

    def _heading(self, mark: Token, tokens: list[Token]) -> Heading:
        inlines, footnotes, prose = self._inline_content(tokens)
        value = str(mark)
        if mark.type == "ANNEX_MARKER" or mark.type == "ANNEX_MARK":
            found = _ANNEX_MARKER.search(value)
            assert found is not None
            numeral = found.group(1)
            number = None if numeral is None else int(numeral) if numeral.isdigit() else roman_value(numeral)
            marker_start = mark.start_pos + found.start()
            marker_end = mark.start_pos + found.end()
            marker = found.group(0)
        else:
            found = _HEADING_MARKER.search(value)
            assert found is not None
            marker = found.group(1)
            number = roman_value(marker) if mark.type == "CHAPTER_MARK" else letter_value(marker)
            marker_start = mark.start_pos + found.start(1)
            marker_end = mark.start_pos + found.end(1) + 1
        end = tokens[-1].end_pos if tokens else mark.end_pos
        return Heading(
            marker=marker,
            number=number,
            title=prose,
            inlines=inlines,
            footnotes=footnotes,
            span=self._source.span(marker_start, end),
            marker_span=self._source.span(marker_start, marker_end),
        )

    # ------------------------------------------------------------------ blocks

    def paragraph(self, children: list[Token]) -> Paragraph:
        inlines, footnotes, prose = self._inline_content(children)
        return Paragraph(inlines, footnotes, prose, self._tokens_span(children))

    def numbered_paragraph(self, children: list[Token]) -> Paragraph:
        mark, tokens = children[0], children[1:]
        found = _PARAGRAPH_NUMBER.search(str(mark))
        assert found is not None
        inlines, footnotes, prose = self._inline_content(tokens)
        start = mark.start_pos + found.start()
        end = tokens[-1].end_pos if tokens else mark.start_pos + found.end(1) + 1
        return Paragraph(inlines, footnotes, prose, self._source.span(start, end), number=int(found.group(1)))

    def list_item(self, children: list[Token]) -> ListItem:
        mark, tokens = children[0], children[1:]
        found = _LIST_MARKER.search(str(mark))
        assert found is not None
        marker = found.group(1)
        style, ordinal = _list_style(found.group(2), found.group(3))
        inlines, footnotes, prose = self._inline_content(tokens)
        start = mark.start_pos + found.start(1)
        end = tokens[-1].end_pos if tokens else mark.start_pos + found.end(1)
        return ListItem(
            marker=marker,
            style=style,
            ordinal=ordinal,
            inlines=inlines,
            footnotes=footnotes,
            prose=prose,
            span=self._source.span(start, end),
            marker_span=self._source.span(start, mark.start_pos + found.end(1)),
        )

    def subheading(self, children: list[Token]) -> Subheading:
        (token,) = children
        title = self._plain_prose(token)
        return Subheading(title, title.span())

    # ------------------------------------------------------------------ inline content

    def _inline_content(self, tokens: Sequence[Token]) -> tuple[tuple[Inline, ...], tuple[Footnote, ...], Prose]:
        """Inline nodes, the footnote texts placed on the line, and the prose of the rest."""
        inlines: list[Inline] = []
        footnotes: list[Footnote] = []
        pieces: list[tuple[str, int]] = []
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "TEXT" or kind == "OPEN_BRACKET":
                inlines.append(Text(str(token), self._token_span(token)))
                pieces.append((str(token), token.start_pos))
                if kind == "OPEN_BRACKET":
                    self._check_stray_bracket(token, tokens[index + 1] if index + 1 < len(tokens) else None)
            elif kind == "FOOTNOTE_REF":
                found = _NOTE_REF.fullmatch(str(token).replace(" ", "").replace("\t", ""))
                assert found is not None
                note_kind: NoteKind = "endnote" if found.group(1) == "endnote" else "footnote"
                inlines.append(FootnoteRef(int(found.group(2)), note_kind, self._token_span(token)))
            elif kind == "FOOTNOTE_TEXT":
                footnotes.append(self._footnote(token))
            elif kind == "BOOKMARK":
                inlines.append(Bookmark(_bookmark_name(str(token)), self._token_span(token)))
            elif kind == "COMMENT":
                comment = self._comment(token)
                inlines.append(comment)
                self._comments.append(comment)
        return tuple(inlines), tuple(footnotes), self._prose(pieces)

    def _footnote(self, token: Token) -> Footnote:
        value = str(token)
        found = _NOTE_TEXT.match(value)
        assert found is not None
        number = int(found.group(1))
        body_start = token.start_pos + found.end()
        body = value[found.end() : -1]
        pieces: list[tuple[str, int]] = []
        cursor = 0
        for bookmark in _BOOKMARK.finditer(body):
            pieces.append((body[cursor : bookmark.start()], body_start + cursor))
            cursor = bookmark.end()
        pieces.append((body[cursor:], body_start + cursor))
        kind: NoteKind = "endnote" if number in self._endnote_numbers else "footnote"
        return Footnote(number, kind, self._prose(pieces), self._token_span(token))

    def _comment(self, token: Token) -> Comment:
        value = str(token)
        found = _COMMENT.match(value)
        assert found is not None
        start = token.start_pos + (1 if value.startswith("\t") else 0)
        return Comment(found.group(1).strip(), found.group(2).strip(), self._source.span(start, token.end_pos))

    def _check_stray_bracket(self, bracket: Token, following: Token | None) -> None:
        """An opening bracket that starts no marker: report the markup it breaks."""
        rest = str(following) if following is not None and following.type == "TEXT" else ""
        line_end = self._source.text.find("\n", bracket.start_pos)
        line_end = len(self._source.text) if line_end == -1 else line_end
        if _UNCLOSED_NOTE.match(rest):
            number = rest.split(":", 1)[0]
            self._problems.append(
                MarkupProblem(
                    "unclosed-footnote-text",
                    f"the text of footnote {number} is not closed by ']'",
                    self._source.span(bracket.start_pos, line_end),
                    number=int(number),
                )
            )
        elif rest.startswith(("footnoteRef", "endnoteRef", "bookmark")):
            self._problems.append(
                MarkupProblem(
                    "malformed-marker",
                    f"a Word marker '[{rest.split(':', 1)[0]}…' is malformed",
                    self._source.span(bracket.start_pos, min(line_end, bracket.end_pos + len(rest))),
                )
            )

    # ------------------------------------------------------------------ prose and spans

    def _prose(self, pieces: Iterable[tuple[str, int]]) -> Prose:
        """Join text pieces into prose, trimming the whitespace at both ends."""
        text_parts: list[str] = []
        segments: list[tuple[int, int]] = []
        length = 0
        for value, source_start in pieces:
            if not value:
                continue
            if length == 0:
                stripped = value.lstrip()
                source_start += len(value) - len(stripped)
                value = stripped
                if not value:
                    continue
            segments.append((length, source_start))
            text_parts.append(value)
            length += len(value)
        text = "".join(text_parts)
        trimmed = text.rstrip()
        return Prose(trimmed, tuple(segment for segment in segments if segment[0] < len(trimmed) or not trimmed), self._lines)

    def _plain_prose(self, token: Token) -> Prose:
        value = str(token)
        pieces: list[tuple[str, int]] = []
        cursor = 0
        for bookmark in _BOOKMARK.finditer(value):
            pieces.append((value[cursor : bookmark.start()], token.start_pos + cursor))
            cursor = bookmark.end()
        pieces.append((value[cursor:], token.start_pos + cursor))
        return self._prose(pieces)

    def _token_span(self, token: Token) -> Span:
        return self._source.span(token.start_pos, token.end_pos)

    def _tokens_span(self, tokens: Sequence[Token]) -> Span:
        return self._source.span(tokens[0].start_pos, tokens[-1].end_pos)

    def _cover(self, first: Span, last: Span) -> Span:
        return self._source.span(first.start, max(first.end, last.end))

    def _part_span(self, heading: Heading, blocks: Sequence[Block], sections: Sequence[Section]) -> Span:
        last = sections[-1].span if sections else blocks[-1].span if blocks else heading.span
        return self._cover(heading.span, last)


def _is_block(node: object) -> bool:
    return isinstance(node, (Paragraph, ListItem, Subheading))


def _bookmark_name(value: str) -> str:
    found = _BOOKMARK.fullmatch(value)
    return found.group(1).strip() if found else value


def _endnote_only_numbers(text: str) -> frozenset[int]:
    """Numbers referenced only by endnote marks: their ``[N: …]`` texts are endnotes."""
    if "endnoteRef" not in text:
        return frozenset()
    endnotes = {int(n) for kind, n in _NOTE_REF.findall(text.replace("Ref: ", "Ref:")) if kind == "endnote"}
    footnotes = {int(n) for kind, n in _NOTE_REF.findall(text.replace("Ref: ", "Ref:")) if kind == "footnote"}
    return frozenset(endnotes - footnotes)


def _header_line_kind(text: str) -> HeaderLineKind:
    if _HEADER_ORIGINAL.match(text):
        return "original"
    if _HEADER_DATE.search(text) and ("\t" in text or text[:1].isdigit()):
        return "date"
    return "text"


def _list_style(letters: str | None, digits: str | None) -> tuple[ListStyle, int | None]:
    """Style and ordinal of a list marker; a lone i, v or x reads as Roman until its
    neighbours say otherwise (see ``_settle_list_styles``)."""
    if digits is not None:
        return "arabic", int(digits)
    if letters is None:
        return "bullet", None
    if letters.isdigit():
        return "arabic", int(letters)
    if len(letters) == 1 and letters not in _AMBIGUOUS_ROMAN:
        return "alpha", letter_value(letters.upper())
    value = roman_value(letters.upper())
    if value is not None:
        return "roman", value
    return "alpha", letter_value(letters.upper()) if len(letters) == 1 else None


def _settle_list_styles(blocks: list[Block]) -> tuple[Block, ...]:
    """Read ``(i)`` after ``(h)`` as a letter (likewise ``(v)`` after ``(u)``, ``(x)`` after
    ``(w)``) — unless the next item is ``(ii)`` (``(vi)``, ``(xi)``): then it opens a
    Roman sub-list under ``(h)``."""
    settled: list[Block] = []
    previous_alpha: int | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, ListItem):
            letter = block.marker.strip("()").lower()
            if (
                block.style == "roman"
                and letter in _AMBIGUOUS_ROMAN
                and previous_alpha is not None
                and letter_value(letter.upper()) == previous_alpha + 1
                and not _continues_roman(blocks, index, block.ordinal)
            ):
                block = block.replace(style="alpha", ordinal=previous_alpha + 1)
            if block.style == "alpha":
                previous_alpha = block.ordinal
        settled.append(block)
    return tuple(settled)


def _continues_roman(blocks: list[Block], index: int, ordinal: int | None) -> bool:
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        isinstance(following, ListItem)
        and following.style == "roman"
        and ordinal is not None
        and following.ordinal == ordinal + 1
    )


def _settle_stray_section_letters(parts: list[Part]) -> list[Part]:
    """A chapter "I." (or "V.", "X.") right after section "H." ("U.", "W.") of the same
    chapter is that chapter's next section, not a new chapter."""
    settled: list[Part] = []
    for part in parts:
        previous = settled[-1] if settled else None
        if (
            isinstance(part, Chapter)
            and previous is not None
            and previous.sections
            and len(part.heading.marker) == 1
            and previous.sections[-1].heading.number == letter_value(part.heading.marker) - 1
        ):
            heading = part.heading.replace(number=letter_value(part.heading.marker))
            section = Section(heading, part.blocks, part.span)
            merged_sections = previous.sections + (section,) + part.sections
            span_end = part.span
            merged_span = Span(
                previous.span.start,
                span_end.end,
                previous.span.line,
                previous.span.column,
                span_end.end_line,
                span_end.end_column,
            )
            settled[-1] = previous.replace(sections=merged_sections, span=merged_span)
            continue
        settled.append(part)
    return settled
