"""The phrasings a rule pack gives for recognising facts, loaded once and checked strictly.

How a report says "these States participated" or "was elected Vice-President" is
data (``rules/<pack>/facts.yaml``), so that another convention's report needs a new
pack, not new Python. Packs are merged in order: a later pack extends the lists of
an earlier one and overrides its single values. Every pattern is compiled when the
pack loads, so a broken regular expression is reported with its file and key.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from ccmlint.schema import AfterValidator, ConfigDict, Field, InvalidData, validate
from ccmlint.record import Record
from ccmlint import regexes
from ccmlint.packdata_io import DataFileError, prepared, read_merged, rules_root
from ccmlint.facts.model import MeetingKind, ParticipantCategory

DEFAULT_PACKS: tuple[str, ...] = ("generic", "ccm")
PHRASINGS_FILE = "facts.yaml"


class PhrasingsError(Exception):
    """A pack's facts.yaml cannot be used; the message names the file and the key."""


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"not a valid regular expression: {error}") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]


class _Strict(Record):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MeetingPhrasings(_Strict):
    kinds: dict[MeetingKind, list[Regex]]
    abbreviations: dict[str, MeetingKind] = Field(default_factory=dict)
    this_meeting: list[Regex]
    held: list[Regex]
    not_held: list[Regex] = Field(default_factory=list)
    venue: Regex
    symbol: Regex
    report_symbol: list[Regex] = Field(default_factory=list)


class CategoryCue(_Strict):
    category: ParticipantCategory
    when: list[Regex]
    unless: list[Regex] = Field(default_factory=list)


class ParticipantPhrasings(_Strict):
    cue: list[Regex]
    categories: list[CategoryCue]
    organization_rule: Regex
    acronym: Regex


class OfficerPhrasings(_Strict):
    president: list[Regex]
    president_named_after: list[Regex] = Field(default_factory=list)
    secretary_general: list[Regex]
    vice_presidents: Regex
    office_as: Regex
    elected: Regex
    manner: Regex
    honorifics: list[Regex]
    represents: list[Regex]


class CoordinatorPhrasings(_Strict):
    introduction: list[Regex]
    groups: dict[Literal["working_group", "thematic_area"], list[Regex]]
    term: Regex
    joiners: Regex
    placeholders: list[Regex]


class ListPhrasings(_Strict):
    introduction: Regex


class ExtensionPhrasings(_Strict):
    decision: list[Regex]
    years: Regex
    until: Regex
    state: list[Regex]
    topic: list[Regex] = Field(default_factory=list)


class StateNamePhrasings(_Strict):
    """Where a State's name stands in running text (ccmlint.facts.mentions)."""

    # Enumerations that UN practice writes in alphabetical order, by the words just before them.
    alphabetical_after: list[Regex] = Field(default_factory=list)
    # Words right before a name (a title: "Ambassador") or right after it (a capitalised
    # word: "Mexico City") that make it part of a person's, a place's or a body's name.
    not_a_state_when_preceded_by: list[Regex] = Field(default_factory=list)
    not_a_state_when_followed_by: list[Regex] = Field(default_factory=list)


NEVER = r"(?!)"
"""A pattern that matches nothing: the default of a single phrasing a pack does not give."""


class SchedulePhrasings(_Strict):
    """When meetings met or will meet (ccmlint.facts.schedule)."""

    # Words written after a meeting's name that still belong to it ("to the Convention").
    name_tail: Regex = NEVER
    # The whole of the words between a meeting's name and the date or year it met or
    # will meet ("(Geneva, ", " would take place from "); anything else unties them.
    dated_by: list[Regex] = Field(default_factory=list)
    # A year standing for a date ("in 2025").
    year: Regex = NEVER
    # Right after a meeting's name, or right before it: the meeting is still to come.
    upcoming_after: list[Regex] = Field(default_factory=list)
    upcoming_before: list[Regex] = Field(default_factory=list)
    # Right after a meeting's name, or right before it: the meeting has been held.
    earlier_after: list[Regex] = Field(default_factory=list)
    earlier_before: list[Regex] = Field(default_factory=list)
    # Words just before a date that names the first day of a week ("the week of").
    week_of: list[Regex] = Field(default_factory=list)


