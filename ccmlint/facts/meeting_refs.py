"""Meetings named in running text: "the Thirteenth Meeting of States Parties", "12MSP".

A report names many meetings (the one it records, the previous one, the next, the
next Review Conference); this module only finds the names and their numbers. Which
one is the report's own is the business of ``meeting.py``. The year of a named
meeting comes from the pack's meeting cycle (``rules/<pack>/data/meetings.yaml``)
when it knows the meeting, so that a rule can compare a term end with a date.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Iterator, Mapping, NamedTuple

from ccmlint import regexes
from ccmlint.packdata_io import DataFileError, prepared, read_yaml_data
from ccmlint.facts.model import MeetingKind, MeetingRef
from ccmlint.facts.ordinals import ORDINAL_PATTERN, ordinal_value
from ccmlint.facts.phrasings import MeetingPhrasings, regex, rules_root
from ccmlint.nodes import Prose
from ccmlint.prefilter import Needs, needs
from ccmlint.record import Record

MEETINGS_FILE = Path("data") / "meetings.yaml"


class MeetingMention(Record):
    """A meeting named in a text: offsets of its words, its kind and ordinal."""

    start: int
    end: int
    kind: MeetingKind
    ordinal: int | None


class _MentionPatterns(NamedTuple):
    """The two ways a meeting is named, each with what a text needs to hold one."""

    named: re.Pattern[str] | None
    """An ordinal and a kind's words: "the Twelfth Meeting of States Parties"; None
    without kinds."""
    named_needs: Needs | None
    short: re.Pattern[str] | None
    """A number and an abbreviation: "12MSP", "the 2nd RC"; None without abbreviations."""
    short_needs: Needs | None


_MENTION_PATTERNS: dict[int, tuple[MeetingPhrasings, _MentionPatterns]] = {}


def _mention_patterns(phrasings: MeetingPhrasings) -> _MentionPatterns:
    """The patterns for the phrasings, built once per phrasings object (they are not
    hashable)."""
    cached = _MENTION_PATTERNS.get(id(phrasings))
    if cached is not None and cached[0] is phrasings:
        return cached[1]
    if len(_MENTION_PATTERNS) > 16:
        _MENTION_PATTERNS.clear()
    patterns = _build_mention_patterns(phrasings)
    _MENTION_PATTERNS[id(phrasings)] = (phrasings, patterns)
    return patterns


def _build_mention_patterns(phrasings: MeetingPhrasings) -> _MentionPatterns:
    # NOTE: two patterns, not one alternation of both: each then opens with a set of
    # characters (an ordinal's first letters, a digit), which re looks for quickly,
    # where an alternation of the two is tried at every character.
    kinds = "|".join(
        f"(?P<{kind}>{'|'.join(f'(?:{phrase})' for phrase in phrases)})" for kind, phrases in phrasings.kinds.items()
    )
    # NOTE: the ordinal words are matched ignoring case, so what a text needs to hold a
    # named meeting is read from the kinds' words alone.
    kind_words = "|".join(f"(?:{phrase})" for phrases in phrasings.kinds.values() for phrase in phrases)
    named = regex(rf"(?P<ordinal>{ORDINAL_PATTERN})\s+(?:{kinds})") if kind_words else None
    named_needs = needs(kind_words) if kind_words else None
    if not phrasings.abbreviations:
        return _MentionPatterns(named, named_needs, None, None)
    abbreviations = "|".join(re.escape(suffix) for suffix in sorted(phrasings.abbreviations, key=len, reverse=True))
    # "(?<!\w\d)" after the first digit: what "\b" would say before it.
    short = regex(rf"(?P<number>\d(?<!\w\d)\d{{0,2}})(?:st|nd|rd|th)?\s?(?P<suffix>{abbreviations})\b")
    return _MentionPatterns(named, named_needs, short, needs(abbreviations))


def find_meetings(text: str, phrasings: MeetingPhrasings) -> Iterator[MeetingMention]:
    """Every meeting named with its ordinal in a text, in order."""
    patterns = _mention_patterns(phrasings)
    # NOTE: most passages name no meeting; a text without a word every mention needs
    # ("Meeting", "MSP", ...) is not searched.
    named = patterns.named if patterns.named_needs is not None and patterns.named_needs.may_match(text) else None
    short = patterns.short if patterns.short_needs is not None and patterns.short_needs.may_match(text) else None
    for from_short, match in _leftmost_first(text, named, short):
        if from_short:
            yield MeetingMention(match.start(), match.end(), phrasings.abbreviations[match["suffix"]], int(match["number"]))
            continue
        kind = next(kind for kind in phrasings.kinds if match[kind])
        yield MeetingMention(match.start(), match.end(), kind, ordinal_value(match["ordinal"]))


def _leftmost_first(
    text: str, first: re.Pattern[str] | None, second: re.Pattern[str] | None
) -> Iterator[tuple[bool, re.Match[str]]]:
    """The matches ``(?:first)|(?:second)`` finds in ``text`` (neither matching an empty
    string): at each place the leftmost match of the two, ``first``'s on a tie, then on
    from its end; each with whether ``second`` found it."""
    position = 0
    ahead = first.search(text) if first is not None else None
    behind = second.search(text) if second is not None else None
    while ahead is not None or behind is not None:
        from_second = ahead is None or (behind is not None and behind.start() < ahead.start())
        match = behind if from_second else ahead
        assert match is not None
        yield from_second, match
        position = match.end()
        if ahead is not None and ahead.start() < position:
            ahead = first.search(text, position)  # type: ignore[union-attr]
        if behind is not None and behind.start() < position:
            behind = second.search(text, position)  # type: ignore[union-attr]


class MeetingCycle(Record):
    """The years of a convention's meetings, by kind and ordinal."""

    years: Mapping[tuple[MeetingKind, int], int]

    def year(self, kind: MeetingKind, ordinal: int | None) -> int | None:
        return None if ordinal is None else self.years.get((kind, ordinal))


