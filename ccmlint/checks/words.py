"""How the house-style kinds find words in prose and write their replacements.

A listed form is found as a whole word: "State Parties" is not inside "non-State
Parties", "fulfill" not inside "fulfilling". A form written with a capital because
it opens a sentence is the same form; its replacement opens with a capital too
("Appraised of" becomes "Apprised of").

NOTE: a rule's patterns are many (a group of spellings each) and the report long; a
search of the whole text per pattern, ignoring case, costs more than everything else
the rule does. A ``WordFinder`` reads the text once for the letters the forms begin
with ("organ", "work"), in the lower-cased text, and tries each pattern only where
its words can begin; the words found are the same.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, cached_property
from operator import itemgetter
from typing import Iterator, NamedTuple, Sequence

from ccmlint import regexes
from ccmlint.cache import Memo
from ccmlint.prefilter import Needs, needs
from ccmlint.diagnostics import Fix
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Passage, PassageKind
from ccmlint.facts.phrasings import DEFAULT_PACKS, load_phrasings
from ccmlint.facts.verbatim import Verbatim, find_verbatim
from ccmlint.record import Record

# Either side of a form, no letter, digit or hyphen may touch a form's letter
# ("non-State" is another word): ``_RIGHT`` checks the end in the pattern, and
# ``find_words`` the start. A form ending in punctuation ("art.") may be followed by
# anything ("art.5").
_RIGHT = r"(?:(?<=[\w])(?![\w-])|(?<![\w]))"
_WORD_CHAR = regexes.compile(r"[\w-]")
# What may stand between a sentence's start and its first word.
_OPENERS = " “\"‘'([–—"
_END = itemgetter(1)
# The head of a form: its leading ASCII letters, digits and hyphens ("work" in "work plan").
_HEAD = regexes.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_FOLD_UNSAFE = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The only characters besides ASCII letters that ``re``, ignoring case, takes for an
ASCII letter (İ, dotless ı, long ſ, the Kelvin sign; a test checks every character).
In a text without them, lower-casing keeps every offset, and an ASCII form matches
ignoring case exactly where its lower-cased form stands in the lower-cased text."""


class WordPattern(Record):
    """A ``word_pattern``: the compiled ``pattern`` and the lower-cased ``heads`` its
    matches begin with (None where a form does not begin with an ASCII letter or digit)."""

    pattern: re.Pattern[str]
    heads: tuple[str, ...] | None


def word_pattern(core: str, first: list[str] | tuple[str, ...], lookahead: str = "", flags: int = 0) -> WordPattern:
    """``core`` (a regular expression) ending a word, then ``lookahead``; ``first`` are
    the literal forms it may begin with (every match begins with one of them, ignoring
    case under ``re.IGNORECASE``: ``WordFinder`` relies on it). Search it with a
    ``WordFinder`` or ``find_words``, which check where the word begins.

    NOTE: a look-behind at the start of a pattern is tried at every character of the
    text; on a long paragraph that is most of the time a check takes. Where the forms
    begin with one literal letter the engine skips ahead to it by itself; otherwise a
    plain ``\\b`` is far cheaper, where every form begins with a letter (the hyphen
    it lets through, "non-State", is caught by ``find_words``).
    """
    letters_first = all(_WORD_CHAR.match(form[:1]) and form[:1] != "-" for form in first)
    many_firsts = bool(flags & re.IGNORECASE) or len({form[:1] for form in first}) > 1
    boundary = r"\b" if letters_first and many_firsts else ""
    heads = [_HEAD.match(form) for form in first]
    return WordPattern(
        regexes.compile(f"{boundary}(?:{core}){_RIGHT}{lookahead}", flags),
        tuple(sorted({head.group().lower() for head in heads if head})) if heads and all(heads) else None,
    )


