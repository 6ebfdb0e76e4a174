"""Fact paths: validated against the model's annotations, resolved with owners."""

from __future__ import annotations

from datetime import date

import pytest

from ccmlint.engine.factpath import FactPathError, describe, resolve, values
from ccmlint.facts.model import (
    Coordinator,
    DateFact,
    Extension,
    Facts,
    FootnoteRefFact,
    Footnotes,
    MeetingRef,
    Officers,
    Person,
    StateRef,
)
from ccmlint.span import Span


def span(line: int) -> Span:
    return Span(line * 10, line * 10 + 4, line, 1, line, 5)


@pytest.mark.parametrize(
    ("path", "leaf", "item", "owner"),
    [
        ("officers.vice_presidents", StateRef, StateRef, None),
        ("extensions.until", DateFact, Extension, Extension),
        ("footnotes.refs.number", int, FootnoteRefFact, FootnoteRefFact),
        ("coordinators.term_end", MeetingRef, Coordinator, Coordinator),
        ("officers.president.state", StateRef, None, Person),
    ],
)
def test_describe_walks_annotations(path: str, leaf: type, item: type | None, owner: type | None) -> None:
    info = describe(path)
    assert (info.leaf, info.item, info.owner, info.many) == (leaf, item, owner, item is not None)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("officers.vice_president", "officers has no field 'vice_president' (fields: president, vice_presidents, secretary_general)"),
        ("meeting.end.value.year", "'meeting.end.value' is a value and has no field 'year'"),
        ("meeting.span", "meeting has no field 'span'"),
        ("participant", "the facts has no field 'participant'"),
        ("a..b", "'a..b' is not a fact path"),
    ],
)
def test_describe_rejects_unknown_paths(path: str, message: str) -> None:
    with pytest.raises(FactPathError) as caught:
        describe(path)
    assert message in str(caught.value)


def test_resolve_maps_over_lists_and_keeps_owners() -> None:
    with_date = Extension(span=span(3), text="x", until=DateFact(span=span(4), text="1 August 2030", value=date(2030, 8, 1)))
    without = Extension(span=span(5), text="y")
    facts = Facts(extensions=[with_date, without])
    hits = resolve(facts, "extensions.until")
    assert [(hit.owner, hit.span) for hit in hits] == [(with_date, span(4))]
    missing = resolve(facts, "extensions.until", keep_missing=True)
    assert [(hit.owner, hit.value, hit.span) for hit in missing] == [(with_date, with_date.until, span(4)), (without, None, span(5))]


def test_a_missing_owner_yields_nothing_even_when_keeping_missing() -> None:
    assert resolve(Facts(), "officers.president.state", keep_missing=True) == []
    assert resolve(Facts(officers=Officers(president=Person(span=span(2), text="A"))), "officers.president.state", keep_missing=True)[0].value is None


def test_values_of_a_leaf_field() -> None:
    refs = [FootnoteRefFact(span=span(n), number=n, kind="footnote") for n in (1, 2)]
    assert values(Facts(footnotes=Footnotes(refs=refs)), "footnotes.refs.number") == [1, 2]


def test_what_describe_keeps_for_the_next_run_is_what_it_works_out() -> None:
    import pickle
    from pathlib import Path

    from ccmlint.engine import factpath
    from ccmlint.lint import Linter
    from ccmlint.source import decode

    example = Path(__file__).parents[2] / "examples" / "planted-defects.txt"
    Linter.create().lint_source(decode(example.read_bytes(), str(example)))  # describes every bundled rule's paths
    with pytest.raises(FactPathError):
        describe("officers.no_such_field")
    kept = factpath._DESCRIBED._entries()
    assert len(kept) > 20 and "officers.no_such_field" not in kept
    for path, info in kept.items():
        assert pickle.loads(pickle.dumps(info)) == factpath._describe(path) == info
