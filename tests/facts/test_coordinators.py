from ccmlint.facts.coordinators import extract_coordinators
from ccmlint.facts.meeting_refs import MeetingCycle
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import covered, make_blocks


def test_working_groups_and_thematic_areas(phrasings: Phrasings, names: StateNames, cycle: MeetingCycle) -> None:
    blocks = make_blocks(
        "Chile and Peru, as Coordinators of the Working group on Universalization, reported on their work.",
        "The Meeting welcomed new Coordinators for the intersessional period, as follows:",
        ("list_item", "Working group on Universalization: Chile (until the end of the Eighth Meeting of States "
                      "Parties) working with Sao Tome and Principe (until the end of the Fifth Review Conference);"),
        ("list_item", "Working group on Victim Assistance: Peru (until the end of the Eighth Meeting of States "
                      "Parties) working with (TBC) (until the end of the Fifth Review Conference)."),
        "The Meeting also welcomed the Coordinators of the following thematic areas:",
        "Transparency measures: Belgium",
        ("subheading", "National implementation: Lao PDR"),
        "The Meeting thanked the outgoing Coordinators: it was a good year.",
    )
    found = extract_coordinators(blocks, phrasings.coordinators, phrasings.meeting, names, cycle)
    summary = [
        (item.group, item.area, item.state.state if item.state else None, item.placeholder,
         item.term_end.ordinal if item.term_end else None, item.term_end.year if item.term_end else None)
        for item in found
    ]
    assert summary == [
        ("working_group", "Working group on Universalization", "Chile", None, 8, 2030),
        ("working_group", "Working group on Universalization", "Sao Tome and Principe", None, 5, 2031),
        ("working_group", "Working group on Victim Assistance", "Peru", None, 8, 2030),
        ("working_group", "Working group on Victim Assistance", None, "(TBC)", 5, 2031),
        ("thematic_area", "Transparency measures", "Belgium", None, None, None),
        ("thematic_area", "National implementation", "Lao People's Democratic Republic", None, None, None),
    ]
    sao_tome = found[1]
    assert sao_tome.state is not None
    assert covered(blocks[2].prose, sao_tome.state.span) == "Sao Tome and Principe"
    assert sao_tome.term_end is not None
    assert covered(blocks[2].prose, sao_tome.term_end.span) == "Fifth Review Conference"


def test_mentions_without_an_introduction_are_not_appointments(
    phrasings: Phrasings, names: StateNames, cycle: MeetingCycle
) -> None:
    blocks = make_blocks("Working group on Universalization: Chile (until the end of the Eighth Meeting of States Parties).")
    assert extract_coordinators(blocks, phrasings.coordinators, phrasings.meeting, names, cycle) == []
