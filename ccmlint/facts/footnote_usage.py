"""How footnotes are used: where each mark stands against the punctuation beside it,
and what each note's text does (cite a source, repeat it with "Ibid.", explain).

Placement: in English the mark follows a comma, colon or full stop standing where it
goes ("decided.[3]"); French and Spanish put it before ("décidé[3]."). A mark after
a word with no punctuation beside it is neither (a mark for one word or phrase), and
a comma between two marks at one place separates them rather than punctuating the
sentence (United Nations Editorial Manual, "Footnote indicators").

Content: "Ibid." repeats the citation of the note just before it, so that note must
cite something (a document symbol, a resolution, a quoted title …). Whether a note
cites is read from the pack's ``footnote_usage.cites`` cues; a note without one is
explanatory only when it is a sentence of some length, otherwise undecided, and an
undecided note never makes an "Ibid." after it wrong.
"""

from __future__ import annotations

from typing import Iterator

from ccmlint.facts.model import FootnoteContent, FootnoteMark, FootnoteUsage, MarkPlacement, NoteRole
from ccmlint.facts.phrasings import FootnoteUsagePhrasings, any_of, regex
from ccmlint.nodes import Bookmark, Comment, Document, Footnote, FootnoteRef, Text

_MARK = "[{kind}Ref:{number}]"
_MARKS_AHEAD = r"^(?:\[(?:footnote|endnote)Ref:\d+\],?)+"


def extract_footnote_usage(document: Document, phrasings: FootnoteUsagePhrasings) -> FootnoteUsage:
    return FootnoteUsage(
        marks=list(_marks(document, phrasings)),
        contents=list(_contents(document, phrasings)),
    )


def _marks(document: Document, phrasings: FootnoteUsagePhrasings) -> Iterator[FootnoteMark]:
    for node in document.marked_up():
        line, marks = _with_marks(node.inlines)
        for ref, start, end in marks:
            placement, punctuation = _placement(line[:start], line[end:], phrasings)
            yield FootnoteMark(number=ref.number, kind=ref.kind, placement=placement, punctuation=punctuation, span=ref.span)


def _with_marks(inlines: tuple[Text | FootnoteRef | Bookmark | Comment, ...]) -> tuple[str, list[tuple[FootnoteRef, int, int]]]:
    """The running text as a reader sees it, each mark written in place (bookmarks and
    comments taken out), and where each mark stands in it."""
    pieces: list[str] = []
    marks: list[tuple[FootnoteRef, int, int]] = []
    length = 0
    for inline in inlines:
        if isinstance(inline, Text):
            piece = inline.value
        elif isinstance(inline, FootnoteRef):
            piece = _MARK.format(kind=inline.kind, number=inline.number)
            marks.append((inline, length, length + len(piece)))
        else:
            continue
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces), marks


def _placement(before: str, after: str, phrasings: FootnoteUsagePhrasings) -> tuple[MarkPlacement, str | None]:
    punctuation = phrasings.punctuation
    # "[1],[2]": a comma between two marks separates them and punctuates nothing
    separated = regex(phrasings.separator_before_mark).match(after) is not None
    ahead = regex(_MARKS_AHEAD).sub("", after)  # "word[1][2]." : look past the marks that follow
    following = ahead[:1]
    if not separated and following and following in punctuation and not ahead.startswith(".."):
        return "before_punctuation", following
    behind = before.rstrip()
    if behind == before and behind[-1:] and behind[-1:] in punctuation:
        return "after_punctuation", behind[-1]
    return "in_text", None


def _contents(document: Document, phrasings: FootnoteUsagePhrasings) -> Iterator[FootnoteContent]:
    previous: dict[str, tuple[Footnote, NoteRole]] = {}
    for note in document.footnotes():
        text = note.body.text.strip()
        role = _role(text, phrasings)
        antecedent, cites = _antecedent(note, previous.get(note.kind)) if role == "ibid" else (None, None)
        previous[note.kind] = (note, role)
        yield FootnoteContent(
            number=note.number,
            kind=note.kind,
            text=text,
            role=role,
            antecedent=antecedent,
            antecedent_cites=cites,
            span=note.span,
        )


def _role(text: str, phrasings: FootnoteUsagePhrasings) -> NoteRole:
    if regex(phrasings.ibid).search(text):
        return "ibid"
    if any_of(phrasings.cites).search(text):
        return "citation"
    if len(text.split()) >= phrasings.explanatory_min_words:
        return "explanatory"
    return "unknown"


def _antecedent(note: Footnote, previous: tuple[Footnote, NoteRole] | None) -> tuple[str | None, bool | None]:
    """What an "Ibid." refers back to, and whether that cites anything (None: unknown)."""
    if previous is None:
        # A body may start at footnote 3 when the cover page carries 1 and 2: only a
        # first note numbered 1 certainly has nothing before it.
        return ("no footnote comes before it", False) if note.number == 1 else (None, None)
    earlier, role = previous
    if earlier.number != note.number - 1:
        return None, None  # the numbering is broken; the numbering rules say so
    if role in ("citation", "ibid"):
        return f"footnote {earlier.number} before it is a citation", True
    if role == "explanatory":
        return f"footnote {earlier.number} before it cites no source", False
    return None, None
