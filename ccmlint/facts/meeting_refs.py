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
from typing import Iterator, Mapping

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


_MENTION_PATTERNS: dict[int, tuple[MeetingPhrasings, re.Pattern[str], Needs]] = {}


def _mention_pattern(phrasings: MeetingPhrasings) -> tuple[re.Pattern[str], Needs]:
    """The pattern for the phrasings and what a text needs to hold one of its matches,
    built once per phrasings object (they are not hashable)."""
    cached = _MENTION_PATTERNS.get(id(phrasings))
    if cached is not None and cached[0] is phrasings:
        return cached[1], cached[2]
    if len(_MENTION_PATTERNS) > 16:
        _MENTION_PATTERNS.clear()
    pattern, needed = _build_mention_pattern(phrasings)
    _MENTION_PATTERNS[id(phrasings)] = (phrasings, pattern, needed)
    return pattern, needed


def _build_mention_pattern(phrasings: MeetingPhrasings) -> tuple[re.Pattern[str], Needs]:
    kinds = "|".join(
        f"(?P<{kind}>{'|'.join(f'(?:{phrase})' for phrase in phrases)})" for kind, phrases in phrasings.kinds.items()
    )
    named = rf"(?P<ordinal>{ORDINAL_PATTERN})\s+(?:{kinds})"
    abbreviations = "|".join(re.escape(suffix) for suffix in sorted(phrasings.abbreviations, key=len, reverse=True))
    short = rf"|\b(?P<number>\d{{1,3}})(?:st|nd|rd|th)?\s?(?P<suffix>{abbreviations})\b" if abbreviations else ""
    # NOTE: every mention holds a kind's words or an abbreviation; what a text needs is
    # read from those alone, since the ordinal words are matched ignoring case.
    kind_words = "|".join(f"(?:{phrase})" for phrases in phrasings.kinds.values() for phrase in phrases)
    needed = needs("|".join(part for part in (kind_words, abbreviations) if part))
    return regex(rf"{named}{short}"), needed


def find_meetings(text: str, phrasings: MeetingPhrasings) -> Iterator[MeetingMention]:
    """Every meeting named with its ordinal in a text, in order."""
    pattern, needed = _mention_pattern(phrasings)
    # NOTE: most passages name no meeting; a text without a word every mention needs
    # ("Meeting", "MSP", ...) is not searched, since the ordinal part is slow to try.
    if not needed.may_match(text):
        return
    for match in pattern.finditer(text):
        if match["suffix"]:
            yield MeetingMention(match.start(), match.end(), phrasings.abbreviations[match["suffix"]], int(match["number"]))
            continue
        kind = next(kind for kind in phrasings.kinds if match[kind])
        yield MeetingMention(match.start(), match.end(), kind, ordinal_value(match["ordinal"]))


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
