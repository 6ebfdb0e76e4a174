"""What a report states, as typed facts that rules address by path.

Each fact keeps the span of the words it was read from, so that a finding about it
points at those words. A fact the extractor could not read is absent (None or an
empty list), never invented: rules treat absence as "cannot decide".

Paths: a rule names a fact by dotted field names from ``Facts`` down, e.g.
``officers.vice_presidents`` or ``extensions.until``; a list along the way is
mapped over. ``ccmlint facts FILE`` prints this model as JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, SkipValidation

from ccmlint.nodes import Prose
from ccmlint.span import Span

MeetingKind = Literal["meeting_of_states_parties", "review_conference"]
ParticipantCategory = Literal["states_parties", "signatories", "observer_states", "organizations"]


class Fact(BaseModel):
    """Base of every located fact."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    span: Span

    def display(self) -> str:
        """How the fact reads in a message."""
        return getattr(self, "text", "") or ""


class DateFact(Fact):
    """A calendar date as written ("13 September 2024") and its value."""

    text: str
    value: date

    def display(self) -> str:
        return self.text


class StateRef(Fact):
    """A mention of a State: the words as written and, when the pack's names data knows
    them, the State's official short name (its identity)."""

    text: str
    state: str | None = None

    def display(self) -> str:
        return self.text

    @property
    def identity(self) -> str:
        """The official name when known, else the written words, normalised."""
        return self.state or normalise_name(self.text)


class MeetingRef(Fact):
    """A meeting named in the text ("the Thirteenth Meeting of States Parties")."""

    text: str
    kind: MeetingKind
    ordinal: int | None = None
    year: int | None = Field(default=None, description="from the pack's meeting cycle, when known")

    def display(self) -> str:
        return self.text


class Meeting(Fact):
    """The meeting the report records. ``dates`` lists the days it met, when stated."""

    text: str
    kind: MeetingKind
    ordinal: int | None = None
    year: int | None = None
    venue: str | None = None
    dates: list[DateFact] = Field(default_factory=list)
    start: DateFact | None = None
    end: DateFact | None = None
    symbol: str | None = None

    def display(self) -> str:
        return self.text


class Organization(Fact):
    text: str
    acronym: str | None = None
    rule: str | None = Field(default=None, description='rule of procedure it attends under, e.g. "1 (2)"')


class ParticipantList(Fact):
    """One list of participants as the report gives it (one sentence, one category)."""

    category: ParticipantCategory
    states: list[StateRef] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)


class Participants(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    states_parties: list[StateRef] = Field(default_factory=list)
    signatories: list[StateRef] = Field(default_factory=list)
    observer_states: list[StateRef] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    lists: list[ParticipantList] = Field(default_factory=list)


class Person(Fact):
    """An office holder who is a person, and the State he or she represents when stated."""

    text: str
    state: StateRef | None = None


class Officers(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    president: Person | None = None
    vice_presidents: list[StateRef] = Field(default_factory=list)
    secretary_general: Person | None = None


class Coordinator(Fact):
    """A coordinator appointment: an area of work, a State (or a placeholder) and its term end."""

    text: str
    area: str
    group: Literal["working_group", "thematic_area"]
    state: StateRef | None = None
    placeholder: str | None = Field(default=None, description='what stands where a State should, e.g. "(TBC)"')
    term_end: MeetingRef | None = None


class Extension(Fact):
    """An Article 4 extension granted: to which State, for how many years, until when."""

    text: str
    state: StateRef | None = None
    years: int | None = None
    until: DateFact | None = None


class FootnoteRefFact(Fact):
    number: int
    kind: Literal["footnote", "endnote"]

    def display(self) -> str:
        return str(self.number)


class FootnoteTextFact(Fact):
    number: int
    kind: Literal["footnote", "endnote"]
    text: str

    def display(self) -> str:
        return str(self.number)


class Footnotes(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    refs: list[FootnoteRefFact] = Field(default_factory=list)
    texts: list[FootnoteTextFact] = Field(default_factory=list)


PassageKind = Literal["header", "heading", "subheading", "paragraph", "list_item", "footnote"]


class Passage(Fact):
    """A run of the report's prose — a heading, a paragraph, a list item, a footnote's
    text — with the Word markup taken out. Text-level rules (house style, placeholders)
    search it; ``prose`` maps any match back to its exact source span."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    kind: PassageKind
    text: str
    prose: Annotated[Prose, SkipValidation] = Field(exclude=True, repr=False)

    def span_of(self, start: int, end: int) -> Span:
        return self.prose.span(start, end)


class MarkupFact(Fact):
    """Broken Word-export markup the parser found (an unclosed footnote text, say)."""

    code: str
    text: str


class Facts(BaseModel):
    """Everything the extractor read from one report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    meeting: Meeting | None = None
    participants: Participants = Field(default_factory=Participants)
    officers: Officers = Field(default_factory=Officers)
    coordinators: list[Coordinator] = Field(default_factory=list)
    extensions: list[Extension] = Field(default_factory=list)
    footnotes: Footnotes = Field(default_factory=Footnotes)
    markup: list[MarkupFact] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list, exclude=True, description="all prose, for text-level rules (not printed by `ccmlint facts`)")


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalise_name(text: str) -> str:
    """Fold what does not distinguish two spellings of a name: case, spacing, apostrophe
    shapes and a leading "the". A misspelling ("Peoples'" for "People's") stays distinct."""
    folded = " ".join(text.translate(_APOSTROPHES).split()).casefold()
    return folded[4:] if folded.startswith("the ") else folded
