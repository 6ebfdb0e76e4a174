"""Who took part in the meeting, by category, as the report lists them.

A report lists participants in sentences such as "The following States Parties
participated in the work of the Meeting: A, B and C." (the list after a colon) or
"A, B and C also participated in the work of the Meeting as observers." (the list
before the cue). The pack's phrasings say what a participation sentence looks like
and which words make it a list of States Parties, signatories, other observer States
or organizations (with the rule of procedure they attend under).
"""

from __future__ import annotations

import re
from typing import Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.lists import organizations, state_refs
from ccmlint.facts.model import ParticipantCategory, ParticipantList, Participants
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import ListPhrasings, ParticipantPhrasings, any_of, regex
from ccmlint.prefilter import may_occur
from ccmlint.facts.sentences import sentences
from ccmlint.nodes import Prose

_TRAILING_ADVERB = regexes.compile(r"(?:\s+(?:also|further|likewise|as well|too))+\s*$")
_LEADING_FOLLOWING = regexes.compile(r"^[^:]*\bfollowing\b[^:]*:\s*")
_NUMBER = regexes.compile(r"\d+")


def extract_participants(
    blocks: Sequence[TextBlock], phrasings: ParticipantPhrasings, lists: ListPhrasings, names: StateNames
) -> Participants:
    """Every participant list of the report, and the participants by category."""
    found: list[ParticipantList] = []
    cue = any_of(phrasings.cue)
    for block in blocks:
        if block.kind not in ("paragraph", "list_item"):
            continue
        text = block.prose.text
        if not may_occur(cue, text):
            continue
        for start, end in sentences(text):
            match = cue.search(text, start, end)
            if match is None:
                continue
            category = _category(text[start:end], phrasings)
            if category is None:
                continue
            bounds = _list_bounds(text, start, end, match, lists)
            if bounds is None:
                continue
            found.append(_participant_list(block.prose, start, end, bounds, category, phrasings, names))
    return Participants(
        states_parties=[state for item in found if item.category == "states_parties" for state in item.states],
        signatories=[state for item in found if item.category == "signatories" for state in item.states],
        observer_states=[state for item in found if item.category == "observer_states" for state in item.states],
        organizations=[org for item in found for org in item.organizations],
        lists=found,
    )


def _category(sentence: str, phrasings: ParticipantPhrasings) -> ParticipantCategory | None:
    for entry in phrasings.categories:
        if any_of(entry.when).search(sentence) and not any_of(entry.unless).search(sentence):
            return entry.category
    return None


def _list_bounds(
    text: str, start: int, end: int, cue: re.Match[str], lists: ListPhrasings
) -> tuple[int, int] | None:
    """Where the names are: after a colon that follows the cue, else before the cue."""
    colon = text.find(":", cue.end(), end)
    if colon != -1:
        return colon + 1, _before_final_stop(text, colon + 1, end)
    before = text[start : cue.start()]
    lead = regex(lists.introduction).match(before)
    offset = lead.end() if lead else 0
    following = _LEADING_FOLLOWING.match(before, offset)
    offset = following.end() if following else offset
    trailing = _TRAILING_ADVERB.search(before)
    list_end = start + (trailing.start() if trailing else len(before.rstrip()))
    if list_end <= start + offset:
        return None
    return start + offset, list_end


def _before_final_stop(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " .;\n\t":
        end -= 1
    return end


def _participant_list(
    prose: Prose,
    start: int,
    end: int,
    bounds: tuple[int, int],
    category: ParticipantCategory,
    phrasings: ParticipantPhrasings,
    names: StateNames,
) -> ParticipantList:
    span = prose.span(start, end)
    if category == "organizations":
        rule_match = regex(phrasings.organization_rule).search(prose.text, start, end)
        rule = _normalise_rule(rule_match["rule"]) if rule_match else None
        found = organizations(prose, bounds[0], bounds[1], regex(phrasings.acronym), rule)
        return ParticipantList(category=category, organizations=found, span=span)
    return ParticipantList(category=category, states=state_refs(prose, bounds[0], bounds[1], names), span=span)


def _normalise_rule(rule: str) -> str:
    """"1(2)", "1 ( 2 )" and "1.2" all name rule 1 (2)."""
    numbers = _NUMBER.findall(rule)
    return f"{numbers[0]} ({numbers[1]})" if len(numbers) == 2 else rule.strip()
