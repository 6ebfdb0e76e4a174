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

from ccmlint.record import Record, field
from ccmlint.nodes import Prose
from ccmlint.span import Span

MeetingKind = Literal["meeting_of_states_parties", "review_conference"]
ParticipantCategory = Literal["states_parties", "signatories", "observer_states", "organizations"]


class Fact(Record):
    """Base of every located fact."""

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
    year: int | None = field(default=None, description="from the pack's meeting cycle, when known")

    def display(self) -> str:
        return self.text


class Meeting(Fact):
    """The meeting the report records. ``dates`` lists the days it met, when stated."""

    text: str
    kind: MeetingKind
    ordinal: int | None = None
    year: int | None = None
    venue: str | None = None
    dates: list[DateFact] = field(default_factory=list)
    start: DateFact | None = None
    end: DateFact | None = None
    symbol: str | None = None

    def display(self) -> str:
        return self.text


class Organization(Fact):
    text: str
    acronym: str | None = None
    rule: str | None = field(default=None, description='rule of procedure it attends under, e.g. "1 (2)"')


class ParticipantList(Fact):
    """One list of participants as the report gives it (one sentence, one category)."""

    category: ParticipantCategory
    states: list[StateRef] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)


class Participants(Record):
    states_parties: list[StateRef] = field(default_factory=list)
    signatories: list[StateRef] = field(default_factory=list)
    observer_states: list[StateRef] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    lists: list[ParticipantList] = field(default_factory=list)


class Person(Fact):
    """An office holder who is a person, and the State he or she represents when stated."""

    text: str
    state: StateRef | None = None


class Officers(Record):
    president: Person | None = None
    vice_presidents: list[StateRef] = field(default_factory=list)
    secretary_general: Person | None = None


class Coordinator(Fact):
    """A coordinator appointment: an area of work, a State (or a placeholder) and its term end."""

    text: str
    area: str
    group: Literal["working_group", "thematic_area"]
    state: StateRef | None = None
    placeholder: str | None = field(default=None, description='what stands where a State should, e.g. "(TBC)"')
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


class Footnotes(Record):
    refs: list[FootnoteRefFact] = field(default_factory=list)
    texts: list[FootnoteTextFact] = field(default_factory=list)


PassageKind = Literal["header", "heading", "subheading", "paragraph", "list_item", "footnote"]
PROSE_KINDS: tuple[PassageKind, ...] = ("heading", "subheading", "paragraph", "list_item", "footnote")
"""Every kind of passage but the masthead: where text-level rules look by default."""


class Passage(Fact):
    """A run of the report's prose — a heading, a paragraph, a list item, a footnote's
    text — with the Word markup taken out. Text-level rules (house style, placeholders)
    search it; ``prose`` maps any match back to its exact source span."""

    kind: PassageKind
    text: str
    prose: Prose = field(exclude=True)

    def span_of(self, start: int, end: int) -> Span:
        return self.prose.span(start, end)


NameForm = Literal["name", "accepted", "error"]


class StateMention(StateRef):
    """A State named anywhere in the report's prose, found with the names data.

    ``form`` is what the data says of the words written: the UN short name itself,
    an ``accepted`` variant or an ``error`` variant; ``changed`` is the year a former
    official name stopped being right, and ``interchangeable`` marks an accepted form
    that is the same name in another order. ``article_span`` covers a "the" written
    before the name; ``in_list`` is set when the name is an item of an enumeration
    of three or more States, where UN style writes names without an article.
    """

    form: NameForm
    changed: int | None = None
    interchangeable: bool = False
    passage: PassageKind
    in_list: bool = False
    article_span: Span | None = None


class StateEnumeration(Fact):
    """Three or more States named in a row ("A, B and C") in one passage.

    ``alphabetical`` is set when the words before it are ones after which UN practice
    orders States alphabetically ("submitted by"), per the pack's phrasings.
    """

    text: str
    states: list[StateMention]
    alphabetical: bool = False


class StateNameFacts(Record):
    mentions: list[StateMention] = field(default_factory=list)
    enumerations: list[StateEnumeration] = field(default_factory=list)


class MarkupFact(Fact):
    """Broken Word-export markup the parser found (an unclosed footnote text, say)."""

    code: str
    text: str


class Quantity(Fact):
    """A number as written, with its unit when one follows ("65,134 hectares", "26%").

    ``decimals`` is the precision written (2 for "651.34"), so arithmetic on it allows
    for rounding; ``approximate`` marks a hedge written before it ("over", "about").
    """

    text: str
    value: float
    decimals: int = 0
    unit: str | None = None
    approximate: bool = False


