import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccmlint.facts.phrasings import PhrasingsError, any_of, load_phrasings
from ccmlint.prefilter import needs


def test_packs_merge_lists_and_override(tmp_path: Path) -> None:
    default = load_phrasings()
    assert default.meeting.abbreviations["MSP"] == "meeting_of_states_parties"
    assert default.extensions.topic  # the ccm pack narrowed the generic empty list


def test_a_broken_pattern_names_its_file_and_key(tmp_path: Path) -> None:
    real = load_phrasings.__wrapped__  # type: ignore[attr-defined]
    generic = Path(__file__).resolve().parents[2] / "rules" / "generic" / "facts.yaml"
    (tmp_path / "generic").mkdir()
    (tmp_path / "generic" / "facts.yaml").write_text(generic.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "facts.yaml").write_text("meeting:\n  venue: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(PhrasingsError, match=r"bad/facts.yaml: meeting\.venue"):
        real(("generic", "bad"), tmp_path)
    (tmp_path / "bad" / "facts.yaml").write_text("meeting:\n  colour: red\n", encoding="utf-8")
    with pytest.raises(PhrasingsError, match=r"meeting\.colour"):
        real(("generic", "bad"), tmp_path)


def test_any_of_is_built_once_for_equal_lists() -> None:
    assert any_of(["a", "b"]) is any_of(("a", "b"))
    assert any_of([]).search("anything") is None


@pytest.mark.parametrize(
    ("pattern", "text", "start", "end"),
    [
        (r"(?<=abc)d", "xxabcd", 5, 6),  # the look-behind's words lie before the slice
        (r"(?<=(?<=b)cd)e", "bcde", 3, 4),  # a look-behind within a look-behind reads further back
        (r"President of", "the President of", 4, 16),
    ],
)
def test_a_bounded_search_is_never_skipped_when_it_would_match(pattern: str, text: str, start: int, end: int) -> None:
    assert re.compile(pattern).search(text, start, end) is not None
    assert needs(pattern).may_match(text, start, end)


_CUES = [
    *load_phrasings().officers.president,
    *load_phrasings().officers.secretary_general,
    *load_phrasings().officers.president_named_after,
    r"(?P<a>Meetings? of (?:the )?States? [Pp]art(?:y|ies))|\b\d{1,3}\s?(?P<s>MSP|RC)\b",
    r"x(?:ab|cd)y",
    r"(?:as\s+)?(?:the\s+)?Secretary[- ]General of\s+",
]
_PIECES = ["as ", "the ", "President", " of ", "President of ", "preside over ", "Secretary-General", "General of ",
           "The President, ", "Meeting", "s", " States Parties", "12", "MSP", "RC", "ab", "cd", "x", "y", "-", " ", "T"]


@given(st.sampled_from(_CUES), st.lists(st.sampled_from(_PIECES), max_size=10), st.integers(0, 30), st.integers(0, 150))
def test_a_text_without_the_required_words_never_matches(cue: str, pieces: list[str], start: int, end: int) -> None:
    """The shortcut never skips a search that would have found something."""
    pattern, text = re.compile(cue), "".join(pieces)
    needed = needs(cue)
    assert needed.needles is not None  # the shortcut applies to every cue here
    if pattern.search(text, start, end) is not None:
        assert needed.may_match(text, start, end)
    if pattern.search(text) is not None:
        assert needed.may_match(text)
