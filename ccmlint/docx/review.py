"""A reviewed copy of a Word document: each finding as a Word comment on the words it is about.

The copy is the original package with comment marks spliced into the main document
part's bytes and the comments added to the comments part (created, with its
content type and relationship, when the document has none). Nothing else is
touched, so formatting, styles, numbering, tracked changes and existing comments
survive exactly; the original file is never written.

Where a finding starts or ends inside a run, the run is split there (its run
properties copied to the new half), because comment marks sit between runs. A
finding in a footnote or endnote is anchored on the note's reference in the body,
and a finding on text the renderer added (a paragraph number, a line end) on the
nearest words of the same paragraph.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from ccmlint.diagnostics import Diagnostic
from ccmlint.docx.location import DocxLocator, Piece
from ccmlint.docx.render import REVIEW_AUTHOR
from ccmlint.docx.package import RELATION_TYPES, Package, relationships_path, resolve_target
from ccmlint.docx.xmltree import W, Element, XmlError, parse_xml, w
from ccmlint.source import Source
from ccmlint.writing import write_atomically

AUTHOR = REVIEW_AUTHOR
INITIALS = "CL"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_RELATIONSHIP = RELATION_TYPES + "comments"


class ReviewError(Exception):
    """The reviewed copy cannot be written; the message says why."""


@dataclass(frozen=True, slots=True)
class ReviewCopy:
    """The bytes of the copy and how many findings it carries as comments."""

    data: bytes
    comments: int
    unplaced: int


@dataclass(frozen=True, slots=True)
class _Point:
    """A place between characters of the main part, and what must be split to put a mark there.

    ``context`` is "level" (between runs: no split), "run" (between two children of
    ``run``) or "text" (inside the text of ``text``, a ``w:t`` of ``run``).
    """

    position: int
    context: str
    run: Element | None = None
    text: Element | None = None


def review_targets(target: str, paths: Sequence[str]) -> list[str]:
    """Where each document's reviewed copy goes: ``target`` itself for one document, or
    ``target/STEM.reviewed.docx`` for each when ``target`` is a directory."""
    if os.path.isdir(target):
        names = [os.path.join(target, _stem(path) + ".reviewed.docx") for path in paths]
        if len(set(names)) != len(names):
            raise ReviewError(f"two documents would have the same reviewed copy in {target}; review them one at a time")
        return names
    if len(paths) > 1:
        raise ReviewError(f"{len(paths)} Word documents but one reviewed copy ({target}); name a directory to get one copy each")
    return [target] * len(paths)


def _stem(path: str) -> str:
    name = os.path.basename(path) if path != "<stdin>" else "stdin.docx"
    return name.rsplit(".", 1)[0] if "." in name else name


def write_review_copy(source: Source, diagnostics: Sequence[Diagnostic], out_path: str) -> ReviewCopy:
    """Write the reviewed copy of a .docx source to ``out_path`` (never over the original)."""
    locator = source.locator
    if not isinstance(locator, DocxLocator):
        raise ReviewError(f"{source.path} is not a Word document; a reviewed copy can only be made of a .docx")
    if _same_file(source.path, out_path):
        raise ReviewError(f"{out_path} is the document itself; the reviewed copy must be a new file")
    copy = review_copy(locator, diagnostics)
    try:
        write_atomically(out_path, copy.data)
    except OSError as error:
        raise ReviewError(f"{out_path}: cannot be written: {error.strerror or error}") from None
    return copy


def review_copy(locator: DocxLocator, diagnostics: Sequence[Diagnostic]) -> ReviewCopy:
    """The bytes of a copy of the document with one comment per diagnostic."""
    package = locator.package
    main = package.main
    data = package.parts[main]
    if not _is_utf8(data):
        raise ReviewError("the document is not stored as UTF-8; save it again from Word")
    try:
        document = parse_xml(data, main, positions=False)
    except XmlError as error:
        raise ReviewError(str(error)) from None
    comments_part = package.related(main, "comments")
    try:
        comments_xml = parse_xml(package.parts[comments_part], comments_part) if comments_part else None
    except XmlError as error:
        raise ReviewError(str(error)) from None
    next_id = _first_free_id(document.root, comments_xml.root if comments_xml else None)
    styles = _style_ids(package, main)

    prefix = document.prefixes.get(W, "")
    splices = _Splices(data)
    comment_bodies: list[str] = []
    unplaced = 0
    for diagnostic in sorted(diagnostics, key=lambda d: (d.span.start, d.span.end, d.rule)):
        points = _anchor(locator, data, diagnostic.span.start, diagnostic.span.end)
        if points is None:
            unplaced += 1
            continue
        start, end = points
        comment_id = next_id
        next_id += 1
        splices.mark(start, _range_start(prefix, comment_id), phase=1, order=comment_id)
        splices.mark(end, _range_end(prefix, comment_id, styles), phase=2 if end.position == start.position else 0, order=comment_id)
        comment_bodies.append(_comment_xml(comment_id, diagnostic, styles))

    parts = dict(package.parts)
    parts[main] = splices.apply()
    added: dict[str, bytes] = {}
    if comments_part is not None and comments_xml is not None:
        comments_prefix = comments_xml.prefixes.get(W, "")
        if comments_prefix:
            bodies = [body.replace(_P, f"{comments_prefix}:") for body in comment_bodies]
        else:  # the part uses W as its default namespace: declare a prefix for the attributes
            bodies = [body.replace(_P, "w:").replace("<w:comment ", f'<w:comment xmlns:w="{W}" ', 1) for body in comment_bodies]
        parts[comments_part] = _append_comments(comments_xml.data, comments_xml.root, bodies)
    elif comment_bodies:
        name = _free_name(parts, "word/comments.xml")
        bodies = [body.replace(_P, "w:") for body in comment_bodies]
        added[name] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            + f'<w:comments xmlns:w="{W}">{"".join(bodies)}</w:comments>'.encode()
        )
        _register(parts, added, package, main, name)
    return ReviewCopy(_zip(package, parts, added), len(comment_bodies), unplaced)


# ---------------------------------------------------------------------- anchoring


def _anchor(locator: DocxLocator, data: bytes, start: int, end: int) -> tuple[_Point, _Point] | None:
    """The points where a finding's comment starts and ends, in document order."""
    whole = _whole_paragraph(locator, data, start, max(end, start + 1) - 1)
    if whole is not None:
        return whole
    first = _start_point(locator, data, start)
    last = _end_point(locator, data, max(end, start + 1) - 1)
    if first is None or last is None:
        return None
    if last.position < first.position:
        first, last = last, first
    return first, last


