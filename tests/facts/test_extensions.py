from datetime import date

from ccmlint.facts.extensions import extract_extensions
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import covered, make_blocks


def test_state_from_subheading_or_sentence(phrasings: Phrasings, names: StateNames) -> None:
    blocks = make_blocks(
        ("subheading", "Lao People’s Democratic Republic"),
        "The Meeting assessed the request submitted by Lao PDR for an extension of its Article 4 clearance "
        "deadline and agrees to grant the request for an extension of four years until 1 March 2031.",
        "In granting the request, the Meeting noted the work plan.",
        "Having assessed the request submitted by Bosnia and Herzegovina under Article 4, the Meeting decided to "
        "grant the request for an extension of 3 years until 1 May 2030.",
    )
    found = extract_extensions(blocks, phrasings.extensions, names)
    assert [(item.state.state if item.state else None, item.years, item.until.value if item.until else None) for item in found] == [
        ("Lao People's Democratic Republic", 4, date(2031, 3, 1)),
        ("Bosnia and Herzegovina", 3, date(2030, 5, 1)),
    ]
    assert found[0].state is not None
    assert covered(blocks[0].prose, found[0].state.span) == "Lao People’s Democratic Republic"
    assert found[1].state is not None and covered(blocks[3].prose, found[1].state.span) == "Bosnia and Herzegovina"
    assert found[0].until is not None and covered(blocks[1].prose, found[0].until.span) == "1 March 2031"


def test_other_deadlines_are_not_clearance_extensions(phrasings: Phrasings, names: StateNames) -> None:
    blocks = make_blocks(
        "The Meeting agreed to grant the request by Peru for an extension of two years until 1 June 2030 for "
        "the destruction of its stockpiles under Article 3."
    )
    assert extract_extensions(blocks, phrasings.extensions, names) == []
