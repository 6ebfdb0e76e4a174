"""What the ``pattern`` kind reads from a pattern to search less (``prefilter``) changes
no match: the shortcuts are checked against a plain search of every text, and the
facts they rest on (which characters ``\\s`` matches) are checked for every character."""

from __future__ import annotations

import re

import sys
import warnings
from functools import cache

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.checks import pattern
from ccmlint.prefilter import Needs, needs
from ccmlint.prefilter import finditer as prefilter_finditer
from ccmlint.checks.words import Passages
from ccmlint.engine.context import Context
from ccmlint.facts import extract
from ccmlint.facts.model import Passage
from ccmlint.lint import Linter
from ccmlint.parse import parse
from ccmlint.source import decode
from ccmlint.timelimit import SearchTimer
from ccmlint.schema import validate
from tests.conftest import REPO, sample_reports

BUNDLED = [
    (rule.params.pattern, rule.params.ignore_case)
    for rule in Linter.create().rules
    if rule.params.kind == "pattern"
] + [(rule.params.unless, False) for rule in Linter.create().rules if rule.params.kind == "pattern" and rule.params.unless]

# Patterns that exercise each shortcut and each refusal: anchors at either end,
# look-arounds, groups referred back to, alternatives that may be empty, case.
TRICKY = [
    r"(a|a)*b",
    r"x",
    r"\t",
    r"ab$",
    r"a\Z",
    r"\S(?=\s*$)",
    r"[^a]+$",
    r"(?<=a)b",
    r"\bTBC\b",
    r"(X)\1",
    r"\d+(?=\s*\Z)",
    r"(?:19|20)\d\d",
    r"[Jj]an(?:uary)?",
    r"k",
    r"s+",
    r" {2,}",
    r"a{2,3}b",
    r"(?>ab|a)c",
    r"ab|",
    r"(?=ab)a",
    r"(?!x)a",
    r"^T",
    r"\n",
    r"(?i)abc",
    r"[[:alpha:]]x",
    r"(?:ab){e<=1}",
    r"a(?#note)b",
    r"\w+(?=[.;]\s*$)",
    r"(?P<day>\d\d?)[–-](?P=day)",
]
CASES = [*BUNDLED, *((p, False) for p in TRICKY), *((p, True) for p in TRICKY)]
ALPHABET = "aAbBkKsSxX19 20.,;:-–—\t\n()[]TBCDJanuary Septemberst of”’\"?!…/İıſK\u2028\u00a0"


def _plain(source: str, ignore_case: bool, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    compiled = regex.compile(source, regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0))
    return [(match.span(), match.groupdict()) for match in compiled.finditer(text)]