def _whole_paragraph(locator: DocxLocator, data: bytes, start: int, last: int) -> tuple[_Point, _Point] | None:
    """A finding only on text the renderer added to one paragraph (its number, say) is
    about the paragraph: its comment covers the paragraph's words."""
    first_piece, last_piece = locator.piece_at(start), locator.piece_at(last)
    paragraph = first_piece.paragraph
    if first_piece.node is not None or last_piece.node is not None or last_piece.paragraph is not paragraph:
        return None
    if paragraph.part != "body" or paragraph.anchor is not None:
        return None
    content = [piece for piece in locator.pieces if piece.paragraph is paragraph and piece.node is not None]
    if not content:
        return None
    return _before_piece(data, content[0]), _after_piece(data, content[-1])


def _start_point(locator: DocxLocator, data: bytes, offset: int) -> _Point | None:
    index = locator.index_at(offset)
    piece = locator.pieces[index]
    if piece.paragraph.anchor is not None:
        return _before(piece.paragraph.anchor)
    if piece.node is not None:
        if piece.advances:
            return _in_text(data, piece.node, offset - piece.start + piece.node_offset)
        return _before(piece.node)
    found = _nearest_content(locator, index, forward=True)
    if found is not None:
        return _before_piece(data, found)
    found = _nearest_content(locator, index, forward=False)
    return _after_piece(data, found) if found is not None else None


