"""Splitting the lists of a report ("A, B, C, and D") into the names they hold.

State names may hold commas and "and" themselves ("Bosnia and Herzegovina",
"Bolivia (Plurinational State of)"), so a State list is read greedily against the
names data: at each item the longest known name wins, and "and" is a separator only
where it does not belong to a known name. An unknown name keeps all its words up to
the next separator, so that a misspelt "Trinidad and Tobgo" stays one (unresolved)
item for a rule to report. Organization names hold "and" too, so an organization
list is split at "and" only after an acronym or a comma.
"""

from __future__ import annotations

import re

from ccmlint import regexes
from ccmlint.facts.model import Organization, StateRef
from ccmlint.facts.names import StateNames
from ccmlint.nodes import Prose
from ccmlint.record import Record

_SEPARATOR = regexes.compile(r"(?:\s|,|;|\band\b|&)*")
_ARTICLE = regexes.compile(r"(?:the|The)\s+(?=\S)")
_AND = regexes.compile(r"\s+(?:and|&)\s+")
_LEADING_AND = regexes.compile(r"\s*(?:and|&)\s+")
_AND_AFTER_ACRONYM = regexes.compile(r"\)\s+(?:and|&)\s+")
_LIST_GOES_ON = regexes.compile(r"\s*(?:,|;|\band\b|&|$)")
_EDGE_PUNCTUATION = " \t\n,;:.!?"


class Item(Record):
    """One name of a list: offsets of its words in the text read, and its State when known."""

    start: int
    end: int
    state: str | None = None


def split_states(text: str, start: int, end: int, names: StateNames) -> list[Item]:
    """The State names written in ``text[start:end]``, each without a leading article."""
    items: list[Item] = []
    position = start
    while position < end:
        position = _skip(_SEPARATOR, text, position, end)
        if position >= end:
            break
        name_start = _skip(_ARTICLE, text, position, end)
        known = names.longest_at(text, position, end) or names.longest_at(text, name_start, end)
        if known is not None and _ends_item(text, known[0], end):
            items.append(Item(name_start, known[0], known[1]))
            position = known[0]
            continue
        item_end = _unknown_end(text, position, end, names)
        trimmed = _trim(text, name_start, item_end)
        if trimmed[1] > trimmed[0]:
            items.append(Item(*trimmed, None))
        position = max(item_end, position + 1)
    return items


def _skip(pattern: re.Pattern[str], text: str, position: int, end: int) -> int:
    match = pattern.match(text, position, end)
    return match.end() if match else position


def _ends_item(text: str, position: int, end: int) -> bool:
    """A known name counts only if a separator or the list's end follows it ("Niger" in "Nigeria" does not)."""
    rest = text[position:end]
    return not rest.strip(_EDGE_PUNCTUATION) or bool(_LIST_GOES_ON.match(rest))


def _unknown_end(text: str, position: int, end: int, names: StateNames) -> int:
    """Where an unknown name ends: at the next comma, or at an "and" that a known name follows."""
    comma = text.find(",", position, end)
    stop = end if comma == -1 else comma
    for joiner in _AND.finditer(text, position, stop):
        following = _skip(_ARTICLE, text, joiner.end(), stop)
        known = names.longest_at(text, following, stop)
        if known is not None and _ends_item(text, known[0], stop):
            return joiner.start()
    return stop


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def state_refs(prose: Prose, start: int, end: int, names: StateNames) -> list[StateRef]:
    """The StateRefs of a list in a prose text, each pointing at its written name."""
    return [state_ref(prose, item) for item in split_states(prose.text, start, end, names)]


def state_ref(prose: Prose, item: Item) -> StateRef:
    return StateRef(text=prose.text[item.start : item.end], state=item.state, span=prose.span(item.start, item.end))


_CAPITALISED = regexes.compile(r"[A-Z\u00c0-\u00de][\w\u2019'.-]*(?:\s+(?:of\s+|and\s+|the\s+)*[A-Z\u00c0-\u00de][\w\u2019'.-]*)*")


def state_at(text: str, start: int, end: int, names: StateNames) -> Item | None:
    """The one State named at ``start`` (not a list): the longest known name, else its capitalised words."""
    name_start = _skip(_ARTICLE, text, start, end)
    known = names.longest_at(text, start, end) or names.longest_at(text, name_start, end)
    if known is not None:
        return Item(name_start, known[0], known[1])
    words = _CAPITALISED.match(text, name_start, end)
    if words is None:
        return None
    trimmed = _trim(text, name_start, words.end())
    return Item(trimmed[0], trimmed[1], None) if trimmed[1] > trimmed[0] else None


def split_organizations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The organization names of ``text[start:end]``: split at commas outside brackets,
    and at "and" only where an acronym closes the name before it."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    piece_start = start
    for index in range(start, end):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            pieces.append((piece_start, index))
            piece_start = index + 1
    pieces.append((piece_start, end))
    names: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        piece_start = _skip(_LEADING_AND, text, piece_start, piece_end)
        for part_start, part_end in _split_after_acronyms(text, piece_start, piece_end):
            trimmed = _trim(text, part_start, part_end)
            if trimmed[1] > trimmed[0]:
                names.append(trimmed)
    return names


def _split_after_acronyms(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    part_start = start
    for match in _AND_AFTER_ACRONYM.finditer(text[start:end]):
        parts.append((part_start, start + match.start() + 1))
        part_start = start + match.end()
    parts.append((part_start, end))
    return parts


def organizations(prose: Prose, start: int, end: int, acronym: re.Pattern[str], rule: str | None) -> list[Organization]:
    """The Organization facts of a list, with the acronym written after each name."""
    found: list[Organization] = []
    for name_start, name_end in split_organizations(prose.text, start, end):
        text = prose.text[name_start:name_end]
        # NOTE: "the" before a name is running text; a capital "The" inside a list is part of
        # a name ("The HALO Trust"), but at the list's start it is the sentence's first word.
        if text.startswith("the ") or (text.startswith("The ") and name_start == start):
            name_start += 4
            text = text[4:]
        match = acronym.search(text)
        found.append(
            Organization(
                text=text,
                acronym=match["acronym"] if match else None,
                rule=rule,
                span=prose.span(name_start, name_end),
            )
        )
    return found
