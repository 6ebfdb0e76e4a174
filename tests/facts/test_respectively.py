from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.respectively import extract_pairings
from tests.facts.conftest import make_blocks


def pairings(phrasings: Phrasings, names: StateNames, text: str) -> list[tuple[int, int]]:
    found = extract_pairings(make_blocks(text), names, phrasings.meeting.symbol, (), phrasings.arithmetic)
    return [(item.items, item.partners) for item in found]


def test_counted_lists(phrasings: Phrasings, names: StateNames) -> None:
    assert pairings(phrasings, names, "Chile and Peru, as coordinators for transparency and for national measures respectively, reported.") == [(2, 2)]
    assert pairings(phrasings, names, "Requests by Chile, Peru and Bosnia and Herzegovina are in ABC/MSP/2030/4 and ABC/MSP/2030/5, respectively.") == [(2, 3)]


def test_what_cannot_be_counted_gives_no_fact(phrasings: Phrasings, names: StateNames) -> None:
    assert pairings(phrasings, names, "Chile and Peru presented these requests in ABC/MSP/2030/4, ABC/MSP/2030/5 and ABC/MSP/2030/6, respectively.") == []
    assert pairings(phrasings, names, "Chile and Peru, with Ghana and Sweden, presented ABC/MSP/2030/4 and ABC/MSP/2030/5, respectively.") == []
    assert pairings(phrasings, names, "The reports were submitted in time and in full, respectively.") == []
