from datetime import date

from ccmlint.facts.meeting import ThisMeeting
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.plenaries import extract_plenaries
from tests.facts.conftest import covered, make_blocks

SEVENTH = ThisMeeting("meeting_of_states_parties", 7)


def test_count_ordinals_and_dates(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "The Seventh Meeting of States Parties held five plenary sessions between 1 and 4 June 2030.",
        "At the first and the fourth plenary sessions, on 1 and 3 June 2030, the Meeting considered two requests.",
        "From its second to its fifth plenary session, the Meeting reviewed the status of the Convention.",
        "At its sixth plenary meeting, on 4 June 2030, the Meeting adopted its report.",
        "At its closing plenary session, the Sixth Meeting of States Parties decided to meet in Oslo.",
        "At its 80th plenary meeting, the General Assembly adopted resolution 84/1.",
    )
    found = extract_plenaries(blocks, SEVENTH, phrasings.plenaries, phrasings.meeting)
    assert found.held is not None and found.held.count == 5
    assert [(ref.ordinal, ref.date.value if ref.date else None) for ref in found.sessions] == [
        (1, date(2030, 6, 1)), (4, date(2030, 6, 3)), (2, None), (5, None), (6, date(2030, 6, 4)),
    ]
    assert covered(blocks[3].prose, found.sessions[-1].span) == "sixth"


def test_a_range_of_dates_is_not_spread_over_sessions(phrasings: Phrasings) -> None:
    blocks = make_blocks("At its second and third plenary sessions, from 1 to 2 June 2030, general statements were made.")
    found = extract_plenaries(blocks, SEVENTH, phrasings.plenaries, phrasings.meeting)
    assert [(ref.ordinal, ref.date) for ref in found.sessions] == [(2, None), (3, None)]
