from pathlib import Path

from ccmlint.facts.names import StateNames, load_state_names


def test_resolves_exactly_after_folding(names: StateNames) -> None:
    assert names.resolve("the Netherlands") == "Kingdom of the Netherlands"
    assert names.resolve("Netherlands") == "Kingdom of the Netherlands"
    assert names.resolve("Kingdom of the Netherlands") == "Kingdom of the Netherlands"
    assert names.resolve("Lao People’s Democratic Republic") == "Lao People's Democratic Republic"
    assert names.resolve("CZECH  republic") == "Czechia"
    assert names.resolve("Côte d’Ivoire") == "Côte d'Ivoire"


def test_near_misses_stay_unresolved(names: StateNames) -> None:
    assert names.resolve("Lao Peoples’ Democratic Republic") is None
    assert names.resolve("Austira") is None
    assert names.resolve("Bosnia Herzegovina") is None


def test_longest_at_prefers_the_longer_name(names: StateNames) -> None:
    text = "Nigeria and Niger"
    assert names.longest_at(text, 0) == (7, "Nigeria")
    assert names.longest_at("Bosnia and Herzegovina, Chile", 0) == (22, "Bosnia and Herzegovina")


def test_malformed_entries_are_skipped() -> None:
    names = StateNames.from_entries([{"name": "Peru", "variants": ["Republic of Peru", {"status": "x"}]}, "junk", {}])
    assert names.resolve("Republic of Peru") == "Peru"


def test_missing_file_gives_empty_index(tmp_path: Path) -> None:
    assert load_state_names(tmp_path / "absent.yaml").resolve("Peru") is None
