"""Rendering a Word document as the text of its Word export, which the parser already reads.

One line per paragraph, in reading order, with what a reader sees and a text export
keeps: automatic numbers ("1.\\t" at the margin for paragraph numbers, "\\tII.\\t",
"\\t(a)\\t" for headings and list items), ``[footnoteRef:N]`` where a note is cited
and `` [N: text]`` at the end of the citing line (followed by an empty line, as the
export writes it), ``\\tComment by AUTHOR: text`` after them (ccmlint's own, in a
reviewed copy, are left out), and each table row on one line with its cells
separated by tabs (the annex listing documents) unless a cell holds more than one
paragraph. Tracked changes are read as accepted: inserted
text counts, deleted text does not, and a paragraph whose mark was deleted runs on
into the next. Field codes, hidden text, bookmarks and drawings are left out.

Rendering to the export's text rather than building the syntax tree directly means
the same parser, facts and rules run unchanged, and a .docx and its text export
give the same findings by construction. Each character keeps its place in the
document (see ``location``), so findings still name a paragraph and an offset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ccmlint.docx.location import ParagraphPlace, PartKind, Piece
from ccmlint.docx.numbering import Label, Numbering, Styles
from ccmlint.docx.package import Package, PackageError
from ccmlint.docx.xmltree import Element, XmlPart, w

_CONTAINERS = frozenset(w(name) for name in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo"))
_REMOVED = frozenset(w(name) for name in ("del", "moveFrom"))
_BLOCK_WRAPPERS = frozenset(w(name) for name in ("customXml",))
_OFF = ("0", "false", "off")

REVIEW_AUTHOR = "ccmlint"
"""The author of the comments of a reviewed copy: they are ccmlint's findings, not the
document's, so a reviewed copy reads (and lints) exactly as the document it copies."""


@dataclass(frozen=True, slots=True)
class Rendering:
    """The rendered text, its position map, and the body's paragraphs in order."""

    text: str
    pieces: tuple[Piece, ...]
    paragraphs: tuple[ParagraphPlace, ...]


@dataclass(slots=True)
class _Cursor:
    """Where the walk is: the paragraph, the offset in it, and the open complex fields."""

    place: ParagraphPlace
    offset: int = 0
    fields: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _PendingNote:
    kind: PartKind
    number: int
    note: Element | None
    reference: Element


@dataclass(frozen=True, slots=True)
class _PendingComment:
    author: str
    comment: Element
    reference: Element


def render(package: Package) -> Rendering:
    """The Word-export text of a document, with the place of every character."""
    return _Renderer(package).render()


