"""Hypothesis: whatever facts an extractor produces, the runner returns diagnostics,
never raises, never reports an internal error, and gives the same answer twice."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.diagnostics import Diagnostic
from ccmlint.engine.context import Context
from ccmlint.engine.loader import load_rules
from ccmlint.engine.runner import run
from ccmlint.facts.model import (
    Coordinator,
    DateFact,
    Extension,
    Facts,
    FootnoteRefFact,
    Footnotes,
    FootnoteTextFact,
    Meeting,
    MeetingRef,
    Officers,
    Participants,
    Person,
    StateRef,
)
from ccmlint.span import Span

RULES = load_rules()

spans = st.builds(
    lambda line, column, length: Span(line * 80 + column, line * 80 + column + length, line, column, line, column + length),
    st.integers(1, 300),
    st.integers(1, 79),
    st.integers(0, 40),
)
names = st.sampled_from(["Chile", "chile", "Lao People's Democratic Republic", "Lao Peoples’ Democratic Republic", "Austria", "Australia", "", " ", "the Netherlands"])
officials = st.none() | st.sampled_from(["Chile", "Kingdom of the Netherlands", "Austria"])
states = st.builds(StateRef, span=spans, text=names | st.text(alphabet="abc XYZ'’-", max_size=12), state=officials)
days = st.dates(date(2000, 1, 1), date(2040, 12, 31))
date_facts = st.builds(DateFact, span=spans, text=st.text(alphabet="abc XYZ", max_size=10), value=days)
kinds = st.sampled_from(["meeting_of_states_parties", "review_conference"])
small = st.none() | st.integers(-2, 30)
years = st.none() | st.integers(1990, 2040)
meeting_refs = st.builds(MeetingRef, span=spans, text=st.text(alphabet="abc XYZ", max_size=10), kind=kinds, ordinal=small, year=years)
meetings = st.builds(
    Meeting, span=spans, text=st.text(alphabet="abc XYZ", max_size=10), kind=kinds, ordinal=small, year=years,
    dates=st.lists(date_facts, max_size=3), start=st.none() | date_facts, end=st.none() | date_facts,
)
coordinators = st.builds(
    Coordinator, span=spans, text=st.text(alphabet="abc XYZ", max_size=10), area=st.text(alphabet="abc XYZ", max_size=10),
    group=st.sampled_from(["working_group", "thematic_area"]), state=st.none() | states,
    placeholder=st.none() | st.just("(TBC)"), term_end=st.none() | meeting_refs,
)
extensions = st.builds(Extension, span=spans, text=st.text(alphabet="abc XYZ", max_size=10), state=st.none() | states, years=small, until=st.none() | date_facts)
note_kinds = st.sampled_from(["footnote", "endnote"])
refs = st.builds(FootnoteRefFact, span=spans, number=st.integers(-1, 12), kind=note_kinds)
texts = st.builds(FootnoteTextFact, span=spans, number=st.integers(-1, 12), kind=note_kinds, text=st.text(alphabet="abc", max_size=5))
facts = st.builds(
    Facts,
    meeting=st.none() | meetings,
    participants=st.builds(Participants, states_parties=st.lists(states, max_size=6)),
    officers=st.builds(
        Officers,
        president=st.none() | st.builds(Person, span=spans, text=st.text(alphabet="abc XYZ", max_size=10), state=st.none() | states),
        vice_presidents=st.lists(states, max_size=5),
    ),
    coordinators=st.lists(coordinators, max_size=4),
    extensions=st.lists(extensions, max_size=3),
    footnotes=st.builds(Footnotes, refs=st.lists(refs, max_size=8), texts=st.lists(texts, max_size=8)),
)


@settings(max_examples=150, deadline=None)
@given(facts, st.none() | days)
def test_runner_never_raises(report: Facts, as_of: date | None) -> None:
    context = Context(as_of=as_of)
    diagnostics = run(RULES, report, context, "report.txt")
    assert all(isinstance(d, Diagnostic) for d in diagnostics)
    assert [d for d in diagnostics if d.rule == "internal-error"] == []
    assert diagnostics == sorted(diagnostics, key=Diagnostic.sort_key)
    assert diagnostics == run(RULES, report, context, "report.txt")
    assert all(d.message and "None" not in d.message and "{" not in d.message for d in diagnostics)
