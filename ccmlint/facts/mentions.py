"""Every mention of a State in the report's prose, and the enumerations they form.

A report names States everywhere — headings, paragraphs, list items, subheadings over
decisions, footnotes — and a rule about how a State is written ("Czech Republic" for
Czechia) or about the order of a list of sponsors needs all of them, not only those
in the participant lists. Names are found with the names data alone, never guessed:

- the longest known form wins at each place, and the leftmost place first, so
  "Democratic Republic of the Congo" is one mention, not a "Congo" inside it, and
  "Papua New Guinea" holds no "Guinea";
- a form counts only as a whole word: "Niger" is not found in "Nigeria", nor
  "Guinea" in "Guinea-Bissau" (a hyphen joins words);
- names are matched with their capitals, so "turkey" and "china" in lower case are
  not States; apostrophe shapes and spacing are folded;
- the pack's phrasings say when a name is part of another's: after a title
  ("Ms. Holland") or before a capitalised word ("Mexico City", "Lebanon Mine Action
  Centre").

A "the" written before a name is kept apart (``article_span``): it is running text,
not the name. Three or more mentions in a row joined only by commas and "and" are an
enumeration; one the phrasings mark (a list after "submitted by") is to be in
alphabetical order.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Iterator, Sequence

from ccmlint import regexes
from ccmlint.cache import Memo
from ccmlint.facts.model import Passage, StateEnumeration, StateMention, StateNameFacts
from ccmlint.facts.phrasings import StateNamePhrasings, any_of
from ccmlint.facts.statedata import Form, StateData
from ccmlint.record import Record

MIN_ENUMERATION = 3
"""Two names joined by "and" are a pair, not a list whose order means anything."""

_ARTICLE_BEFORE = regexes.compile(r"\b(?:the|The)\s+$")
_JOINER = regexes.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_APOSTROPHE = "['\u2019\u2018\u02bc]"
_LOOK_BEHIND = 40
"""How much text before a name the phrasings look at."""


class _Found(Record):
    """A name found and what the data says of it, where its words (and any "the"
    before them) lie in the passage; the mention is built once it is known whether
    the name is an item of an enumeration."""

    form: Form
    start: int
    end: int
    lead: int
    """Where the mention begins with its article, if it has one."""


def extract_state_names(passages: Iterable[Passage], data: StateData, phrasings: StateNamePhrasings) -> StateNameFacts:
    """The State mentions of every passage but the masthead, and the enumerations among them."""
    pattern = _forms_pattern(tuple(sorted(data.written, key=len, reverse=True)))
    if pattern is None:
        return StateNameFacts()
    mentions: list[StateMention] = []
    enumerations: list[StateEnumeration] = []
    for passage in passages:
        if passage.kind == "header":
            continue
        found = _mentions(passage, pattern, data, phrasings)
        runs = _runs(passage, found)
        listed = {id(item) for run in runs for item in run}
        built = {id(item): _mention(passage, item, in_list=id(item) in listed) for item in found}
        mentions.extend(built[id(item)] for item in found)
        enumerations.extend(_enumeration(passage, [built[id(item)] for item in run], run, phrasings) for run in runs)
    return StateNameFacts(mentions=mentions, enumerations=enumerations)


@cache
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every form, each ending a word; None when there are none.

    The forms make one trie ("Guinea(?:\\-Bissau)?"), so the engine tries a handful of
    letters at each place rather than every form, and compiles it in half the time;
    where one form continues another, the longer is tried first, as a longest-first
    list of alternatives would.
    NOTE: that a form also starts a word is checked by ``_whole_forms``, not by a
    lookbehind here: a pattern that starts with a lookbehind is tried at every
    character, one that starts with the forms' letters only where such a letter is.
    """
    if not forms:
        return None
    source = _TRIES.get(forms)
    if source is None:
        source = rf"(?:{_trie([_form_tokens(form) for form in forms])})(?![\w-])"
        _TRIES.put(forms, source)
    return regexes.compile(source)


