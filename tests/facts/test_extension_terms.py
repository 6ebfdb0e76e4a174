from datetime import date

from ccmlint.facts.extension_terms import ON_RECORD, STATED, extract_extension_terms
from ccmlint.facts.extensions import extract_extensions
from ccmlint.facts.names import StateNames
from ccmlint.facts.packdata import PackData
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import make_blocks
from tests.checks.factsbuild import meeting

DATA = PackData(previous_deadlines={("Chile", "meeting_of_states_parties", 7): date(2026, 3, 1)})


def test_the_stated_deadline_then_the_record(phrasings: Phrasings, names: StateNames) -> None:
    blocks = make_blocks(
        ("subheading", "Peru"),
        "The Meeting assessed the request submitted by Peru to extend, under Article 4, its deadline of 1 May 2027 "
        "for clearing all cluster munition remnants, and agrees to grant the request for an extension of two years until 1 May 2029.",
        ("subheading", "Chile"),
        "The Meeting assessed the request submitted by Chile under Article 4 and agrees to grant the request for an "
        "extension of four years until 1 March 2030.",
        ("subheading", "Sweden"),
        "The Meeting assessed the request submitted by Sweden under Article 4 and agrees to grant the request for an "
        "extension of one year until 1 March 2030.",
    )
    extensions = extract_extensions(blocks, phrasings.extensions, names)
    terms = extract_extension_terms(blocks, extensions, meeting(7, 2030), phrasings.arithmetic, DATA)
    assert [(term.state.state if term.state else None, term.previous, term.basis) for term in terms] == [
        ("Peru", date(2027, 5, 1), STATED), ("Chile", date(2026, 3, 1), ON_RECORD),
    ]
    assert extract_extension_terms(blocks, extensions, meeting(8, 2031), phrasings.arithmetic, DATA)[1:] == []