def _end_point(locator: DocxLocator, data: bytes, offset: int) -> _Point | None:
    """The point just after the character at ``offset``."""
    index = locator.index_at(offset)
    piece = locator.pieces[index]
    if piece.paragraph.anchor is not None:
        return _after(piece.paragraph.anchor)
    if piece.node is not None:
        if piece.advances:
            return _in_text(data, piece.node, offset - piece.start + piece.node_offset + 1)
        return _after(piece.node)
    found = _nearest_content(locator, index, forward=False)
    if found is not None:
        return _after_piece(data, found)
    found = _nearest_content(locator, index, forward=True)
    return _before_piece(data, found) if found is not None else None


def _nearest_content(locator: DocxLocator, index: int, forward: bool) -> Piece | None:
    """The nearest piece of body text or element: in the same paragraph if it has one, else the next one."""
    step = 1 if forward else -1
    position = index + step
    while 0 <= position < len(locator.pieces):
        piece = locator.pieces[position]
        if piece.node is not None and piece.paragraph.anchor is None and piece.paragraph.part == "body":
            return piece
        position += step
    return None


def _before_piece(data: bytes, piece: Piece) -> _Point:
    assert piece.node is not None
    return _in_text(data, piece.node, piece.node_offset) if piece.advances else _before(piece.node)


def _after_piece(data: bytes, piece: Piece) -> _Point:
    assert piece.node is not None
    if piece.advances:
        return _in_text(data, piece.node, piece.node_offset + piece.end - piece.start)
    return _after(piece.node)


def _before(node: Element) -> _Point:
    """Just before an element; inside a run that means splitting the run there."""
    run = node.parent
    if run is None or run.tag != w("r"):
        return _Point(node.start, "level")
    content = [child for child in run.children if child.tag != w("rPr")]
    if content and content[0] is node:
        return _Point(run.start, "level")
    return _Point(node.start, "run", run)


def _after(node: Element) -> _Point:
    run = node.parent
    if run is None or run.tag != w("r"):
        return _Point(node.end_end, "level")
    content = [child for child in run.children if child.tag != w("rPr")]
    if content and content[-1] is node:
        return _Point(run.end_end, "level")
    return _Point(node.end_end, "run", run)


def _in_text(data: bytes, text: Element, index: int) -> _Point:
    """Before the ``index``-th character of a ``w:t``: at an edge of it, or splitting it."""
    if index <= 0 or text.empty:
        return _before(text)
    if index >= len(text.text):
        return _after(text)
    return _Point(_text_byte(data, text, index), "text", text.parent, text)


# ---------------------------------------------------------------------- splicing

# Comment markup is built with this placeholder for the WordprocessingML prefix of
# the part it goes into ("w:" almost always); no text of a message can contain it.
_P = "\x00"