def find_words(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a ``word_pattern`` that begin a word, without overlaps, searched
    for in the whole text."""
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
    where one form is a prefix of another the longer is tried first.

    NOTE: the style rules' word lists hold thousands of forms; building their tries
    took ~10 ms of every run, so each is kept from run to run."""
    unique = tuple(sorted(set(forms)))
    built = _ALTERNATIONS.get(unique)
    if built is None:
        built = _alternation(unique)
        _ALTERNATIONS.put(unique, built)
    return built


_ALTERNATIONS: Memo[tuple[str, ...], str] = Memo("alternations")


def _alternation(unique: Sequence[str]) -> str:
    """``alternation`` of forms already sorted and distinct."""
    if len(unique) == 1 and unique[0] == "":
        return ""
    by_first: dict[str, list[str]] = {}
    for form in unique:
        if form:
            by_first.setdefault(form[0], []).append(form[1:])
    branches = [re.escape(first) + _alternation(rests) for first, rests in sorted(by_first.items())]
    if "" in unique:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


class WordFinder:
    """Finds the words of several ``word_pattern``s in a text, reading it once."""

    def __init__(self, patterns: Sequence[WordPattern]) -> None:
        self.patterns = tuple(patterns)
        heads = [words.heads for words in self.patterns]
        self._scan: re.Pattern[str] | None = None
        self._heads: tuple[str, ...] = ()
        self._after = 0
        self._by_letter: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        if self.patterns and all(group for group in heads):
            self._heads = tuple(sorted({head for group in heads if group for head in group}))
            # NOTE: heads opening with one letter are found by the engine's quick search
            # for that letter. Others are read on from where a word can begin, after a
            # character that is no letter, digit or hyphen: three times quicker than
            # trying them at every letter. A head (letters, digits, hyphens) never
            # holds such a character, so no word is stepped over either way.
            self._after = 0 if len({head[0] for head in self._heads}) == 1 else 1
            self._scan = regexes.compile(("[^a-z0-9_-]" if self._after else "") + alternation(self._heads))
            for index, group in enumerate(heads):
                for letter in sorted({head[0] for head in group or ()}):
                    self._by_letter.setdefault(letter, []).append((index, tuple(h for h in group or () if h[0] == letter)))

    def find(self, text: str, folded: str | None = None) -> list[list[re.Match[str]]]:
        """Each pattern's matches that begin a word, without overlaps, as ``find_words``
        gives them; ``folded`` is ``fold(text)`` if the caller has it."""
        if folded is None:
            folded = fold(text)
        if self._scan is None or folded is None:
            return [list(find_words(words.pattern, text)) for words in self.patterns]
        starts: list[list[int]] = [[] for _ in self.patterns]
        by_letter = self._by_letter
        after = self._after
        candidates = [0] if after and folded.startswith(self._heads) else []
        candidates.extend(head.start() + after for head in self._scan.finditer(folded))
        for start in candidates:
            # Where a word begins, the character before it is no word character nor
            # hyphen (find_words's test, made on the text itself).
            if start > 0 and _WORD_CHAR.match(text, start - 1):
                continue
            for index, prefixes in by_letter.get(folded[start], ()):
                if folded.startswith(prefixes, start):
                    starts[index].append(start)
        return [_words_at(words.pattern, text, at) for words, at in zip(self.patterns, starts)]


def _words_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``find_words`` where its words can only begin at ``starts`` (ascending)."""
    found: list[re.Match[str]] = []
    position = 0
    for start in starts:
        if start < position:
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            position = max(match.end(), start + 1)
    return found


def fold(text: str) -> str | None:
    """``text`` lower-cased, offsets kept; None where lower-casing cannot stand in for
    ``re``'s ignoring case (see ``_FOLD_UNSAFE``)."""
    if any(character in text for character in _FOLD_UNSAFE):
        return None
    folded = text.lower()
    return folded if len(folded) == len(text) else None


class Found(NamedTuple):
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

    def __init__(self, passages: list[Passage], report: ReportText | None = None) -> None:
        self.passages = passages
        self.starts: list[int] = []
        position = 0
        for passage in passages:
            self.starts.append(position)
            position += len(passage.text) + 1
        self.text = "\n".join(passage.text for passage in passages)
        self._report = report if report is not None else ReportText()
        self._holding: dict[str, int] = {}

    @cached_property
    def folded(self) -> str | None:
        return fold(self.text)

    @cached_property
    def texts(self) -> list[str]:
        return [passage.text for passage in self.passages]

    def holding(self, needle: str) -> int:
        """The passages whose text holds ``needle``, as bits (bit i: ``passages[i]``).

        NOTE: one search of the joined text, stepping to the next passage at each
        find, costs less than a test of each passage; rules share what is found."""
        known = self._holding.get(needle)
        if known is None:
            known = 0
            text, starts, position = self.text, self.starts, 0
            while (found := text.find(needle, position)) != -1:
                index = bisect_right(starts, found) - 1
                if found + len(needle) <= starts[index] + len(self.passages[index].text):
                    known |= 1 << index
                    position = starts[index + 1] if index + 1 < len(starts) else len(text)
                else:
                    position = found + 1  # runs into the next passage: not this one's
            self._holding[needle] = known
        return known

    def find(self, finder: WordFinder) -> list[list[Found]]:
        """Each of the finder's patterns' words in these passages, in order."""
        return [self._in_passages(matches) for matches in finder.find(self.text, self.folded)]

    def _in_passages(self, matches: list[re.Match[str]]) -> list[Found]:
        found: list[Found] = []
        for match in matches:
            index = bisect_right(self.starts, match.start()) - 1
            base = self.starts[index]
            # ``regs`` holds every group's span, a lookahead's too: all must end in the passage.
            if max(map(_END, match.regs)) <= base + len(self.passages[index].text):
                found.append(Found(index, self.passages[index], match, base))
        return found

    def verbatim(self, index: int) -> Verbatim:
        """The quotations and citations of one passage, read once."""
        return self._report.verbatim(self.passages[index])


class ReportText:
    """One report's prose as the text-level kinds read it, once for all their rules:
    the passages of each selection of kinds, joined, and each passage's quotations
    and citations.

    It lives in ``Context.derived`` (``of``), fresh for each report; a check given a
    context without one (a test calling it directly) gets its own.
    """

    KEY = "words.report_text"

    def __init__(self, facts: Facts | None = None) -> None:
        self.facts = facts
        self._passages: dict[frozenset[str], Passages] = {}
        self._verbatim: dict[int, tuple[Passage, Verbatim]] = {}

    @classmethod
    def of(cls, facts: Facts, context: Context) -> ReportText:
        report = context.derived.get(cls.KEY)
        if not isinstance(report, ReportText) or report.facts is not facts:
            report = cls(facts)
            context.derived[cls.KEY] = report
        return report

    def passages(self, kinds: list[PassageKind] | tuple[PassageKind, ...]) -> Passages:
        """The report's passages of ``kinds``, joined."""
        selected = frozenset(kinds)
        if selected not in self._passages:
            passages = self.facts.passages if self.facts is not None else []
            self._passages[selected] = Passages([passage for passage in passages if passage.kind in selected], self)
        return self._passages[selected]

    def verbatim(self, passage: Passage) -> Verbatim:
        # NOTE: keyed by identity, the passage kept alongside so that the key stays its own.
        known = self._verbatim.get(id(passage))
        if known is None or known[0] is not passage:
            text = passage.text
            quoting = any(needed.may_match(text) for needed in _verbatim_needs())
            known = (passage, find_verbatim(text) if quoting else Verbatim())
            self._verbatim[id(passage)] = known
        return known[1]


@cache
def _verbatim_needs() -> tuple[Needs, ...]:
    """What each quotation and citation pattern ``find_verbatim`` searches with needs
    of a passage: most passages hold no quotation mark, slash or web address, and then
    hold nothing verbatim."""
    phrasings = load_phrasings(DEFAULT_PACKS).verbatim
    return tuple(needs(pattern) for pattern in [*phrasings.quotations, *phrasings.citations])


def sentence_initial(text: str, index: int) -> bool:
    """Whether the word at ``index`` opens a sentence (or a passage, or a cell after a tab)."""
    while index > 0 and text[index - 1] in _OPENERS:  # NOTE: no copy of the text before
        index -= 1
    return index == 0 or text[index - 1] in ".!?\t"


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


__all__ = [
    "Found",
    "Passages",
    "ReportText",
    "WordFinder",
    "WordPattern",
    "alternation",
    "capitalised",
    "find_words",
    "fix_for",
    "fold",
    "follow_case",
    "quoted_list",
    "sentence_initial",
    "word_pattern",
]