def _searched(search: pattern.Search, text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    if not search.needs.may_match(text):
        return []
    return [(match.span(), match.groupdict()) for match in search.compiled.finditer(text, search.needs.start(text))]


@cache
def _search(source: str, ignore_case: bool) -> pattern.Search:
    return pattern.Search.of(source, ignore_case)


@cache
def _sample_texts() -> list[str]:
    texts: list[str] = []
    for path in [*sample_reports(), *sorted((REPO / "examples").glob("*.txt"))]:
        source = decode(path.read_bytes(), str(path))
        texts.extend(passage.text for passage in extract(parse(source)).passages)
    return texts


@pytest.mark.parametrize(("source", "ignore_case"), [*BUNDLED, *((p, False) for p in TRICKY), *((p, True) for p in TRICKY)])
def test_the_shortcuts_find_what_a_plain_search_finds(source: str, ignore_case: bool) -> None:
    search = _search(source, ignore_case)
    for text in _sample_texts():
        assert _searched(search, text) == _plain(source, ignore_case, text), text


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_the_shortcuts_hold_on_any_text(text: str) -> None:
    for source, ignore_case in CASES:
        assert _searched(_search(source, ignore_case), text) == _plain(source, ignore_case, text), (source, ignore_case)


def test_what_is_read_from_a_pattern() -> None:
    months = needs(r"\b(?:January|March) (?P<day>\d\d?), (?:19|20)\d\d\b")
    assert months.needles == ((("January", "March"), (", 19", ", 20")),)
    assert months.first == r"[\u004a\u004d]"
    assert needs(r"(?<=\S) {2,}(?=\S)").needles == ((("  ",),),)
    assert needs(r"(?<![.;])\w(?=\s*$)").tail == 1
    assert needs(r"\t").exact == ("\t",)
    assert needs(r"ab|cd").needles == ((("ab",),), (("cd",),))


@pytest.mark.parametrize(
    "source",
    [
        r"[[:alpha:]]x",  # a POSIX class to regex, characters to Python's parser
        r"[a[: digit:]]",
        r"(?:ab){e<=1}",  # fuzzy matching to regex, a literal brace to Python's parser
        r"(?i)abc",  # an inline flag
        r"(?s:a.)b",  # a scoped flag
        r"\p{L}x",  # regex syntax Python's parser refuses
    ],
)
def test_what_the_parsers_might_read_apart_gets_no_shortcut(source: str) -> None:
    assert needs(source) == Needs()


def test_a_pattern_that_can_match_nothing_has_no_first_character() -> None:
    assert needs(r"a*").first is None
    assert needs(r"ab|").needles is None


def test_rstrip_strips_every_character_the_engine_calls_space() -> None:
    """``Needs.start`` takes ``len(text.rstrip())`` as the end of the last non-space."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1))
    assert all(character.isspace() for character in regex.findall(r"\s", every))


def test_passages_without_the_needles_are_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Meeting opened on 3 May 2030.\nIt adopted its agenda.\nIt closed on 5 May.\n"
    facts = extract(parse(decode(text.encode())))
    searched: list[str] = []
    real = pattern._matches

    def counting(search: pattern.Search, passage_text: str, timer: SearchTimer) -> list[regex.Match[str]]:
        searched.append(passage_text)
        return real(search, passage_text, timer)

    monkeypatch.setattr(pattern, "_matches", counting)
    params = validate(pattern.Params, dict(kind="pattern", pattern=r"\b(?P<day>\d\d?) (?:May|June) (?:19|20)\d\d\b"))
    assert [finding.values["match"] for finding in pattern.check(params, facts, Context())] == ["3 May 2030"]
    assert searched == ["The Meeting opened on 3 May 2030."]


@cache
def _sample_passages() -> Passages:
    passages: list[Passage] = []
    for path in [*sample_reports(), *sorted((REPO / "examples").glob("*.txt"))]:
        passages.extend(extract(parse(decode(path.read_bytes(), str(path)))).passages)
    return Passages(passages)


@pytest.mark.parametrize(("source", "ignore_case"), CASES)
def test_the_passages_that_may_match_are_read_at_once(source: str, ignore_case: bool) -> None:
    """``Needs.holding`` over all passages says what ``may_match`` says of each."""
    passages = _sample_passages()
    needed = _search(source, ignore_case).needs
    holding = needed.holding(passages.texts, passages.holding)
    assert [holding >> index & 1 == 1 for index in range(len(passages.passages))] == [
        needed.may_match(passage.text) for passage in passages.passages
    ]


@given(st.lists(st.text(alphabet="ab\n .", max_size=6), min_size=1, max_size=8), st.text(alphabet="ab\n .", min_size=1, max_size=3))
def test_a_needle_is_found_in_the_passages_holding_it(texts: list[str], needle: str) -> None:
    passages = Passages([_passage_of(text) for text in texts])
    holding = passages.holding(needle)
    assert [holding >> index & 1 == 1 for index in range(len(texts))] == [needle in text for text in texts]


def _passage_of(text: str) -> Passage:
    # Only the text matters to the search; a passage of a real report lends the rest.
    return _sample_passages().passages[0].replace(text=text)


def _re_cases() -> list[re.Pattern[str]]:
    compiled = []
    for source, ignore_case in CASES:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "[[:alpha:]]": a regex set, which re only warns about
            try:
                compiled.append(re.compile(source, re.IGNORECASE if ignore_case else 0))
            except (re.error, FutureWarning):
                continue  # a regex-only pattern
    return compiled


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_finditer_finds_what_the_pattern_finds(text: str, start: int, length: int) -> None:
    """prefilter.finditer skips the search only where nothing could be found."""
    end = min(len(text), start + length)
    for compiled in _re_cases():
        expected = [m.span() for m in compiled.finditer(text, start, end)]
        assert [m.span() for m in prefilter_finditer(compiled, text, start, end)] == expected, compiled.pattern
        assert [m.span() for m in prefilter_finditer(compiled, text)] == [m.span() for m in compiled.finditer(text)]
