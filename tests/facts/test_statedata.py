"""The full names data: forms and their status, articles, sort keys, strict loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.facts.statedata import StateDataError, apostrophes_like, collation_key, load_state_data


def test_every_state_is_known_by_its_name_and_variants() -> None:
    data = load_state_data()
    assert len(data.entries) == 197
    assert data.form("the Czech Republic").state == "Czechia"  # type: ignore[union-attr]
    assert data.form("Czech Republic").status == "error"  # type: ignore[union-attr]
    assert data.form("Lao PDR").status == "accepted"  # type: ignore[union-attr]
    assert data.form("Lao People’s Democratic Republic").status == "name"  # type: ignore[union-attr]
    assert data.form("Atlantis") is None


def test_written_forms_drop_a_leading_article() -> None:
    written = load_state_data().written
    assert "former Yugoslav Republic of Macedonia" in written
    assert not any(form.casefold().startswith("the ") for form in written)


def test_articles_in_running_text() -> None:
    data = load_state_data()
    assert data.takes_article("Republic of Moldova")
    assert data.takes_article("Philippines")
    assert not data.takes_article("Czechia")


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("Colombia", "Côte d’Ivoire"),
        ("Côte d’Ivoire", "Croatia"),
        ("Thailand", "Türkiye"),
        ("Guinea", "Guinea-Bissau"),
        ("Niger", "Nigeria"),
        ("Namibia", "Kingdom of the Netherlands"),
        ("Kingdom of the Netherlands", "New Zealand"),
        ("Somalia", "South Africa"),
        ("North Macedonia", "Norway"),
        ("United Arab Emirates", "United Kingdom"),
        ("Bolivia (Plurinational State of)", "Bosnia and Herzegovina"),
        ("Gambia", "the Gambia (Republic of The)"),
    ],
)
def test_english_alphabetical_order(earlier: str, later: str) -> None:
    data = load_state_data()
    assert data.sort_key(earlier) <= data.sort_key(later)


def test_an_error_form_sorts_as_written() -> None:
    data = load_state_data()
    assert data.sort_key("Moldova") == "moldova"
    assert data.sort_key("Republic of Moldova") == "republic of moldova"


def test_collation_folds_case_accents_punctuation_and_the() -> None:
    assert collation_key("the Côte d’Ivoire") == "cote d ivoire"


def test_apostrophes_follow_the_report() -> None:
    assert apostrophes_like("Côte d'Ivoire", "Ivory Coast") == "Côte d\u2019Ivoire"
    assert apostrophes_like("Côte d'Ivoire", "Cote d'Ivoire") == "Côte d'Ivoire"


def test_a_misspelt_field_is_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "states.yaml"
    bad.write_text("states:\n  - {name: Chile, un_status: member, varients: []}\n", encoding="utf-8")
    with pytest.raises(StateDataError, match=r"states\[0\] varients"):
        load_state_data(bad)


def test_absent_file_means_no_data(tmp_path: Path) -> None:
    assert load_state_data(tmp_path / "none.yaml").forms == {}
