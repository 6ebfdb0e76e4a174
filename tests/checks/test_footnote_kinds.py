"""references_resolve, unique and sequence on footnote facts."""

from __future__ import annotations

import pytest
from factsbuild import fref, ftext

from ccmlint.checks import references_resolve, sequence, unique
from ccmlint.engine.context import Context
from ccmlint.facts.model import FootnoteRefFact, Footnotes, FootnoteTextFact, Facts
from ccmlint.schema import validate

REFS_RESOLVE = validate(references_resolve.Params, dict(kind="references_resolve", refs="footnotes.refs", targets="footnotes.texts", key=["number", "kind"]))
TEXTS_USED = validate(references_resolve.Params, dict(kind="references_resolve", refs="footnotes.texts", targets="footnotes.refs", key=["number", "kind"]))
UNIQUE_TEXTS = validate(unique.Params, dict(kind="unique", path="footnotes.texts", key=["number", "kind"]))
IN_ORDER = validate(sequence.Params, dict(kind="sequence", path="footnotes.refs", key="number", group="kind"))


def notes(refs: list[FootnoteRefFact], texts: list[FootnoteTextFact]) -> Facts:
    return Facts(footnotes=Footnotes(refs=refs, texts=texts))


def test_reference_without_text_both_ways() -> None:
    report = notes([fref(1, 3), fref(2, 4), fref(2, 5, "endnote")], [ftext(1, 30), ftext(3, 31), ftext(2, 32)])
    unresolved = [(f.span.line, f.values["number"], f.values["kind"]) for f in references_resolve.check(REFS_RESOLVE, report, Context())]
    assert unresolved == [(5, 2, "endnote")]
    unused = [(f.span.line, f.values["number"]) for f in references_resolve.check(TEXTS_USED, report, Context())]
    assert unused == [(31, 3)]


def test_references_with_no_targets_at_all_report_nothing() -> None:
    assert list(references_resolve.check(REFS_RESOLVE, notes([fref(1, 3)], []), Context())) == []


def test_key_fields_must_exist_on_both_sides() -> None:
    with pytest.raises(ValueError, match="items at 'footnotes.refs' have no field 'text'"):
        validate(references_resolve.Params, dict(kind="references_resolve", refs="footnotes.texts", targets="footnotes.refs", key=["text"]))


def test_duplicates_report_second_and_later_with_first_line() -> None:
    report = notes([], [ftext(2, 31), ftext(1, 30), ftext(2, 33), ftext(2, 34), ftext(2, 35, "endnote")])
    found = [(f.span.line, f.values["number"], f.values["first_line"]) for f in unique.check(UNIQUE_TEXTS, report, Context())]
    assert found == [(33, 2, 31), (34, 2, 31)]


def sequence_breaks(params: sequence.Params, refs: list[FootnoteRefFact]) -> list[tuple[int, dict[str, object]]]:
    found = sequence.check(params, notes(refs, []), Context())
    return [(f.span.line, {k: v for k, v in f.values.items() if k != "value"}) for f in found]


def test_each_break_is_reported_once_and_counting_continues() -> None:
    refs = [fref(3, 1), fref(4, 2), fref(7, 3), fref(8, 4), fref(9, 5), fref(6, 6), fref(7, 7)]
    assert sequence_breaks(IN_ORDER, refs) == [
        (3, {"number": 7, "expected": 5, "previous": 4, "kind": "footnote"}),
        (6, {"number": 6, "expected": 10, "previous": 9, "kind": "footnote"}),
    ]


def test_two_swapped_notes_are_two_findings_and_a_restart_is_one() -> None:
    swapped = [fref(n, line) for line, n in enumerate((1, 2, 3, 4, 5, 7, 6, 8, 10), start=1)]
    assert [(line, values["number"], values["expected"]) for line, values in sequence_breaks(IN_ORDER, swapped)] == [
        (6, 7, 6),
        (7, 6, 8),
        (9, 10, 9),
    ]
    restarted = [fref(n, line) for line, n in enumerate((1, 2, 3, 1, 2, 3), start=1)]
    assert [(line, values["number"]) for line, values in sequence_breaks(IN_ORDER, restarted)] == [(4, 1)]


def test_document_order_not_list_order_and_series_per_kind() -> None:
    refs = [fref(2, 5), fref(1, 4), fref(1, 6, "endnote"), fref(3, 7), fref(2, 8, "endnote")]
    assert sequence_breaks(IN_ORDER, refs) == []


def test_a_repeat_is_left_to_unique() -> None:
    assert sequence_breaks(IN_ORDER, [fref(1, 1), fref(1, 2), fref(2, 3)]) == []


def test_numeric_start_uses_the_start_message_variant() -> None:
    params = validate(sequence.Params, dict(kind="sequence", path="footnotes.refs", key="number", start=1, start_message="first is {number}"))
    found = list(sequence.check(params, notes([fref(3, 1), fref(4, 2)], []), Context()))
    assert [(f.span.line, f.values["expected"], params.variant(f)) for f in found] == [(1, 1, "start_message")]


def test_numeric_start_needs_a_start_message() -> None:
    with pytest.raises(ValueError, match="needs a 'start_message'"):
        validate(sequence.Params, dict(kind="sequence", path="footnotes.refs", key="number", start=1))


def test_sequence_key_must_be_a_whole_number() -> None:
    with pytest.raises(ValueError, match="field 'text' of the items at 'footnotes.texts' is not a whole number"):
        validate(sequence.Params, dict(kind="sequence", path="footnotes.texts", key="text"))
