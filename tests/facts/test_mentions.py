"""State mentions in prose: longest match, whole words, capitals, what is not a State,
the article kept apart, and enumerations."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from ccmlint.facts.mentions import _form_tokens, _forms_pattern, _whole_forms, extract_state_names
from ccmlint.facts.model import Passage, PassageKind, StateNameFacts
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.statedata import StateData, load_state_data
from tests.facts.conftest import covered, make_prose


def passage(text: str, kind: PassageKind = "paragraph") -> Passage:
    prose = make_prose(text)
    return Passage(kind=kind, text=text, prose=prose, span=prose.span())


def read(phrasings: Phrasings, *texts: str, data: StateData | None = None) -> StateNameFacts:
    return extract_state_names([passage(text) for text in texts], data or load_state_data(), phrasings.state_names)


def written(found: StateNameFacts) -> list[str]:
    return [mention.text for mention in found.mentions]


def test_longest_name_wins_and_names_are_whole_words(phrasings: Phrasings) -> None:
    found = read(
        phrasings,
        "Niger, Nigeria, Guinea-Bissau, Papua New Guinea, Equatorial Guinea, Guinea, Sudan, South Sudan, "
        "Dominica, the Dominican Republic and the Democratic Republic of the Congo met the Congo.",
    )
    assert written(found) == [
        "Niger", "Nigeria", "Guinea-Bissau", "Papua New Guinea", "Equatorial Guinea", "Guinea", "Sudan",
        "South Sudan", "Dominica", "Dominican Republic", "Democratic Republic of the Congo", "Congo",
    ]
    assert [mention.state for mention in found.mentions][-2:] == ["Democratic Republic of the Congo", "Congo"]


def test_korea_inside_a_longer_name_is_not_the_republic_of_korea(phrasings: Phrasings) -> None:
    found = read(phrasings, "The Democratic People's Republic of Korea and the Korean Peninsula.")
    assert [(mention.text, mention.form) for mention in found.mentions] == [("Democratic People's Republic of Korea", "name")]


def test_capitals_count_and_apostrophes_fold(phrasings: Phrasings) -> None:
    found = read(phrasings, "A roast turkey on china plates; Côte d’Ivoire and Lao People’s Democratic Republic.")
    assert [(mention.text, mention.state) for mention in found.mentions] == [
        ("Côte d’Ivoire", "Côte d'Ivoire"),
        ("Lao People’s Democratic Republic", "Lao People's Democratic Republic"),
    ]


def test_names_that_belong_to_other_names_are_not_states(phrasings: Phrasings) -> None:
    found = read(
        phrasings,
        "Ambassador Holland met Ms. Jordan in Mexico City and visited the Lebanon Mine Action Centre.",
        "A speaker from the University of Balamand, Lebanon, and the Geneva International Centre.",
        "Delegates from British Columbia and the District of Columbia.",
    )
    assert written(found) == ["Lebanon"]


def test_forms_are_judged_by_the_names_data(phrasings: Phrasings) -> None:
    found = read(phrasings, "Czech Republic, the Netherlands and the Plurinational State of Bolivia spoke; Moldova listened.")
    assert [(m.text, m.state, m.form, m.changed, m.interchangeable) for m in found.mentions] == [
        ("Czech Republic", "Czechia", "error", 2016, False),
        ("Netherlands", "Kingdom of the Netherlands", "accepted", 2024, False),
        ("Plurinational State of Bolivia", "Bolivia (Plurinational State of)", "accepted", None, True),
        ("Moldova", "Republic of Moldova", "error", None, False),
    ]


def test_the_article_is_kept_apart(phrasings: Phrasings) -> None:
    text = "The Meeting thanked the Philippines and The Gambia."
    found = read(phrasings, text)
    philippines, gambia = found.mentions
    assert covered(make_prose(text), philippines.span) == "Philippines"
    assert philippines.article_span is not None and covered(make_prose(text), philippines.article_span) == "the"
    assert gambia.article_span is not None and covered(make_prose(text), gambia.article_span) == "The"


def test_three_names_in_a_row_are_an_enumeration(phrasings: Phrasings) -> None:
    found = read(
        phrasings,
        "Chile and Peru reported. Austria, Belgium, and the Philippines spoke; Ghana, Mexico then Peru.",
    )
    assert [enumeration.text for enumeration in found.enumerations] == ["Austria, Belgium, and the Philippines"]
    assert [mention.in_list for mention in found.mentions] == [False, False, True, True, True, False, False, False]
    assert found.enumerations[0].alphabetical is False


def test_a_list_after_submitted_by_is_to_be_alphabetical(phrasings: Phrasings) -> None:
    found = read(phrasings, "CCM/MSP/2024/WP.4, submitted by Austria, Chile, Norway, North Macedonia and Peru.")
    (enumeration,) = found.enumerations
    assert enumeration.alphabetical is True
    assert [mention.text for mention in enumeration.states] == ["Austria", "Chile", "Norway", "North Macedonia", "Peru"]


def test_the_masthead_is_not_read(phrasings: Phrasings) -> None:
    found = extract_state_names([passage("Geneva, Switzerland", "header")], load_state_data(), phrasings.state_names)
    assert found.mentions == []


def test_no_names_data_means_no_mentions(phrasings: Phrasings) -> None:
    assert read(phrasings, "Chile spoke.", data=StateData({}, {})).mentions == []


_FORMS = ("South Sudan", "Sudan", "Niger", "Nigeria", "Côte d’Ivoire", "Côte d'Ivoire", "Guinea", "Guinea-Bissau",
          "Guinea Bissau", "Papua New Guinea", "Equatorial Guinea", "Congo", "Democratic Republic of the Congo")


@given(st.lists(st.sampled_from([*_FORMS, "x", "-", "_", "é", " ", "  ", "\n", ", ", "1", "’", "'", "South", "Guinea "]), max_size=12))
def test_forms_are_found_only_as_whole_words(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = _forms_pattern(_FORMS)
    assert pattern is not None
    longest_first = sorted(_FORMS, key=len, reverse=True)
    alternatives = "|".join("".join(_form_tokens(form)) for form in longest_first)
    definition = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    assert [match.span() for match in _whole_forms(pattern, text)] == [match.span() for match in definition.finditer(text)]