class _Renderer:
    def __init__(self, package: Package) -> None:
        main = package.main
        self._document = package.xml(main, positions=True)  # a reviewed copy splices into it
        styles = _optional_part(package, main, "styles")
        numbering = _optional_part(package, main, "numbering")
        self._numbering = Numbering(numbering.root if numbering else None, Styles.read(styles.root if styles else None))
        self._notes: dict[PartKind, dict[str, Element]] = {
            "footnote": _by_id(_optional_part(package, main, "footnotes"), "footnote"),
            "endnote": _by_id(_optional_part(package, main, "endnotes"), "endnote"),
        }
        self._comments = _by_id(_optional_part(package, main, "comments"), "comment")
        settings = _optional_part(package, main, "settings")
        self._next_note: dict[PartKind, int] = {
            kind: _note_start(self._document, settings, kind) for kind in ("footnote", "endnote")
        }
        self._chunks: list[str] = []
        self._length = 0
        self._pieces: list[Piece] = []
        self._paragraphs: list[ParagraphPlace] = []
        self._line_notes: list[_PendingNote] = []
        self._line_comments: list[_PendingComment] = []
        self._seen_comments: set[str] = set()
        self._fields: list[str] = []
        self._line_end: _Cursor | None = None

    def render(self) -> Rendering:
        body = self._document.root.find(w("body"))
        if body is None:
            raise PackageError("is corrupt: its main document part has no body")
        self._blocks(body)
        if not self._pieces:
            self._pieces.append(Piece(0, 0, ParagraphPlace("body", 0, None, body), 0, False))
        return Rendering("".join(self._chunks), tuple(self._pieces), tuple(self._paragraphs))

    # ------------------------------------------------------------------ output

    def _emit(self, text: str, cursor: _Cursor, advances: bool = False, node: Element | None = None) -> None:
        if not text:
            return
        start = self._length
        self._chunks.append(text)
        self._length += len(text)
        self._pieces.append(Piece(start, self._length, cursor.place, cursor.offset, advances, node, 0))

    # ------------------------------------------------------------------ blocks

    def _blocks(self, container: Element) -> None:
        """Paragraphs and tables in reading order; paragraphs whose mark was deleted run on."""
        group: list[Element] = []
        for child in _block_children(container):
            if child.tag == w("p"):
                group.append(child)
                if not _mark_deleted(child):
                    self._paragraph_line(group)
                    group = []
            else:
                if group:
                    self._paragraph_line(group)
                    group = []
                self._table(child)
        if group:
            self._paragraph_line(group)

    def _paragraph_line(self, group: list[Element]) -> None:
        self._paragraphs_on_line(group, separator="")
        self._finish_line()

    def _paragraphs_on_line(self, group: list[Element], separator: str) -> None:
        """Render paragraphs onto the current line; their numbering comes from the surviving mark."""
        label = self._numbering.label(group[-1].find(w("pPr")))
        for position, paragraph in enumerate(group):
            place = self._body_place(paragraph, label if position == 0 else None)
            cursor = _Cursor(place, 0, self._fields)
            if position == 0:
                self._emit(separator, cursor)
                if label is not None:
                    self._emit(("" if label.is_paragraph_number else "\t") + label.text + label.suffix, cursor)
            self._inline(paragraph, cursor, in_body=True)
            self._line_end = cursor

    def _body_place(self, paragraph: Element, label: Label | None) -> ParagraphPlace:
        text = label.text if label is not None else None
        is_number = label is not None and label.is_paragraph_number
        place = ParagraphPlace("body", len(self._paragraphs) + 1, text, paragraph, is_number)
        self._paragraphs.append(place)
        return place

    def _table(self, table: Element) -> None:
        for row in _rows(table):
            cells = [list(_block_children(cell)) for cell in _cells(row)]
            if all(len(blocks) <= 1 and all(block.tag == w("p") for block in blocks) for blocks in cells):
                rendered = False
                for blocks in cells:
                    if blocks:
                        self._paragraphs_on_line(blocks, separator="\t" if rendered else "")
                        rendered = True
                if rendered:
                    self._finish_line()
            else:
                for cell in _cells(row):
                    self._blocks(cell)

    def _finish_line(self) -> None:
        """Close a line: its notes' texts, its comments, the line end (and an empty line after notes)."""
        cursor = self._line_end
        if cursor is None:
            return
        for position, note in enumerate(self._line_notes):
            self._note(note, " " if position == 0 else "  ")
        for comment in self._line_comments:
            self._comment(comment)
        self._emit("\n", cursor)
        if self._line_notes:
            self._emit("\n", cursor)
        self._line_notes = []
        self._line_comments = []
        self._line_end = None

    def _note(self, pending: _PendingNote, separator: str) -> None:
        """`` [N: text]``: the note's paragraphs, one per line, in the export's frame."""
        paragraphs = list(_all_paragraphs(pending.note)) if pending.note is not None else []
        places = [
            ParagraphPlace(pending.kind, index, None, paragraph, note=pending.number, anchor=pending.reference)
            for index, paragraph in enumerate(paragraphs, 1)
        ]
        fallback = ParagraphPlace(pending.kind, 1, None, pending.reference, note=pending.number, anchor=pending.reference)
        self._framed(places, fallback, f"{separator}[{pending.number}: ", "\n", "]")

    def _comment(self, pending: _PendingComment) -> None:
        """``\\tComment by AUTHOR: text``, on one line: the comment's paragraphs joined by spaces."""
        author = " ".join(pending.author.replace(":", " ").split())[:120] or "unknown"
        places = [
            ParagraphPlace("comment", index, None, paragraph, anchor=pending.reference)
            for index, paragraph in enumerate(_all_paragraphs(pending.comment), 1)
        ]
        fallback = ParagraphPlace("comment", 1, None, pending.reference, anchor=pending.reference)
        self._framed(places, fallback, f"\tComment by {author}: ", " ", "")

    def _framed(self, places: list[ParagraphPlace], fallback: ParagraphPlace, opening: str, joiner: str, closing: str) -> None:
        """Paragraphs of a note or comment between an opening and a closing; empty ones are skipped."""
        cursor = _Cursor(places[0] if places else fallback)
        self._emit(opening, cursor)
        written = False
        for place in places:
            cursor = _Cursor(place)
            mark = self._length
            if written:
                self._emit(joiner, cursor)
            before = self._length
            self._inline(place.element, cursor, in_body=False, line_break=joiner)
            if self._length == before:
                self._unemit(mark)
            else:
                written = True
        self._emit(closing, cursor)

    def _unemit(self, mark: int) -> None:
        """Take back what was emitted after ``mark`` (a separator before an empty paragraph)."""
        while self._pieces and self._pieces[-1].start >= mark:
            piece = self._pieces.pop()
            self._chunks.pop()
            self._length -= piece.end - piece.start

    # ------------------------------------------------------------------ inline content

    def _inline(self, element: Element, cursor: _Cursor, in_body: bool, line_break: str = "\n") -> None:
        for child in element.children:
            tag = child.tag
            if tag == w("r"):
                self._run(child, cursor, in_body, line_break)
            elif tag in _CONTAINERS:
                self._inline(child, cursor, in_body, line_break)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._inline(content, cursor, in_body, line_break)
            elif tag in (w("commentRangeStart"), w("commentReference")) and in_body:
                self._cite_comment(child)
            # Deleted and moved-away text, bookmarks, proofing marks, math and
            # drawings (mc:AlternateContent) are not part of the text a reader sees.

    def _run(self, run: Element, cursor: _Cursor, in_body: bool, line_break: str) -> None:
        properties = run.find(w("rPr"))
        hidden = properties is not None and _on(properties.find(w("vanish")))
        for child in run.children:
            tag = child.tag
            if tag == w("fldChar"):
                _field_char(cursor.fields, child.wget("fldCharType"))
                continue
            if cursor.fields and cursor.fields[-1] == "code":
                continue
            if hidden or tag == w("rPr"):
                continue
            if tag == w("t"):
                text = child.text.replace("\r", "\n")
                if text:
                    start = self._length
                    self._chunks.append(text)
                    self._length += len(text)
                    self._pieces.append(Piece(start, self._length, cursor.place, cursor.offset, True, child, 0))
                    cursor.offset += len(text)
            elif tag in (w("tab"), w("ptab")):
                self._atom("\t", cursor, child)
            elif tag in (w("br"), w("cr")):
                if child.wget("type") in (None, "textWrapping"):
                    self._atom(line_break, cursor, child)
            elif tag == w("noBreakHyphen"):
                self._atom("-", cursor, child)
            elif tag == w("sym"):
                self._atom(_symbol(child.wget("char")), cursor, child)
            elif tag in (w("footnoteReference"), w("endnoteReference")) and in_body:
                kind: PartKind = "footnote" if tag == w("footnoteReference") else "endnote"
                number = self._next_note[kind]
                self._next_note[kind] += 1
                self._atom(f"[{kind}Ref:{number}]", cursor, child)
                self._line_notes.append(_PendingNote(kind, number, self._notes[kind].get(child.wget("id") or ""), child))
            elif tag == w("commentReference") and in_body:
                self._cite_comment(child)

    def _atom(self, text: str, cursor: _Cursor, node: Element) -> None:
        """One element shown as ``text``: one character of the paragraph, however long its rendering."""
        if not text:
            return
        self._emit(text, cursor, advances=False, node=node)
        cursor.offset += 1

    def _cite_comment(self, marker: Element) -> None:
        comment_id = marker.wget("id") or ""
        comment = self._comments.get(comment_id)
        if comment is None or comment_id in self._seen_comments or comment.wget("author") == REVIEW_AUTHOR:
            return
        self._seen_comments.add(comment_id)
        self._line_comments.append(_PendingComment(comment.wget("author") or "", comment, marker))


