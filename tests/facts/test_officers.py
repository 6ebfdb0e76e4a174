from ccmlint.facts.meeting import ThisMeeting
from ccmlint.facts.names import StateNames
from ccmlint.facts.officers import extract_officers
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import covered, make_blocks

SEVENTH = ThisMeeting("meeting_of_states_parties", 7)


def officers(phrasings: Phrasings, names: StateNames, *texts: str):
    blocks = make_blocks(*texts)
    found = extract_officers(blocks, phrasings.officers, phrasings.meeting, phrasings.lists, SEVENTH, names)
    return blocks, found


def test_president_of_this_meeting_not_of_the_next(phrasings: Phrasings, names: StateNames) -> None:
    blocks, found = officers(
        phrasings,
        names,
        "The Meeting elected Ambassador Ana Lima, Permanent Representative of Peru, as the President of the "
        "Eighth Meeting of States Parties.",
        "The Meeting was opened by Ambassador Jan de Vries of the Netherlands, President of the Seventh Meeting "
        "of States Parties.",
    )
    assert found.president is not None
    assert found.president.text == "Jan de Vries"
    assert covered(blocks[1].prose, found.president.span) == "Jan de Vries"
    assert found.president.state is not None and found.president.state.state == "Kingdom of the Netherlands"
    assert covered(blocks[1].prose, found.president.state.span) == "Netherlands"


def test_president_with_post_and_other_phrasings(phrasings: Phrasings, names: StateNames) -> None:
    _, found = officers(
        phrasings,
        names,
        "The Sixth Meeting confirmed the designation of Ms. Ama Owusu, Permanent Representative of Ghana to the "
        "United Nations at Vienna, to preside over the Seventh Meeting of States Parties.",
    )
    assert found.president is not None and found.president.text == "Ama Owusu"
    assert found.president.state is not None and found.president.state.state == "Ghana"
    _, found = officers(phrasings, names, "The President, Ambassador Ines Rocha of Chile, opened the Meeting.")
    assert found.president is not None and found.president.state is not None
    assert (found.president.text, found.president.state.text) == ("Ines Rocha", "Chile")


def test_vice_presidents_in_three_shapes(phrasings: Phrasings, names: StateNames) -> None:
    shapes = [
        "At its first session, Austria, the United Kingdom and Bosnia and Herzegovina were elected by acclamation "
        "as Vice-Presidents of the Seventh Meeting of States Parties.",
        "The Meeting elected Austria, United Kingdom and Bosnia and Herzegovina by acclamation to serve as "
        "Vice-Presidents of the Meeting.",
        "The Meeting elected the following Vice-Presidents: Austria, United Kingdom and Bosnia and Herzegovina.",
    ]
    for text in shapes:
        blocks, found = officers(phrasings, names, text)
        assert [ref.state for ref in found.vice_presidents] == [
            "Austria", "United Kingdom of Great Britain and Northern Ireland", "Bosnia and Herzegovina",
        ], text
        assert covered(blocks[0].prose, found.vice_presidents[2].span) == "Bosnia and Herzegovina"


def test_vice_presidents_of_another_meeting_are_not_ours(phrasings: Phrasings, names: StateNames) -> None:
    _, found = officers(phrasings, names, "Chile and Peru were elected as Vice-Presidents of the Sixth Meeting of States Parties.")
    assert found.vice_presidents == []


def test_secretary_general_with_initial_and_post(phrasings: Phrasings, names: StateNames) -> None:
    blocks, found = officers(
        phrasings,
        names,
        "The Secretary-General of the United Nations convened the Meeting.",
        "The Meeting confirmed the nomination of B. Kofi Mensah, Head of the Support Branch of the Office for "
        "Treaty Affairs as Secretary-General of the Meeting.",
    )
    assert found.secretary_general is not None
    assert found.secretary_general.text == "B. Kofi Mensah"
    assert covered(blocks[1].prose, found.secretary_general.span) == "B. Kofi Mensah"
