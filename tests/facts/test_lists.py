from ccmlint.facts.lists import split_organizations, split_states
from ccmlint.facts.names import StateNames


def items(text: str, names: StateNames) -> list[tuple[str, str | None]]:
    return [(text[item.start : item.end], item.state) for item in split_states(text, 0, len(text), names)]


def test_and_inside_known_names_is_not_a_separator(names: StateNames) -> None:
    assert items("Austria, Bosnia and Herzegovina, Sao Tome and Principe, and Uruguay.", names) == [
        ("Austria", "Austria"),
        ("Bosnia and Herzegovina", "Bosnia and Herzegovina"),
        ("Sao Tome and Principe", "Sao Tome and Principe"),
        ("Uruguay", "Uruguay"),
    ]


def test_serial_comma_or_not(names: StateNames) -> None:
    assert [state for _, state in items("Chile, Ghana and Peru", names)] == ["Chile", "Ghana", "Peru"]
    assert [state for _, state in items("Chile, Ghana, and Peru", names)] == ["Chile", "Ghana", "Peru"]


def test_names_with_brackets_and_articles(names: StateNames) -> None:
    assert items("Bolivia (Plurinational State of), the United Kingdom of Great Britain and Northern Ireland and Niger", names) == [
        ("Bolivia (Plurinational State of)", "Bolivia (Plurinational State of)"),
        ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"),
        ("Niger", "Niger"),
    ]


def test_unknown_names_keep_their_words(names: StateNames) -> None:
    assert items("Austira and Belgium, Trinidad and Tobgo, Lao Peoples’ Democratic Republic", names) == [
        ("Austira", None),
        ("Belgium", "Belgium"),
        ("Trinidad and Tobgo", None),
        ("Lao Peoples’ Democratic Republic", None),
    ]


def test_prefix_of_a_longer_unknown_word_is_not_a_name(names: StateNames) -> None:
    assert items("Nigerland, Chile", names) == [("Nigerland", None), ("Chile", "Chile")]


def test_organizations_split_at_commas_and_after_acronyms() -> None:
    text = "The Alpha and Beta Foundation (ABF), Gamma Service (GS) and Delta Office for Peace and Security, and The Omega Trust"
    assert [text[start:end] for start, end in split_organizations(text, 0, len(text))] == [
        "The Alpha and Beta Foundation (ABF)",
        "Gamma Service (GS)",
        "Delta Office for Peace and Security",
        "The Omega Trust",
    ]
