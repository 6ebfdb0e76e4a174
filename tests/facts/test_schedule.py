from datetime import date

from ccmlint.facts.meeting import extract_meeting
from ccmlint.facts.meeting_refs import MeetingCycle
from ccmlint.facts.packdata import PackData
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.schedule import extract_schedule
from tests.facts.conftest import covered, make_blocks

MSP, RC = "meeting_of_states_parties", "review_conference"
DATA = PackData(meeting_years={(MSP, 6): (2029,), (MSP, 7): (2030,), (MSP, 8): (2031,), (RC, 2): (2027, 2028)})
OWN = ["(?:Convention|Treaty)\\b(?!\\s+(?:on|for)\\b)"]


def schedule(phrasings: Phrasings, *texts: str, header: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    blocks = make_blocks(*texts)
    head = make_blocks(*(("header", line) for line in header))
    meeting = extract_meeting(head, blocks, phrasings.meeting)
    found = extract_schedule(head, blocks, meeting, phrasings.schedule, phrasings.meeting, MeetingCycle({}), DATA, OWN)
    return found, blocks


def test_meetings_with_their_years(phrasings: Phrasings) -> None:
    found, blocks = schedule(
        phrasings,
        "The Seventh Meeting of States Parties was held in Oslo, Norway on 1, 2, and 4 June 2030.",
        "The Sixth Meeting of States Parties (Vienna, 2-5 May 2029) decided that the Seventh Meeting of States "
        "Parties would take place from 1 to 4 June 2030 in Oslo.",
        "The Second Review Conference of States Parties to the Convention (Rome, 1-3 May 2027 and 2-3 June 2028) met.",
        "The Eighth Meeting of States Parties to be held in 2032 will be presided over by Chile.",
        "The Sixth Meeting of States Parties welcomed the report covering 1 July 2027 to 30 June 2028.",
    )
    assert [(item.meeting.ordinal, item.year, item.cycle_years) for item in found.dated] == [
        (7, 2030, [2030]), (6, 2029, [2029]), (2, 2027, [2027, 2028]), (8, 2032, [2031]),
    ]
    assert covered(blocks[1].prose, found.dated[1].span) == "Sixth Meeting of States Parties (Vienna, 2-5 May 2029"


def test_upcoming_and_earlier_meetings(phrasings: Phrasings) -> None:
    found, _ = schedule(
        phrasings,
        "The Seventh Meeting of States Parties was held in Oslo on 1 June 2030.",
        "The Sixth Meeting of States Parties (Vienna, 2-5 May 2029) decided that the Fifth Meeting of States Parties "
        "would take place in Oslo.",
        "The Meeting decided that the Eighth Meeting of States Parties will take place in Lima.",
        "No accession took place since the Sixth Meeting of States Parties, as adopted by the Fifth Meeting of States Parties.",
        "The Seventh Meeting of States Parties adopted its report.",
        "The Meeting noted the work of the Ninth Meeting of the States Parties to the Ottawa Convention, held in 2029.",
        "The Meeting decided to hold the review at the Eighth Meeting of States Parties.",
    )
    assert [ref.ordinal for ref in found.upcoming] == [8]
    assert [ref.ordinal for ref in found.earlier] == [6, 6, 5]


def test_weeks_and_the_days_of_a_range(phrasings: Phrasings) -> None:
    found, _ = schedule(
        phrasings,
        "The Meeting decided to meet again during the week of 9 June 2031 and in the week beginning Monday, 1 March 2032.",
        header=("Seventh Meeting of States Parties", "Oslo, 30 May–2 June 2030"),
    )
    assert [week.value for week in found.weeks] == [date(2031, 6, 9), date(2032, 3, 1)]
    assert [day.value for day in found.days] == [date(2030, 5, 30), date(2030, 5, 31), date(2030, 6, 1), date(2030, 6, 2)]


def test_the_days_of_a_list_are_the_days_written(phrasings: Phrasings) -> None:
    found, _ = schedule(phrasings, "The Seventh Meeting of States Parties was held in Oslo on 1, 2, and 4 June 2030.")
    assert [day.value.day for day in found.days] == [1, 2, 4]