class PlenaryPhrasings(_Strict):
    """Plenary sessions of the report's meeting (ccmlint.facts.plenaries)."""

    session: Regex = NEVER
    # What may stand between the ordinals before the session words ("first and the fifth").
    ordinal_joiners: Regex = NEVER
    # How many sessions were held; the number is the group ``count``.
    count: list[Regex] = Field(default_factory=list)
    # Words between the session words and the date of the session (", on ").
    date: Regex = NEVER
    # Bodies whose plenary meetings a report may cite: a sentence naming one is not about the meeting's own.
    other_bodies: list[Regex] = Field(default_factory=list)


class CitationPhrasings(_Strict):
    """Articles, actions and areas of work cited in the text (ccmlint.facts.citations)."""

    # The word before an article's number ("Article ", "art.").
    article: Regex = NEVER
    # A paragraph written onto the number ("4.1", "3(6)", "4(1)(b)").
    article_part: Regex = NEVER
    # The words after a citation that name the instrument cited ("of the "), and the
    # names of the pack's own instrument there; any other instrument is not the pack's.
    instrument_of: Regex = NEVER
    own_instrument: list[Regex] = Field(default_factory=list)
    # The word before an action's number ("action #", "Actions ").
    action: Regex = NEVER
    # The name of an action plan, and the plans whose actions the pack knows.
    plan_name: Regex = NEVER
    action_plan: list[Regex] = Field(default_factory=list)
    # An area of work named ("Working group on "): its name from the pack's data follows.
    area_named: list[Regex] = Field(default_factory=list)
    # An area named again without its name ("the Working Group").
    area_again: list[Regex] = Field(default_factory=list)
    # Words just before or just after an article that make it "obligations" ("obligations under ").
    obligation_before: list[Regex] = Field(default_factory=list)
    obligation_after: list[Regex] = Field(default_factory=list)


class ArithmeticPhrasings(_Strict):
    """Sums the text states (ccmlint.facts.quantities, arithmetic, respectively, extension_terms)."""

    # A hedge just before a number ("over ", "about ").
    approximate: Regex = NEVER
    # A value in brackets right after a quantity: its conversion (group ``quantity``).
    conversion: Regex = NEVER
    # A percentage (group ``number``).
    percent: Regex = NEVER
    # After a quantity: it is a share of a whole named before it ("of this amount").
    share_of: list[Regex] = Field(default_factory=list)
    # After a quantity: the whole follows ("out of ").
    share_out_of: list[Regex] = Field(default_factory=list)
    # The whole of the words between a share and its percentage (", which equates to ").
    share_is: list[Regex] = Field(default_factory=list)
    respectively: Regex = NEVER
    # Words that pair a list with something counted elsewhere ("these requests"): the
    # partner of a "respectively" cannot be counted then.
    anaphora: Regex = NEVER
    # Words before the deadline an extension decision extends ("its deadline of ").
    previous_deadline: list[Regex] = Field(default_factory=list)


class SymbolPart(_Strict):
    """One part of a document symbol after its series: its pattern, and how a message
    names what is expected there."""

    pattern: Regex = NEVER
    describe: str = ""


class SymbolGrammar(_Strict):
    """Document symbols (ccmlint.facts.symbols): ``<series>/<year>[/<session>]/<document>[/<suffix>…]``.

    ``series`` maps each series a pack owns ("CCM/MSP") to the kind of meeting whose
    documents it holds (or null); only symbols of a known series are read, so another
    body's symbols ("A/RES/78/32") are never judged by this grammar."""

    series: dict[str, MeetingKind | None] = Field(default_factory=dict)
    year: SymbolPart = Field(default_factory=SymbolPart)
    session: SymbolPart = Field(default_factory=SymbolPart)
    document: SymbolPart = Field(default_factory=SymbolPart)
    suffix: SymbolPart = Field(default_factory=SymbolPart)


class AnnexPhrasings(_Strict):
    """References to the report's own annexes (ccmlint.facts.annexes)."""

    # An annex named in the text; group ``numerals`` holds its numeral(s) when written.
    reference: Regex = NEVER
    # How the numerals of one reference are joined ("I and II", "I to III").
    joiner: Regex = NEVER
    range_joiner: Regex = NEVER
    # Right after a reference: the annex is this report's ("to the present report").
    own_after: list[Regex] = Field(default_factory=list)
    # Right after or right before a reference: the annex is another document's.
    other_after: list[Regex] = Field(default_factory=list)
    other_before: list[Regex] = Field(default_factory=list)