# ---------------------------------------------------------------------- helpers


def _optional_part(package: Package, main: str, kind: str) -> XmlPart | None:
    name = package.related(main, kind)
    return package.xml(name) if name is not None else None


def _by_id(part: XmlPart | None, local: str) -> dict[str, Element]:
    if part is None:
        return {}
    return {element.wget("id") or "": element for element in part.root.findall(w(local))}


def _note_start(document: XmlPart, settings: XmlPart | None, kind: str) -> int:
    """The number of the first note (``w:numStart``), from the last section or the settings."""
    properties = f"{kind}Pr"
    candidates: list[Element] = []
    body = document.root.find(w("body"))
    section = body.find(w("sectPr")) if body is not None else None
    if section is not None:
        candidates.append(section)
    if settings is not None:
        candidates.append(settings.root)
    for holder in candidates:
        note_properties = holder.find(w(properties))
        start = note_properties.find(w("numStart")) if note_properties is not None else None
        if start is not None:
            try:
                return int(start.wget("val") or "1")
            except ValueError:
                return 1
    return 1


def _block_children(container: Element) -> Iterator[Element]:
    """Paragraphs and tables of a body, cell or note, looking through content controls."""
    for child in container.children:
        if child.tag in (w("p"), w("tbl")):
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _block_children(content)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _block_children(child)


def _all_paragraphs(container: Element) -> Iterator[Element]:
    """Every paragraph of a note or comment, tables included, in order."""
    for block in _block_children(container):
        if block.tag == w("p"):
            yield block
        else:
            for row in _rows(block):
                for cell in _cells(row):
                    yield from _all_paragraphs(cell)


def _rows(table: Element) -> Iterator[Element]:
    for child in table.children:
        if child.tag == w("tr"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _rows(content)


def _cells(row: Element) -> Iterator[Element]:
    for child in row.children:
        if child.tag == w("tc"):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                yield from _cells(content)


def _mark_deleted(paragraph: Element) -> bool:
    """A paragraph mark deleted with tracked changes: the paragraph joins the next one."""
    properties = paragraph.find(w("pPr"))
    mark = properties.find(w("rPr")) if properties is not None else None
    return mark is not None and mark.find(w("del")) is not None


def _field_char(fields: list[str], kind: str | None) -> None:
    """Complex fields show their result (between "separate" and "end"), never their code."""
    if kind == "begin":
        fields.append("code")
    elif kind == "separate" and fields:
        fields[-1] = "result"
    elif kind == "end" and fields:
        fields.pop()


def _on(toggle: Element | None) -> bool:
    return toggle is not None and (toggle.wget("val") or "1") not in _OFF


def _symbol(code: str | None) -> str:
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    # Symbol-font characters are stored in the private-use area F000–F0FF.
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if 0x20 <= value < 0x110000 and not 0xD800 <= value < 0xE000 else ""

