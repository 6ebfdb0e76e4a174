"""Records, the shape of every fact, node and finding: typed fields, immutable, plain data out."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from ccmlint.facts.model import DateFact, Extension, Facts, Passage, StateRef
from ccmlint.record import FrozenRecordError, Record, field, field_names, field_types, field_values, to_data
from ccmlint.span import Span
from tests.facts.conftest import make_prose

SPAN = Span(0, 4, 1, 1, 1, 5)


class Sample(Record):
    name: str
    count: int = 0
    tags: list[str] = field(default_factory=list)
    hidden: str | None = field(default=None, exclude=True)


class Child(Sample):
    extra: bool = False


def test_fields_take_defaults_and_factories() -> None:
    first, second = Sample(name="a"), Sample(name="b")
    assert (first.name, first.count, first.tags, first.hidden) == ("a", 0, [], None)
    assert first.tags is not second.tags


def test_a_missing_or_unknown_field_is_an_error() -> None:
    with pytest.raises(TypeError, match="'name' is required"):
        Sample()
    with pytest.raises(TypeError, match="no field 'colour'"):
        Sample(name="a", colour="red")


def test_records_are_immutable() -> None:
    sample = Sample(name="a")
    with pytest.raises(FrozenRecordError):
        sample.name = "b"  # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del sample.name


def test_records_compare_by_type_and_values() -> None:
    assert Sample(name="a", count=1) == Sample(name="a", count=1)
    assert Sample(name="a") != Sample(name="b")
    assert Sample(name="a") != Child(name="a")
    assert hash(StateRef(span=SPAN, text="Peru")) == hash(StateRef(span=SPAN, text="Peru"))
    with pytest.raises(TypeError):
        hash(Sample(name="a"))  # a list field is unhashable, as in a frozen dataclass


def test_replace_changes_only_what_it_names() -> None:
    sample = Sample(name="a", count=2)
    changed = sample.replace(count=3)
    assert (changed.name, changed.count, sample.count) == ("a", 3, 2)
    with pytest.raises(TypeError, match="no field colour"):
        sample.replace(colour="red")


def test_subclasses_inherit_fields_in_order() -> None:
    assert field_names(Child, skip=()) == ["name", "count", "tags", "hidden", "extra"]
    assert field_names(Extension) == ["text", "state", "years", "until"]


def test_field_types_are_the_evaluated_annotations() -> None:
    types = field_types(Extension)
    assert types["state"] == StateRef | None
    assert types["until"] == DateFact | None
    assert field_types(Facts)["extensions"] == list[Extension]


def test_field_values_leave_the_span_out() -> None:
    ref = StateRef(span=SPAN, text="Peru", state="Peru")
    assert field_values(ref) == {"text": "Peru", "state": "Peru"}


def test_plain_data_view() -> None:
    until = DateFact(span=SPAN, text="1 May 2030", value=date(2030, 5, 1))
    extension = Extension(span=SPAN, text="x", years=2, until=until)
    assert to_data(extension) == {
        "span": {"start": 0, "end": 4, "line": 1, "column": 1, "end_line": 1, "end_column": 5},
        "text": "x",
        "state": None,
        "years": 2,
        "until": {"span": to_data(SPAN), "text": "1 May 2030", "value": "2030-05-01"},
    }
    assert "hidden" not in to_data(Sample(name="a", hidden="secret"))  # type: ignore[operator]
    assert "passages" not in to_data(Facts())  # type: ignore[operator]
    prose = make_prose("Some words.")
    assert to_data(Passage(span=prose.span(), kind="paragraph", text="Some words.", prose=prose)) == {
        "span": to_data(prose.span()), "kind": "paragraph", "text": "Some words."
    }


def test_records_survive_pickling() -> None:
    facts = Facts(extensions=[Extension(span=SPAN, text="x", years=2)])
    again = pickle.loads(pickle.dumps(facts))
    assert again == facts
    with pytest.raises(FrozenRecordError):
        again.extensions = []  # type: ignore[misc]


class Located(Record):
    text: str
    start: int = 0
    index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)


def test_fields_may_be_given_in_declared_order() -> None:
    assert Located("a", 3) == Located(text="a", start=3) == Located("a", start=3)
    with pytest.raises(TypeError, match="given twice"):
        Located("a", text="b")
    with pytest.raises(TypeError, match="takes 3 fields"):
        Located("a", 1, {}, 4)


def test_a_field_left_out_of_comparison_changes_neither_equality_nor_hash_nor_repr() -> None:
    first, second = Located("a", index={"x": 1}), Located("a")
    assert first == second and hash(first) == hash(second)
    assert repr(first) == "Located(text='a', start=0)"
    assert pickle.loads(pickle.dumps(first)).index == {"x": 1}
