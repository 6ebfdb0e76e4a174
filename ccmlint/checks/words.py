"""How the house-style kinds find words in prose and write their replacements.

A listed form is found as a whole word: "State Parties" is not inside "non-State
Parties", "fulfill" not inside "fulfilling". A form written with a capital because
it opens a sentence is the same form; its replacement opens with a capital too
("Appraised of" becomes "Apprised of").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator

from ccmlint.diagnostics import Fix
from ccmlint.facts.model import Passage
from ccmlint.facts.verbatim import Verbatim, find_verbatim

# Either side of a form, no letter, digit or hyphen may touch a form's letter
# ("non-State" is another word): ``_RIGHT`` checks the end in the pattern, and
# ``find_words`` the start. A form ending in punctuation ("art.") may be followed by
# anything ("art.5").
_RIGHT = r"(?:(?<=[\w])(?![\w-])|(?<![\w]))"
_WORD_CHAR = re.compile(r"[\w-]")
# What may stand between a sentence's start and its first word.
_OPENERS = " “\"‘'([–—"


def word_pattern(core: str, first: list[str] | tuple[str, ...], lookahead: str = "", flags: int = 0) -> re.Pattern[str]:
    """``core`` (a regular expression) ending a word, then ``lookahead``; ``first`` are
    the literal forms it may begin with. Search it with ``find_words``, which checks
    where the word begins.

    NOTE: a look-behind at the start of a pattern is tried at every character of the
    text; on a long paragraph that is most of the time a check takes. Where the forms
    begin with one literal letter the engine skips ahead to it by itself; otherwise a
    plain ``\\b`` is far cheaper, where every form begins with a letter (the hyphen
    it lets through, "non-State", is caught by ``find_words``).
    """
    letters_first = all(_WORD_CHAR.match(form[:1]) and form[:1] != "-" for form in first)
    many_firsts = bool(flags & re.IGNORECASE) or len({form[:1] for form in first}) > 1
    boundary = r"\b" if letters_first and many_firsts else ""
    return re.compile(f"{boundary}(?:{core}){_RIGHT}{lookahead}", flags)


def find_words(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a ``word_pattern`` that begin a word, without overlaps."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start > 0 and _WORD_CHAR.match(text, start) and _WORD_CHAR.match(text, start - 1):
            position = start + 1  # inside a word: a later candidate may still begin one
            continue
        yield match
        position = max(match.end(), start + 1)


def alternation(forms: list[str] | tuple[str, ...]) -> str:
    """The literal forms as one regular expression, built as a trie ("work(?:\\ plan|plan)")
    so that the engine tries a handful of letters at each place instead of every form;
    where one form is a prefix of another the longer is tried first."""
    unique = sorted(set(forms))
    if unique == [""]:
        return ""
    by_first: dict[str, list[str]] = {}
    for form in unique:
        if form:
            by_first.setdefault(form[0], []).append(form[1:])
    branches = [re.escape(first) + alternation(rests) for first, rests in sorted(by_first.items())]
    if "" in unique:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


@dataclass(frozen=True, slots=True)
class Found:
    """A match in the joined text of ``Passages``: ``base`` is where its passage starts
    there, so ``match.start() - base`` is an offset in ``passage.text``."""

    index: int
    passage: Passage
    match: re.Match[str]
    base: int


class Passages:
    """The passages a rule reads, searched as one text.

    NOTE: a report has hundreds of passages and a rule many patterns; one search over
    the joined text costs a fraction of one search per passage. A newline joins them,
    which no listed form contains, so no word runs from one passage into the next; a
    match that would (through a ``followed_by`` reading on) is dropped.
    """

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages
        self.starts: list[int] = []
        position = 0
        for passage in passages:
            self.starts.append(position)
            position += len(passage.text) + 1
        self.text = "\n".join(passage.text for passage in passages)
        self._verbatim: dict[int, Verbatim] = {}

    def find(self, pattern: re.Pattern[str]) -> Iterator[Found]:
        for match in find_words(pattern, self.text):
            index = bisect_right(self.starts, match.start()) - 1
            base = self.starts[index]
            # ``regs`` holds every group's span, a lookahead's too: all must end in the passage.
            if max(end for _, end in match.regs) <= base + len(self.passages[index].text):
                yield Found(index, self.passages[index], match, base)

    def verbatim(self, index: int) -> Verbatim:
        """The quotations and citations of one passage, read once."""
        if index not in self._verbatim:
            self._verbatim[index] = find_verbatim(self.passages[index].text)
        return self._verbatim[index]


def sentence_initial(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (or a passage, or a cell after a tab)."""
    before = text[:index].rstrip(_OPENERS)
    return not before or before[-1] in ".!?\t"


def capitalised(form: str) -> str:
    return form[:1].upper() + form[1:]


def follow_case(written: str, right: str) -> str:
    """``right`` opening with a capital when ``written`` does and ``right`` does not."""
    if written[:1].isupper() and right[:1].islower():
        return capitalised(right)
    return right


def fix_for(passage: Passage, start: int, end: int, replacement: str) -> Fix | None:
    """A safe fix replacing ``passage.text[start:end]``, unless the words run across
    markup the prose left out (a footnote mark): replacing those would delete it."""
    span = passage.span_of(start, end)
    if span.end - span.start != end - start:
        return None
    return Fix(span, replacement)


def quoted_list(forms: list[str] | tuple[str, ...]) -> str:
    """'a', or 'a' or 'b', or 'a', 'b' or 'c': forms as a message names them."""
    quoted = [f"'{form}'" for form in forms]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"


__all__ = ["Found", "Passages", "alternation", "capitalised", "find_words", "fix_for", "follow_case", "quoted_list", "sentence_initial", "word_pattern"]
