"""End to end: a short report of our own through the parser and every extractor."""

from collections import Counter
from datetime import date

import pytest

from ccmlint.facts import extract
from ccmlint.facts.meeting_refs import MeetingCycle
from ccmlint.parse import parse
from ccmlint.source import decode
from tests.facts.conftest import STATES
from ccmlint.facts.names import StateNames

REPORT = """United Nations\tXYZ/MSP/2031/8
Convention on Imaginary Weapons\t9 May 2031
\tOriginal: English
Eighth Meeting of States Parties
Vienna, 5–8 May 2031
\tFinal report of the Eighth Meeting of States Parties
\tI.\tOrganization of the Eighth Meeting of States Parties
The Eighth Meeting of States Parties was held in Vienna from 5 to 8 May 2031.[footnoteRef:1] [1: \t \tSee XYZ/MSP/2030/9.]
The following States Parties participated in the work of the Meeting: Austria, Bosnia and Herzegovina, Chile, the Netherlands and Peru.
Ghana also participated in the work of the Meeting as an observer.
The Meeting was opened by Ambassador Lena Brandt of Austria, President of the Eighth Meeting of States Parties.
Chile and Peru were elected as Vice-Presidents of the Meeting.
\tII.\tDecisions and recommendations
Bosnia and Herzegovina
The Meeting assessed the request submitted by Bosnia and Herzegovina under Article 4 and agrees to grant the request for an extension of two years until 1 March 2033.[footnoteRef:2] [2: \t \tXYZ/MSP/2031/4.]
The Meeting welcomed new Coordinators, as follows:
\t(a)\tWorking group on Clearance: Chile (until the end of the Fifth Review Conference) working with Peru (until the end of the Ninth Meeting of States Parties).
"""


def test_a_whole_report() -> None:
    source = decode(REPORT.encode("utf-8"))
    facts = extract(parse(source), StateNames.from_entries(STATES), cycle=MeetingCycle({("review_conference", 5): 2031}))
    text = source.text
    meeting = facts.meeting
    assert meeting is not None
    assert (meeting.ordinal, meeting.venue, meeting.symbol, meeting.year) == (8, "Vienna", "XYZ/MSP/2031/8", 2031)
    assert meeting.end is not None and meeting.end.value == date(2031, 5, 8)
    assert text[meeting.end.span.start : meeting.end.span.end] == "8 May 2031"
    assert [ref.state for ref in facts.participants.states_parties] == [
        "Austria", "Bosnia and Herzegovina", "Chile", "Kingdom of the Netherlands", "Peru",
    ]
    netherlands = facts.participants.states_parties[3].span
    assert text[netherlands.start : netherlands.end] == "Netherlands"
    assert [ref.state for ref in facts.participants.observer_states] == ["Ghana"]
    president = facts.officers.president
    assert president is not None and president.state is not None
    assert (president.text, president.state.state) == ("Lena Brandt", "Austria")
    assert text[president.span.start : president.span.end] == "Lena Brandt"
    assert [ref.state for ref in facts.officers.vice_presidents] == ["Chile", "Peru"]
    assert len(facts.extensions) == 1
    extension = facts.extensions[0]
    assert extension.state is not None and extension.until is not None
    assert (extension.state.state, extension.years, extension.until.value) == ("Bosnia and Herzegovina", 2, date(2033, 3, 1))
    assert [(item.state.text if item.state else None, item.term_end.year if item.term_end else None) for item in facts.coordinators] == [
        ("Chile", 2031),
        ("Peru", None),
    ]
    assert [ref.number for ref in facts.footnotes.refs] == [1, 2]
    assert [note.text for note in facts.footnotes.texts] == ["See XYZ/MSP/2030/9.", "XYZ/MSP/2031/4."]
    footnote = facts.footnotes.refs[1].span
    assert text[footnote.start : footnote.end] == "[footnoteRef:2]"


def test_an_empty_document_has_no_facts() -> None:
    facts = extract(parse(decode(b"")))
    assert facts.meeting is None and facts.extensions == [] and facts.footnotes.refs == []


def test_each_passage_is_split_into_sentences_once_per_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from ccmlint.facts import sentences as module

    splits: Counter[str] = Counter()
    split = module._split

    def counting(text: str):  # type: ignore[no-untyped-def]
        splits[text] += 1
        return split(text)

    monkeypatch.setattr(module, "_split", counting)
    # NOTE: "held" makes every paragraph one the meeting facts read sentence by sentence.
    paragraphs = "\n\n".join(f"{number}.\tThe Meeting was held as item {number}. It agreed." for number in range(1, 5001))
    extract(parse(decode(paragraphs.encode(), "many.txt")))
    assert len(splits) == 5000 and max(splits.values()) == 1  # more passages than the bounded cache held
    assert module._SPLITS == {}  # nothing kept once the report is read