class FootnoteUsagePhrasings(_Strict):
    """What a footnote's text does (ccmlint.facts.footnote_usage)."""

    # A note that repeats the citation of the note before it.
    ibid: Regex = NEVER
    # Any of these in a note's text makes it a citation (a symbol, a resolution, a title).
    cites: list[Regex] = Field(default_factory=list)
    # A note with no citation cue and at least this many words is an explanatory note;
    # a shorter one is left undecided.
    explanatory_min_words: int = 4
    # Punctuation a footnote mark is placed against (after it in English, before it in
    # French and Spanish), and what may follow a mark without being punctuation for it
    # (a comma separating two marks at one place).
    punctuation: str = ".,;:"
    separator_before_mark: Regex = NEVER


class VerbatimPhrasings(_Strict):
    """Stretches of prose that are quoted or cited, not written (ccmlint.facts.verbatim)."""

    # A quotation, such as the title of a document in quotation marks.
    quotations: list[Regex] = Field(default_factory=list)
    # An identifier: a document symbol, a depositary notification, a web address.
    citations: list[Regex] = Field(default_factory=list)


class AcronymPhrasings(_Strict):
    """Acronyms as written and as spelled out (ccmlint.facts.acronyms)."""

    # An acronym in running text: group ``acronym``, and ``plural`` for a plural "s".
    token: Regex = NEVER
    # An acronym in brackets after its expansion: group ``acronym`` (and ``plural``).
    definition: Regex = NEVER


class Phrasings(_Strict):
    """Everything the extractors need to know about how reports of a family are worded."""

    meeting: MeetingPhrasings
    participants: ParticipantPhrasings
    officers: OfficerPhrasings
    coordinators: CoordinatorPhrasings
    lists: ListPhrasings
    extensions: ExtensionPhrasings
    schedule: SchedulePhrasings = Field(default_factory=SchedulePhrasings)
    plenaries: PlenaryPhrasings = Field(default_factory=PlenaryPhrasings)
    citations: CitationPhrasings = Field(default_factory=CitationPhrasings)
    arithmetic: ArithmeticPhrasings = Field(default_factory=ArithmeticPhrasings)
    state_names: StateNamePhrasings = Field(default_factory=StateNamePhrasings)
    symbols: SymbolGrammar = Field(default_factory=SymbolGrammar)
    annexes: AnnexPhrasings = Field(default_factory=AnnexPhrasings)
    footnote_usage: FootnoteUsagePhrasings = Field(default_factory=FootnoteUsagePhrasings)
    verbatim: VerbatimPhrasings = Field(default_factory=VerbatimPhrasings)
    acronyms: AcronymPhrasings = Field(default_factory=AcronymPhrasings)


@cache
def load_phrasings(packs: tuple[str, ...] = DEFAULT_PACKS, root: Path | None = None) -> Phrasings:
    """The merged phrasings of the named packs; cached, since every report reuses them."""
    base = root or rules_root()
    paths = [base / pack / PHRASINGS_FILE for pack in packs]
    return prepared("phrasings", paths, lambda: _build_phrasings(paths, base))


def _build_phrasings(paths: list[Path], base: Path) -> Phrasings:
    try:
        merged, sources = read_merged(paths)
    except DataFileError as error:
        raise PhrasingsError(str(error)) from None
    try:
        return validate(Phrasings, merged)
    except InvalidData as error:
        where = " + ".join(sources) or str(base)
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}" for problem in error.errors()
        )
        raise PhrasingsError(f"{where}: {problems}") from None


@cache
def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled pattern, compiled once per process."""
    return regexes.compile(pattern, flags)


def any_of(patterns: list[str] | tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """One pattern matching any of several phrasings (an empty list matches nothing)."""
    # NOTE: called per sentence with the same lists; joining them each time was a hot spot.
    return _any_of(tuple(patterns), flags)


@cache
def _any_of(patterns: tuple[str, ...], flags: int) -> re.Pattern[str]:
    if not patterns:
        return regex(r"(?!x)x")
    return regex("|".join(f"(?:{pattern})" for pattern in patterns), flags)
