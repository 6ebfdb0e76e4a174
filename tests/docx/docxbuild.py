"""Building .docx fixtures in code: python-docx for the package, raw XML for what it has no API for.

python-docx gives a real Word package (styles, settings, numbering part, content
types) and its paragraphs and tables; footnotes, endnotes, comments, numbering
definitions, tracked changes, fields and hidden text are written here as the
WordprocessingML that Word itself writes. Every fixture of tests/docx is made by
this module: there are no binary fixtures to trust.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Sequence, Union
from xml.sax.saxutils import escape, quoteattr

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}"'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ---------------------------------------------------------------------- inline content


@dataclass(frozen=True)
class Tab:
    pass


@dataclass(frozen=True)
class Break:
    pass


@dataclass(frozen=True)
class Hidden:
    """Text formatted as hidden (``w:vanish``): not seen by a reader."""

    text: str


@dataclass(frozen=True)
class Inserted:
    """A tracked insertion: counts."""

    content: Sequence[Inline]
    author: str = "Editor"


@dataclass(frozen=True)
class Deleted:
    """A tracked deletion: does not count."""

    text: str
    author: str = "Editor"


@dataclass(frozen=True)
class Field:
    """A complex field: its code is hidden, its result is what a reader sees."""

    code: str
    result: str


@dataclass(frozen=True)
class Bookmark:
    name: str


@dataclass(frozen=True)
class Note:
    """A footnote (or endnote) reference here, with the note's paragraphs."""

    paragraphs: Sequence[Sequence[Inline]]
    kind: str = "footnote"


@dataclass(frozen=True)
class Commented:
    """Text with a reviewer's comment on it."""

    content: Sequence[Inline]
    comment: str
    author: str = "Reviewer"


Inline = Union[str, Tab, Break, Hidden, Inserted, Deleted, Field, Bookmark, Note, Commented]


@dataclass(frozen=True)
class Level:
    """One level of a numbering definition, as ``w:lvl`` has it."""

    format: str
    text: str
    start: int = 1
    suffix: str | None = None
    restart: int | None = None


# ---------------------------------------------------------------------- the builder