_KIND_ALIASES: dict[str, MeetingKind] = {
    "meeting_of_states_parties": "meeting_of_states_parties",
    "msp": "meeting_of_states_parties",
    "meeting": "meeting_of_states_parties",
    "review_conference": "review_conference",
    "rc": "review_conference",
    "conference": "review_conference",
}
_ID = regexes.compile(r"(?P<ordinal>\d{1,3})\s*(?P<kind>MSP|RC)", re.IGNORECASE)


def load_meeting_cycle(packs: tuple[str, ...] = ("ccm",), root: Path | None = None) -> MeetingCycle:
    """The meeting cycle of the packs; empty (every year unknown) when no pack has one."""
    base = root or rules_root()
    return _load_cycle(tuple(base / pack / MEETINGS_FILE for pack in packs))


@cache
def _load_cycle(paths: tuple[Path, ...]) -> MeetingCycle:
    return prepared("meeting-cycle", paths, lambda: _build_cycle(paths))


def _build_cycle(paths: tuple[Path, ...]) -> MeetingCycle:
    years: dict[tuple[MeetingKind, int], int] = {}
    for path in paths:
        if not path.is_file():
            continue
        try:
            data = read_yaml_data(path)
        except DataFileError:
            continue  # NOTE: the pack's own validation reports a broken file; facts just lack years
        entries = data.get("meetings", []) if isinstance(data, Mapping) else data
        for entry in entries if isinstance(entries, list) else []:
            predicted = isinstance(entry, Mapping) and entry.get("predicted") is True
            key = _cycle_entry(entry) if isinstance(entry, Mapping) and not predicted else None
            if key is not None:
                years.setdefault(key[0], key[1])
    return MeetingCycle(years)


def _cycle_entry(entry: Mapping[str, object]) -> tuple[tuple[MeetingKind, int], int] | None:
    """Read one meeting defensively: ``{kind, ordinal, year}`` or ``{id: 12MSP, dates: {start}}``."""
    kind = _KIND_ALIASES.get(str(entry.get("kind", "")).strip().casefold().replace(" ", "_"))
    ordinal = entry.get("ordinal")
    if isinstance(ordinal, str):
        ordinal = ordinal_value(ordinal) if not ordinal.isdigit() else int(ordinal)
    identifier = _ID.fullmatch(str(entry.get("id", "")).strip())
    if identifier is not None:
        kind = kind or _KIND_ALIASES[identifier["kind"].casefold()]
        ordinal = ordinal or int(identifier["ordinal"])
    year = _year(entry.get("year")) or _year(entry.get("start")) or _year(entry.get("dates"))
    if kind is None or not isinstance(ordinal, int) or year is None:
        return None
    return (kind, ordinal), year


def _year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 1900 < value < 2200:
        return value
    if isinstance(value, date):
        return value.year
    if isinstance(value, str):
        match = re.search(r"\b(19|20|21)\d\d\b", value)
        return int(match.group()) if match else None
    if isinstance(value, Mapping):
        return _year(value.get("start")) or _year(value.get("end"))
    return None


def meeting_ref(prose: Prose, mention: MeetingMention, cycle: MeetingCycle) -> MeetingRef:
    """The fact for a named meeting, with its year when the cycle knows it."""
    return MeetingRef(
        text=prose.text[mention.start : mention.end],
        kind=mention.kind,
        ordinal=mention.ordinal,
        year=cycle.year(mention.kind, mention.ordinal),
        span=prose.span(mention.start, mention.end),
    )
