"""A Word document whose text export is a given text: the fixture for "same findings".

``docx_from_export`` reads a report in the Word-export text format and builds the
document an editor would have had: chapter numerals, section letters, paragraph
numbers and list letters as automatic numbering (from paragraph styles, one of them
inherited through ``w:basedOn``, and list instances restarted with
``w:startOverride``), real footnotes where a reference and its text sit on one line,
and the annex's ``symbol<TAB>title`` lines as a two-column table. What a real
document cannot hold (a footnote numbered out of turn, a reference with no note, an
unclosed note text, a chapter numeral that skips one) stays typed text, exactly as
it would in a draft where someone typed it. Bookmarks are dropped: they carry no
meaning and ccmlint does not render them.

With ``noise`` the document also carries what a reader never sees and the export
leaves out — tracked deletions, hidden text, bookmarks, field codes, a paragraph
mark deleted in tracked changes — and text cut into many runs, so that its export
is still the same text.
"""

from __future__ import annotations

import re

from docxbuild import Bookmark, Deleted, DocxBuilder, Field, Hidden, Inline, Inserted, Level, Note, split_words

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_NOTE_TAIL = re.compile(r"((?: +\[\d+:(?:[^\[\]\n]|\[[^\[\]\n]*\])*\])+)$")
_NOTE = re.compile(r"( +)\[(\d+):((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]")
_REFERENCE = re.compile(r"\[footnoteRef:(\d+)\]")
_CHAPTER = re.compile(r"\t([IVXLC]+)\.\t(.*)")
_SECTION = re.compile(r"\t([A-Z])\.\t(.*)")
_PARAGRAPH = re.compile(r"(\d+)\.\t(.*)")
_ITEM = re.compile(r"\t\(([a-z]+)\)\t(.*)")
_ANNEX_ROW = re.compile(r"(CCM/\S+)\t(.*)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def strip_bookmarks(text: str) -> str:
    return _BOOKMARK.sub("", text)


def docx_from_export(text: str, noise: bool = False) -> bytes:
    return _Converter(noise).convert(strip_bookmarks(text))


class _Converter:
    def __init__(self, noise: bool) -> None:
        self.noise = noise
        self.builder = DocxBuilder()
        build = self.builder
        chapters = build.numbering(Level("upperRoman", "%1."), Level("upperLetter", "%2."))
        paragraphs = build.numbering(Level("decimal", "%1."))
        self.lists = build.numbering(Level("lowerLetter", "(%1)"), Level("lowerRoman", "(%2)"))
        build.style("HCh", build.instance(chapters), 0)
        build.style("H1", build.instance(chapters), 1)
        build.style("SingleTxt", build.instance(paragraphs))
        # Numbered through its parent style only: numbering inherited via w:basedOn.
        build.style("SingleTxtQuote", based_on="SingleTxt")
        self.next_chapter = 1
        self.next_section = 1
        self.next_paragraph = 1
        self.next_note: int | None = None
        self.list_instance: int | None = None
        self.last_letter = 0
        self.last_roman = 0
        self.rows: list[list[list[Inline]]] = []
        self.after_notes = False
        self.count = 0

    def convert(self, text: str) -> bytes:
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        for line in lines:
            self.line(line)
        self.flush_rows()
        return self.builder.to_bytes()

    def line(self, line: str) -> None:
        if line == "":
            self.flush_rows()
            if not self.after_notes:
                self.builder.paragraph()
            self.after_notes = False
            self.end_list()
            return
        body, notes = self.split_notes(line)
        self.after_notes = bool(notes)
        row = _ANNEX_ROW.fullmatch(body)
        if row:
            self.rows.append([self.inlines(row.group(1), {}), self.inlines(row.group(2), notes)])
            return
        self.flush_rows()
        item = _ITEM.fullmatch(body)
        if item and self.item(item.group(1), item.group(2), notes):
            return
        self.end_list()
        chapter = _CHAPTER.fullmatch(body)
        if chapter and _roman_upper(chapter.group(1)) == self.next_chapter:
            self.next_chapter += 1
            self.next_section = 1
            self.paragraph(chapter.group(2), notes, style="HCh")
            return
        section = _SECTION.fullmatch(body)
        if section and self.next_chapter > 1 and ord(section.group(1)) - ord("A") + 1 == self.next_section:
            self.next_section += 1
            self.paragraph(section.group(2), notes, style="H1")
            return
        number = _PARAGRAPH.fullmatch(body)
        if number and int(number.group(1)) == self.next_paragraph:
            self.next_paragraph += 1
            style = "SingleTxt" if self.next_paragraph % 2 else "SingleTxtQuote"
            self.paragraph(number.group(2), notes, style=style)
            return
        self.paragraph(body, notes)

    def item(self, marker: str, content: str, notes: dict[int, str]) -> bool:
        """A list item as automatic numbering, if its marker is the one Word would show."""
        letter = len(marker) == 1 and ord(marker) - ord("a") + 1
        if self.list_instance is not None and letter == self.last_letter + 1:
            self.last_letter, self.last_roman, level = self.last_letter + 1, 0, 0
        elif self.list_instance is not None and self.last_letter and _ROMAN.get(marker) == self.last_roman + 1:
            self.last_roman, level = self.last_roman + 1, 1
        elif marker == "a":
            self.list_instance = self.builder.instance(self.lists, restart={0: 1})
            self.last_letter, self.last_roman, level = 1, 0, 0
        else:
            return False
        self.paragraph(content, notes, num=self.list_instance, level=level)
        return True

    def end_list(self) -> None:
        self.list_instance = None
        self.last_letter = self.last_roman = 0

    def paragraph(self, text: str, notes: dict[int, str], **options: object) -> None:
        content = self.inlines(text, notes)
        self.count += 1
        if self.noise and self.count % 5 == 0 and len(content) > 2 and not options:
            # Two paragraphs in the document, one in the export: the first mark was deleted.
            half = len(content) // 2
            self.builder.paragraph(*content[:half], mark_deleted=True)
            self.builder.paragraph(*content[half:])
            return
        self.builder.paragraph(*content, **options)  # type: ignore[arg-type]

    def flush_rows(self) -> None:
        if self.rows:
            self.builder.table(self.rows)
            self.rows = []

    def split_notes(self, line: str) -> tuple[str, dict[int, str]]:
        """The line without its note texts, and the notes that can be real footnotes."""
        tail = _NOTE_TAIL.search(line)
        if not tail:
            return line, {}
        body = line[: tail.start()]
        notes = _NOTE.findall(tail.group(1))
        numbers = [int(number) for _, number, _ in notes]
        references = [int(number) for number in _REFERENCE.findall(body)]
        separators = [spaces for spaces, _, _ in notes]
        start = self.next_note if self.next_note is not None else (numbers[0] if numbers else 1)
        expected = list(range(start, start + len(numbers)))
        framed = all(note.startswith(" ") for _, _, note in notes)  # the export writes "[N: text]"
        if references != numbers or numbers != expected or separators != [" "] + ["  "] * (len(notes) - 1) or not framed:
            return line, {}
        if self.next_note is None:
            self.builder.note_start = start if start != 1 else None
        self.next_note = start + len(numbers)
        return body, {int(number): note[1:] for _, number, note in notes}

    def inlines(self, text: str, notes: dict[int, str]) -> list[Inline]:
        content: list[Inline] = []
        position = 0
        for reference in _REFERENCE.finditer(text):
            number = int(reference.group(1))
            if number not in notes:
                continue
            content.extend(self.typed(text[position : reference.start()]))
            content.append(Note([self.typed(notes[number])]))
            position = reference.end()
        content.extend(self.typed(text[position:]))
        return content

    def typed(self, text: str) -> list[Inline]:
        if not text:
            return []
        if not self.noise:
            return [text]
        pieces: list[Inline] = list(split_words(text))
        self.count += 1
        if self.count % 3 == 0:
            pieces.insert(len(pieces) // 2, Deleted("struck out "))
        if self.count % 4 == 0 and len(pieces) > 1:
            pieces[1] = Inserted([pieces[1]])  # type: ignore[list-item]
        if self.count % 7 == 0:
            pieces.insert(1, Hidden("hidden words "))
        if self.count % 6 == 0 and isinstance(pieces[0], str):
            pieces[0] = Field("QUOTE", pieces[0])  # type: ignore[call-overload]
        pieces.insert(0, Bookmark(f"_Hlk{self.count}"))
        return pieces


def _roman_upper(numeral: str) -> int:
    return _ROMAN.get(numeral.lower(), 0)
