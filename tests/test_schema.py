"""Records declared in pydantic's words and validated by pydantic, handed back as records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Union

import pytest

from ccmlint.record import Record
from ccmlint.schema import STRICT, AfterValidator, BeforeValidator, Field, InvalidData, field_validator, model_validator, validate

if TYPE_CHECKING:
    from pydantic import ValidationInfo


def _shouted(value: str) -> str:
    return value.upper()


def _listed(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Span(Record):
    model_config = dict(STRICT)

    first: int = Field(ge=1)
    last: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        assert isinstance(self, Span), "a whole-record check is given the record"
        if self.last < self.first:
            raise ValueError("last comes before first")
        return self


class Circle(Record):
    model_config = dict(STRICT)

    kind: Literal["circle"]
    radius: float = Field(gt=0)


class Labelled(Record):
    model_config = {**STRICT, "populate_by_name": True}

    kind: Literal["labelled"]
    name: Annotated[str, AfterValidator(_shouted)]
    tags: Annotated[list[str], BeforeValidator(_listed)] = Field(default_factory=list)
    in_: list[str] = Field(default=["body"], alias="in", min_length=1)
    spans: list[Span] = Field(default_factory=list)
    suffix: str = ""

    @field_validator("suffix")
    @classmethod
    def _suffix_after_name(cls, suffix: str, info: ValidationInfo) -> str:
        assert cls is Labelled, "a validator's cls is the record class"
        if suffix and not str(info.data.get("name", "")).endswith(suffix.upper()):
            raise ValueError(f"the name does not end in '{suffix}'")
        return suffix

    @classmethod
    def known_tags(cls) -> tuple[str, ...]:
        return ("a", "b")

    @field_validator("tags")
    @classmethod
    def _tags_known(cls, tags: list[str]) -> list[str]:
        unknown = [tag for tag in tags if tag not in cls.known_tags()]
        if unknown:
            raise ValueError(f"unknown tags {unknown}")
        return tags


Shape = Annotated[Union[Circle, Labelled], Field(discriminator="kind")]


def test_valid_data_comes_back_as_records_all_the_way_down() -> None:
    labelled = validate(Labelled, {"kind": "labelled", "name": "box", "tags": "a", "in": ["annex"], "spans": [{"first": 1, "last": 2}]})
    assert isinstance(labelled, Labelled)
    assert (labelled.name, labelled.tags, labelled.in_) == ("BOX", ["a"], ["annex"])
    assert labelled.spans == [Span(first=1, last=2)] and isinstance(labelled.spans[0], Span)
    assert validate(Labelled, {"kind": "labelled", "name": "x"}).in_ == ["body"]


def test_a_discriminated_union_picks_the_record_by_its_tag() -> None:
    shapes = validate(list[Shape], [{"kind": "circle", "radius": 2}, {"kind": "labelled", "name": "n"}])
    assert [type(shape) for shape in shapes] == [Circle, Labelled]
    with pytest.raises(InvalidData) as raised:
        validate(Shape, {"kind": "square"})
    assert raised.value.errors()[0]["type"] == "union_tag_invalid"


@pytest.mark.parametrize(
    ("data", "loc", "kind"),
    [
        ({"kind": "labelled", "name": "n", "colour": "red"}, ("colour",), "extra_forbidden"),
        ({"kind": "labelled"}, ("name",), "missing"),
        ({"kind": "labelled", "name": "n", "in": []}, ("in",), "too_short"),
        ({"kind": "labelled", "name": "n", "tags": ["z"]}, ("tags",), "value_error"),
        ({"kind": "labelled", "name": "abc", "suffix": "x"}, ("suffix",), "value_error"),
        ({"kind": "labelled", "name": "n", "spans": [{"first": 3, "last": 2}]}, ("spans", 0), "value_error"),
        ({"kind": "labelled", "name": "n", "spans": [{"first": 0, "last": 2}]}, ("spans", 0, "first"), "greater_than_equal"),
    ],
)
def test_what_is_wrong_is_reported_at_its_key(data: dict[str, object], loc: tuple[object, ...], kind: str) -> None:
    with pytest.raises(InvalidData) as raised:
        validate(Labelled, data)
    (detail,) = raised.value.errors()
    assert (tuple(detail["loc"]), detail["type"]) == (loc, kind)


def test_a_validated_record_is_frozen_and_its_cached_values_stay_out_of_equality() -> None:
    first = validate(Span, {"first": 1, "last": 2})
    with pytest.raises(AttributeError):
        first.first = 3  # type: ignore[misc]
    second = Span(first=1, last=2)
    second.__dict__["derived"] = object()  # what a cached_property keeps
    assert first == second and hash(first) == hash(second)
    assert "derived" not in second.replace(last=2).__dict__