class _Splices:
    """Marks to insert into the main part, grouped by place, then applied in one pass."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._marks: dict[int, list[tuple[int, int, str]]] = {}
        self._points: dict[int, _Point] = {}

    def mark(self, point: _Point, markup: str, phase: int, order: int) -> None:
        self._points.setdefault(point.position, point)
        self._marks.setdefault(point.position, []).append((phase, order, markup))

    def apply(self) -> bytes:
        data = self._data
        insertions: list[tuple[int, bytes]] = []
        preserved: set[int] = set()
        for position, marks in self._marks.items():
            point = self._points[position]
            markup = "".join(text for _, _, text in sorted(marks)).encode()
            if point.context == "level":
                insertions.append((position, markup))
                continue
            assert point.run is not None
            run_name = _raw_name(data, point.run)
            properties = point.run.find(w("rPr"))
            copied = data[properties.start : properties.end_end] if properties is not None else b""
            if point.context == "run":
                insertions.append((position, b"</" + run_name + b">" + markup + b"<" + run_name + b">" + copied))
                continue
            assert point.text is not None
            text_name = _raw_name(data, point.text)
            insertions.append(
                (
                    position,
                    b"</" + text_name + b"></" + run_name + b">" + markup + b"<" + run_name + b">" + copied
                    + b"<" + text_name + b' xml:space="preserve">',
                )
            )
            # The first half may now end with a space: keep it.
            tag = data[point.text.start : point.text.start_end]
            if b"xml:space" not in tag and point.text.start not in preserved:
                preserved.add(point.text.start)
                insertions.append((point.text.start_end - 1, b' xml:space="preserve"'))
        insertions.sort(key=lambda item: item[0])
        pieces: list[bytes] = []
        cursor = 0
        for position, inserted in insertions:
            pieces.append(data[cursor:position])
            pieces.append(inserted)
            cursor = position
        pieces.append(data[cursor:])
        return b"".join(pieces)


def _text_byte(data: bytes, text: Element, wanted: int) -> int:
    """The byte offset of a character of a ``w:t``'s text (an entity or a CR LF is one character)."""
    raw = data[text.start_end : text.end].decode("utf-8")
    if "<" in raw:  # a CDATA section or a comment: no safe place inside, so cut at an edge
        return text.start_end if wanted < len(text.text) / 2 else text.end
    count = index = 0
    while index < len(raw) and count < wanted:
        if raw[index] == "&":
            index = raw.index(";", index) + 1
        elif raw.startswith("\r\n", index):
            index += 2
        else:
            index += 1
        count += 1
    return text.start_end + len(raw[:index].encode("utf-8"))


def _raw_name(data: bytes, element: Element) -> bytes:
    """The element's name as written (``w:r``), to close and reopen it exactly."""
    index = element.start + 1
    end = index
    while end < len(data) and data[end] not in b" \t\r\n/>":
        end += 1
    return data[index:end]


def _range_start(prefix: str, comment_id: int) -> str:
    p = f"{prefix}:" if prefix else "w:"
    declare = f' xmlns:w="{W}"' if not prefix else ""
    return f'<{p}commentRangeStart{declare} {p}id="{comment_id}"/>'


def _range_end(prefix: str, comment_id: int, styles: set[str]) -> str:
    p = f"{prefix}:" if prefix else "w:"
    declare = f' xmlns:w="{W}"' if not prefix else ""
    style = f'<{p}rPr><{p}rStyle {p}val="CommentReference"/></{p}rPr>' if "CommentReference" in styles else ""
    return (
        f'<{p}commentRangeEnd{declare} {p}id="{comment_id}"/>'
        f'<{p}r{declare}>{style}<{p}commentReference {p}id="{comment_id}"/></{p}r>'
    )


def _comment_xml(comment_id: int, diagnostic: Diagnostic, styles: set[str]) -> str:
    """A ``w:comment`` with ``_P`` for the prefix: the rule, severity and message, then the suggestion."""
    text_style = f'<{_P}pPr><{_P}pStyle {_P}val="CommentText"/></{_P}pPr>' if "CommentText" in styles else ""
    reference_style = f'<{_P}rPr><{_P}rStyle {_P}val="CommentReference"/></{_P}rPr>' if "CommentReference" in styles else ""
    first = f"[{diagnostic.rule}] {diagnostic.severity}: {diagnostic.message}"
    paragraphs = [f"<{_P}p>{text_style}<{_P}r>{reference_style}<{_P}annotationRef/></{_P}r>{_text_run(first)}</{_P}p>"]
    if diagnostic.suggestion:
        paragraphs.append(f"<{_P}p>{text_style}{_text_run('Suggestion: ' + diagnostic.suggestion)}</{_P}p>")
    return (
        f"<{_P}comment {_P}id=\"{comment_id}\" {_P}author={quoteattr(AUTHOR)} {_P}initials={quoteattr(INITIALS)}>"
        + "".join(paragraphs)
        + f"</{_P}comment>"
    )


def _text_run(text: str) -> str:
    clean = "".join(char if char >= " " else " " for char in text if char not in "\x00")
    return f'<{_P}r><{_P}t xml:space="preserve">{escape(clean)}</{_P}t></{_P}r>'


