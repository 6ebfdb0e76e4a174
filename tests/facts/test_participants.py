from ccmlint.facts.names import StateNames
from ccmlint.facts.participants import extract_participants
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import covered, make_blocks


def extract(phrasings: Phrasings, names: StateNames, *texts: str):
    blocks = make_blocks(*texts)
    return blocks, extract_participants(blocks, phrasings.participants, phrasings.lists, names)


def test_categories_and_list_positions(phrasings: Phrasings, names: StateNames) -> None:
    blocks, found = extract(
        phrasings,
        names,
        "The following States Parties participated in the work of the Meeting: Austria, Bosnia and Herzegovina, "
        "Lao Peoples’ Democratic Republic, the Netherlands and Uruguay.",
        "The following signatory States took part in the work of the Meeting as observers: Ghana and Nigeria.",
        "Senegal and Sweden also participated in the work of the Meeting as observers.",
        "The Alpha Service (AS), the Beta and Gamma Institute (BGI) and Delta Aid also participated in the work "
        "of the Meeting as observers, in accordance with rule 1 (2) of the rules of procedure.",
        "The Sigma Union participated in the work of the Meeting as an observer under rule 1.3 of the rules of procedure.",
    )
    assert [ref.text for ref in found.states_parties] == [
        "Austria", "Bosnia and Herzegovina", "Lao Peoples’ Democratic Republic", "Netherlands", "Uruguay",
    ]
    assert [ref.state for ref in found.states_parties][2:4] == [None, "Kingdom of the Netherlands"]
    lao = found.states_parties[2]
    assert covered(blocks[0].prose, lao.span) == "Lao Peoples’ Democratic Republic"
    assert [ref.state for ref in found.signatories] == ["Ghana", "Nigeria"]
    assert [ref.state for ref in found.observer_states] == ["Senegal", "Sweden"]
    assert [(org.text, org.acronym, org.rule) for org in found.organizations] == [
        ("Alpha Service (AS)", "AS", "1 (2)"),
        ("Beta and Gamma Institute (BGI)", "BGI", "1 (2)"),
        ("Delta Aid", None, "1 (2)"),
        ("Sigma Union", None, "1 (3)"),
    ]
    assert covered(blocks[3].prose, found.organizations[1].span) == "Beta and Gamma Institute (BGI)"
    assert [item.category for item in found.lists] == [
        "states_parties", "signatories", "observer_states", "organizations", "organizations",
    ]


def test_list_after_an_introductory_phrase(phrasings: Phrasings, names: StateNames) -> None:
    _, found = extract(phrasings, names, "In addition, Chile and Peru took part in the work of the Meeting as observers.")
    assert [ref.text for ref in found.observer_states] == ["Chile", "Peru"]


def test_other_sentences_are_not_lists(phrasings: Phrasings, names: StateNames) -> None:
    _, found = extract(phrasings, names, "States Parties delivered general statements.", "Chile thanked the Meeting.")
    assert found.lists == []
