"""``WordFinder`` reads a text once for the heads of many word patterns and finds
exactly the words ``find_words`` finds searching the whole text with each; the facts
about case it rests on are checked for every character. ``ReportText`` gives the
quotations and citations ``find_verbatim`` gives."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.checks import words
from ccmlint.checks.words import ReportText, WordFinder, WordPattern, alternation, find_words, fold, word_pattern
from ccmlint.facts import extract
from ccmlint.facts.model import Passage
from ccmlint.facts.verbatim import find_verbatim
from ccmlint.lint import Linter
from ccmlint.parse import parse
from ccmlint.source import decode
from tests.conftest import REPO, sample_reports

NON_ASCII = "".join(chr(code) for code in range(0x80, sys.maxunicode + 1))


@cache
def _finders() -> list[WordFinder]:
    """The finders of the bundled word rules, and one of case-sensitive forms."""
    finders: list[WordFinder] = []
    for rule in Linter.create().rules:
        if rule.params.kind == "consistency":
            finders.append(rule.params.finder)
            finders.extend(group.exceptions for group in rule.params.groups.values() if group.exceptions is not None)
        elif rule.params.kind == "substitution":
            finders.append(rule.params.lookup[0])
    forms = ["Work plan", "co-operation", "art.", "Kilo", "ſtate", "İstanbul", "X2"]
    finders.append(WordFinder([word_pattern(alternation(forms), forms), word_pattern("k(?:ilo)?", ["k"], flags=re.IGNORECASE)]))
    return finders


def _expected(finder: WordFinder, text: str) -> list[list[tuple[int, int]]]:
    return [[match.span() for match in find_words(pattern.pattern, text)] for pattern in finder.patterns]


def _found(finder: WordFinder, text: str) -> list[list[tuple[int, int]]]:
    return [[match.span() for match in matches] for matches in finder.find(text)]


def test_the_finder_finds_what_each_search_finds_in_the_reports() -> None:
    for path in [*sample_reports(), *sorted((REPO / "examples").glob("*.txt"))]:
        text = "\n".join(passage.text for passage in extract(parse(decode(path.read_bytes(), str(path)))).passages)
        for finder in _finders():
            assert _found(finder, text) == _expected(finder, text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["organisation", "Organization", "ORGANISING", "work plan", "workplan", "co-operation", "Co-ordinator",
             "State Party", "States parties", "art.5", "Article 4", "rules 3", "fulfill", "Appraised of", "programme",
             "non-", "-", " ", "  ", "\n", "(", "“", "/", "é", "İ", "ı", "ſ", "\u212a", "K", "x", "1", "_", ".", ","]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_finder_finds_what_each_search_finds_in_any_text(text: str) -> None:
    for finder in _finders():
        assert _found(finder, text) == _expected(finder, text)


def test_lower_casing_stands_in_for_ignoring_case_only_without_four_characters() -> None:
    # The characters besides ASCII letters that re, ignoring case, matches to ASCII:
    assert set(re.findall(r"[\x00-\x7f]", NON_ASCII, re.IGNORECASE)) == set(words._FOLD_UNSAFE)
    # and no other character lower-cases to anything ASCII.
    assert {character for character in NON_ASCII if any(c.isascii() for c in character.lower())} <= set(words._FOLD_UNSAFE)
    assert fold("Organisation") == "organisation"
    assert fold("Organiſation") is None


@dataclass
class _Counting:
    """A compiled pattern that counts where it is tried."""

    pattern: re.Pattern[str]
    tried: int = 0

    def match(self, text: str, position: int) -> re.Match[str] | None:
        self.tried += 1
        return self.pattern.match(text, position)


def test_a_pattern_is_tried_only_where_its_words_can_begin() -> None:
    real = word_pattern("program(?:me)?s?", ["program"], flags=re.IGNORECASE)
    counting = _Counting(real.pattern)
    finder = WordFinder([WordPattern(counting, real.heads)])  # type: ignore[arg-type]
    text = "The programme and its programs; " * 50 + "a reprogramming. " * 50
    assert [len(found) for found in finder.find(text)] == [100]
    assert counting.tried == 100  # not once per character, nor inside "reprogramming"


def _passage(text: str) -> Passage:
    return extract(parse(decode(("The Meeting noted " + text + "\n").encode()))).passages[0]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["word ", "Word", "“quoted”", "“", "”", '"', "CCM/MSP/2024/1", "/", "C.N.12.2024.TREATIES-XXVI.6",
                         "https://example.org/a.", "www.un.org", " ", ", ", "-"]),
        min_size=1,
        max_size=12,
    ).map("".join)
)
def test_the_report_text_finds_what_find_verbatim_finds(text: str) -> None:
    """``ReportText.verbatim`` skips the search where no quotation or citation can be."""
    passage = _passage(text)
    assert ReportText().verbatim(passage) == find_verbatim(passage.text)


def test_the_report_text_finds_what_find_verbatim_finds_in_the_reports() -> None:
    for path in [*sample_reports(), *sorted((REPO / "examples").glob("*.txt"))]:
        report = ReportText()
        for passage in extract(parse(decode(path.read_bytes(), str(path)))).passages:
            assert report.verbatim(passage) == find_verbatim(passage.text)