# ---------------------------------------------------------------------- the package


def _append_comments(data: bytes, root: Element, bodies: list[str]) -> bytes:
    return _insert_child(data, root, "".join(bodies).encode())


def _first_free_id(document: Element, comments: Element | None) -> int:
    """One more than any annotation id in use (comments, tracked changes, bookmarks), so
    that existing comments keep theirs and no two annotations share one."""
    used = [0]
    attribute = f"{{{W}}}id"
    for holder in [document] + ([comments] if comments is not None else []):
        for element in holder.iter():
            value = element.attributes.get(attribute)
            if value is not None and value.lstrip("-").isdigit():
                used.append(int(value) + 1)
    return max(used)


def _style_ids(package: Package, main: str) -> set[str]:
    name = package.related(main, "styles")
    if name is None:
        return set()
    try:
        root = parse_xml(package.parts[name], name, positions=False).root
    except XmlError:
        return set()
    return {style.wget("styleId") or "" for style in root.findall(w("style"))}


def _free_name(parts: dict[str, bytes], wanted: str) -> str:
    if wanted not in parts:
        return wanted
    stem, extension = wanted.rsplit(".", 1)
    number = 1
    while f"{stem}{number}.{extension}" in parts:
        number += 1
    return f"{stem}{number}.{extension}"


def _register(parts: dict[str, bytes], added: dict[str, bytes], package: Package, main: str, name: str) -> None:
    """Declare a new comments part: its content type and the main part's relationship to it."""
    types = parts["[Content_Types].xml"]
    types_root = parse_xml(types, "[Content_Types].xml").root
    override = f'<Override PartName="/{name}" ContentType="{COMMENTS_TYPE}"/>'.encode()
    parts["[Content_Types].xml"] = _insert_child(types, types_root, override)
    rels_name = relationships_path(main)
    target = os.path.relpath(name, os.path.dirname(main) or ".").replace(os.sep, "/")
    if rels_name in parts:
        rels = parts[rels_name]
        rels_root = parse_xml(rels, rels_name).root
        taken = {element.get("Id") for element in rels_root.children}
        number = 1
        while f"rIdCcmlint{number}" in taken:
            number += 1
        relationship = f'<Relationship Id="rIdCcmlint{number}" Type="{COMMENTS_RELATIONSHIP}" Target="{target}"/>'.encode()
        parts[rels_name] = _insert_child(rels, rels_root, relationship)
    else:
        added[rels_name] = (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + f'<Relationship Id="rIdCcmlint1" Type="{COMMENTS_RELATIONSHIP}" Target="{target}"/>'.encode()
            + b"</Relationships>"
        )
    assert resolve_target(main, target) == name


def _insert_child(data: bytes, root: Element, child: bytes) -> bytes:
    """Add markup at the end of a part's root element (turning ``<root/>`` into ``<root>…</root>``)."""
    if root.empty:
        name = _raw_name(data, root)
        return data[: root.start_end - 2] + b">" + child + b"</" + name + b">" + data[root.start_end :]
    return data[: root.end] + child + data[root.end :]


def _zip(package: Package, parts: dict[str, bytes], added: dict[str, bytes]) -> bytes:
    """The package again, entries in their order and with their compression, new parts last."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in package.order:
            name = info.filename.lstrip("/")
            if info.is_dir() or name not in parts:
                continue
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.compress_type = info.compress_type if info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) else zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            archive.writestr(copy, parts[name])
        for name, content in added.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _is_utf8(data: bytes) -> bool:
    head = data[:100].lstrip(b"\xef\xbb\xbf")
    return not head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"))


def _same_file(source_path: str, out_path: str) -> bool:
    try:
        return os.path.samefile(source_path, out_path)
    except OSError:
        return os.path.abspath(source_path) == os.path.abspath(out_path)


__all__ = ["AUTHOR", "ReviewCopy", "ReviewError", "review_copy", "write_review_copy"]