class DatedMeeting(Fact):
    """A meeting named with the year it met or will meet ("the Eleventh Meeting of
    States Parties (Geneva, 11-14 September 2023)"), and the years the pack's meeting
    cycle gives it (empty when the cycle does not know the meeting)."""

    text: str
    meeting: MeetingRef
    year: int
    cycle_years: list[int] = field(default_factory=list)


class Schedule(Record):
    """When meetings met or will meet, as the report states it.

    ``upcoming`` are meetings spoken of as still to come ("will take place"),
    ``earlier`` those spoken of as already held ("since the ..."), the report's own
    meeting excluded from both; ``weeks`` the dates a "week of" names; ``days`` the
    days the report's own meeting met, a written range expanded day by day.
    """

    dated: list[DatedMeeting] = field(default_factory=list)
    upcoming: list[MeetingRef] = field(default_factory=list)
    earlier: list[MeetingRef] = field(default_factory=list)
    weeks: list[DateFact] = field(default_factory=list)
    days: list[DateFact] = field(default_factory=list)


class PlenaryCount(Fact):
    """How many plenary sessions the report says its meeting held ("held six plenary sessions")."""

    text: str
    count: int


class PlenaryRef(Fact):
    """A plenary session of the report's meeting named by its ordinal ("at its sixth
    plenary meeting"), with the date written after it when there is one."""

    text: str
    ordinal: int
    date: DateFact | None = None


class Plenaries(Record):
    held: PlenaryCount | None = None
    sessions: list[PlenaryRef] = field(default_factory=list)


class ArticleRef(Fact):
    """An article of the pack's convention cited in the text ("Article 4.1", "art.5")."""

    text: str
    number: int


class ActionRef(Fact):
    """An action of the pack's action plan cited by number ("action #13")."""

    text: str
    number: int
    plan: str


class ActionRange(Fact):
    """A range of actions as written ("actions #31 – #37"), first and last as written."""

    text: str
    first: int
    last: int
    plan: str


class AreaArticle(Fact):
    """A sentence tying an area of work (a working group, a thematic coordinator) to the
    obligations of an article: the article cited and the one the area follows up."""

    text: str
    area: str
    area_article: int
    article: int


class Citations(Record):
    articles: list[ArticleRef] = field(default_factory=list)
    actions: list[ActionRef] = field(default_factory=list)
    action_ranges: list[ActionRange] = field(default_factory=list)
    area_articles: list[AreaArticle] = field(default_factory=list)


class Conversion(Fact):
    """A quantity with its value in another unit ("65,134 hectares (651.34 km2)");
    ``factor`` is how many converted units one given unit makes (from the units data)."""

    text: str
    given: Quantity
    converted: Quantity
    factor: float


class Share(Fact):
    """A percentage stated for a part of a whole ("16,943 hectares of this amount,
    which equates to 26%"), with the two quantities it is a share of."""

    text: str
    part: Quantity
    whole: Quantity
    percent: Quantity


class Pairing(Fact):
    """A "respectively": how many items the list before it holds and how many the list
    they are paired with holds."""

    text: str
    items: int
    partners: int


class ExtensionTerm(Fact):
    """An extension decision's arithmetic: from which deadline, for how many years, until
    when. ``previous`` is the deadline the decision extends, as the decision states it
    or, failing that, as the pack's data records it (``basis`` says which)."""

    text: str
    state: StateRef | None = None
    years: int
    until: DateFact
    previous: date
    basis: str


class Arithmetic(Record):
    """What the text computes or pairs, so that a rule can redo the sum."""

    conversions: list[Conversion] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    pairings: list[Pairing] = field(default_factory=list)
    extension_terms: list[ExtensionTerm] = field(default_factory=list)


OutlineElement = Literal["chapter", "section", "annex", "paragraph", "list_item"]


class Numbered(Fact):
    """A numbered element of the report's outline — a chapter, a section, an annex, a
    numbered paragraph, a list item — with its marker as written ("IV", "C", "12",
    "(b)", "Annex II") and its value. Elements of one ``series`` are numbered 1, 2, 3 …
    together (sections restart in each chapter, list items in each list); ``within``
    names the series' place for a message ("chapter II", "the report")."""

    element: OutlineElement
    marker: str
    number: int | None = field(default=None, description="None for an unnumbered annex")
    series: int
    within: str

    def display(self) -> str:
        return self.marker


class AnnexRef(Fact):
    """A reference in the text to an annex of this report ("annex I to the present
    report"); ``number`` is None for "the annex" without a numeral."""

    text: str
    number: int | None = None


