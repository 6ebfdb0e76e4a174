"""Acronyms: where the report spells one out and where it uses one.

UN style spells an acronym out at its first use, "Implementation Support Unit (ISU)",
and uses it alone afterwards. Reading that needs two things from the prose:

- a **definition** is an acronym in brackets right after the words it stands for.
  Whether the words really stand for it is decided as Schwartz and Hearst do (A Simple
  Algorithm for Identifying Abbreviation Definitions in Biomedical Text, 2003): each
  letter of the acronym must be found, in order, in the words before the bracket, the
  first one at the start of a word, within a few more words than the acronym has
  letters. "United Nations Children's Fund (UNICEF)" qualifies; "working with (TBC)"
  does not, and its "TBC" is then an ordinary use.
- a **use** is any other acronym in the report's own words. Not uses: the identifiers
  and quotations of ``ccmlint.facts.verbatim`` (``CCM/MSP/2024/WP.1``, a quoted
  title), Roman numerals ("II", "XXVI"), and the capitals of a State's name as the
  names data knows it ("Lao PDR", "UK": whether such a form may be used is the
  business of the State-name rules).

Where the patterns are is data (the ``acronyms`` phrasings of the packs). Whether an
acronym needs spelling out at all ("UN") is a rule's judgement, not a fact.
"""

from __future__ import annotations

import re

from ccmlint import regexes
from ccmlint.facts.model import AcronymDefinition, AcronymUse, Acronyms, Passage
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import AcronymPhrasings, VerbatimPhrasings, regex
from ccmlint.facts.verbatim import Verbatim, find_verbatim

_ROMAN = regexes.compile(r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_WORD = regexes.compile(r"\S+")
# Words an acronym usually skips ("International Federation of the Red Cross and Red
# Crescent Societies (IFRC)"): they do not count towards the words searched.
_LINKING_WORDS = frozenset("a an and at for in of on the to".split())
# A passage this much in capitals is set in capitals (a heading typed in capitals):
# its words are not acronyms.
_CAPITALS_SHARE = 0.7
_CAPITALS_MIN_LETTERS = 12
# How many words before a capital may begin a State's name that covers it ("Lao PDR").
_NAME_LOOKBACK_WORDS = 6


def extract_acronyms(
    passages: list[Passage],
    phrasings: AcronymPhrasings,
    verbatim: VerbatimPhrasings,
    names: StateNames,
) -> Acronyms:
    """Every definition and use of an acronym in the report's prose, in document order
    (the masthead is left out: its symbol and title are not running text)."""
    definitions: list[AcronymDefinition] = []
    uses: list[AcronymUse] = []
    token = regex(phrasings.token)
    definition = regex(phrasings.definition)
    for passage in passages:
        if passage.kind == "header" or token.search(passage.text) is None or _set_in_capitals(passage.text):
            continue  # NOTE: most passages have no capitals run at all; they cost one search
        cited = find_verbatim(passage.text, verbatim)
        defined_at = list(_definitions(passage, definition, cited, definitions))
        for match in token.finditer(passage.text):
            start, end = match.start("acronym"), match.end()
            if any(left <= start and end <= right for left, right in defined_at):
                continue
            if cited.covers(start, end) or _is_roman(match["acronym"]) or _in_state_name(passage.text, start, end, names):
                continue
            uses.append(
                AcronymUse(span=passage.span_of(start, end), text=match.group(), acronym=match["acronym"])
            )
    definitions.sort(key=lambda fact: fact.span.start)
    uses.sort(key=lambda fact: fact.span.start)
    return Acronyms(definitions=definitions, uses=uses)


def _definitions(
    passage: Passage, pattern: re.Pattern[str], cited: Verbatim, found: list[AcronymDefinition]
) -> list[tuple[int, int]]:
    """Add the passage's definitions to ``found``; return where their brackets are."""
    brackets: list[tuple[int, int]] = []
    for match in pattern.finditer(passage.text):
        acronym = match["acronym"]
        if cited.covers(match.start(), match.end()) and not cited.quoted(match.start(), match.end()):
            continue
        expansion = long_form(passage.text[: match.start()], acronym)
        if expansion is None:
            continue
        brackets.append((match.start(), match.end()))
        found.append(
            AcronymDefinition(
                span=passage.span_of(match.start("acronym"), match.end("acronym")),
                text=acronym,
                expansion=expansion,
                quoted=cited.quoted(match.start(), match.end()),
            )
        )
    return brackets


_REACH_PER_LETTER = 64
"""How many characters before an acronym are read at first for each word it may stand for."""


def long_form(before: str, acronym: str) -> str | None:
    """The words at the end of ``before`` that ``acronym`` stands for, or None.

    The Schwartz–Hearst test: the acronym's letters are found right to left in the
    last few words, the first letter at the start of a word.
    """
    letters = [char for char in acronym if char.isalnum()]
    if not letters:
        return None
    window = min(len(letters) + 5, 2 * len(letters))
    # NOTE: only the last few words count; they are read from the end of ``before``
    # (reaching further back only when those are not enough), not from its start,
    # which made each acronym cost as much as the whole passage before it.
    reach = _REACH_PER_LETTER * window
    while True:
        offset = max(0, len(before) - reach)
        words = list(_WORD.finditer(before, offset))
        first = len(words)
        content = 0
        while first > 0 and content < window:
            first -= 1
            content += words[first].group().casefold() not in _LINKING_WORDS
        if first > 0 or offset == 0:
            break
        reach *= 4
    if not words:
        return None
    candidate = before[words[first].start() :].rstrip()
    short = "".join(letters).lower()
    position = len(candidate) - 1
    for index in range(len(short) - 1, -1, -1):
        char = short[index]
        while position >= 0 and (
            candidate[position].lower() != char or (index == 0 and position > 0 and candidate[position - 1].isalnum())
        ):
            position -= 1
        if position < 0:
            return None
        position -= 1
    start = candidate.rfind(" ", 0, position + 1) + 1
    expansion = candidate[start:].strip(" ,;:(“\"")
    return expansion if len(expansion) > len(short) else None


def _is_roman(token: str) -> bool:
    """Chapter and annex numerals ("II", "XXVI"); C, D and M are left out on purpose,
    since "CD" or "DC" in a report are far more likely acronyms than 400 or 600."""
    return _ROMAN.fullmatch(token) is not None


def _in_state_name(text: str, start: int, end: int, names: StateNames) -> bool:
    """Whether the capitals at ``start:end`` are part of a State's name as the names
    data knows it, beginning at most a few words before them."""
    if not names.may_be_within(text[start:end]):
        return False  # NOTE: most capitals ("CCM", "UNDP") are in no name; one test says so
    word_starts = [match.start() for match in _WORD.finditer(text, max(0, start - 80), end)]
    for word_start in [position for position in word_starts if position <= start][-_NAME_LOOKBACK_WORDS:]:
        found = names.longest_at(text, word_start)
        if (found is not None and found[0] >= end) or names.resolve(text[word_start:end]) is not None:
            return True  # "Lao PDR", and "Lao PDR" in "Lao PDR’s"
    return False


def _set_in_capitals(text: str) -> bool:
    # NOTE: map/filter over str methods keep the per-character loop in C (a hot spot).
    letters = sum(map(str.isalpha, text))
    if letters < _CAPITALS_MIN_LETTERS:
        return False
    return sum(map(str.isupper, filter(str.isalpha, text))) / letters >= _CAPITALS_SHARE


__all__ = ["extract_acronyms", "long_form"]