@dataclass
class DocxBuilder:
    """A Word document under construction; ``to_bytes`` gives the .docx."""

    document: docx.document.Document = field(default_factory=docx.Document)
    note_start: int | None = None
    _notes: dict[str, list[str]] = field(default_factory=lambda: {"footnote": [], "endnote": []})
    _comments: list[str] = field(default_factory=list)
    _abstracts: list[str] = field(default_factory=list)
    _instances: list[str] = field(default_factory=list)
    _styles: list[str] = field(default_factory=list)
    _next_id: int = 1

    def __post_init__(self) -> None:
        body = self.document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)

    # -------------------------------------------------------------- numbering and styles

    def numbering(self, *levels: Level) -> int:
        """Define an abstract numbering and return its id (from 100, after the template's)."""
        abstract_id = 100 + len(self._abstracts)
        xml = [f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>']
        for index, level in enumerate(levels):
            xml.append(
                f'<w:lvl w:ilvl="{index}"><w:start w:val="{level.start}"/><w:numFmt w:val="{level.format}"/>'
                + (f'<w:lvlRestart w:val="{level.restart}"/>' if level.restart is not None else "")
                + (f'<w:suff w:val="{level.suffix}"/>' if level.suffix is not None else "")
                + f"<w:lvlText w:val={quoteattr(level.text)}/>"
                + f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{567 * (index + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
            )
        xml.append("</w:abstractNum>")
        self._abstracts.append("".join(xml))
        return abstract_id

    def instance(self, abstract_id: int, restart: dict[int, int] | None = None) -> int:
        """A ``w:num`` of an abstract numbering; ``restart`` maps levels to a start override."""
        num_id = 100 + len(self._instances)
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            for level, start in (restart or {}).items()
        )
        self._instances.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>')
        return num_id

    def style(self, style_id: str, num_id: int | None = None, level: int | None = None, based_on: str | None = "Normal") -> str:
        """A paragraph style, optionally numbered (as UN templates number paragraphs and headings)."""
        numbering = ""
        if num_id is not None:
            numbering = "<w:numPr>" + (f'<w:ilvl w:val="{level}"/>' if level is not None else "") + f'<w:numId w:val="{num_id}"/></w:numPr>'
        self._styles.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}"><w:name w:val="{style_id}"/>'
            + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
            + f"<w:pPr>{numbering}</w:pPr></w:style>"
        )
        return style_id

    # -------------------------------------------------------------- blocks

    def paragraph(
        self,
        *content: Inline,
        style: str | None = None,
        num: int | None = None,
        level: int | None = None,
        mark_deleted: bool = False,
    ) -> None:
        """A body paragraph; plain text goes through python-docx, the rest as raw runs."""
        paragraph = self.document.add_paragraph(style=style if style in self._known_styles() else None)
        self._fill(paragraph._p, content, style, num, level, mark_deleted)

    def table(self, rows: Sequence[Sequence[Sequence[Inline]]]) -> None:
        """A table (python-docx), each cell one paragraph of the given content."""
        table = self.document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for row, cells in zip(table.rows, rows):
            for cell, content in zip(row.cells, cells):
                self._fill(cell.paragraphs[0]._p, content, None, None, None, False)

    def _known_styles(self) -> set[str]:
        """The template's style names (python-docx applies those; ours are written raw)."""
        if not hasattr(self, "_style_names"):
            self._style_names = {style.name for style in self.document.styles}
        return self._style_names

    def _fill(self, p: object, content: Sequence[Inline], style: str | None, num: int | None, level: int | None, mark_deleted: bool) -> None:
        properties = ""
        if style is not None and style not in self._known_styles():
            properties += f'<w:pStyle w:val="{style}"/>'
        if num is not None or level is not None:
            properties += "<w:numPr>" + (f'<w:ilvl w:val="{level}"/>' if level is not None else "")
            properties += (f'<w:numId w:val="{num}"/>' if num is not None else "") + "</w:numPr>"
        if mark_deleted:
            properties += f'<w:rPr><w:del w:id="{self._id()}" w:author="Editor" w:date="2026-01-01T00:00:00Z"/></w:rPr>'
        if properties:
            existing = p.find(f"{{{W_NS}}}pPr")  # type: ignore[attr-defined]
            fragment = parse_xml(f"<w:pPr {NSDECL}>{properties}</w:pPr>")
            if existing is None:
                p.insert(0, fragment)  # type: ignore[attr-defined]
            else:
                for child in list(fragment):
                    existing.append(child)
        for element in parse_xml(f"<w:wrap {NSDECL}>{self._runs(content)}</w:wrap>"):
            p.append(element)  # type: ignore[attr-defined]

    # -------------------------------------------------------------- runs

    def _runs(self, content: Sequence[Inline]) -> str:
        return "".join(self._inline(item) for item in content)

    def _inline(self, item: Inline) -> str:
        if isinstance(item, str):
            return _text_runs(item)
        if isinstance(item, Tab):
            return "<w:r><w:tab/></w:r>"
        if isinstance(item, Break):
            return "<w:r><w:br/></w:r>"
        if isinstance(item, Hidden):
            return f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{escape(item.text)}</w:t></w:r>'
        if isinstance(item, Inserted):
            return f'<w:ins w:id="{self._id()}" w:author="{item.author}" w:date="2026-01-01T00:00:00Z">{self._runs(item.content)}</w:ins>'
        if isinstance(item, Deleted):
            return (
                f'<w:del w:id="{self._id()}" w:author="{item.author}" w:date="2026-01-01T00:00:00Z">'
                f'<w:r><w:delText xml:space="preserve">{escape(item.text)}</w:delText></w:r></w:del>'
            )
        if isinstance(item, Field):
            return (
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> {escape(item.code)} </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'{_text_runs(item.result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            )
        if isinstance(item, Bookmark):
            number = self._id()
            return f'<w:bookmarkStart w:id="{number}" w:name="{item.name}"/><w:bookmarkEnd w:id="{number}"/>'
        if isinstance(item, Note):
            return self._note(item)
        if isinstance(item, Commented):
            number = len(self._comments)
            self._comments.append(
                f'<w:comment w:id="{number}" w:author={quoteattr(item.author)} w:initials="R">'
                f'<w:p><w:r><w:annotationRef/></w:r>{_text_runs(item.comment)}</w:p></w:comment>'
            )
            return (
                f'<w:commentRangeStart w:id="{number}"/>{self._runs(item.content)}<w:commentRangeEnd w:id="{number}"/>'
                f'<w:r><w:commentReference w:id="{number}"/></w:r>'
            )
        raise TypeError(item)

    def _note(self, note: Note) -> str:
        notes = self._notes[note.kind]
        number = len(notes) + 1
        paragraphs = []
        for index, content in enumerate(note.paragraphs):
            mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{note.kind}Ref/></w:r>' if index == 0 else ""
            paragraphs.append(f"<w:p>{mark}{self._runs(content)}</w:p>")
        notes.append(f'<w:{note.kind} w:id="{number}">{"".join(paragraphs)}</w:{note.kind}>')
        return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{note.kind}Reference w:id="{number}"/></w:r>'

    def _id(self) -> int:
        self._next_id += 1
        return 1000 + self._next_id

    # -------------------------------------------------------------- the package

    def to_bytes(self) -> bytes:
        """Save with python-docx, then add the parts it has no API for."""
        if self.note_start is not None:
            section = self.document.element.body.find(f"{{{W_NS}}}sectPr")
            section.insert(0, parse_xml(f'<w:footnotePr {NSDECL}><w:numStart w:val="{self.note_start}"/></w:footnotePr>'))
        buffer = io.BytesIO()
        self.document.save(buffer)
        parts = _unzip(buffer.getvalue())
        if self._abstracts or self._instances:
            numbering = parts["word/numbering.xml"].decode()
            first_num = numbering.index("<w:num ")
            numbering = numbering[:first_num] + "".join(self._abstracts) + numbering[first_num:]
            numbering = numbering.replace("</w:numbering>", "".join(self._instances) + "</w:numbering>")
            parts["word/numbering.xml"] = numbering.encode()
        if self._styles:
            styles = parts["word/styles.xml"].decode()
            parts["word/styles.xml"] = styles.replace("</w:styles>", "".join(self._styles) + "</w:styles>").encode()
        for kind, notes in self._notes.items():
            if notes:
                separators = (
                    f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
                    f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>'
                )
                _add_part(parts, f"word/{kind}s.xml", f"{kind}s", f"<w:{kind}s {NSDECL}>{separators}{''.join(notes)}</w:{kind}s>")
        if self._comments:
            _add_part(parts, "word/comments.xml", "comments", f"<w:comments {NSDECL}>{''.join(self._comments)}</w:comments>")
        return _zip(parts)


def _text_runs(text: str) -> str:
    """Runs for typed text: a tab character becomes ``w:tab``, as Word stores it."""
    runs = []
    for index, piece in enumerate(text.split("\t")):
        if index:
            runs.append("<w:r><w:tab/></w:r>")
        if piece:
            runs.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(runs)


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


_CONTENT_TYPES = {
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "comments": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
}


def _add_part(parts: dict[str, bytes], name: str, kind: str, xml: str) -> None:
    parts[name] = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + xml).encode()
    types = parts["[Content_Types].xml"].decode()
    override = f'<Override PartName="/{name}" ContentType="{_CONTENT_TYPES[kind]}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    relationship = f'<Relationship Id="rIdTest{kind}" Type="{RELS}/{kind}" Target="{name.split("/", 1)[1]}"/>'
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", relationship + "</Relationships>").encode()


def split_words(text: str, every: int = 3) -> list[str]:
    """Cut text into several runs' worth of pieces (Word rarely keeps a sentence in one run)."""
    words = re.split(r"(?<= )", text)
    return ["".join(words[index : index + every]) for index in range(0, len(words), every)] or [text]
