import re
from pathlib import Path

from hypothesis import given, strategies as st

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


def _longest_by_definition(names: StateNames, text: str, start: int) -> tuple[int, str] | None:
    """The specification of ``longest_at``, without its shortcuts: every run of up to
    twelve words from ``start``, with and without its trailing punctuation, resolved whole."""
    best: tuple[int, str] | None = None
    for count, word in enumerate(re.finditer(r"\S+", text[start:])):
        if count >= 12:
            break
        ends = {start + word.end(), start + word.start() + len(word.group().rstrip(",;:.!?"))}
        for end in sorted(ends):
            state = names.resolve(text[start:end])
            if state is not None and (best is None or end > best[0]):
                best = (end, state)
    return best


_PIECES = st.sampled_from(
    ["Bosnia", "and", "Herzegovina", "the", "The", "Netherlands", "Kingdom", "of", "Niger", "Nigeria", "Korea,",
     "Republic", "Lao", "People’s", "Democratic", "Côte", "d’Ivoire", "Chile;", "Peru.", ",", "Congo", "(the)",
     "United", "States", "America", "Guinea-Bissau", "Guinea", "New", "Papua"]
)


@given(words=st.lists(_PIECES, max_size=10), separators=st.lists(st.sampled_from([" ", ", ", "  ", "\n", "\u00a0"]), min_size=10, max_size=10))
def test_longest_at_finds_what_trying_every_run_of_words_finds(words: list[str], separators: list[str]) -> None:
    names = load_state_names()
    text = "".join(word + separator for word, separator in zip(words, separators))
    for start in [0, *(match.end() for match in re.finditer(r"\s+", text))]:
        assert names.longest_at(text, start) == _longest_by_definition(names, text, start)


def test_longest_at_stops_when_no_name_can_begin_so(names: StateNames) -> None:
    looked_up: list[str] = []

    class CountingForms(dict[str, str]):
        def get(self, key: str, default: object = None) -> object:
            looked_up.append(key)
            return super().get(key, default)

    counting = StateNames(CountingForms(names.forms))
    assert counting.longest_at("Bosnia and Herzegovina " + "word " * 50, 0) == (22, "Bosnia and Herzegovina")
    assert len(looked_up) <= 4 * 2