class Structure(Record):
    """The outline of the report as the syntax tree gives it, and the annexes the text refers to."""

    chapters: list[Numbered] = field(default_factory=list)
    sections: list[Numbered] = field(default_factory=list)
    paragraphs: list[Numbered] = field(default_factory=list)
    list_items: list[Numbered] = field(default_factory=list)
    annexes: list[Numbered] = field(default_factory=list)
    annex_refs: list[AnnexRef] = field(default_factory=list)


class DocumentSymbol(Fact):
    """A document symbol of one of the packs' series ("CCM/MSP/2024/2/Rev.1"), read
    against the symbol grammar of the packs' facts.yaml. ``problem`` says why a
    malformed one does not parse and ``corrected`` gives the right form when it is
    certain; ``own`` marks the report's own symbol (masthead, "issued as document …")."""

    text: str
    series: str
    meeting_kind: MeetingKind | None = field(default=None, description="the kind of meeting the series belongs to")
    year: int | None = None
    well_formed: bool
    problem: str | None = None
    corrected: str | None = None
    own: bool = False


MarkPlacement = Literal["before_punctuation", "after_punctuation", "in_text"]
NoteRole = Literal["citation", "ibid", "explanatory", "unknown"]


class FootnoteMark(Fact):
    """A footnote reference mark and where it stands against the punctuation beside it
    ("word[3]." is ``before_punctuation``, "word.[3]" ``after_punctuation``)."""

    number: int
    kind: Literal["footnote", "endnote"]
    placement: MarkPlacement
    punctuation: str | None = None

    def display(self) -> str:
        return str(self.number)


class FootnoteContent(Fact):
    """What a footnote's text does: cite a source, repeat the one before ("Ibid."),
    explain. For an "Ibid." note, ``antecedent`` describes the note it refers back to
    and ``antecedent_cites`` says whether that note cites anything (None: unknown, as
    when the note before it is not in the text)."""

    number: int
    kind: Literal["footnote", "endnote"]
    text: str
    role: NoteRole
    antecedent: str | None = None
    antecedent_cites: bool | None = None

    def display(self) -> str:
        return str(self.number)


class FootnoteUsage(Record):
    """How footnotes are used: where their marks stand and what their texts do."""

    marks: list[FootnoteMark] = field(default_factory=list)
    contents: list[FootnoteContent] = field(default_factory=list)


class AcronymDefinition(Fact):
    """An acronym spelled out: "Implementation Support Unit (ISU)". ``quoted`` when it
    stands inside a quotation (a title), which tells the reader but is not the report's
    own spelling-out."""

    text: str = field(description="the acronym as defined, e.g. ISU")
    expansion: str = field(description="the words it stands for, e.g. Implementation Support Unit")
    quoted: bool = False


class AcronymUse(Fact):
    """An acronym used in the report's own words (not in a symbol, a quotation or a
    State's name, and not where it is spelled out)."""

    text: str = field(description="as written, e.g. CHAs")
    acronym: str = field(description="without a plural s, e.g. CHA")


class Acronyms(Record):
    definitions: list[AcronymDefinition] = field(default_factory=list)
    uses: list[AcronymUse] = field(default_factory=list)


class Facts(Record):
    """Everything the extractor read from one report."""

    meeting: Meeting | None = None
    participants: Participants = field(default_factory=Participants)
    officers: Officers = field(default_factory=Officers)
    coordinators: list[Coordinator] = field(default_factory=list)
    extensions: list[Extension] = field(default_factory=list)
    footnotes: Footnotes = field(default_factory=Footnotes)
    markup: list[MarkupFact] = field(default_factory=list)
    schedule: Schedule = field(default_factory=Schedule)
    plenaries: Plenaries = field(default_factory=Plenaries)
    citations: Citations = field(default_factory=Citations)
    arithmetic: Arithmetic = field(default_factory=Arithmetic)
    state_names: StateNameFacts = field(default_factory=StateNameFacts)
    structure: Structure = field(default_factory=Structure)
    symbols: list[DocumentSymbol] = field(default_factory=list)
    footnote_usage: FootnoteUsage = field(default_factory=FootnoteUsage)
    acronyms: Acronyms = field(default_factory=Acronyms)
    passages: list[Passage] = field(default_factory=list, exclude=True, description="all prose, for text-level rules (not printed by `ccmlint facts`)")


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalise_name(text: str) -> str:
    """Fold what does not distinguish two spellings of a name: case, spacing, apostrophe
    shapes and a leading "the". A misspelling ("Peoples'" for "People's") stays distinct."""
    folded = " ".join(text.translate(_APOSTROPHES).split()).casefold()
    return folded[4:] if folded.startswith("the ") else folded


def fold_word(word: str) -> str:
    """One word folded as ``normalise_name`` folds each word of a name."""
    return word.translate(_APOSTROPHES).casefold()
