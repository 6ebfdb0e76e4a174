"""Reading the facts a report states — its meeting, participants, officers,
coordinators, extensions and footnotes — from its syntax tree.

The phrasings come from the rule packs' ``facts.yaml`` and the State names from the
generic pack's names data, each loaded once per process; the Python here only does
the general mechanics. A fact that cannot be read is absent, never guessed.
"""

from __future__ import annotations

from ccmlint.facts.acronyms import extract_acronyms
from ccmlint.facts.arithmetic import extract_arithmetic
from ccmlint.facts.blocks import document_blocks, header_blocks
from ccmlint.facts.citations import extract_citations
from ccmlint.facts.coordinators import extract_coordinators
from ccmlint.facts.extensions import extract_extensions
from ccmlint.facts.footnotes import extract_footnotes
from ccmlint.facts.meeting import ThisMeeting, extract_meeting
from ccmlint.facts.meeting_refs import MeetingCycle, load_meeting_cycle
from ccmlint.facts.mentions import extract_state_names
from ccmlint.facts.model import Facts, MarkupFact
from ccmlint.facts.names import StateNames, load_state_names
from ccmlint.facts.officers import extract_officers
from ccmlint.facts.packdata import load_pack_data
from ccmlint.facts.participants import extract_participants
from ccmlint.facts.passages import extract_passages
from ccmlint.facts.plenaries import extract_plenaries
from ccmlint.facts.phrasings import DEFAULT_PACKS, Phrasings, load_phrasings, regex
from ccmlint.facts.schedule import extract_schedule
from ccmlint.facts.statedata import load_state_data
from ccmlint.facts.annexes import extract_annex_refs
from ccmlint.facts.footnote_usage import extract_footnote_usage
from ccmlint.facts.structure import extract_structure
from ccmlint.facts.symbols import extract_symbols
from ccmlint.facts.sentences import forget as forget_sentences
from ccmlint.nodes import Document

__all__ = ["Facts", "MeetingCycle", "Phrasings", "StateNames", "extract", "load_meeting_cycle", "load_phrasings", "load_state_names"]


def extract(
    document: Document,
    names: StateNames | None = None,
    *,
    phrasings: Phrasings | None = None,
    cycle: MeetingCycle | None = None,
) -> Facts:
    """Every fact of a report. Without arguments the default packs' data is used
    (``rules/generic`` then ``rules/ccm``); pass your own to lint another family."""
    try:
        return _extract(document, names, phrasings, cycle)
    finally:
        forget_sentences()


def _extract(document: Document, names: StateNames | None, phrasings: Phrasings | None, cycle: MeetingCycle | None) -> Facts:
    names = names if names is not None else load_state_names()
    phrasings = phrasings or load_phrasings(DEFAULT_PACKS)
    cycle = cycle or load_meeting_cycle(DEFAULT_PACKS)
    blocks = document_blocks(document)
    symbol_line = document.header.first("symbol") if document.header else None
    symbol_match = regex(phrasings.meeting.symbol).search(symbol_line.text.text) if symbol_line else None
    symbol = symbol_match.group() if symbol_match else None
    meeting = extract_meeting(header_blocks(document), blocks, phrasings.meeting, symbol)
    this = ThisMeeting(meeting.kind, meeting.ordinal) if meeting else None
    data = load_pack_data(DEFAULT_PACKS)
    extensions = extract_extensions(blocks, phrasings.extensions, names)
    passages = extract_passages(document)
    return Facts(
        meeting=meeting,
        participants=extract_participants(blocks, phrasings.participants, phrasings.lists, names),
        officers=extract_officers(blocks, phrasings.officers, phrasings.meeting, phrasings.lists, this, names),
        coordinators=extract_coordinators(blocks, phrasings.coordinators, phrasings.meeting, names, cycle),
        extensions=extensions,
        footnotes=extract_footnotes(document),
        markup=[MarkupFact(span=problem.span, code=problem.code, text=problem.message) for problem in document.problems],
        schedule=extract_schedule(
            header_blocks(document), blocks, meeting, phrasings.schedule, phrasings.meeting, cycle, data,
            phrasings.citations.own_instrument,
        ),
        plenaries=extract_plenaries(blocks, this, phrasings.plenaries, phrasings.meeting),
        citations=extract_citations(blocks, phrasings.citations, data.areas),
        arithmetic=extract_arithmetic(blocks, extensions, meeting, names, phrasings, data),
        passages=passages,
        state_names=extract_state_names(passages, load_state_data(), phrasings.state_names),
        structure=extract_structure(document, extract_annex_refs(passages, phrasings.annexes)),
        symbols=extract_symbols(
            passages,
            phrasings.symbols,
            phrasings.meeting.report_symbol,
            symbol_line.text.span() if symbol_line else None,
        ),
        footnote_usage=extract_footnote_usage(document, phrasings.footnote_usage),
        acronyms=extract_acronyms(passages, phrasings.acronyms, phrasings.verbatim, names),
    )
