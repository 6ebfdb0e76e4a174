from datetime import date

from ccmlint.facts.meeting import extract_meeting
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import make_blocks


def test_from_a_held_sentence_not_from_other_meetings(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "The Sixth Meeting of States Parties (Vienna, 2-5 May 2029) decided that the Seventh Meeting of States "
        "Parties would take place from 1 to 4 June 2030 in Oslo.",
        ("heading", "Organization of the Seventh Meeting of States Parties"),
        "The Seventh Meeting of States Parties was held in Oslo, Norway on 1, 2, and 4 June 2030.",
        "The Meeting decided that the Eighth Meeting of States Parties will be held during the week of 7 June 2031.",
        "The final report was adopted, to be issued as document XYZ/MSP/2030/9.",
    )
    meeting = extract_meeting([], blocks, phrasings.meeting)
    assert meeting is not None
    assert (meeting.kind, meeting.ordinal, meeting.year, meeting.venue) == ("meeting_of_states_parties", 7, 2030, "Oslo")
    assert [day.value for day in meeting.dates] == [date(2030, 6, 1), date(2030, 6, 2), date(2030, 6, 4)]
    assert meeting.end is not None and meeting.end.text == "4 June 2030"
    held = blocks[2].prose.text
    assert held[meeting.end.span.start : meeting.end.span.end] == "4 June 2030"
    assert meeting.symbol == "XYZ/MSP/2030/9"


def test_from_the_masthead(phrasings: Phrasings) -> None:
    header = make_blocks(("header", "Second Review Conference"), ("header", "Lima, 30 November–3 December 2032"))
    body = make_blocks("The Conference took note of the report of the First Review Conference (Rome, 1-3 May 2027).")
    meeting = extract_meeting(header, body, phrasings.meeting, "ABC/CONF/2032/5")
    assert meeting is not None
    assert (meeting.kind, meeting.ordinal, meeting.venue, meeting.symbol) == ("review_conference", 2, "Lima", "ABC/CONF/2032/5")
    assert meeting.start is not None and meeting.start.value == date(2032, 11, 30)
    assert meeting.end is not None and meeting.end.value == date(2032, 12, 3)
    assert meeting.year == 2032


def test_year_never_from_a_symbol(phrasings: Phrasings) -> None:
    blocks = make_blocks(("heading", "Work of the Fifth Meeting of States Parties"), "Adopted as XYZ/MSP/2019/3.")
    meeting = extract_meeting([], blocks, phrasings.meeting)
    assert meeting is not None and meeting.ordinal == 5
    assert meeting.year is None and meeting.dates == []


def test_dates_in_an_opening_phrase_and_a_parenthesis(phrasings: Phrasings) -> None:
    opening = make_blocks(("heading", "Work of the Ninth Meeting of States Parties"), "Over three days, from 3 to 5 May 2033, the Meeting met in six sessions.")
    meeting = extract_meeting([], opening, phrasings.meeting)
    assert meeting is not None and meeting.end is not None and meeting.end.value == date(2033, 5, 5)
    parenthesis = make_blocks(("heading", "Report of the 9MSP"), "The Ninth Meeting of States Parties (Bern, 3–5 May 2033) adopted its report.")
    meeting = extract_meeting([], parenthesis, phrasings.meeting)
    assert meeting is not None and meeting.venue == "Bern" and meeting.ordinal == 9


def test_absent_when_unsaid(phrasings: Phrasings) -> None:
    assert extract_meeting([], make_blocks("Nothing about any meeting here."), phrasings.meeting) is None
