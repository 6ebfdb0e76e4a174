"""Fingerprints survive what editing does to a draft, and change when the flagged sentence does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.fingerprints import with_fingerprints
from ccmlint.lint import Linter
from ccmlint.source import decode
from tests.reports import SMALL_REPORT

REPORT = SMALL_REPORT


def finding(text: str, needle: str, occurrence: int = 1, rule: str = "some-rule") -> Diagnostic:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    source = decode(text.encode(), "r.txt")
    return Diagnostic("r.txt", rule, Severity.WARNING, "m", source.span(start, start + len(needle)))


def fingerprint(text: str, needle: str, occurrence: int = 1) -> str:
    stamped = with_fingerprints(text, [finding(text, needle, occurrence)])
    assert stamped[0].fingerprint is not None
    return stamped[0].fingerprint


def linted(text: str) -> dict[str, str | None]:
    diagnostics = Linter.create().lint_source(decode(text.encode(), "r.txt"))
    return {d.rule: d.fingerprint for d in diagnostics}


SENTENCE = "Earlier text. The Meeting elected Chile and Mexico as Vice-Presidents. Later text.\n"


def test_the_form_is_hex_and_occurrence() -> None:
    assert fingerprint(SENTENCE, "Mexico").endswith(":1") and len(fingerprint(SENTENCE, "Mexico")) == 18


def test_rewrapping_and_reindenting_change_nothing() -> None:
    rewrapped = "Earlier text. The Meeting elected Chile\n    and\tMexico as\nVice-Presidents.  Later\ntext.\n"
    assert fingerprint(rewrapped, "Mexico") == fingerprint(SENTENCE, "Mexico")


def test_paragraphs_inserted_before_and_after_change_nothing() -> None:
    edited = "A new opening paragraph.\n\nAnother one; with more.\n" + SENTENCE + "A closing paragraph.\n"
    assert fingerprint(edited, "Mexico") == fingerprint(SENTENCE, "Mexico")


def test_other_sentences_of_the_paragraph_may_change() -> None:
    edited = "Earlier text, now quite different. The Meeting elected Chile and Mexico as Vice-Presidents. New end.\n"
    assert fingerprint(edited, "Mexico") == fingerprint(SENTENCE, "Mexico")


def test_editing_the_flagged_sentence_or_words_changes_it() -> None:
    assert fingerprint(SENTENCE.replace("elected", "chose"), "Mexico") != fingerprint(SENTENCE, "Mexico")
    assert fingerprint(SENTENCE.replace("Mexico", "Peru"), "Peru") != fingerprint(SENTENCE, "Mexico")


def test_identical_findings_get_their_own_occurrence() -> None:
    twice = SENTENCE + SENTENCE
    text = twice
    stamped = with_fingerprints(text, [finding(text, "Mexico", 1), finding(text, "Mexico", 2)])
    first, second = (d.fingerprint or "" for d in stamped)
    assert first.split(":")[0] == second.split(":")[0]
    assert (first[-2:], second[-2:]) == (":1", ":2")


def test_the_rule_is_part_of_it() -> None:
    a = with_fingerprints(SENTENCE, [finding(SENTENCE, "Mexico", rule="a")])[0].fingerprint
    b = with_fingerprints(SENTENCE, [finding(SENTENCE, "Mexico", rule="b")])[0].fingerprint
    assert a != b


def test_real_findings_survive_inserted_paragraphs_and_spacing() -> None:
    before = linted(REPORT)
    edited = REPORT.replace(
        "The following States Parties",
        "The Meeting was opened by the President.\nA minute of silence was observed.\nThe following  States Parties",
    ).replace("elected Chile and", "elected\tChile  and")
    after = linted(edited)
    assert before.keys() == {"vice-president-not-participant", "footnote-reference-without-text"}
    # (the doubled space may bring a finding of its own; the two old ones keep theirs)
    assert before == {rule: after[rule] for rule in before}


@settings(deadline=None, max_examples=200)
@given(
    prefix=st.text(alphabet=st.sampled_from("ab .;\n\t"), max_size=40),
    spacing=st.lists(st.sampled_from([" ", "\n", "\t", "  ", " \n "]), min_size=8, max_size=8),
)
def test_whitespace_inside_the_sentence_never_matters(prefix: str, spacing: list[str]) -> None:
    words = ["The", "Meeting", "elected", "Chile", "and", "Mexico", "as", "Vice-Presidents."]
    base = "Start. " + " ".join(words) + " End.\n"
    spaced = prefix + "\n\nStart. " + "".join(word + gap for word, gap in zip(words, spacing)) + "End.\n"
    assert fingerprint(spaced, "Mexico") == fingerprint(base, "Mexico")