_TRIES: Memo[tuple[str, ...], str] = Memo("state-name-tries")
"""The pattern of each set of forms, from run to run: building the trie costs more
than compiling it."""


def _form_tokens(form: str) -> list[str]:
    """The pieces of pattern a form is written with, one per character; any spacing
    matches a space and any apostrophe shape an apostrophe."""
    pieces: list[str] = []
    for part in re.split(r"(\s+|'|\u2019)", form):
        if not part:
            continue
        if part.isspace():
            pieces.append(r"\s+")
        elif part in ("'", "\u2019"):
            pieces.append(_APOSTROPHE)
        else:
            pieces.extend(re.escape(character) for character in part)
    return pieces


def _trie(forms: list[list[str]]) -> str:
    # NOTE: siblings begin with different pieces that no character matches both of
    # (a letter, any space, an apostrophe), so their order cannot change a match.
    by_first: dict[str, list[list[str]]] = {}
    for pieces in forms:
        if pieces:
            by_first.setdefault(pieces[0], []).append(pieces[1:])
    branches = [first + _trie(rests) for first, rests in by_first.items()]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if any(not pieces for pieces in forms) else body


_WORD_CHARACTER = regexes.compile(r"[\w-]")


def _whole_forms(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    r"""The matches of ``pattern`` that do not start inside a word, as a leading
    ``(?<![\w-])`` would find them (a match refused is retried one character on)."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start and _WORD_CHARACTER.match(text, start - 1):
            position = start + 1
            continue
        yield match
        position = max(match.end(), start + 1)


def _mentions(passage: Passage, pattern: re.Pattern[str], data: StateData, phrasings: StateNamePhrasings) -> list[_Found]:
    text = passage.text
    preceded = any_of(phrasings.not_a_state_when_preceded_by)
    followed = any_of(phrasings.not_a_state_when_followed_by)
    found: list[_Found] = []
    for match in _whole_forms(pattern, text):
        start, end = match.span()
        form = data.form(match.group())
        before = text[max(0, start - _LOOK_BEHIND) : start]
        if form is None or preceded.search(before) or followed.match(text, end):
            continue
        article = _ARTICLE_BEFORE.search(before)
        found.append(_Found(form, start, end, start - len(article.group()) if article else start))
    return found


def _mention(passage: Passage, found: _Found, in_list: bool) -> StateMention:
    start, end, lead = found.start, found.end, found.lead
    return StateMention(
        span=passage.span_of(start, end),
        text=passage.text[start:end],
        state=found.form.state,
        form=found.form.status,
        changed=found.form.changed,
        interchangeable=found.form.interchangeable,
        passage=passage.kind,
        in_list=in_list,
        article_span=passage.span_of(lead, lead + 3) if lead != start else None,
    )


def _runs(passage: Passage, found: Sequence[_Found]) -> list[list[_Found]]:
    """Runs of three or more mentions with only commas and "and" between them."""
    runs: list[list[_Found]] = []
    current: list[_Found] = []
    for item in found:
        if current and _JOINER.fullmatch(passage.text, current[-1].end, item.lead) is not None:
            current.append(item)
            continue
        if len(current) >= MIN_ENUMERATION:
            runs.append(current)
        current = [item]
    if len(current) >= MIN_ENUMERATION:
        runs.append(current)
    return runs


def _enumeration(
    passage: Passage, states: list[StateMention], run: list[_Found], phrasings: StateNamePhrasings
) -> StateEnumeration:
    start, end = run[0].lead, run[-1].end
    before = passage.text[max(0, start - _LOOK_BEHIND) : start]
    return StateEnumeration(
        span=passage.span_of(start, end),
        text=passage.text[start:end],
        states=states,
        alphabetical=any_of(phrasings.alphabetical_after).search(before) is not None,
    )
